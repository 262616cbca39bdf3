/**
 * Writes a static redirect page for every replaced permalink once Astro has built the site, so
 * that old citations keep working on any host (no server rules needed). The old id's JSON gets
 * a copy of its replacement's JSON for the same reason. The pages are written after Astro's
 * own, so they stay out of the sitemap.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../lib/content/content-check.ts';
import { createPaths } from '../lib/site/paths.ts';
import { listRedirects, redirectPageHtml, type Redirect } from '../lib/content/permalinks.ts';
import type { ContentReader } from './content-files.ts';

/** Options: the build's content reader, whose `permalinks.yaml` lists the redirects. */
export interface RedirectsOptions {
  content: ContentReader;
}

/** The registry's redirects, with the title of each target entry as its schema gives it. */
export function redirectsOf(content: Pick<CheckedContent, 'entries' | 'permalinks'>): (Redirect & { title: string })[] {
  const titles = new Map(content.entries.map((e) => [e.id, e.data.title]));
  return listRedirects(content.permalinks.redirects).map((r) => ({ ...r, title: titles.get(r.to) ?? r.to }));
}

/** Emits `/entries/<old>/index.html` and `/entries/<old>.json` in `astro:build:done`. */
export function entryRedirects(options: RedirectsOptions): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  return {
    name: 'tl:entry-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const paths = createPaths(base, site);
        const redirects = redirectsOf(options.content.read().content);
        for (const { from, to, title } of redirects) {
          const page = join(out, 'entries', from, 'index.html');
          mkdirSync(join(out, 'entries', from), { recursive: true });
          const targetPath = paths.entry(to);
          writeFileSync(page, redirectPageHtml({ from, to, targetPath, targetUrl: paths.absolute(targetPath), targetTitle: title }));
          const json = join(out, 'entries', `${to}.json`);
          if (existsSync(json)) copyFileSync(json, join(out, 'entries', `${from}.json`));
        }
        if (redirects.length > 0) logger.info(`wrote ${redirects.length} redirect page${redirects.length === 1 ? '' : 's'}`);
      },
    },
  };
}

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
import { createPaths } from '../lib/paths.ts';
import { listRedirects, redirectPageHtml, type Redirect } from '../lib/permalinks.ts';
import { permalinksSchema } from '../schemas/permalinks.ts';
import { readContentTreeOnce } from './content-files.ts';

/** Options: the content folder whose `permalinks.yaml` lists the redirects. */
export interface RedirectsOptions {
  contentDir: URL;
}

/** The registry's redirects and the title of each target entry, read from a content tree. */
export function readRedirects(contentDir: URL): { redirects: Redirect[]; titles: Map<string, string> } {
  const { raw } = readContentTreeOnce(fileURLToPath(contentDir));
  const registry = permalinksSchema.safeParse(raw.permalinks?.data ?? {});
  // The content check has already reported a malformed registry and stopped the build.
  const redirects = registry.success ? listRedirects(registry.data.redirects) : [];
  const titles = new Map<string, string>();
  for (const entry of raw.entries) {
    const title = (entry.data as { title?: unknown }).title;
    if (typeof title === 'string') titles.set(entry.id, title.trim().replace(/\s+/g, ' '));
  }
  return { redirects, titles };
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
        const { redirects, titles } = readRedirects(options.contentDir);
        for (const { from, to } of redirects) {
          const page = join(out, 'entries', from, 'index.html');
          mkdirSync(join(out, 'entries', from), { recursive: true });
          const targetPath = paths.entry(to);
          writeFileSync(page, redirectPageHtml({ from, to, targetPath, targetUrl: paths.absolute(targetPath), targetTitle: titles.get(to) ?? to }));
          const json = join(out, 'entries', `${to}.json`);
          if (existsSync(json)) copyFileSync(json, join(out, 'entries', `${from}.json`));
        }
        if (redirects.length > 0) logger.info(`wrote ${redirects.length} redirect page${redirects.length === 1 ? '' : 's'}`);
      },
    },
  };
}

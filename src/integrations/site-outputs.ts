/**
 * The files a static host reads beside the pages, written at the end of the build from the
 * site's own published data, so that they say exactly what the site says: `/entries/<id>.json`
 * (each entry's item of `/data/entries.json`), the page at each entry's current version
 * (`/entries/<id>/v/<n>/`, which leads to the entry page), a static redirect page and JSON copy for every
 * replaced permalink (`/data/permalinks.json`), `_headers` and `_redirects`. Nothing here reads
 * the content: the pages and data files are the one output of the one content pipeline, and these
 * are derived from them. The sitemap's `lastmod` dates come from the same data.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentVersionPageHtml, lastModifiedByUrl, listRedirects, redirectPageHtml } from '../lib/content/permalinks.ts';
import { versionsOf } from '../lib/content/versions.ts';
import { formatHeaders, formatRedirects } from '../lib/outputs/headers.ts';
import { securityHeaders } from '../lib/outputs/security.ts';
import { createPaths } from '../lib/site/paths.ts';

/** The parts of `/data/entries.json` these files need. */
interface PublishedEntry {
  id: string;
  title: string;
  published: string;
  updated: string;
  /** The corrections that made the versions after the first. */
  corrections: readonly { date: string; note: string }[];
}

/** The parts of `/data/permalinks.json` these files need. */
interface PublishedPermalinks {
  redirects: Record<string, string>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/**
 * The sitemap's options, bound to the output folder: each entry page's `lastmod` is the day it
 * last changed in substance, from `/data/entries.json`; single versions of entries and measures
 * (`/entries/<id>/v/<n>/`, `/measures/<id>/v/<n>/`) stay out, so that search engines find the
 * current page.
 */
export function sitemapOptions(options: { outDir: string; base: string; site: string }): NonNullable<SitemapOptions> {
  const paths = createPaths(options.base, options.site);
  let lastmod: Map<string, string> | undefined;
  const lastModified = () => {
    lastmod ??= lastModifiedByUrl(readJson<{ entries: PublishedEntry[] }>(join(options.outDir, 'data', 'entries.json')).entries, (id) => paths.absolute(paths.entry(id)));
    return lastmod;
  };
  return {
    filter: (page) => !/\/(?:entries|measures)\/[^/]+\/v\/\d+\/$/.test(new URL(page).pathname),
    serialize(item) {
      const day = lastModified().get(item.url);
      return day ? { ...item, lastmod: day } : item;
    },
  };
}

/** Writes the derived files in `astro:build:done`; list it before the sitemap, which reads the same data. */
export function siteOutputs(): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  return {
    name: 'tl:site-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const paths = createPaths(base, site);
        const { entries } = readJson<{ entries: (PublishedEntry & Record<string, unknown>)[] }>(join(out, 'data', 'entries.json'));
        // Written one after another, synchronously: with 16 writes in flight through Node's thread
        // pool, 1,000 entries' 2,000 files took about 0.4 s of CPU and 0.25 s against 0.2 s of each
        // written in turn (a file written is a copy into the page cache, not a wait on the disk).
        for (const entry of entries) {
          writeFileSync(join(out, 'entries', `${entry.id}.json`), `${JSON.stringify(entry, null, 2)}\n`);
          // The current version's address: its text is the entry page's (earlier versions are pages
          // of their own, src/pages/entries/[id]/v/[n].astro).
          const current = versionsOf(entry).at(-1)!;
          const folder = join(out, 'entries', entry.id, 'v', String(current.n));
          if (existsSync(join(folder, 'index.html'))) throw new Error(`entry ${entry.id}: version ${current.n} is current, but a page was built at its address`);
          mkdirSync(folder, { recursive: true });
          const entryPath = paths.entry(entry.id);
          writeFileSync(join(folder, 'index.html'), currentVersionPageHtml({ title: entry.title, version: current.n, date: current.date, entryPath, entryUrl: paths.absolute(entryPath) }));
        }

        const titles = new Map(entries.map((e) => [e.id, e.title]));
        const redirects = listRedirects(readJson<PublishedPermalinks>(join(out, 'data', 'permalinks.json')).redirects);
        for (const { from, to } of redirects) {
          mkdirSync(join(out, 'entries', from), { recursive: true });
          const targetPath = paths.entry(to);
          writeFileSync(join(out, 'entries', from, 'index.html'), redirectPageHtml({ from, to, targetPath, targetUrl: paths.absolute(targetPath), targetTitle: titles.get(to) ?? to }));
          const json = join(out, 'entries', `${to}.json`);
          if (existsSync(json)) copyFileSync(json, join(out, 'entries', `${from}.json`));
        }
        writeFileSync(join(out, '_headers'), formatHeaders(securityHeaders(), { base }));
        writeFileSync(join(out, '_redirects'), formatRedirects(redirects, { base }));
        logger.info(`wrote ${entries.length} entry JSON files and current-version pages, ${redirects.length} redirect page${redirects.length === 1 ? '' : 's'}, _headers and _redirects`);
      },
    },
  };
}

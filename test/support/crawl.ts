/**
 * What the crawling checks share: the pages a built site says it has (its sitemap), and a small
 * helper that works through a list a few items at a time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/g;

/** The `<loc>` values of a sitemap file, in order. */
function locations(xml: string): string[] {
  return [...xml.matchAll(LOC)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/**
 * Every page URL the built sitemap lists (`sitemap-index.xml` and the sitemaps it names), as paths
 * with their query (e.g. `/entries/x/`), so a test can put them on its own server's origin.
 * The sitemap's own URLs use SITE_URL, which is not where the tests serve the site.
 */
export function sitemapPaths(distDir: string, base = '/'): string[] {
  const fileOf = (url: string) => {
    const path = new URL(url).pathname;
    return join(distDir, path.startsWith(base) ? path.slice(base.length) : path);
  };
  const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
  const pages = locations(index).flatMap((sitemap) => locations(readFileSync(fileOf(sitemap), 'utf8')));
  if (pages.length === 0) throw new Error(`The sitemap in ${distDir} lists no page.`);
  return pages.map((url) => {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  });
}

/** Whether a built file is a page that sends its reader elsewhere at once (a meta refresh). */
function leadsElsewhere(file: string): boolean {
  return /<meta http-equiv="refresh"/.test(readFileSync(file, 'utf8'));
}

/**
 * The pages of single versions (`/entries/<id>/v/<n>/`, `/measures/<id>/v/<n>/`), which the
 * sitemap leaves out on purpose, found in the output folder, so the crawling checks cover them too.
 * An entry's current version is no page of its own but leads to the entry page
 * ({@link currentVersionAddresses}).
 */
export function versionPaths(distDir: string, base = '/'): string[] {
  return versionFiles(distDir, base)
    .filter((v) => !leadsElsewhere(v.file))
    .map((v) => v.path);
}

/** The addresses of entries' current versions: static pages that lead to the entry page. */
export function currentVersionAddresses(distDir: string, base = '/'): string[] {
  return versionFiles(distDir, base)
    .filter((v) => leadsElsewhere(v.file))
    .map((v) => v.path);
}

function versionFiles(distDir: string, base: string): { path: string; file: string }[] {
  return ['entries', 'measures']
    .flatMap((kind) => {
      const folder = join(distDir, kind);
      if (!existsSync(folder)) return [];
      return readdirSync(folder, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'v')))
        .flatMap((d) =>
          readdirSync(join(folder, d.name, 'v'))
            .filter((n) => existsSync(join(folder, d.name, 'v', n, 'index.html')))
            .map((n) => ({ path: `${base}${kind}/${d.name}/v/${n}/`, file: join(folder, d.name, 'v', n, 'index.html') })),
        );
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The version pages worth a full audit: every earlier version of an entry or a measure (with its
 * "not the current version" banner) and one current measure version; the other current measure
 * versions repeat the measure pages.
 */
export function versionPathsToAudit(distDir: string, base = '/'): string[] {
  const all = versionPaths(distDir, base);
  const entries = all.filter((p) => p.startsWith(`${base}entries/`));
  const byMeasure = new Map<string, string[]>();
  for (const path of all.filter((p) => p.startsWith(`${base}measures/`))) {
    const id = path.split('/').at(-4)!;
    byMeasure.set(id, [...(byMeasure.get(id) ?? []), path]);
  }
  const number = (p: string) => Number(p.split('/').at(-2));
  const lists = [...byMeasure.values()].map((list) => list.sort((a, b) => number(a) - number(b)));
  return [...entries, ...lists.flatMap((list) => list.slice(0, -1)), ...lists.slice(0, 1).map((list) => list.at(-1)!)].sort();
}

/** The kinds of page the site has, each recognised by its path. */
export const PAGE_TYPES: readonly { type: string; pattern: RegExp }[] = [
  { type: 'timeline', pattern: /^\/$/ },
  { type: 'entry', pattern: /^\/entries\/[^/]+\/$/ },
  { type: 'version', pattern: /^\/entries\/[^/]+\/v\/\d+\/$/ },
  { type: 'measure version', pattern: /^\/measures\/[^/]+\/v\/\d+\/$/ },
  { type: 'vendor', pattern: /^\/vendors\/[^/]+\/$/ },
  { type: 'year', pattern: /^\/years\/\d{4}\/$/ },
  { type: 'sources', pattern: /^\/sources\/$/ },
  { type: 'search', pattern: /^\/search\/$/ },
];

/** The first sitemap path of each page type, by type; a type with no page is absent. */
export function pageOfEachType(paths: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const { type, pattern } of PAGE_TYPES) {
    const path = paths.find((p) => pattern.test(p));
    if (path) found.set(type, path);
  }
  return found;
}

/**
 * Runs `work` over `items` with at most `limit` at a time and returns the results in the
 * items' order. The first failure rejects the whole run.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}

/**
 * Visits `items` with `count` browser tabs of one context, each tab reused from item to item
 * (opening a tab costs more than loading a static page), and returns the results in order.
 */
export async function withTabs<T, R>(context: BrowserContext, count: number, items: readonly T[], work: (page: Page, item: T) => Promise<R>): Promise<R[]> {
  const tabs = await Promise.all(Array.from({ length: Math.max(1, Math.min(count, items.length)) }, () => context.newPage()));
  const free = [...tabs];
  try {
    return await mapLimit(items, tabs.length, async (item) => {
      const page = free.pop()!;
      try {
        return await work(page, item);
      } finally {
        free.push(page);
      }
    });
  } finally {
    await Promise.all(tabs.map((t) => t.close()));
  }
}

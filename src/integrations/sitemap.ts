/**
 * Options for `@astrojs/sitemap`: each entry page's `lastmod` is the day the entry last changed
 * in substance (`updated`, else `published`), read from the content tree. The pages of single
 * versions (`/entries/<id>/v/<n>/`) stay out: search engines should find the current entry.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { createPaths } from '../lib/paths.ts';
import { lastModifiedByUrl } from '../lib/permalinks.ts';
import { readContentTreeOnce } from './content-files.ts';

const asDay = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;

/** The sitemap options for a content tree, base path and site URL. */
export function sitemapOptions(options: { contentDir: URL; base: string; site: string }): SitemapOptions {
  const { raw } = readContentTreeOnce(fileURLToPath(options.contentDir));
  const paths = createPaths(options.base, options.site);
  const dated = raw.entries.flatMap((e) => {
    const data = e.data as { published?: unknown; updated?: unknown };
    const published = asDay(data.published);
    return published ? [{ id: e.id, published, updated: asDay(data.updated) }] : [];
  });
  const lastmod = lastModifiedByUrl(dated, (id) => paths.absolute(paths.entry(id)));
  return {
    filter: (page) => !/\/entries\/[^/]+\/v\/\d+\/$/.test(new URL(page).pathname),
    serialize(item) {
      const day = lastmod.get(item.url);
      return day ? { ...item, lastmod: day } : item;
    },
  };
}

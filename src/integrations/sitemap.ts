/**
 * Options for `@astrojs/sitemap`: each entry page's `lastmod` is the day the entry last changed
 * in substance (`updated`, else `published`), taken from the checked content. The pages of single
 * versions (`/entries/<id>/v/<n>/`) stay out: search engines should find the current entry.
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { createPaths } from '../lib/site/paths.ts';
import { lastModifiedByUrl } from '../lib/content/permalinks.ts';
import type { ContentReader } from './content-files.ts';

/**
 * The sitemap options for a content tree, base path and site URL. The dates are looked up when
 * the sitemap is written, at the end of the build, from the tree the content check read.
 */
export function sitemapOptions(options: { content: ContentReader; base: string; site: string }): NonNullable<SitemapOptions> {
  const paths = createPaths(options.base, options.site);
  let lastmod: Map<string, string> | undefined;
  const lastModified = () => {
    lastmod ??= lastModifiedByUrl(
      options.content.read().content.entries.map(({ id, data }) => ({ id, published: data.published, updated: data.updated })),
      (id) => paths.absolute(paths.entry(id)),
    );
    return lastmod;
  };
  return {
    filter: (page) => !/\/entries\/[^/]+\/v\/\d+\/$/.test(new URL(page).pathname),
    serialize(item) {
      const day = lastModified().get(item.url);
      return day ? { ...item, lastmod: day } : item;
    },
  };
}

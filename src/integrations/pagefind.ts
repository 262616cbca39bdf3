/**
 * Indexes the built site with Pagefind's Node API: the second step of `npm run build`
 * (`scripts/index-site.ts`), run once `astro build` has written the pages and exited, so that the
 * build always ships a search index that matches its pages. Any Pagefind error fails the build.
 *
 * It runs in a process of its own, not in Astro's `astro:build:done`, because Pagefind's service
 * would then work beside an Astro process still holding its build in memory: at 5,000 entries the
 * two together peaked above 3.5 GB, where each alone stays well under 3 GB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex, type PagefindIndex, type PagefindServiceConfig } from 'pagefind';

/**
 * How many word positions Pagefind puts in one index chunk (Pagefind's default is 20,000). A query
 * fetches the chunks that hold its words, so smaller chunks mean fewer bytes for a first search: on
 * the real site a one-word query fetches about 1.5 kB of index instead of 26 kB, and at 1,000 entries
 * a two-word query 16 kB instead of 41 kB, at the price of a slightly larger list of chunks. Pagefind
 * 1.6 reads it from the `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` variable of the process that runs its
 * service; a build test (`test/build/pages.test.ts`) fails if a Pagefind upgrade stops honouring it.
 * 400 rather than 1,000 since the site grew to 42 entries with aliases and synonyms: a two-word query
 * then fetched 100.3 kB in all at 1,000 and 95.2 kB at 400 (`test/e2e/first-search.test.ts`).
 */
export const INDEX_CHUNK_SIZE = 400;

/**
 * The most fragment files (one result's title, excerpt and data each) Pagefind writes; past it,
 * Pagefind 1.6 bundles several pages' fragments into one file (`maxFragments`). One file per page
 * would make the search index alone 5,266 of the site's files at 5,000 entries, where a common
 * static host takes at most 20,000 per deployment; at 2,000 it writes about 1,760 files of three
 * pages each (about 2.2 kB), so a result costs a little more on a record that large and nothing
 * below 2,000 indexed pages, where every page keeps its own file.
 */
export const MAX_FRAGMENT_FILES = 2000;

/**
 * The pages that carry `data-pagefind-body` (entry, vendor, jurisdiction and measure pages), as a glob of
 * Pagefind's and as a test of a path relative to the output folder. Pagefind leaves every other
 * page out of the index anyway, but it would read and parse each of them first: at 1,000 entries
 * that is more than half the pages (versions, browse pages, feeds' pages) and half its time.
 */
export const INDEXED_PAGES = { glob: '{entries,vendors,jurisdictions,measures}/*/index.html', test: (path: string) => /^(?:entries|vendors|jurisdictions|measures)\/[^/]+\/index\.html$/.test(path) };

/**
 * Where Pagefind reads each indexed page: the element that carries `data-pagefind-body`, and
 * nothing around it (head, header, cite boxes, footer: most of an entry page's HTML, which
 * Pagefind otherwise walks to find that element). Every search attribute of an indexed page
 * (meta, filters, sort, weights) lies inside it, so the index is byte for byte the one a walk of
 * the whole page writes (`test/build/pagefind-root.test.ts`); at 1,000 entries it is about a tenth
 * of the index step.
 */
export const ROOT_SELECTOR = '[data-pagefind-body]';

/** Pages of single versions (`entries/<id>/v/<n>/`), which stay out of the index by design. */
const VERSION_PAGE = /^entries\/[^/]+\/v\/\d+\/index\.html$/;

/**
 * The HTML pages outside {@link INDEXED_PAGES} that ask to be indexed: a page type that gained
 * `data-pagefind-body` without being added to the glob would silently drop out of search.
 * Version pages, most of the pages outside the glob, are not read: they must stay out anyway.
 * A page type is a matter of the code, not of the content, so the build tests check this on the
 * real build (`test/build/pages.test.ts`) and the build does not read every page again for it.
 */
export function pagesMissedByGlob(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/') && !INDEXED_PAGES.test(path) && !VERSION_PAGE.test(path))
    .filter((path) => readFileSync(join(outDir, path), 'utf8').includes('data-pagefind-body'))
    .sort();
}

/** Pagefind's options for the site's index. */
export const INDEX_OPTIONS = { maxFragments: MAX_FRAGMENT_FILES, rootSelector: ROOT_SELECTOR } as const satisfies PagefindServiceConfig;

/**
 * Starts a Pagefind index with `options` (the site's own unless a test compares others) and the
 * site's chunk size, which Pagefind's service reads from the environment. Throws when Pagefind
 * cannot start.
 */
export async function createSiteIndex(options: Readonly<PagefindServiceConfig> = INDEX_OPTIONS): Promise<PagefindIndex> {
  // Smaller index chunks, so a query fetches only the few words it needs (see INDEX_CHUNK_SIZE).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const { index, errors } = await createIndex({ ...options });
  if (!index || errors.length > 0) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  return index;
}

/**
 * Writes `<outDir>/pagefind/` for the built site in `outDir` and returns how many pages it indexed.
 * Throws when Pagefind cannot start, index or write, or when it found no page.
 */
export async function indexSite(outDir: string): Promise<number> {
  try {
    const index = await createSiteIndex();
    const added = await index.addDirectory({ path: outDir, glob: INDEXED_PAGES.glob });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error('Pagefind found no pages to index (is data-pagefind-body missing?)');
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

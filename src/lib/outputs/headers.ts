/**
 * The host configuration files that Netlify, Cloudflare Pages and compatible static hosts read
 * from the output root: `_headers` (security headers, media types and CORS for the open data and
 * the feeds) and `_redirects` (HTTP 301s for replaced permalinks, beside the static redirect pages
 * that work everywhere).
 */
import type { Redirect } from '../content/permalinks.ts';
import { contentType, type MediaType } from '../site/site.ts';

/** Where the site lives: its base path, e.g. `/` or `/timeline/`. */
export interface HostFilesOptions {
  base: string;
}

/** For files whose name changes whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** A file (or a family of files) that the site publishes besides its pages. */
export interface PublishedFile {
  /**
   * Its path under the base. A `*` stands for an id, a year or a name (at most one per path, as
   * Cloudflare Pages requires; Netlify accepts it anywhere in a path too).
   */
  path: string;
  /** Its media type, one of the site's (`src/lib/site/site.ts`). */
  type: MediaType;
  /** Whether scripts on other origins may fetch it: `Access-Control-Allow-Origin: *`. */
  cors: boolean;
}

/** The feeds: the whole site's, the corrections log's, and one per vendor, jurisdiction, category and year. */
const FEED_FOLDERS = ['', 'corrections/', 'changes/', 'vendors/*/', 'jurisdictions/*/', 'categories/*/', 'years/*/'] as const;

/**
 * Every file the site publishes besides its pages, each with its media type and whether it is
 * open to scripts on other origins. The paths never overlap, so no response gets a header twice:
 * Cloudflare Pages joins the values of a header that two matching rules set (`*, *` is not a
 * valid `Access-Control-Allow-Origin`), which is also why the JSON files of `/data/` are named one
 * by one beside the `*.schema.json` and `*.csv` patterns. `test/unit/headers.test.ts` checks
 * that every endpoint under `src/pages/` has its rule here, with the type the route itself sends.
 */
export const PUBLISHED_FILES: readonly PublishedFile[] = [
  ...FEED_FOLDERS.flatMap((folder): PublishedFile[] => [
    { path: `${folder}feed.xml`, type: 'rss', cors: true },
    { path: `${folder}feed.json`, type: 'jsonFeed', cors: true },
  ]),
  // Each entry's item of /data/entries.json, written beside its page (/entries/<id>/).
  { path: 'entries/*.json', type: 'json', cors: true },
  ...['entries', 'vendors', 'sources', 'measures', 'permalinks'].map((name): PublishedFile => ({ path: `data/${name}.json`, type: 'json', cors: true })),
  { path: 'data/*.schema.json', type: 'jsonSchema', cors: true },
  { path: 'data/sources.csl.json', type: 'cslJson', cors: true },
  { path: 'data/*.csv', type: 'csv', cors: true },
  { path: 'search/terms/*.json', type: 'json', cors: true },
  { path: 'robots.txt', type: 'text', cors: false },
];

/**
 * The `_headers` file: the security headers on every path (`X-Content-Type-Options: nosniff`
 * among them, so every file is served as the type it is declared, never sniffed); a year's
 * caching, never revalidated, for the built scripts and stylesheets under `_astro/` (their names
 * carry a hash of their content, so a changed file is a new URL); and for every published file
 * other than a page ({@link PUBLISHED_FILES}), its media type with UTF-8 and, for the data and the
 * feeds, open CORS, so that scripts and notebooks anywhere can fetch them.
 * @example formatHeaders({ 'X-Frame-Options': 'DENY' }, { base: '/' }).startsWith('/*\n  X-Frame-Options: DENY') // true
 */
export function formatHeaders(security: Readonly<Record<string, string>>, options: HostFilesOptions): string {
  const base = normaliseBase(options.base);
  const block = (path: string, headers: Readonly<Record<string, string>>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return [
    block(`${base}*`, security),
    block(`${base}_astro/*`, { 'Cache-Control': IMMUTABLE }),
    ...PUBLISHED_FILES.map((file) => block(`${base}${file.path}`, { ...(file.cors ? { 'Access-Control-Allow-Origin': '*' } : {}), 'Content-Type': contentType(file.type) })),
    '',
  ].join('\n\n');
}

/**
 * The `_redirects` file: one permanent redirect per replaced permalink, for the page and for
 * its JSON.
 * @example formatRedirects([{ from: 'a', to: 'b' }], { base: '/tl/' }) // '/tl/entries/a/ /tl/entries/b/ 301\n/tl/entries/a.json /tl/entries/b.json 301\n'
 */
export function formatRedirects(redirects: readonly Redirect[], options: HostFilesOptions): string {
  const base = normaliseBase(options.base);
  return redirects
    .flatMap(({ from, to }) => [`${base}entries/${from}/ ${base}entries/${to}/ 301`, `${base}entries/${from}.json ${base}entries/${to}.json 301`])
    .map((line) => `${line}\n`)
    .join('');
}

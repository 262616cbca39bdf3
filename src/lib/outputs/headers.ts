/**
 * The host configuration files that Netlify, Cloudflare Pages and compatible static hosts read
 * from the output root: `_headers` (security headers, CORS for the open data) and `_redirects`
 * (HTTP 301s for replaced permalinks, beside the static redirect pages that work everywhere).
 */
import type { Redirect } from '../content/permalinks.ts';
import { contentType } from '../site/site.ts';

/** Where the site lives: its base path, e.g. `/` or `/timeline/`. */
export interface HostFilesOptions {
  base: string;
}

/** For files whose name changes whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * The `_headers` file: the security headers on every path; a year's caching, never revalidated, for
 * the built scripts and stylesheets under `_astro/` (their names carry a hash of their content, so a
 * changed file is a new URL); open CORS and a UTF-8 content type on the data downloads and feeds,
 * so that scripts and notebooks anywhere can fetch them.
 * @example formatHeaders({ 'X-Frame-Options': 'DENY' }, { base: '/' }).startsWith('/*\n  X-Frame-Options: DENY') // true
 */
export function formatHeaders(security: Readonly<Record<string, string>>, options: HostFilesOptions): string {
  const base = normaliseBase(options.base);
  const block = (path: string, headers: Readonly<Record<string, string>>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const cors = { 'Access-Control-Allow-Origin': '*' };
  return [
    block(`${base}*`, security),
    block(`${base}_astro/*`, { 'Cache-Control': IMMUTABLE }),
    block(`${base}data/*`, cors),
    block(`${base}data/entries.csv`, { 'Content-Type': contentType('csv') }),
    block(`${base}feed.xml`, { ...cors, 'Content-Type': contentType('rss') }),
    block(`${base}feed.json`, { ...cors, 'Content-Type': contentType('jsonFeed') }),
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

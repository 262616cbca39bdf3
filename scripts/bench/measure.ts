/**
 * Measures a built site on disk: how many files it has, and what each page type weighs (its
 * HTML, and the CSS and JavaScript files it references), raw and gzip-compressed. Page types are
 * found through their URL patterns, so the measurement works on whatever routes the site has.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** A size raw and gzip-compressed (zlib level 9, as a host that pre-compresses would serve it). */
export interface Size {
  raw: number;
  gzip: number;
}

/** The gzip size of some bytes. */
export const gzipSize = (bytes: Buffer | string): number => gzipSync(bytes, { level: 9 }).length;

const sizeOf = (bytes: Buffer): Size => ({ raw: bytes.length, gzip: gzipSize(bytes) });
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Counts of the output: all files, HTML pages, and the files of the search index. */
export interface FileCounts {
  total: number;
  html: number;
  pagefind: number;
  bytes: number;
  /** The largest file: its path relative to the site and its size in bytes. */
  largest: { path: string; bytes: number };
}

/** Counts the files of a built site. */
export function countFiles(dir: string): FileCounts {
  const files = listFiles(dir).map((path) => ({ path, bytes: statSync(join(dir, path)).size }));
  return {
    total: files.length,
    html: files.filter((f) => f.path.endsWith('.html')).length,
    pagefind: files.filter((f) => f.path.startsWith('pagefind/')).length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    largest: files.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '', bytes: 0 }),
  };
}

/** The weight of one page: its HTML and the stylesheets and scripts it loads. */
export interface PageWeight {
  /** The page's URL path, e.g. `/entries/2022-11-24-x/`. */
  url: string;
  html: Size;
  css: Size;
  js: Size;
  /** The CSS and JS files counted, as URL paths. */
  assets: string[];
  /** Elements in the document (Lighthouse flags large DOMs). */
  elements: number;
}

const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;

/** Resolves an asset reference of a page or script to a file in `dir`, or undefined if external. */
function assetFile(dir: string, from: string, ref: string): { url: string; file: string } | undefined {
  if (/^[a-z]+:|^\/\//i.test(ref)) return undefined;
  const clean = ref.split(/[?#]/)[0] ?? '';
  const url = clean.startsWith('/') ? clean : posix.join(posix.dirname(from), clean);
  const file = join(dir, url);
  return existsSync(file) && statSync(file).isFile() ? { url, file } : undefined;
}

// Static imports of an emitted module: `import"./a.js"`, `import{x}from"./a.js"`, `export*from"./a.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["']([^"']+\.m?js)["']/g;

/** Measures one HTML file of a built site. */
export function measurePage(dir: string, file: string): PageWeight {
  const html = readFileSync(join(dir, file));
  const root = parse(html.toString());
  const url = urlOf(file);
  const css = new Set<string>();
  const js = new Set<string>();
  for (const link of root.querySelectorAll('link')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href');
    if (href === undefined) continue;
    if (rel.includes('stylesheet')) {
      const asset = assetFile(dir, url, href);
      if (asset) css.add(asset.url);
    } else if (rel.includes('modulepreload')) {
      const asset = assetFile(dir, url, href);
      if (asset) js.add(asset.url);
    }
  }
  for (const script of root.querySelectorAll('script[src]')) {
    const asset = assetFile(dir, url, script.getAttribute('src') ?? '');
    if (asset) js.add(asset.url);
  }
  // Follow the static imports of every script: the browser fetches those chunks too.
  const queue = [...js];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    const source = readFileSync(join(dir, current), 'utf8');
    for (const match of source.matchAll(STATIC_IMPORT)) {
      const asset = assetFile(dir, current, match[1] ?? '');
      if (asset && !js.has(asset.url)) {
        js.add(asset.url);
        queue.push(asset.url);
      }
    }
  }
  const total = (urls: Set<string>) => [...urls].reduce((sum, u) => add(sum, sizeOf(readFileSync(join(dir, u)))), ZERO);
  return { url, html: sizeOf(html), css: total(css), js: total(js), assets: [...css, ...js], elements: root.querySelectorAll('*').length };
}

/** The page types the benchmark reports, each with the page measured and how it was chosen. */
export interface PageTypes {
  entry?: PageWeight & { count: number; largest: PageWeight };
  /** The home page. */
  timeline?: PageWeight;
  /** The latest entries, newest first. */
  newest?: PageWeight;
  browse?: PageWeight & { kind: string; count: number };
  search?: PageWeight;
  /** Where things stand: the status table and the world map. */
  status?: PageWeight;
  /** The list of every measure. */
  measures?: PageWeight;
  /** The largest measure page, and how many there are. */
  measure?: PageWeight & { count: number };
  /** The page with the most elements of every HTML page in the build, and how many pages were read. */
  most?: PageWeight & { count: number };
}

/** A quick count of the elements of an HTML page: its start tags, outside scripts and style sheets. */
const startTags = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '<$1>').match(/<[a-zA-Z]/g)?.length ?? 0;

const byRawSize = (dir: string) => (a: string, b: string) => statSync(join(dir, a)).size - statSync(join(dir, b)).size;

/**
 * Finds and measures the page types in a built site: the entry page of median size (and the
 * largest), the home page (`/`), the largest browse page of any kind (`/vendors/<id>/`,
 * `/years/<y>/`, `/jurisdictions/<id>/`, `/categories/<id>/`), `/newest/`, the search page (`/search/`), where things stand
 * (`/status/`), the list of measures and the largest measure page; and, of every HTML page, the
 * one with the most elements.
 */
export function measurePageTypes(dir: string): PageTypes {
  const files = listFiles(dir);
  const out: PageTypes = {};
  const entries = files.filter((f) => /^entries\/[^/]+\/index\.html$/.test(f)).sort(byRawSize(dir));
  if (entries.length > 0) {
    const median = entries[Math.floor((entries.length - 1) / 2)] as string;
    const largest = entries[entries.length - 1] as string;
    out.entry = { ...measurePage(dir, median), count: entries.length, largest: measurePage(dir, largest) };
  }
  if (files.includes('index.html')) out.timeline = measurePage(dir, 'index.html');
  // The largest browse page of any kind: the one with the most entries listed.
  const browsePages = files.filter((f) => /^(?:vendors|years|jurisdictions|categories)\/[^/]+\/index\.html$/.test(f)).sort(byRawSize(dir));
  const largestBrowse = browsePages[browsePages.length - 1];
  if (largestBrowse !== undefined) out.browse = { ...measurePage(dir, largestBrowse), kind: largestBrowse.split('/')[0]!, count: browsePages.length };
  if (files.includes('newest/index.html')) out.newest = measurePage(dir, 'newest/index.html');
  if (files.includes('search/index.html')) out.search = measurePage(dir, 'search/index.html');
  if (files.includes('status/index.html')) out.status = measurePage(dir, 'status/index.html');
  if (files.includes('measures/index.html')) out.measures = measurePage(dir, 'measures/index.html');
  const measures = files.filter((f) => /^measures\/[^/]+\/index\.html$/.test(f)).sort(byRawSize(dir));
  const largestMeasure = measures[measures.length - 1];
  if (largestMeasure !== undefined) out.measure = { ...measurePage(dir, largestMeasure), count: measures.length };
  // Every page, not only the types above: a list that grows with the record shows up here.
  const pages = files.filter((f) => f.endsWith('.html'));
  let most = { file: '', elements: -1 };
  for (const file of pages) {
    const elements = startTags(readFileSync(join(dir, file), 'utf8'));
    if (elements > most.elements) most = { file, elements };
  }
  if (most.file !== '') out.most = { ...measurePage(dir, most.file), count: pages.length };
  return out;
}

/**
 * Permalinks that never break: the registry of published ids (`src/content/permalinks.yaml`),
 * the static redirect pages for ids that were replaced, and recording new ids. The rule that a
 * registered id needs an entry or a redirect is checked with the rest of the content
 * (`checkContent`).
 */
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { metaPolicy } from '../outputs/security.ts';
import { formatDate } from '../model/dates.ts';
import { escapeHtml } from '../site/html.ts';
import { LANGUAGE } from '../site/site.ts';

/** One redirect from an old entry id to the id that replaced it. */
export interface Redirect {
  from: string;
  to: string;
}

/**
 * The redirects of a registry, sorted by old id so output never depends on file order.
 * @example listRedirects({ b: 'c', a: 'c' }) // [{ from: 'a', to: 'c' }, { from: 'b', to: 'c' }]
 */
export function listRedirects(redirects: Readonly<Record<string, string>>): Redirect[] {
  return Object.entries(redirects)
    .map(([from, to]) => ({ from, to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * Entry ids that exist but are not yet in the registry's `published` list, sorted.
 * @example unregisteredIds(['a'], ['b', 'a']) // ['b']
 */
export function unregisteredIds(published: readonly string[], entryIds: readonly string[]): string[] {
  const known = new Set(published);
  return [...new Set(entryIds)].filter((id) => !known.has(id)).sort();
}

/** What a redirect page needs. */
export interface RedirectPage {
  /** The old id. */
  from: string;
  /** The new id. */
  to: string;
  /** The new entry's path under the base, for the refresh and the link. */
  targetPath: string;
  /** The new entry's absolute URL, for the canonical link. */
  targetUrl: string;
  /** The new entry's title, for the link text. */
  targetTitle: string;
}

/** The parts of a page that leads its reader to another page at once. */
interface LeadPage {
  title: string;
  description: string;
  /** The page read instead: its path under the base (refresh and links) and absolute URL (canonical). */
  targetPath: string;
  targetUrl: string;
  /** The body's HTML, already escaped. */
  body: readonly string[];
}

/**
 * A static HTML page that sends its reader to another page on any host: an immediate meta
 * refresh, a canonical link to the other page for search engines, `noindex`, and the body's plain
 * links for anyone whose browser does not follow the refresh.
 */
function leadPageHtml(page: LeadPage): string {
  return [
    '<!doctype html>',
    `<html lang="${LANGUAGE}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${escapeHtml(metaPolicy())}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}">`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(page.targetUrl)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(page.targetPath)}">`,
    '</head>',
    '<body>',
    '<main>',
    ...page.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page at an old permalink: it sends readers to the entry that replaced it. */
export function redirectPageHtml(page: RedirectPage): string {
  const path = escapeHtml(page.targetPath);
  const title = escapeHtml(page.targetTitle);
  return leadPageHtml({
    title: `Moved: ${page.targetTitle}`,
    description: `This entry has moved to a new permanent URL: ${page.targetTitle}.`,
    targetPath: page.targetPath,
    targetUrl: page.targetUrl,
    body: [
      '<h1>This entry has a new address</h1>',
      `<p>The entry <code>${escapeHtml(page.from)}</code> is now <a href="${path}">${title}</a>.</p>`,
      `<p>Please cite its permanent URL: <a href="${path}">${escapeHtml(page.targetUrl)}</a>.</p>`,
    ],
  });
}

/** What the page at an entry's current version needs. */
export interface CurrentVersionPage {
  /** The entry's title. */
  title: string;
  /** The current version's number, and the day it was published (ISO). */
  version: number;
  date: string;
  /** The entry page's path under the base and its absolute URL. */
  entryPath: string;
  entryUrl: string;
}

/**
 * The page at an entry's current version (`/entries/<id>/v/<n>/`). That version's text is the
 * entry page's, so the address leads there, where the second cite box cites the version; it
 * exists from the day the version is published, and after the next correction the build renders
 * the version in full at the same address.
 * @example currentVersionPageHtml({ title: 'T', version: 2, date: '2026-12-01', entryPath: '/entries/x/', entryUrl: 'https://example.org/entries/x/' }) // '<!doctype html>…'
 */
export function currentVersionPageHtml(page: CurrentVersionPage): string {
  const path = escapeHtml(page.entryPath);
  const n = page.version;
  return leadPageHtml({
    title: `${page.title} (version ${n})`,
    description: `Version ${n} is the current text of the entry “${page.title}”, on its permanent page.`,
    targetPath: page.entryPath,
    targetUrl: page.entryUrl,
    body: [
      `<h1>${escapeHtml(page.title)} (version ${n})</h1>`,
      `<p>Version ${n} (<time datetime="${escapeHtml(page.date)}">${escapeHtml(formatDate(page.date))}</time>) is the current version of this entry, so its text is on the entry’s permanent page: <a href="${path}">${escapeHtml(page.entryUrl)}</a>. If the entry is corrected, this address will show version ${n} in full, exactly as it reads now.</p>`,
      `<p><a href="${path}#cite-version">Cite version ${n}</a></p>`,
    ],
  });
}

/** The outcome of {@link registerIds}. */
export interface RegisterResult {
  /** The registry text with the new ids added. */
  text: string;
  /** The ids that were added, sorted. */
  added: string[];
}

/**
 * Adds every id in `entryIds` that `published` lacks to the registry's YAML text and sorts the
 * list, keeping comments and the `redirects` map as written. An id is never removed.
 * @example registerIds('published: []\nredirects: {}\n', ['b', 'a']).added // ['a', 'b']
 */
export function registerIds(text: string, entryIds: readonly string[]): RegisterResult {
  const doc = parseDocument(text.trim() === '' ? 'published: []\nredirects: {}\n' : text);
  if (doc.errors.length > 0) throw new Error(`permalinks registry is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  if (!isMap(doc.contents)) throw new Error('permalinks registry must be a map with "published" and "redirects"');
  let published = doc.get('published');
  if (published === undefined || published === null) {
    doc.set('published', doc.createNode([]));
    published = doc.get('published');
  }
  if (!isSeq(published)) throw new Error('permalinks registry: "published" must be a list');
  const seq = published as YAMLSeq;
  const current = seq.items.map((item) => String(doc.createNode(item).toJSON()));
  const added = unregisteredIds(current, entryIds);
  if (!doc.has('redirects')) doc.set('redirects', doc.createNode({}));
  if (added.length === 0) return { text: doc.toString(), added };
  for (const id of added) seq.add(doc.createNode(id));
  seq.items.sort((a, b) => {
    const ka = String(doc.createNode(a).toJSON());
    const kb = String(doc.createNode(b).toJSON());
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  // An empty flow list (`[]`) would otherwise stay on one line as the ids are added.
  seq.flow = false;
  return { text: doc.toString(), added };
}

/** An entry's dates as the sitemap needs them. */
export interface DatedEntry {
  id: string;
  published: string;
  updated?: string | undefined;
}

/**
 * The `lastmod` of each entry page, by absolute URL: the day it last changed in substance.
 * @example lastModifiedByUrl([{ id: 'a', published: '2026-11-29' }], (id) => `https://x.org/entries/${id}/`).get('https://x.org/entries/a/') // '2026-11-29'
 */
export function lastModifiedByUrl(entries: readonly DatedEntry[], entryUrl: (id: string) => string): Map<string, string> {
  return new Map(entries.map((e) => [entryUrl(e.id), e.updated ?? e.published]));
}

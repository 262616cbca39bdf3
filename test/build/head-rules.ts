/**
 * What the head of a citable page (an entry, a measure, a version of either, `/status/`, the home
 * page) must carry for reference managers, as measured with Zotero's own translation code (see the
 * README's "Citing" section): read as a Web Page with its own title, the site as website title
 * and as a one-field organisation author, the page's own date, the canonical URL and the licence.
 * Where the page has a cite box, its citations agree with the head and with the formats' rules
 * (`@online`, no site as publisher). One line per broken rule, naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';

const SITE = 'CCTV Restrictions Timeline';
const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date of any precision as Chicago writes it: "July 3, 2025", "July 2025", "2025". */
const long = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return `${y}`;
  return d === undefined ? `${LONG[m - 1]} ${y}` : `${LONG[m - 1]} ${d}, ${y}`;
};
/** A date of any precision as RIS writes it: "2025/07/03/", "2025/07//". */
const ris = (iso: string) => {
  const [y, m = '', d = ''] = iso.split('-');
  return `${y}/${m}/${d}/`;
};

/** What a page should say. */
export interface ExpectedHead {
  /** The page's own date: the day of the version shown (`updated ?? published` on an entry page), a measure's last check, a measure version's stage date. */
  date: string;
  /** An entry's first publication day; Chicago then says "Published" when `date` is that day. */
  published?: string;
  /** Chicago's word for the date, where `published` does not tell it. */
  dateKind?: 'published' | 'modified';
  /** The number of the version shown, where the page keeps versions. */
  version?: number;
  /** The title reference managers should save; a version page's must name its version in any case. */
  title?: string;
  /** Whether the page has a cite box whose citations must agree with the head (default: yes). */
  citeBox?: boolean;
}

/** Every broken rule of one built page, each line starting with the file. */
export function headProblems(dist: string, file: string, expected: ExpectedHead): string[] {
  const page = parse(readFileSync(join(dist, file), 'utf8'), { blockTextElements: { script: true, style: true } });
  const problems: string[] = [];
  const all = (selector: string) => page.querySelectorAll(selector).map((e) => e.getAttribute('content') ?? e.getAttribute('href') ?? '');
  const expect1 = (label: string, selector: string, want: string) => {
    const got = all(selector);
    if (got.length !== 1 || got[0] !== want) problems.push(`${file}: ${label} is ${JSON.stringify(got)}, expected exactly ["${want}"]`);
  };
  const absent = (label: string, selector: string) => {
    if (page.querySelector(selector)) problems.push(`${file}: ${label} must be absent`);
  };
  const canonical = all('link[rel="canonical"]')[0] ?? '';
  const versionInUrl = /\/v\/(\d+)\/$/.exec(canonical)?.[1];

  // Zotero reads og:type "article" (and any citation_title) as a journal article; "website" makes it a Web Page.
  expect1('og:type', 'meta[property="og:type"]', 'website');
  expect1('og:site_name', 'meta[property="og:site_name"]', SITE);
  // The organisation as one field: the trailing comma stops Zotero splitting it into first and last name.
  expect1('DC.creator', 'meta[name="DC.creator"]', `${SITE},`);
  expect1('DC.rights', 'meta[name="DC.rights"]', 'CC BY 4.0');
  expect1('link rel=license', 'link[rel="license"]', LICENSE_URL);
  // Without it Zotero dates the page by the first <time> element, whatever that dates.
  expect1('citation_publication_date', 'meta[name="citation_publication_date"]', expected.date.replaceAll('-', '/'));
  expect1('DC.date', 'meta[name="DC.date"]', expected.date);
  expect1('citation_public_url', 'meta[name="citation_public_url"]', canonical);
  expect1('og:url', 'meta[property="og:url"]', canonical);
  // Zotero saves citation_title; without one it takes og:title ("Timeline" on the home page once).
  const title = all('meta[name="citation_title"]');
  if (title.length !== 1) problems.push(`${file}: citation_title is ${JSON.stringify(title)}, expected one`);
  if (expected.title !== undefined && title[0] !== expected.title) problems.push(`${file}: citation_title is ${JSON.stringify(title[0])}, expected "${expected.title}"`);
  if (versionInUrl && !title[0]?.endsWith(`, version ${versionInUrl}`)) problems.push(`${file}: citation_title ${JSON.stringify(title[0])} does not name version ${versionInUrl}`);
  expect1('DC.title', 'meta[name="DC.title"]', title[0] ?? '');
  // Each of these was tested and makes Zotero save something wrong.
  absent('citation_author', 'meta[name="citation_author"]');
  absent('meta author', 'meta[name="author"]');
  absent('DC.type', 'meta[name="DC.type"]');
  absent('z.itemType', 'meta[name="z.itemType"]');

  const scripts = page.querySelectorAll('script[type="application/ld+json"]');
  if (scripts.length !== 1) problems.push(`${file}: ${scripts.length} JSON-LD scripts, expected one`);
  const ld = scripts.length === 1 ? (JSON.parse(scripts[0]!.textContent) as Record<string, unknown>) : {};
  if (ld['license'] !== LICENSE_URL) problems.push(`${file}: JSON-LD license is ${JSON.stringify(ld['license'])}, expected "${LICENSE_URL}"`);
  if (expected.version !== undefined && ld['version'] !== expected.version) problems.push(`${file}: JSON-LD version is ${JSON.stringify(ld['version'])}, expected ${expected.version}`);
  if (ld['dateModified'] !== expected.date) problems.push(`${file}: JSON-LD dateModified is ${JSON.stringify(ld['dateModified'])}, expected "${expected.date}"`);
  if (ld['url'] !== canonical) problems.push(`${file}: JSON-LD url is ${JSON.stringify(ld['url'])}, expected the canonical ${canonical}`);

  if (expected.citeBox === false) {
    absent('cite box', 'section.cite-box');
    return problems;
  }
  // The citations on the page give the same date, URL and title as the head.
  const text = (style: string) => page.querySelector(`#cite-${style}`)?.text ?? '';
  const kind = expected.dateKind ?? (expected.date === expected.published ? 'published' : 'modified');
  const chicago = `${kind === 'published' ? 'Published' : 'Last modified'} ${long(expected.date)}. ${canonical}.`;
  if (!text('chicago').endsWith(chicago)) problems.push(`${file}: Chicago citation "${text('chicago')}" does not end with "${chicago}"`);
  // APA gives a retrieval date for a page that changes, and none for a version, whose text never does.
  if (versionInUrl ? text('apa').includes('Retrieved') : !text('apa').includes(`Retrieved `)) problems.push(`${file}: APA citation "${text('apa')}" ${versionInUrl ? 'has' : 'lacks'} a retrieval date`);
  if (!text('apa').includes(title[0] ?? '\u0000')) problems.push(`${file}: APA citation does not give the title "${title[0]}"`);
  const bibtex = text('bibtex');
  // @online imports into Zotero as a Web Page; @misc with howpublished became a Document with Extra.
  if (!bibtex.startsWith('@online{')) problems.push(`${file}: BibTeX is not an @online entry`);
  if (/howpublished|organization|publisher/.test(bibtex)) problems.push(`${file}: BibTeX names the site as publisher`);
  if (!bibtex.includes(`  date = {${expected.date}},`)) problems.push(`${file}: BibTeX date is not ${expected.date}`);
  if (!bibtex.includes(`  url = {${canonical}},`)) problems.push(`${file}: BibTeX url is not ${canonical}`);
  if (!bibtex.includes(`  author = {{${SITE}}},`)) problems.push(`${file}: BibTeX lacks the author`);
  if (!bibtex.includes('  language = {en-GB},') || !bibtex.includes('  abstract = {')) problems.push(`${file}: BibTeX lacks the language or the abstract`);
  const risLines = text('ris').replaceAll('\r\n', '\n').split('\n');
  for (const line of ['TY  - ELEC', `AU  - ${SITE},`, `T2  - ${SITE}`, `DA  - ${ris(expected.date)}`, `UR  - ${canonical}`]) {
    if (!risLines.includes(line)) problems.push(`${file}: RIS lacks "${line}"`);
  }
  if (risLines.some((l) => l.startsWith('PB  - '))) problems.push(`${file}: RIS names the site as publisher`);
  const csl = text('csl-json');
  if (/"publisher"/.test(csl)) problems.push(`${file}: CSL-JSON names the site as publisher besides author and container`);
  return problems;
}

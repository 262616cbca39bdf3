/**
 * What the head of an entry (or version) page must carry for reference managers, as measured with
 * Zotero's own translation code (see the README's "Citing" section): read as a Web Page, the site
 * as website title and as a one-field organisation author, the date of the version shown, the
 * canonical URL and the licence. One line per broken rule, naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';

const SITE = 'CCTV Restrictions Timeline';
const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const long = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${LONG[m! - 1]} ${d}, ${y}`;
};

/** What a page should say: the day of the version it shows and its number; `published` for Chicago's wording. */
export interface ExpectedHead {
  /** The day of the version shown (`updated ?? published` on the entry page). */
  date: string;
  /** The entry's first publication day. */
  published: string;
  /** The number of the version shown. */
  version: number;
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

  // Zotero reads og:type "article" (and any citation_title) as a journal article; "website" makes it a Web Page.
  expect1('og:type', 'meta[property="og:type"]', 'website');
  expect1('og:site_name', 'meta[property="og:site_name"]', SITE);
  // The organisation as one field: the trailing comma stops Zotero splitting it into first and last name.
  expect1('DC.creator', 'meta[name="DC.creator"]', `${SITE},`);
  expect1('DC.rights', 'meta[name="DC.rights"]', 'CC BY 4.0');
  expect1('link rel=license', 'link[rel="license"]', LICENSE_URL);
  expect1('citation_publication_date', 'meta[name="citation_publication_date"]', expected.date.replaceAll('-', '/'));
  expect1('DC.date', 'meta[name="DC.date"]', expected.date);
  expect1('citation_public_url', 'meta[name="citation_public_url"]', canonical);
  expect1('og:url', 'meta[property="og:url"]', canonical);
  // Each of these was tested and makes Zotero save something wrong.
  absent('citation_author', 'meta[name="citation_author"]');
  absent('meta author', 'meta[name="author"]');
  absent('DC.type', 'meta[name="DC.type"]');
  absent('z.itemType', 'meta[name="z.itemType"]');

  const scripts = page.querySelectorAll('script[type="application/ld+json"]');
  const ld = scripts.length === 1 ? (JSON.parse(scripts[0]!.textContent) as Record<string, unknown>) : {};
  if (ld['license'] !== LICENSE_URL) problems.push(`${file}: JSON-LD license is ${JSON.stringify(ld['license'])}, expected "${LICENSE_URL}"`);
  if (ld['version'] !== expected.version) problems.push(`${file}: JSON-LD version is ${JSON.stringify(ld['version'])}, expected ${expected.version}`);
  if (ld['dateModified'] !== expected.date) problems.push(`${file}: JSON-LD dateModified is ${JSON.stringify(ld['dateModified'])}, expected "${expected.date}"`);
  if (ld['url'] !== canonical) problems.push(`${file}: JSON-LD url is ${JSON.stringify(ld['url'])}, expected the canonical ${canonical}`);

  // The citations on the page give the same date and URL as the head.
  const text = (style: string) => page.querySelector(`#cite-${style}`)?.text ?? '';
  const chicago = `${expected.date === expected.published ? 'Published' : 'Last modified'} ${long(expected.date)}. ${canonical}.`;
  if (!text('chicago').endsWith(chicago)) problems.push(`${file}: Chicago citation "${text('chicago')}" does not end with "${chicago}"`);
  if (!text('bibtex').startsWith('@misc{')) problems.push(`${file}: BibTeX is not a @misc entry`);
  if (!text('bibtex').includes(`  date = {${expected.date}},`)) problems.push(`${file}: BibTeX date is not ${expected.date}`);
  if (!text('bibtex').includes(`  url = {${canonical}},`)) problems.push(`${file}: BibTeX url is not ${canonical}`);
  if (!text('bibtex').includes(`  author = {{${SITE}}},`) || !text('bibtex').includes(`  howpublished = {${SITE}},`)) problems.push(`${file}: BibTeX lacks the author or the site name`);
  const ris = text('ris').replaceAll('\r\n', '\n');
  for (const line of ['TY  - ELEC', `AU  - ${SITE},`, `T2  - ${SITE}`, `DA  - ${expected.date.replaceAll('-', '/')}/`, `UR  - ${canonical}`]) {
    if (!ris.split('\n').includes(line)) problems.push(`${file}: RIS lacks "${line}"`);
  }
  return problems;
}

/**
 * Versions, end to end. The variant build (test/support/content-trees.ts) holds the real content
 * with one entry corrected, its first text kept as a snapshot, deployed under a sub-path (https
 * SITE_URL, REPORT_URL, BASE_PATH). The faulty build, unconfigured, holds the same correction with
 * the snapshot lost, and must fail naming the entry and the lost version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../../src/lib/model/dates.ts';
import type { EntriesExport } from '../../src/schemas/export.ts';
import { listFiles, readPage } from '../support/html.ts';
import { BASE, CORRECTION, DEPLOYMENT, correctedEntry } from '../support/content-trees.ts';
import { fixtureBuild } from '../support/fixture-builds.ts';
import type { FixtureBuild } from '../support/shared-builds.ts';
import { readJsonFeed, readRss } from './feed-files.ts';
import { headProblems } from './head-rules.ts';

const SITE = `${DEPLOYMENT.SITE_URL}${DEPLOYMENT.BASE_PATH}`;
const REPORT = DEPLOYMENT.REPORT_URL;
const CORRECTED_ON = CORRECTION.date;
const NOTE = CORRECTION.note;
const ADDED = CORRECTION.added;
const target = correctedEntry();
const id = target.id;

let built: FixtureBuild;
let lost: FixtureBuild;
let out = '';

beforeAll(() => {
  built = fixtureBuild('variant');
  lost = fixtureBuild('faulty');
  out = built.out;
});

const entryPage = () => readPage(out, `entries/${id}/index.html`);
const versionPage = (n: number) => readPage(out, `entries/${id}/v/${n}/index.html`);
const entryUrl = `${SITE}/entries/${id}/`;

describe('a corrected entry', () => {
  test('builds, and a configured build warns about nothing', () => {
    expect(built.code, built.output).toBe(0);
    expect(built.output).not.toMatch(/SITE_URL is not set|REPORT_URL is not set/);
  });

  test('keeps version 1 at its own address, with the text as it was and a banner linking the current entry', () => {
    const page = versionPage(1);
    const banner = page.querySelector('.version-banner')!;
    expect(banner.text.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^Version 1, ${formatDate(target.data.published)}\\. This is not the current version: read the current one\\.`));
    expect(banner.querySelector('a')?.getAttribute('href')).toBe(`${BASE}entries/${id}/`);
    expect(banner.text).toContain(`Changed in version 2 on 1 December 2026: ${NOTE}`);
    expect(page.querySelector('.entry .body')?.text).not.toContain(ADDED);
    expect(entryPage().querySelector('.entry .body')?.text).toContain(ADDED);
  });

  test('shows on version 1 what version 2 changed, word by word, with the inserted words marked for every reader', () => {
    const page = versionPage(1);
    expect(page.querySelector('.version-banner a[href="#what-changed"]')?.text).toBe('See what changed');
    const diff = page.querySelector('section#what-changed')!;
    expect(diff.getAttribute('aria-labelledby')).toBe('what-changed-heading');
    expect(diff.querySelector('h2')?.text).toBe('What version 2 changed');
    expect(diff.text.replace(/\s+/g, ' ')).toContain(`Version 2 was made on 1 December 2026 by this correction: ${NOTE}`);
    expect(diff.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(`${BASE}entries/${id}/`);
    const fields = diff.querySelectorAll('.field');
    expect(fields.map((f) => f.querySelector('h3')?.text)).toEqual(['Text']);
    const inserted = fields[0]!.querySelectorAll('ins');
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.querySelector('.visually-hidden')?.text).toBe('inserted: ');
    expect(inserted[0]!.text).toBe(`inserted: ${ADDED} (end of insertion)`);
    expect(fields[0]!.querySelectorAll('del')).toHaveLength(0);
    // The words before the insertion are the text both versions share, shown as it was.
    const shared = page.querySelector('.entry .body p')!.text.replace(/\[source \d+\]/g, '').replace(/\s+/g, ' ').trim().slice(0, 40);
    expect(fields[0]!.text.replace(/\s+/g, ' ')).toContain(shared);
    expect(diff.querySelector('.unchanged')?.text).toBe('Unchanged: Title, Summary, Date, Category, Verification, Jurisdictions, Vendors, People and bodies, Clarifications, Sources.');
  });

  test('marks every inserted and deleted run on every earlier version with a visually hidden label, or says that no shown word changed', () => {
    const earlier = listFiles(join(out, 'entries'), '.html').filter((f) => /\/v\/\d+\/index\.html$/.test(f)).map((f) => `entries/${f}`).filter((f) => readPage(out, f).querySelector('#what-changed'));
    expect(earlier.length).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const file of earlier) {
      const page = readPage(out, file);
      const marks = page.querySelectorAll('#what-changed ins, #what-changed del');
      // A snapshot may differ from the next text only in what the page does not show (a source's own record, the relations); the page says so.
      if (marks.length === 0 && !page.querySelector('#what-changed .no-change')) problems.push(`${file}: no change marked, and no word that none changed`);
      for (const mark of marks) {
        const label = mark.tagName === 'INS' ? 'inserted: ' : 'deleted: ';
        if (mark.firstChild?.text !== label || !(mark.firstChild as { classList?: { contains(c: string): boolean } }).classList?.contains('visually-hidden')) problems.push(`${file}: ${mark.toString().slice(0, 80)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('names a category, vendor, jurisdiction or body that no current entry has as text with a note, never as a link to a page that is gone', () => {
    const versions = listFiles(join(out, 'entries'), '.html').filter((f) => /\/v\/\d+\/index\.html$/.test(f)).map((f) => `entries/${f}`);
    const problems: string[] = [];
    let unlinked = 0;
    for (const file of versions) {
      const page = readPage(out, file);
      for (const a of page.querySelectorAll('.entry a[href]')) {
        const href = a.getAttribute('href')!;
        if (!/\/(categories|vendors|jurisdictions|bodies)\/[^/]+\/$/.test(href)) continue;
        if (!existsSync(join(out, href.slice(BASE.length), 'index.html'))) problems.push(`${file}: links ${href}, which was not built`);
      }
      for (const note of page.querySelectorAll('.entry .no-page')) {
        unlinked++;
        if (!/^\(no current entry (is filed under|names) it, so it has no page\)$/.test(note.text.trim())) problems.push(`${file}: note "${note.text}"`);
        if (note.previousElementSibling?.tagName !== 'SPAN') problems.push(`${file}: the note follows a ${note.previousElementSibling?.tagName ?? 'nothing'}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    // The real content has one such version: an entry whose category was corrected to another.
    expect(unlinked).toBeGreaterThan(0);
  });

  test('gives the current version its address from the start: a page that leads to the entry page, where a second box cites version 2', () => {
    const page = versionPage(2);
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${BASE}entries/${id}/`);
    expect(page.querySelector('h1')?.text).toBe(`${target.data.title} (version 2)`);
    expect(page.querySelector('main p')?.text.replace(/\s+/g, ' ')).toBe(`Version 2 (1 December 2026) is the current version of this entry, so its text is on the entry’s permanent page: ${entryUrl}. If the entry is corrected, this address will show version 2 in full, exactly as it reads now.`);
    expect(page.querySelectorAll('main a').map((a) => a.getAttribute('href'))).toEqual([`${BASE}entries/${id}/`, `${BASE}entries/${id}/#cite-version`]);
    // The text is the entry page's, not a second copy of it.
    expect(page.querySelector('.entry')).toBeNull();
    expect(entryPage().querySelector('.entry .body')?.text).toContain(ADDED);
    const box = entryPage().querySelector('details#cite-version')!;
    expect(box.querySelector('#cite-version-permalink')?.getAttribute('value')).toBe(`${entryUrl}v/2/`);
    expect(box.querySelector('#cite-version-chicago')?.text).toContain(`Version 2.” Last modified December 1, 2026. ${entryUrl}v/2/.`);
    // The entry page links the diff of the correction that made version 2.
    expect(entryPage().querySelectorAll('ol.versions a').map((a) => a.getAttribute('href'))).toContain(`${BASE}entries/${id}/v/1/#what-changed`);
  });

  test('keeps version addresses out of the search index and the sitemap; an earlier version is its own canonical URL, the current one the entry page', () => {
    for (const n of [1, 2]) {
      const page = versionPage(n);
      expect(page.querySelector('[data-pagefind-body]')).toBeNull();
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(n === 1 ? `${entryUrl}v/1/` : entryUrl);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    }
    expect(entryPage().querySelector('[data-pagefind-body]')).not.toBeNull();
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${entryUrl}</loc>`);
    expect(sitemap).not.toContain('/v/');
  });

  test('lists its versions with the date and the correction that made each, linking to what it changed', () => {
    const items = entryPage().querySelectorAll('ol.versions li').map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([`Version 1, ${formatDate(target.data.published)}: as first published`, `Version 2, 1 December 2026: ${NOTE} (what changed) (current)`]);
    expect(entryPage().querySelectorAll('ol.versions a').map((a) => a.getAttribute('href'))).toEqual([`${BASE}entries/${id}/v/1/`, `${BASE}entries/${id}/v/1/#what-changed`]);
  });

  test('offers to cite the current entry or this version, on both pages', () => {
    const current = entryPage().querySelector('section.cite-box')!;
    expect(current.querySelector('#cite-permalink')?.getAttribute('value')).toBe(entryUrl);
    expect(current.querySelector('#cite-other-link')?.getAttribute('value')).toBe(`${entryUrl}v/2/`);
    expect(current.querySelector('.choice a')?.text).toBe('Cite this version');
    expect(current.querySelector('.choice a')?.getAttribute('href')).toBe('#cite-version');
    const old = versionPage(1).querySelector('section.cite-box')!;
    expect(old.querySelector('h2')?.text).toBe('Cite this version');
    expect(old.querySelector('#cite-permalink')?.getAttribute('value')).toBe(`${entryUrl}v/1/`);
    expect(old.querySelector('#cite-other-link')?.getAttribute('value')).toBe(entryUrl);
    expect(old.querySelector('.choice a')?.text).toBe('Cite the current entry');
    expect(old.querySelector('.choice a')?.getAttribute('href')).toBe(`${BASE}entries/${id}/#cite-heading`);
  });

  test('carries the https URL, the date and the number of each version in the head and the citations', () => {
    const published = target.data.published;
    expect([
      ...headProblems(out, `entries/${id}/index.html`, { date: CORRECTED_ON, published, version: 2 }),
      ...headProblems(out, `entries/${id}/v/1/index.html`, { date: published, published, version: 1 }),
    ]).toEqual([]);
    expect(entryPage().querySelector('#cite-chicago')?.text).toContain(`Last modified December 1, 2026. ${entryUrl}.`);
  });

  test('carries its version number in /data/entries.json and /entries/<id>.json', () => {
    const item = (JSON.parse(readFileSync(join(out, 'data/entries.json'), 'utf8')) as EntriesExport).entries.find((e) => e.id === id)!;
    expect(item.version).toBe(2);
    expect(item.versionUrl).toBe(`${entryUrl}v/2/`);
    expect(JSON.parse(readFileSync(join(out, 'entries', `${id}.json`), 'utf8'))).toMatchObject({ version: 2, versionUrl: `${entryUrl}v/2/` });
  });

  test('appears in the corrections feeds at the version it made', () => {
    expect(readRss(out, 'corrections/feed.xml').items.map((i) => i.link)).toContain(`${entryUrl}v/2/`);
    const feed = readJsonFeed(out, 'corrections/feed.json');
    const item = feed.items.find((i) => i.id === `${entryUrl}v/2/`);
    expect(item?.date_published).toBe(`${CORRECTED_ON}T00:00:00Z`);
    expect(item?.content_text).toContain(NOTE);
  });

  test('links "Report an error in this entry", prefilled with its permalink, and /about/ links the address', () => {
    const link = entryPage().querySelectorAll('a').find((a) => a.text === 'Report an error in this entry');
    const href = new URL(link?.getAttribute('href') ?? 'x:');
    expect(href.protocol).toBe('mailto:');
    expect(href.searchParams.get('body')).toContain(entryUrl);
    expect(href.searchParams.get('body')).toContain(`${entryUrl}v/2/`);
    const about = readPage(out, 'about/index.html');
    expect(about.querySelectorAll('a').filter((a) => a.getAttribute('href') === REPORT).map((a) => a.text)).toContain('report an error');
    expect(about.querySelector('#publisher')?.parentNode?.text).toContain('CCTV Restrictions Timeline');
  });
});

describe('a published version that disappears', () => {
  test('fails the build, naming the entry, the version and the command', () => {
    expect(lost.code).not.toBe(0);
    expect(lost.output).toContain(`versions.${id}: published version 1 of entry "${id}" has disappeared`);
    expect(lost.output).toContain(`entry ${id} has 1 correction but no earlier versions; run \`npm run revise -- --from-git ${id}\``);
    expect(existsSync(join(lost.out, 'index.html'))).toBe(false);
  });

});

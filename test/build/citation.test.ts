import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parse } from 'node-html-parser';
import { measureVersionsOf } from '../../src/lib/model/measure-versions.ts';
import { checkEach, checkEachFile } from '../support/each.ts';
import { realContent } from './output-files.ts';

interface CslItem {
  title?: string;
  URL?: string;
  type?: string;
  language?: string;
  abstract?: string;
  publisher?: string;
  author?: { literal?: string; family?: string }[];
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
}
interface CiteConstructor {
  new (data: unknown, options?: { forceType?: string }): { data: CslItem[] };
}
const require = createRequire(import.meta.url);
const { Cite } = require('@citation-js/core') as { Cite: CiteConstructor };
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-ris');

const dist = inject('distDir');
const entryIds = readdirSync(join(process.cwd(), 'src/content/entries')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
const { measures } = realContent();

const known = new Map<string, ReturnType<typeof readFacts>>();
/** The facts of one built entry page that the citations must agree with, read once per page. */
const facts = (id: string) => known.get(id) ?? known.set(id, readFacts(id)).get(id)!;

function readFacts(id: string) {
  // <pre> is parsed as markup here (not raw text, the parser's default), to reach the date inside it.
  const page = parse(readFileSync(join(dist, 'entries', id, 'index.html'), 'utf8'), { blockTextElements: { script: true, style: true } });
  const meta = (name: string) => page.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute('content');
  const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const title = page.querySelector('h1')?.text.trim() ?? '';
  const accessed = page.querySelector('#cite-bibtex [data-accessed="iso"]')?.text ?? '';
  return { page, meta, canonical, title, accessed };
}

describe('every entry page', () => {
  test('has one JSON-LD Article that parses and names the page, dates, publisher, event and sources', () => {
    checkEachFile(entryIds, (id) => {
      const { page, canonical, title } = facts(id);
      const scripts = page.querySelectorAll('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      const ld = JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: title,
        url: canonical,
        mainEntityOfPage: { '@id': canonical },
        inLanguage: 'en-GB',
        publisher: { '@type': 'Organization', name: 'CCTV Restrictions Timeline' },
        about: { '@type': 'Event', startDate: expect.stringMatching(new RegExp(`^${id.slice(0, 4)}`)) },
    });
    expect(ld['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld['dateModified']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const citations = ld['citation'] as { '@type': string; name: string; publisher: { name: string } }[];
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(c['@type']).toBe('CreativeWork');
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.publisher.name.length).toBeGreaterThan(0);
    }
    });
  });

  test('carries the citation_*, DC and article tags a reference manager reads', () => {
    checkEachFile(entryIds, (id) => {
      const { meta, canonical, title } = facts(id);
      expect(meta('citation_title')).toBe(title);
      expect(meta('citation_publication_date')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(meta('citation_online_date')).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
      expect(meta('citation_publisher')).toBe('CCTV Restrictions Timeline');
      expect(meta('citation_public_url')).toBe(canonical);
      expect(meta('citation_abstract_html_url')).toBe(canonical);
      expect(meta('citation_language')).toBe('en-GB');
      expect(meta('DC.identifier')).toBe(canonical);
      expect(meta('article:modified_time')).toBe(meta('citation_publication_date')?.replaceAll('/', '-'));
      expect(meta('article:published_time')).toBe(meta('citation_online_date')?.replaceAll('/', '-'));
      expect(meta('article:modified_time')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  test('has a cite box with the permalink and every style, readable without JavaScript', () => {
    checkEachFile(entryIds, (id) => {
      const { page, canonical, title, accessed } = facts(id);
      const box = page.querySelector('section.cite-box');
      expect(box?.querySelector('h2')?.text).toBe('Cite this entry');
      expect(box?.querySelector('input#cite-permalink')?.getAttribute('value')).toBe(canonical);
      expect(box?.querySelector('input#cite-permalink')?.hasAttribute('readonly')).toBe(true);
      // The other choice: this version's own permanent address, cited by the folded box below.
      const version = box?.querySelector('input#cite-other-link')?.getAttribute('value') ?? '';
      expect(version).toMatch(new RegExp(`^${canonical}v/\\d+/$`));
      expect(box?.querySelector('.choice a')?.getAttribute('href')).toBe('#cite-version');
      const n = version.split('/').at(-2);
      const folded = page.querySelector('details#cite-version.cite-box');
      expect(folded?.querySelector('summary h2')?.text).toBe(`Cite version ${n} instead`);
      expect(folded?.querySelector('input#cite-version-permalink')?.getAttribute('value')).toBe(version);
      expect(folded?.querySelector('input#cite-version-other-link')?.getAttribute('value')).toBe(canonical);
      expect(folded?.querySelector('.choice a')?.getAttribute('href')).toBe('#cite-heading');
      const versionText = (style: string) => folded?.querySelector(`#cite-version-${style}`)?.text ?? '';
      // A version's text never changes: APA gives no retrieval date; every style names the version.
      expect(versionText('apa')).toMatch(new RegExp(`, version ${n}\\. ${version}$`));
      for (const style of ['mla', 'chicago', 'chicago-note', 'bibtex', 'ris', 'csl-json']) expect(versionText(style), style).toContain(version.replace(/^https?:\/\//, ''));
      expect(accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const text = (style: string) => box?.querySelector(`#cite-${style}`)?.text ?? '';
      expect(text('apa')).toContain(`${title}. Retrieved `);
      expect(text('apa')).toContain(`, from ${canonical}`);
      expect(text('mla')).toContain(`CCTV Restrictions Timeline, `);
      expect(text('mla')).toContain(canonical.replace(/^https?:\/\//, ''));
      expect(text('chicago')).toMatch(/^CCTV Restrictions Timeline\. “.+\.” (Published|Last modified) /);
      expect(text('chicago-note')).toContain(canonical);
      for (const style of ['bibtex', 'ris', 'csl-json']) expect(text(style)).toContain(canonical);
      // Every copy button waits for the script.
      for (const b of [box, folded]) expect(b?.querySelectorAll('button').length).toBe(9);
      for (const b of page.querySelectorAll('.cite-box button')) expect(b.hasAttribute('hidden'), b.getAttribute('data-copy') ?? '').toBe(true);
      // Two boxes on one page, no id twice.
      const ids = page.querySelectorAll('.cite-box [id]').map((el) => el.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  test.each([
    ['bib', 'bibtex', undefined],
    ['ris', 'ris', '@ris/file'],
    ['json', 'csl-json', undefined],
  ])('offers a .%s download that parses to the entry and matches the page', (ext, style, forceType) => {
    checkEachFile(entryIds, (id) => {
      const { page, canonical, title, accessed } = facts(id);
      const link = page.querySelector(`section.cite-box a[download="${id}.${ext}"]`);
      expect(link, `download link for .${ext}`).not.toBeNull();
      const href = link!.getAttribute('href')!;
      expect(href).toMatch(/^data:application\/[\w.+-]+;charset=utf-8,/);
      const body = decodeURIComponent(href.slice(href.indexOf(',') + 1));
      // Browsers read CRLF in HTML as LF; the file keeps the CRLF that RIS needs.
      expect(body.replaceAll('\r\n', '\n')).toBe(page.querySelector(`#cite-${style}`)?.text.replaceAll('\r\n', '\n'));
      if (ext === 'ris') expect(body.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
      const data = ext === 'json' ? JSON.parse(body) : body;
      const [item] = new Cite(data, forceType ? { forceType } : {}).data;
      expect(item?.type).toBe('webpage');
      expect(item?.title).toBe(title);
      expect(item?.URL).toBe(canonical);
      expect(item?.issued?.['date-parts'][0]?.[0]).toBeGreaterThan(2000);
      expect(item?.publisher).toBeUndefined();
      expect(item?.language).toBe('en-GB');
      if (ext !== 'ris') expect(item?.accessed?.['date-parts'][0]).toEqual(accessed.split('-').map(Number));
    });
  });
});

/** A measure page or a measure version page, with what its citations must say. */
interface MeasureCitable {
  /** The built file. */
  file: string;
  /** The downloads' file name, without extension. */
  download: string;
  /** The title the citations give. */
  title: string;
  /** The date the citations give, to its precision. */
  date: string;
  /** Whether the page is one version's. */
  version: boolean;
  /** The other link the cite box offers. */
  other: string;
}

const measurePages: MeasureCitable[] = measures.flatMap((m) => {
  const versions = measureVersionsOf(m.data);
  return [
    { file: `measures/${m.id}/index.html`, download: m.id, title: m.data.shortName, date: m.data.statusAsOf, version: false, other: `measures/${m.id}/v/${versions.length}/` },
    ...versions.map((v) => ({ file: `measures/${m.id}/v/${v.n}/index.html`, download: `${m.id}-v${v.n}`, title: `${m.data.shortName}, version ${v.n}`, date: v.date, version: true, other: `measures/${m.id}/` })),
  ];
});
const measureFacts = new Map<string, ReturnType<typeof readFile>>();
const measureFact = (file: string) => measureFacts.get(file) ?? measureFacts.set(file, readFile(file)).get(file)!;

function readFile(file: string) {
  const page = parse(readFileSync(join(dist, file), 'utf8'), { blockTextElements: { script: true, style: true } });
  const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const accessed = page.querySelector('#cite-bibtex [data-accessed="iso"]')?.text ?? '';
  return { page, canonical, accessed };
}

describe('every measure page and measure version page', () => {
  test('has a cite box with its permanent link, the other choice and every style, readable without JavaScript', () => {
    expect(measurePages.length).toBeGreaterThan(measures.length);
    checkEach(measurePages, (m) => m.file, (m) => {
      const { page, canonical } = measureFact(m.file);
      const box = page.querySelector('section.cite-box');
      expect(box?.querySelector('h2')?.text).toBe(m.version ? 'Cite this version' : 'Cite this measure');
      expect(box?.querySelector('input#cite-permalink')?.getAttribute('value')).toBe(canonical);
      const other = box?.querySelector('input#cite-other-link')?.getAttribute('value') ?? '';
      expect(other).toBe(`${new URL(canonical).origin}/${m.other}`);
      expect(box?.querySelector('.choice a')?.getAttribute('href')).toBe(`/${m.other}#cite-heading`);
      const text = (style: string) => box?.querySelector(`#cite-${style}`)?.text ?? '';
      expect(text('apa')).toContain(`CCTV Restrictions Timeline. (`);
      expect(text('apa')).toContain(m.title);
      expect(text('apa').endsWith(canonical)).toBe(true);
      expect(text('apa').includes('Retrieved ')).toBe(!m.version);
      expect(text('mla')).toContain(canonical.replace(/^https?:\/\//, ''));
      for (const style of ['chicago', 'chicago-note', 'bibtex', 'ris', 'csl-json']) expect(text(style)).toContain(canonical);
      const buttons = box?.querySelectorAll('button') ?? [];
      expect(buttons.length).toBe(9);
      for (const b of buttons) expect(b.hasAttribute('hidden'), b.getAttribute('data-copy') ?? '').toBe(true);
    });
  });

  test.each([
    ['bib', 'bibtex', undefined],
    ['ris', 'ris', '@ris/file'],
    ['json', 'csl-json', undefined],
  ])('offers a .%s download that parses to a web page by the site, with its title, URL and date to its precision', (ext, style, forceType) => {
    checkEach(measurePages, (m) => m.file, (m) => {
      const { page, canonical, accessed } = measureFact(m.file);
      const link = page.querySelector(`section.cite-box a[download="${m.download}.${ext}"]`);
      expect(link, `download link for .${ext}`).not.toBeNull();
      const href = link!.getAttribute('href')!;
      const body = decodeURIComponent(href.slice(href.indexOf(',') + 1));
      expect(body.replaceAll('\r\n', '\n')).toBe(page.querySelector(`#cite-${style}`)?.text.replaceAll('\r\n', '\n'));
      const [item] = new Cite(ext === 'json' ? JSON.parse(body) : body, forceType ? { forceType } : {}).data;
      expect(item?.type).toBe('webpage');
      expect(item?.title).toBe(m.title);
      expect(item?.URL).toBe(canonical);
      expect(item?.issued?.['date-parts'][0]).toEqual(m.date.split('-').map(Number));
      expect(item?.author?.map((a) => a.literal ?? a.family)).toEqual(['CCTV Restrictions Timeline']);
      expect(item?.publisher).toBeUndefined();
      if (ext !== 'ris') expect(item?.accessed?.['date-parts'][0]).toEqual(accessed.split('-').map(Number));
      if (ext !== 'ris') expect(item?.abstract).toBe(page.querySelector('meta[name="description"]')?.getAttribute('content'));
    });
  });
});

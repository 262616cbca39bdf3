/**
 * Versions, end to end: the real content with one entry corrected (its first text kept as a
 * snapshot) is built for a deployment (https SITE_URL, REPORT_URL), and built again, unconfigured,
 * with the snapshot removed, which must fail naming the entry and the lost version.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../../src/lib/dates.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import type { EntriesExport } from '../../src/schemas/export.ts';
import { readPage } from '../support/html.ts';
import { ROOT, runBuild, type BuildResult } from '../support/site-build.ts';
import { readJsonFeed, readRss } from './feed-files.ts';
import { headProblems } from './head-rules.ts';
import { realContent } from './output-files.ts';

const SITE = 'https://cctv-timeline.example.org';
const REPORT = 'mailto:corrections@example.org';
const CORRECTED_ON = '2026-12-01';
const NOTE = 'Added a sentence on what the record shows.';
const ADDED = 'This sentence was added by the correction.';
const target = realContent().entries.find((e) => e.data.corrections.length === 0 && e.data.updated === undefined)!;
const id = target.id;
const temp = mkdtempSync(join(tmpdir(), 'tl-versions-'));
const out = join(temp, 'dist');
const original = readFileSync(join(ROOT, 'src/content/entries', `${id}.mdx`), 'utf8');

/** The real content with `id` corrected once; its first text kept as version 1 unless `lose`. */
function correctedContent(name: string, lose: boolean): string {
  const dir = join(temp, name);
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  const { frontMatter, body } = splitFrontMatter(original);
  const data = parse(frontMatter ?? '') as Record<string, unknown>;
  data['updated'] = CORRECTED_ON;
  data['corrections'] = [{ date: CORRECTED_ON, note: NOTE }];
  writeFileSync(join(dir, 'entries', `${id}.mdx`), `---\n${stringify(data)}---\n${body.trimEnd()}\n\n${ADDED}\n`);
  if (!lose) {
    mkdirSync(join(dir, 'versions', id), { recursive: true });
    writeFileSync(join(dir, 'versions', id, '1.mdx'), original);
  }
  const registry = parse(readFileSync(join(dir, 'permalinks.yaml'), 'utf8')) as Record<string, unknown>;
  registry['versions'] = { [id]: 2 };
  writeFileSync(join(dir, 'permalinks.yaml'), stringify(registry));
  return dir;
}

let built: BuildResult;
let lost: BuildResult;

beforeAll(async () => {
  built = await runBuild({ CONTENT_DIR: correctedContent('kept', false), OUT_DIR: out, SITE_URL: SITE, REPORT_URL: REPORT, BUILD_DATE: '2026-12-01T09:00:00Z' });
  lost = await runBuild({ CONTENT_DIR: correctedContent('lost', true), OUT_DIR: join(temp, 'lost'), BUILD_DATE: '2026-12-01T09:00:00Z' });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

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
    expect(banner.querySelector('a')?.getAttribute('href')).toBe(`/entries/${id}/`);
    expect(banner.text).toContain(`Changed in version 2 on 1 December 2026: ${NOTE}`);
    expect(page.querySelector('.entry .body')?.text).not.toContain(ADDED);
    expect(entryPage().querySelector('.entry .body')?.text).toContain(ADDED);
  });

  test('serves the current text as version 2, which says it is current', () => {
    expect(versionPage(2).querySelector('.version-banner')?.text.replace(/\s+/g, ' ')).toContain('Version 2, 1 December 2026. This is the current version');
    expect(versionPage(2).querySelector('.entry .body')?.text).toContain(ADDED);
  });

  test('keeps version pages out of the search index and the sitemap, each its own canonical URL', () => {
    for (const n of [1, 2]) {
      const page = versionPage(n);
      expect(page.querySelector('[data-pagefind-body]')).toBeNull();
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${entryUrl}v/${n}/`);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    }
    expect(entryPage().querySelector('[data-pagefind-body]')).not.toBeNull();
    const sitemap = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${entryUrl}</loc>`);
    expect(sitemap).not.toContain('/v/');
  });

  test('lists its versions with the date and the correction that made each', () => {
    const items = entryPage().querySelectorAll('ol.versions li').map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([`Version 1, ${formatDate(target.data.published)}: as first published`, `Version 2, 1 December 2026: ${NOTE} (current)`]);
    expect(entryPage().querySelector('ol.versions a')?.getAttribute('href')).toBe(`/entries/${id}/v/1/`);
  });

  test('offers to cite the current entry or this version, on both pages', () => {
    const current = entryPage().querySelector('section.cite-box')!;
    expect(current.querySelector('#cite-permalink')?.getAttribute('value')).toBe(entryUrl);
    expect(current.querySelector('#cite-other-link')?.getAttribute('value')).toBe(`${entryUrl}v/2/`);
    expect(current.querySelector('.choice a')?.text).toBe('Cite this version');
    const old = versionPage(1).querySelector('section.cite-box')!;
    expect(old.querySelector('h2')?.text).toBe('Cite this version');
    expect(old.querySelector('#cite-permalink')?.getAttribute('value')).toBe(`${entryUrl}v/1/`);
    expect(old.querySelector('#cite-other-link')?.getAttribute('value')).toBe(entryUrl);
    expect(old.querySelector('.choice a')?.text).toBe('Cite the current entry');
    expect(old.querySelector('.choice a')?.getAttribute('href')).toBe(`/entries/${id}/#cite-heading`);
  });

  test('carries the https URL, the date and the number of each version in the head and the citations', () => {
    const published = target.data.published;
    expect([
      ...headProblems(out, `entries/${id}/index.html`, { date: CORRECTED_ON, published, version: 2 }),
      ...headProblems(out, `entries/${id}/v/1/index.html`, { date: published, published, version: 1 }),
      ...headProblems(out, `entries/${id}/v/2/index.html`, { date: CORRECTED_ON, published, version: 2 }),
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
    expect(existsSync(join(temp, 'lost', 'index.html'))).toBe(false);
  });

  test('an unconfigured build says once that links will point to localhost and that no report address is set', () => {
    expect(lost.output.match(/SITE_URL is not set: canonical links, citations, feeds and the sitemap will point to http:\/\/localhost:4321/g)).toHaveLength(1);
    expect(lost.output.match(/REPORT_URL is not set/g)).toHaveLength(1);
  });
});

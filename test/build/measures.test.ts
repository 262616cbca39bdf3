/**
 * The measure pages, where things stand, and the places measures and typed relations show up in
 * the built site, read with an HTML parser; and the measure downloads against their schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { MEASURE_CSV_COLUMNS } from '../../src/lib/outputs/export.ts';
import { measureVersionsOf } from '../../src/lib/model/measure-versions.ts';
import { jurisdictionReach, measureBindsInfo, measureKindInfo, measureStatusInfo, measuresOfEntry, REACH_LEVELS, stageLabel } from '../../src/lib/model/measures.ts';
import { relationTypeInfo } from '../../src/lib/model/relations.ts';
import type { EntriesExport, MeasuresExport } from '../../src/schemas/export.ts';
import { readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
const measures = content.measures;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const text = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('measure pages', () => {
  test('the content records at least ten measures, and each has a page', () => {
    expect(measures.length).toBeGreaterThanOrEqual(10);
    const missing = measures.filter((m) => !existsSync(join(dist, 'measures', m.id, 'index.html'))).map((m) => m.id);
    expect(missing).toEqual([]);
  });

  test('each page gives the scope and the status, and lists every stage with a link to its entry, in order', () => {
    const problems: string[] = [];
    for (const { id, data } of measures) {
      const page = readPage(dist, `measures/${id}/index.html`);
      if (!text(page.querySelector('.facts')?.text).includes(text(data.scope))) problems.push(`${id}: scope missing`);
      if (!page.querySelector(`.measure-status.status-${data.status}`)) problems.push(`${id}: status missing`);
      const links = page.querySelectorAll('ol.stages li a').map((a) => a.getAttribute('href'));
      const expected = data.stages.map((s) => `/entries/${s.entry}/`);
      if (JSON.stringify(links) !== JSON.stringify(expected)) problems.push(`${id}: stage links ${JSON.stringify(links)}, expected ${JSON.stringify(expected)}`);
      if (page.querySelectorAll('.lifecycle svg circle').length !== data.stages.length) problems.push(`${id}: the time axis does not draw one point per stage`);
    }
    expect(problems).toEqual([]);
  });

  test('a measure page is indexed for search with its aliases and a measure filter', () => {
    const m = measures.find((x) => x.data.aliases.length > 0)!;
    const page = readPage(dist, `measures/${m.id}/index.html`);
    expect(page.querySelector('[data-pagefind-body]')).not.toBeNull();
    expect(page.querySelector('[data-pagefind-filter="measure[data-value]"]')?.getAttribute('data-value')).toBe(m.id);
    const names = page.querySelector('[data-pagefind-meta="measurename[data-value]"]')?.getAttribute('data-value') ?? '';
    for (const alias of m.data.aliases) expect(names.toLowerCase()).toContain(alias.toLowerCase());
  });

  test('each page shows the day its status was last checked, in words and as a <time>', () => {
    const problems: string[] = [];
    for (const { id, data } of measures) {
      const row = readPage(dist, `measures/${id}/index.html`).querySelectorAll('.facts > div').find((d) => text(d.querySelector('dt')?.text) === 'Status last checked');
      if (row?.querySelector('time')?.getAttribute('datetime') !== data.statusAsOf) problems.push(`${id}: no "Status last checked" ${data.statusAsOf}`);
    }
    expect(problems).toEqual([]);
  });

  test('each page lists its versions, one per stage, each linked to its own page, the last marked current', () => {
    const problems: string[] = [];
    for (const { id, data } of measures) {
      const items = readPage(dist, `measures/${id}/index.html`).querySelectorAll('ol.versions li');
      const hrefs = items.map((li) => li.querySelector('a')?.getAttribute('href'));
      const expected = data.stages.map((_, i) => `/measures/${id}/v/${i + 1}/`);
      if (JSON.stringify(hrefs) !== JSON.stringify(expected)) problems.push(`${id}: versions ${JSON.stringify(hrefs)}, expected ${JSON.stringify(expected)}`);
      const last = text(items.at(-1)?.text);
      if (!last.endsWith(`${stageLabel(data.stages.at(-1)!.stage)} (current)`)) problems.push(`${id}: last version reads "${last}"`);
    }
    expect(problems).toEqual([]);
  });

  test('/measures/ lists every measure under its jurisdiction', () => {
    const page = readPage(dist, 'measures/index.html');
    const hrefs = page.querySelectorAll('.measure-list a').map((a) => a.getAttribute('href'));
    expect(hrefs.sort()).toEqual(measures.map((m) => `/measures/${m.id}/`).sort());
  });
});

describe('/status/', () => {
  const page = readPage(dist, 'status/index.html');

  // Jurisdictions that no entry names have no page, so the status page leaves them out.
  const paged = content.jurisdictions.filter((j) => content.entries.some((e) => e.data.jurisdictions.includes(j.id)));

  test('has a row group per jurisdiction with measures, and a row per measure with its kind, whom it binds, whom it names and its status, date and note', () => {
    const groups = page.querySelectorAll('#status-table tbody');
    const withMeasures = paged.filter((j) => measures.some((m) => m.data.jurisdiction === j.id)).map((j) => j.id).sort();
    expect(groups.map((g) => g.getAttribute('id'))).toEqual(withMeasures.map((id) => `j-${id}`));
    expect(page.querySelectorAll('#status-table thead th').map((th) => text(th.text))).toEqual(['Measure', 'Kind', 'Binds', 'Names', 'Status']);
    for (const m of measures) {
      const group = page.querySelector(`#status-table tbody#j-${m.data.jurisdiction}`)!;
      expect(group.querySelector('tr.jurisdiction th a')?.getAttribute('href'), m.id).toBe(`/jurisdictions/${m.data.jurisdiction}/`);
      const row = group.querySelectorAll('tr').find((r) => r.querySelector(`th[scope="row"] a[href="/measures/${m.id}/"]`))!;
      expect(row, m.id).toBeDefined();
      const cells = row.querySelectorAll('td').map((td) => text(td.text));
      expect(cells[0], m.id).toBe(measureKindInfo(m.data.kind).label);
      expect(cells[1], m.id).toBe(measureBindsInfo(m.data.binds).label);
      for (const v of m.data.vendors) expect(row.querySelectorAll('td')[2]!.querySelector(`a[href="/vendors/${v}/"]`), `${m.id} ${v}`).not.toBeNull();
      if (m.data.criterion) expect(cells[2], m.id).toContain(text(m.data.criterion));
      expect(cells[3], m.id).toContain(measureStatusInfo(m.data.status).label);
      expect(cells[3], m.id).toContain(text(m.data.statusNote));
      expect(row.querySelectorAll('td')[3]!.querySelector(`time[datetime="${m.data.statusAsOf}"]`), m.id).not.toBeNull();
    }
  });

  test('draws the map with no script of its own: one linked shape per jurisdiction with map codes, shaded by what binds it, linked to its measures, with a label in words', () => {
    // Only the header's site-wide script, as on every page: the map itself needs none.
    const scripts = (path: string) => readPage(dist, path).querySelectorAll('script:not([type="application/ld+json"])').map((x) => x.getAttribute('src') ?? x.text);
    expect(scripts('status/index.html')).toEqual(scripts('about/index.html'));
    expect(page.querySelector('.world-map')?.querySelectorAll('script')).toHaveLength(0);
    const links = page.querySelectorAll('.world-map svg a');
    const drawn = paged.filter((j) => j.data.mapCodes.length > 0);
    const target = (id: string) => (measures.some((m) => m.data.jurisdiction === id) ? `#j-${id}` : `/jurisdictions/${id}/`);
    expect(links.map((a) => a.getAttribute('href')).sort()).toEqual(drawn.map((j) => target(j.id)).sort());
    for (const j of drawn) {
      const link = links.find((a) => a.getAttribute('href') === target(j.id))!;
      const reach = jurisdictionReach(j.id, measures).reach;
      expect(link.querySelector('path')?.classList.contains(`reach-${reach}`), j.id).toBe(true);
      expect(link.getAttribute('aria-label')).toBe(`${j.data.name}: ${REACH_LEVELS.find((r) => r.id === reach)!.label}`);
      // The list beneath the map says the same for readers who cannot see the shapes or the colours.
      expect(text(page.querySelector('.world-map .map-list')?.text)).toContain(`${j.data.name}: ${REACH_LEVELS.find((r) => r.id === reach)!.label}`);
    }
  });

  test('never shades a jurisdiction for a measure of one institution: the European Parliament\'s removal is listed as the Parliament\'s, and the EU is not shaded for it', () => {
    const institutional = measures.filter((m) => m.data.binds === 'one-institution');
    expect(institutional.map((m) => m.id)).toContain('eu-parliament-hikvision-removal');
    const list = page.querySelector('.world-map .institutions');
    for (const m of institutional.filter((x) => x.data.status !== 'proposed' && x.data.status !== 'revoked' && x.data.status !== 'no-longer-policy')) {
      expect(list?.querySelector(`a[href="/measures/${m.id}/"]`), m.id).not.toBeNull();
    }
    const eu = jurisdictionReach('eu', measures);
    expect(eu.reach).toBe('none');
    expect(page.querySelector('.world-map svg a[href="#j-eu"] path')?.classList.contains('reach-none')).toBe(true);
  });

  test('has a legend in words for every shade it uses, and points to the table as its text equivalent', () => {
    const legend = text(page.querySelector('.world-map figcaption')?.text);
    const used = new Set(paged.map((j) => jurisdictionReach(j.id, measures).reach));
    for (const level of REACH_LEVELS.filter((r) => used.has(r.id))) expect(legend).toContain(level.label);
    expect(page.querySelector('.world-map figcaption a[href="#status-table"]')).not.toBeNull();
  });

  test('is linked from the header of every page and summarised on the home page', () => {
    for (const path of ['index.html', `entries/${content.entries[0]!.id}/index.html`]) {
      const nav = readPage(dist, path).querySelectorAll('.site-header nav a').map((a) => a.getAttribute('href'));
      expect(nav).toEqual(expect.arrayContaining(['/status/', '/measures/']));
    }
    const summary = readPage(dist, 'index.html').querySelector('.where');
    expect(summary?.querySelector('a[href="/status/"]')).not.toBeNull();
    expect(text(summary?.text)).toMatch(/\d+ measures? (is|are) in force/);
  });
});

describe('reporting an error', () => {
  // The real build sets no REPORT_URL: the site record's address is the default.
  const address = content.site!.errorReports.replace(/^mailto:/, '');

  test('every measure page and every entry page links "Report an error", with its permanent URL and the version shown', () => {
    const pages = [
      ...measures.map((m) => ({ file: `measures/${m.id}/index.html`, label: 'Report an error in this measure', url: `/measures/${m.id}/`, version: `/measures/${m.id}/v/${m.data.stages.length}/` })),
      ...content.entries.map((e) => ({ file: `entries/${e.id}/index.html`, label: 'Report an error in this entry', url: `/entries/${e.id}/`, version: `/entries/${e.id}/v/${e.data.corrections.length + 1}/` })),
    ];
    for (const p of pages) {
      const link = readPage(dist, p.file).querySelectorAll('a').find((a) => a.text === p.label);
      const href = new URL(link?.getAttribute('href') ?? 'x:');
      expect(`${href.protocol}${href.pathname}`, p.file).toBe(`mailto:${address}`);
      const body = href.searchParams.get('body') ?? '';
      expect(body, p.file).toMatch(new RegExp(`^(Entry|Measure): https?://[^/]+${p.url.replace(/[/.]/g, '\\$&')}\n`));
      expect(body, p.file).toContain(p.version);
    }
  });
});

describe('measure versions', () => {
  const all = measures.flatMap((m) => measureVersionsOf(m.data).map((v) => ({ m, v, file: `measures/${m.id}/v/${v.n}/index.html` })));
  const sitemap = () => {
    const index = read('sitemap-index.xml');
    return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => read(new URL(x[1]!).pathname.split('/').pop()!)).join('');
  };

  test('every stage of every measure makes a version with its own page', () => {
    expect(all.length).toBe(measures.reduce((n, m) => n + m.data.stages.length, 0));
    expect(all.filter((x) => !existsSync(join(dist, x.file))).map((x) => x.file)).toEqual([]);
  });

  test('a version shows the stage it reached, with its date, and the stages up to it, in order', () => {
    const problems: string[] = [];
    for (const { m, v, file } of all) {
      const page = readPage(dist, file);
      const reached = page.querySelectorAll('.facts > div').find((d) => text(d.querySelector('dt')?.text) === 'Stage reached');
      if (!text(reached?.querySelector('dd')?.text).startsWith(`${stageLabel(v.stage.stage)}, `)) problems.push(`${file}: stage reached "${text(reached?.text)}"`);
      if (reached?.querySelector('time')?.getAttribute('datetime') !== v.date) problems.push(`${file}: no <time> of ${v.date}`);
      const links = page.querySelectorAll('ol.stages li a').map((a) => a.getAttribute('href'));
      const expected = m.data.stages.slice(0, v.n).map((s) => `/entries/${s.entry}/`);
      if (JSON.stringify(links) !== JSON.stringify(expected)) problems.push(`${file}: stages ${JSON.stringify(links)}, expected ${JSON.stringify(expected)}`);
      if (text(page.querySelector('h1')?.text) !== m.data.shortName) problems.push(`${file}: heading`);
    }
    expect(problems).toEqual([]);
  });

  test('a banner says whether the version is current; the current one gives the status recorded today', () => {
    const problems: string[] = [];
    for (const { m, v, file } of all) {
      const banner = readPage(dist, file).querySelector('.version-banner');
      const words = text(banner?.text);
      const want = v.current ? 'This is the current version of the measure' : 'This is not the current version';
      if (!words.includes(want)) problems.push(`${file}: banner "${words}"`);
      if (banner?.querySelector('a')?.getAttribute('href') !== `/measures/${m.id}/`) problems.push(`${file}: banner does not link the measure`);
      if (v.current !== Boolean(banner?.querySelector(`.measure-status.status-${m.data.status}`))) problems.push(`${file}: status in the banner`);
      if (!v.current && !words.includes(`Changed in version ${v.n + 1} on `)) problems.push(`${file}: does not say what changed next`);
    }
    expect(problems).toEqual([]);
  });

  test('version pages are their own canonical URL, kept out of search and the sitemap, and marked noindex', () => {
    const map = sitemap();
    const problems: string[] = [];
    for (const { file } of all) {
      const page = readPage(dist, file);
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      if (!canonical.endsWith(`/${file.replace(/index\.html$/, '')}`)) problems.push(`${file}: canonical ${canonical}`);
      if (page.querySelector('[data-pagefind-body]')) problems.push(`${file}: indexed for search`);
      if (page.querySelector('meta[name="robots"]')?.getAttribute('content') !== 'noindex') problems.push(`${file}: not noindex`);
      if (map.includes(`<loc>${canonical}</loc>`)) problems.push(`${file}: in the sitemap`);
    }
    expect(problems).toEqual([]);
    expect(map).toContain(`/measures/${measures[0]!.id}/</loc>`);
  });

  test('a version page lists every version, marking its own as the current page', () => {
    const { m, file } = all.find((x) => x.m.data.stages.length > 1 && x.v.n === 1)!;
    const items = readPage(dist, file).querySelectorAll('ol.versions li');
    expect(items).toHaveLength(m.data.stages.length);
    expect(items[0]?.querySelector('[aria-current="page"]')?.text).toBe('Version 1');
    expect(items[1]?.querySelector('a')?.getAttribute('href')).toBe(`/measures/${m.id}/v/2/`);
  });
});

describe('measures on other pages', () => {
  test('an entry that records a stage says what it is part of, and links the measure', () => {
    const problems: string[] = [];
    for (const entry of content.entries) {
      const parts = measuresOfEntry(entry.id, measures);
      const links = readPage(dist, `entries/${entry.id}/index.html`).querySelectorAll('.part-of a').map((a) => a.getAttribute('href'));
      const expected = parts.map((p) => `/measures/${p.measure.id}/`);
      if (JSON.stringify(links) !== JSON.stringify(expected)) problems.push(`${entry.id}: ${JSON.stringify(links)} instead of ${JSON.stringify(expected)}`);
    }
    expect(problems).toEqual([]);
  });

  test('a vendor page lists the measures in force that name the vendor', () => {
    const named = measures.filter((m) => m.data.vendors.includes('hikvision') && ['in-force', 'partly-in-force', 'challenged'].includes(m.data.status));
    const box = readPage(dist, 'vendors/hikvision/index.html').querySelector('.measures-box');
    expect(box?.querySelector('h2')?.text).toBe('Measures in force');
    expect(box?.querySelectorAll('.measure-list a').map((a) => a.getAttribute('href')).sort()).toEqual(named.map((m) => `/measures/${m.id}/`).sort());
    // Its measures span jurisdictions: each says whose it is, after its name.
    const whose = new Map(content.jurisdictions.map((j) => [j.id, j.data.shortName]));
    const items = box?.querySelectorAll('.measure-list li').map((li) => [li.querySelector('a')?.text, li.querySelector('.where')?.text]) ?? [];
    expect(items.sort()).toEqual(named.map((m) => [m.data.shortName, whose.get(m.data.jurisdiction)]).sort());
  });

  test('a jurisdiction page lists its measures', () => {
    // A jurisdiction with no entries has no page; one with a measure always has entries (its stages).
    for (const j of content.jurisdictions.filter((j) => existsSync(join(dist, `jurisdictions/${j.id}/index.html`)) || measures.some((m) => m.data.jurisdiction === j.id))) {
      const hrefs = readPage(dist, `jurisdictions/${j.id}/index.html`).querySelectorAll('.measures-box a[href^="/measures/"]').map((a) => a.getAttribute('href'));
      expect(hrefs.sort(), j.id).toEqual(measures.filter((m) => m.data.jurisdiction === j.id).map((m) => `/measures/${m.id}/`).sort());
    }
  });
});

describe('typed relations', () => {
  test('every relation shows on both entries, with the label on the writer and the inverse label on the other', () => {
    const problems: string[] = [];
    const groupsOf = (id: string) =>
      readPage(dist, `entries/${id}/index.html`).querySelectorAll('.related > div').map((d) => ({ label: text(d.querySelector('dt')?.text), hrefs: d.querySelectorAll('a').map((a) => a.getAttribute('href')) }));
    let count = 0;
    for (const entry of content.entries) {
      for (const rel of entry.data.related) {
        count += 1;
        const info = relationTypeInfo(rel.type);
        if (!groupsOf(entry.id).some((g) => g.label === info.label && g.hrefs.includes(`/entries/${rel.entry}/`))) problems.push(`${entry.id}: no "${info.label}" link to ${rel.entry}`);
        if (!groupsOf(rel.entry).some((g) => g.label === info.inverseLabel && g.hrefs.includes(`/entries/${entry.id}/`))) problems.push(`${rel.entry}: no "${info.inverseLabel}" link to ${entry.id}`);
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);

describe('measure downloads', () => {
  const data = JSON.parse(read('data/measures.json')) as MeasuresExport;

  test('/data/measures.json is valid against /data/measures.schema.json and holds every measure', () => {
    const validate = ajv.compile(JSON.parse(read('data/measures.schema.json')));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.measures.map((m) => m.id).sort()).toEqual(measures.map((m) => m.id).sort());
  });

  test('/data/measures.csv has the documented columns and a row per measure', () => {
    const rows = parse(read('data/measures.csv').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(MEASURE_CSV_COLUMNS.map((c) => c.name));
    expect(rows.map((r) => r['id']).sort()).toEqual(measures.map((m) => m.id).sort());
  });

  test('/data/entries.json lists each entry’s measure stages and its typed relations from both sides', () => {
    const entries = (JSON.parse(read('data/entries.json')) as EntriesExport).entries;
    const stages = entries.flatMap((e) => e.measures.map((m) => `${m.measure} ${m.stage} ${e.id}`)).sort();
    expect(stages).toEqual(measures.flatMap((m) => m.data.stages.map((s) => `${m.id} ${s.stage} ${s.entry}`)).sort());
    const incoming = entries.flatMap((e) => e.relations.filter((r) => r.direction === 'incoming').map((r) => `${r.entry} ${r.type} ${e.id}`)).sort();
    expect(incoming).toEqual(content.entries.flatMap((e) => e.data.related.map((r) => `${e.id} ${r.type} ${r.entry}`)).sort());
  });
});

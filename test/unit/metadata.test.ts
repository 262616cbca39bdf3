import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import {
  citationTitle,
  entryJsonLd,
  entryMetaTags,
  highwireDate,
  homePageModified,
  latestDate,
  measureDescription,
  pageJsonLd,
  pageMetaTags,
  serializeJsonLd,
  statusPageModified,
  toEntryMetadataInput,
  toMeasureMetadataInput,
  toPageMetadataInput,
  type EntryMetadataInput,
  type MetaTag,
} from '../../src/lib/citation/metadata.ts';
import { measureVersionsOf } from '../../src/lib/model/measure-versions.ts';
import { entrySchema } from '../../src/schemas/entry.ts';
import { measureSchema } from '../../src/schemas/measure.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

const base: EntryMetadataInput = {
  title: 'UK tells departments to stop deploying cameras',
  summary: 'A written ministerial statement.',
  url: 'https://example.org/entries/2022-11-24-uk/',
  siteUrl: 'https://example.org/',
  siteName: 'CCTV Restrictions Timeline',
  published: '2026-11-29',
  eventDate: '2022-11-24',
  places: ['United Kingdom'],
  sources: [
    { name: 'Security Update on Surveillance Equipment', publisher: 'National Protective Security Authority', url: 'https://www.npsa.gov.uk/x' },
    { name: 'A press release', publisher: 'Big Brother Watch', url: 'https://bigbrotherwatch.org.uk/y', datePublished: '2022-11-24', author: 'Jake Hurfurt' },
  ],
  corrections: [],
  language: 'en-GB',
  version: 1,
  rights: 'CC BY 4.0',
  licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
};

const corrected: EntryMetadataInput = {
  ...base,
  updated: '2026-12-10',
  eventEndDate: '2023-03',
  corrections: [{ date: '2026-12-10', note: 'The statement was made on 24 November, not 25 November.' }],
};

/** Serialises as the page does, then reads it back the way a crawler does. */
function roundTrip(input: EntryMetadataInput): Record<string, unknown> {
  const html = `<html><head><script type="application/ld+json">${serializeJsonLd(entryJsonLd(input))}</script></head><body></body></html>`;
  const scripts = parse(html).querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!.textContent) as Record<string, unknown>;
}

describe('entryJsonLd', () => {
  test('describes an Article by the site about the Event, parseable back from the page', () => {
    expect(roundTrip(base)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: base.title,
      description: base.summary,
      url: base.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': base.url },
      datePublished: '2026-11-29',
      dateModified: '2026-11-29',
      inLanguage: 'en-GB',
      publisher: { '@type': 'Organization', name: 'CCTV Restrictions Timeline', url: 'https://example.org/' },
      about: { '@type': 'Event', name: base.title, startDate: '2022-11-24' },
      spatialCoverage: [{ '@type': 'Place', name: 'United Kingdom' }],
    });
  });

  test('cites every source as a CreativeWork with its publisher, URL and date where known', () => {
    const ld = roundTrip(base);
    expect(ld['citation']).toEqual([
      { '@type': 'CreativeWork', name: base.sources[0]!.name, url: 'https://www.npsa.gov.uk/x', publisher: { '@type': 'Organization', name: 'National Protective Security Authority' } },
      {
        '@type': 'CreativeWork',
        name: 'A press release',
        url: 'https://bigbrotherwatch.org.uk/y',
        publisher: { '@type': 'Organization', name: 'Big Brother Watch' },
        author: 'Jake Hurfurt',
        datePublished: '2022-11-24',
      },
    ]);
  });

  test('has no correction property when there is nothing corrected', () => {
    expect(roundTrip(base)).not.toHaveProperty('correction');
  });

  test('carries corrections as CorrectionComments, the update as dateModified and the end date', () => {
    const ld = roundTrip(corrected);
    expect(ld['correction']).toEqual([{ '@type': 'CorrectionComment', datePublished: '2026-12-10', text: corrected.corrections[0]!.note }]);
    expect(ld['dateModified']).toBe('2026-12-10');
    expect(ld['about']).toMatchObject({ endDate: '2023-03' });
  });
});

describe('serializeJsonLd', () => {
  test.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- comment'],
    ['a & b > c'],
    ['line\u2028separator'],
  ])('keeps %j inert inside a script element and parses back to it', (title) => {
    const json = serializeJsonLd({ headline: title });
    expect(json).not.toMatch(/[<>&\u2028]/);
    const html = `<script type="application/ld+json">${json}</script><p id="after">after</p>`;
    const root = parse(html);
    expect(root.querySelectorAll('script')).toHaveLength(1);
    expect(root.querySelector('#after')?.text).toBe('after');
    expect(JSON.parse(root.querySelector('script')!.textContent)).toEqual({ headline: title });
  });

  test('a <script> title in an entry stays inert in the whole JSON-LD', () => {
    const json = serializeJsonLd(entryJsonLd({ ...base, title: '<script>alert("x")</script>' }));
    expect(json).not.toContain('<');
    expect((JSON.parse(json) as { headline: string }).headline).toBe('<script>alert("x")</script>');
  });
});

/** Tags by name or property. */
const keyed = (tags: MetaTag[]) => new Map(tags.map((t) => ['name' in t ? t.name : t.property, t.content]));

describe('entryMetaTags', () => {
  const byKey = (input: EntryMetadataInput) => keyed(entryMetaTags(input));

  test.each([
    ['citation_title', base.title],
    ['citation_publication_date', '2026/11/29'],
    ['citation_online_date', '2026/11/29'],
    ['citation_publisher', 'CCTV Restrictions Timeline'],
    ['citation_public_url', base.url],
    ['citation_abstract_html_url', base.url],
    ['citation_language', 'en-GB'],
    ['DC.title', base.title],
    ['DC.publisher', 'CCTV Restrictions Timeline'],
    ['DC.date', '2026-11-29'],
    ['DC.identifier', base.url],
    ['article:published_time', '2026-11-29'],
    ['article:modified_time', '2026-11-29'],
  ])('sets %s to %j', (key, value) => {
    expect(byKey(base).get(key)).toBe(value);
  });

  test('gives the update as the modified time', () => {
    expect(byKey(corrected).get('article:modified_time')).toBe('2026-12-10');
  });

  test('names no citation_author, so no person is guessed from the site name', () => {
    expect(byKey(base).has('citation_author')).toBe(false);
  });

  test('gives the site as one organisation author (trailing comma) and the licence', () => {
    expect(byKey(base).get('DC.creator')).toBe('CCTV Restrictions Timeline,');
    expect(byKey(base).get('DC.rights')).toBe('CC BY 4.0');
  });

  test("names the version in the saved title on a version's own page, and only there", () => {
    const onVersionPage = byKey({ ...corrected, version: 1, versionPage: true });
    expect(onVersionPage.get('citation_title')).toBe(`${base.title}, version 1`);
    expect(onVersionPage.get('DC.title')).toBe(`${base.title}, version 1`);
    expect(byKey({ ...corrected, version: 2 }).get('citation_title')).toBe(base.title);
  });

  test('uses property for Open Graph article tags and name for the rest', () => {
    for (const tag of entryMetaTags(base)) {
      const key = 'name' in tag ? tag.name : tag.property;
      expect('property' in tag, key).toBe(key.startsWith('article:'));
    }
  });

  test.each([
    ['2026-11-29', '2026/11/29'],
    ['2026-01-05', '2026/01/05'],
  ])('highwireDate writes %s as %s', (iso, expected) => {
    expect(highwireDate(iso)).toBe(expected);
  });
});

describe('toEntryMetadataInput', () => {
  const entry = {
    id: '2022-11-24-uk',
    data: entrySchema.parse({
      title: base.title,
      summary: base.summary,
      date: '2022-11-24',
      datePrecision: 'day',
      category: 'government-restriction',
      jurisdictions: ['uk', 'china'],
      sources: ['npsa', 'bbw'],
      verification: 'confirmed',
      verificationNote: 'Recorded.',
      published: '2026-11-29',
      updated: '2026-12-10',
      corrections: [{ date: '2026-12-10', note: 'Fixed a date.' }],
    }),
  };
  const sources = new Map([
    ['npsa', sourceSchema.parse({ title: 'NPSA page', publisher: 'NPSA', url: 'https://www.npsa.gov.uk/x', kind: 'primary' })],
    ['bbw', sourceSchema.parse({ title: 'BBW release', publisher: 'Big Brother Watch', published: '2022-11-24', archiveUrl: 'https://web.archive.org/web/1/x', archived: '2023-01-01', kind: 'secondary' })],
  ]);

  test('resolves sources in order, place names, corrections and the update', () => {
    const input = toEntryMetadataInput(entry, { url: base.url, siteUrl: base.siteUrl, sources, placeNames: new Map([['uk', 'United Kingdom'], ['china', 'China']]) });
    expect(input.sources).toEqual([
      { name: 'NPSA page', publisher: 'NPSA', url: 'https://www.npsa.gov.uk/x' },
      { name: 'BBW release', publisher: 'Big Brother Watch', datePublished: '2022-11-24', archiveUrl: 'https://web.archive.org/web/1/x' },
    ]);
    expect(input.places).toEqual(['United Kingdom', 'China']);
    expect(input.corrections).toEqual([{ date: '2026-12-10', note: 'Fixed a date.' }]);
    expect(input.updated).toBe('2026-12-10');
    expect(input.eventDate).toBe('2022-11-24');
    expect(entryJsonLd(input)['citation']).toContainEqual(expect.objectContaining({ archivedAt: 'https://web.archive.org/web/1/x' }));
  });
});

describe('citationTitle', () => {
  test.each([
    ['A title', undefined, 'A title'],
    ['A title', 2, 'A title, version 2'],
  ])('cites %j (version %j) as %j', (title, version, expected) => {
    expect(citationTitle(title, version)).toBe(expected);
  });
});

describe('latestDate and the dates of the home and status pages', () => {
  test.each([
    [[], undefined],
    [['2026-11-29', undefined, '2026-12-01', '2026-11-30'], '2026-12-01'],
    [['2025', '2025-07', '2024-12-31'], '2025-07'],
  ])('takes the latest of %j: %j', (dates, expected) => {
    expect(latestDate(dates)).toBe(expected);
  });

  const entries = [{ data: { published: '2026-11-29' } }, { data: { published: '2026-11-29', updated: '2026-11-30' } }];
  const measures = [{ data: { statusAsOf: '2026-11-28' } }, { data: { statusAsOf: '2026-11-27' } }];

  test('dates the home page by the latest entry publication or update, or status check', () => {
    expect(homePageModified(entries, measures)).toBe('2026-11-30');
    expect(homePageModified(entries, [{ data: { statusAsOf: '2026-12-02' } }])).toBe('2026-12-02');
  });

  test('dates /status/ by the latest status check, and gives no date without measures', () => {
    expect(statusPageModified(measures)).toBe('2026-11-28');
    expect(statusPageModified([])).toBeUndefined();
  });
});

describe('the metadata of a measure page and of its versions', () => {
  const measure = {
    id: 'ca-closure',
    data: measureSchema.parse({
      name: 'Order to close Hikvision Canada',
      shortName: 'Canadian closure order',
      jurisdiction: 'canada',
      issuedBy: ['ised'],
      kind: 'closure-order',
      scope: 'Hikvision Canada must stop operating.',
      binds: 'one-company',
      vendors: ['hikvision'],
      status: 'challenged',
      statusAsOf: '2026-12-01',
      statusNote: 'In force while the review goes on.',
      stages: [
        { date: '2025-06-27', stage: 'adopted', entry: '2025-06-27-order' },
        { date: '2025-07', stage: 'challenged', entry: '2025-07-review' },
        { date: '2025-09-16', stage: 'in-force', entry: '2025-09-16-no-stay' },
      ],
    }),
  };
  const titles = new Map([
    ['2025-06-27-order', 'Canada orders Hikvision Canada to close'],
    ['2025-07-review', 'Hikvision Canada seeks judicial review'],
  ]);
  const at = {
    url: 'https://example.org/measures/ca-closure/',
    siteUrl: 'https://example.org/',
    entry: (id: string) => (titles.has(id) ? { title: titles.get(id)!, url: `https://example.org/entries/${id}/` } : undefined),
  };
  const versions = measureVersionsOf(measure.data);

  test('dates the measure page by its last check, describes its status and gives its current version', () => {
    const input = toMeasureMetadataInput(measure, at);
    expect(input).toMatchObject({ title: 'Canadian closure order', modified: '2026-12-01', url: at.url, rights: 'CC BY 4.0', siteName: 'CCTV Restrictions Timeline' });
    expect(input.description).toBe('Order to close Hikvision Canada. Hikvision Canada must stop operating. Status: in force, challenged.');
    expect(input.version).toBe(3);
    expect(input).not.toHaveProperty('published');
  });

  test('cites the entries of its stages in the JSON-LD, once each, leaving out an unknown one', () => {
    const ld = pageJsonLd(toMeasureMetadataInput(measure, at));
    expect(ld['citation']).toEqual([
      { '@type': 'CreativeWork', name: 'Canada orders Hikvision Canada to close', url: 'https://example.org/entries/2025-06-27-order/' },
      { '@type': 'CreativeWork', name: 'Hikvision Canada seeks judicial review', url: 'https://example.org/entries/2025-07-review/' },
    ]);
  });

  test('names a version in its title, dates it by its stage to its precision, and cites only the stages up to it', () => {
    const input = toMeasureMetadataInput(measure, { ...at, url: `${at.url}v/2/`, version: versions[1]! });
    expect(input).toMatchObject({ title: 'Canadian closure order, version 2', modified: '2025-07', version: 2 });
    expect(input.description).toBe('Order to close Hikvision Canada. Hikvision Canada must stop operating. Version 2: challenged, July 2025.');
    expect(input.cites?.map((c) => c.url)).toEqual(['https://example.org/entries/2025-06-27-order/', 'https://example.org/entries/2025-07-review/']);
    const tags = keyed(pageMetaTags(input));
    expect(tags.get('citation_publication_date')).toBe('2025/07');
    expect(tags.get('DC.date')).toBe('2025-07');
  });

  test('measureDescription gives today’s status, or the stage a version reached', () => {
    expect(measureDescription(measure.data)).toMatch(/ Status: in force, challenged\.$/);
    expect(measureDescription(measure.data, versions[0]!)).toMatch(/ Version 1: adopted, 27 June 2025\.$/);
  });
});

describe('pageMetaTags and pageJsonLd', () => {
  const home = toPageMetadataInput({
    title: 'CCTV Restrictions Timeline',
    description: 'A timeline.',
    url: 'https://example.org/',
    siteUrl: 'https://example.org/',
    modified: '2026-12-01',
  });

  test.each([
    ['citation_title', 'CCTV Restrictions Timeline'],
    ['citation_publication_date', '2026/12/01'],
    ['citation_public_url', 'https://example.org/'],
    ['citation_abstract', 'A timeline.'],
    ['citation_language', 'en-GB'],
    ['DC.title', 'CCTV Restrictions Timeline'],
    ['DC.creator', 'CCTV Restrictions Timeline,'],
    ['DC.date', '2026-12-01'],
    ['DC.rights', 'CC BY 4.0'],
    ['DC.identifier', 'https://example.org/'],
  ])('sets %s to %j on a page that is not an entry', (key, value) => {
    expect(keyed(pageMetaTags(home)).get(key)).toBe(value);
  });

  test('gives no first-publication tags where the record has no such day', () => {
    const tags = keyed(pageMetaTags(home));
    for (const key of ['citation_online_date', 'article:published_time', 'article:modified_time', 'citation_author', 'author']) expect(tags.has(key), key).toBe(false);
  });

  test('describes a WebPage by the site, with its licence and date, parseable back from the page', () => {
    const ld = JSON.parse(serializeJsonLd(pageJsonLd(home))) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      name: 'CCTV Restrictions Timeline',
      url: 'https://example.org/',
      dateModified: '2026-12-01',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      author: { '@type': 'Organization', name: 'CCTV Restrictions Timeline' },
      isPartOf: { '@type': 'WebSite', url: 'https://example.org/' },
    });
    expect(ld).not.toHaveProperty('version');
    expect(ld).not.toHaveProperty('citation');
  });
});

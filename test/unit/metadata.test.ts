import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { entryJsonLd, entryMetaTags, highwireDate, serializeJsonLd, toEntryMetadataInput, type EntryMetadataInput } from '../../src/lib/citation/metadata.ts';
import { entrySchema } from '../../src/schemas/entry.ts';
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

describe('entryMetaTags', () => {
  const byKey = (input: EntryMetadataInput) => new Map(entryMetaTags(input).map((t) => ['name' in t ? t.name : t.property, t.content]));

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

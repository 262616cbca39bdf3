import { describe, expect, test } from 'vitest';
import { checkEditorialRules, urlKey, type EditorialInput } from '../../src/lib/content/editorial-rules.ts';
import type { Entry } from '../../src/schemas/entry.ts';
import type { Source } from '../../src/schemas/source.ts';

const source = (id: string, data: Partial<Source>) => ({
  id,
  file: `sources/${id}.yaml`,
  data: { title: id, publisher: 'A newspaper', kind: 'secondary', ...data } as Source,
});

const entry = (sources: string[], verification: Entry['verification'] = 'confirmed', date = '2022-11-24', verificationNote = 'Reported by a newspaper.') => ({
  id: `${date}-x`,
  file: `entries/${date}-x.mdx`,
  data: { date, verification, verificationNote, sources, jurisdictions: ['us'] } as unknown as Entry,
});

function check(input: Partial<EditorialInput>): string[] {
  const sources = input.sources ?? [];
  return checkEditorialRules({ entries: [], rawSources: sources, ...input, sources });
}

describe('urlKey', () => {
  test.each([
    ['https://Example.org/a/', 'https://example.org/a'],
    ['https://example.org/a#section', 'https://example.org/a'],
    ['https://example.org/a?x=1', 'https://example.org/a?x=1'],
    ['not a url ', 'not a url'],
  ])('compares %s as %s', (url, key) => {
    expect(urlKey(url)).toBe(key);
  });
});

describe('a reported entry says so in words', () => {
  test.each(['Reported by the Financial Times.', 'Based on press reports.', 'Reportedly ordered by the ministry.', 'Based on trade-press reporting.'])('accepts the note "%s"', (note) => {
    expect(check({ entries: [entry([], 'reported', '2022-11-24', note)] })).toEqual([]);
  });

  test('rejects a reported entry whose note never says "reported", naming the file and field', () => {
    expect(check({ entries: [entry([], 'reported', '2022-11-24', 'Only anonymous sources describe it.')] })).toEqual([
      'entries/2022-11-24-x.mdx: verificationNote: a "reported" entry must say in its note that the event is reported (the word "reported"), e.g. "Reported by the Financial Times; not officially confirmed."',
    ]);
  });

  test('asks nothing of a confirmed or disputed entry\'s note', () => {
    const sources = [source('law', { kind: 'primary' })];
    expect(check({ sources, entries: [entry(['law'], 'confirmed', '2022-11-24', 'The law is published.'), entry(['law'], 'disputed', '2022-11-25', 'Sources disagree.')] })).toEqual([]);
  });
});

describe('what a confirmed entry rests on', () => {
  test('one primary source is enough', () => {
    expect(check({ sources: [source('law', { kind: 'primary', publisher: 'Parliament' })], entries: [entry(['law'])] })).toEqual([]);
  });

  test('two independent publishers are enough', () => {
    const sources = [source('a', { publisher: 'Reuters' }), source('b', { publisher: 'Bloomberg' })];
    expect(check({ sources, entries: [entry(['a', 'b'])] })).toEqual([]);
  });

  test('two copies of one wire story are one publisher, however the sites differ', () => {
    const sources = [source('a', { publisher: 'Reuters', via: 'MarketScreener' }), source('b', { publisher: 'reuters', via: 'Nasdaq' })];
    expect(check({ sources, entries: [entry(['a', 'b'])] })).toEqual([
      'entries/2022-11-24-x.mdx: verification: "confirmed" needs a primary source or sources from two independent publishers, but every source is from Reuters (a, b); add one or mark the entry "reported"',
    ]);
  });

  test('a reported entry may rest on one report', () => {
    expect(check({ sources: [source('a', {})], entries: [entry(['a'], 'reported')] })).toEqual([]);
  });

  test('state media beside a primary source is not state media alone', () => {
    const sources = [source('gt', { publisher: 'Global Times', stateMedia: true }), source('mfa', { publisher: 'Ministry', kind: 'primary' })];
    expect(check({ sources, entries: [entry(['mfa', 'gt'])] })).toEqual([]);
  });

  test('an entry citing a source that failed its schema is left to the other checks', () => {
    expect(check({ sources: [], entries: [entry(['missing'])] })).toEqual([]);
  });
});

describe('publishers and addresses', () => {
  test('a via with its publisher passes', () => {
    expect(check({ sources: [source('a', { publisher: 'Reuters', via: 'MarketScreener' })], syndicators: { file: 's.yaml', names: ['MarketScreener'] } })).toEqual([]);
  });

  test('sources without a url never clash', () => {
    expect(check({ sources: [source('a', {}), source('b', {})] })).toEqual([]);
  });
});

describe('coverage', () => {
  const areas = [{ jurisdictions: ['us'], through: '2026-11-30' }, { jurisdictions: ['uk'], through: '2026-10-31' }];

  test('an entry dated within the coverage month passes when the coverage ends that month', () => {
    expect(check({ entries: [entry([], 'reported', '2026-11')], coverage: { file: 'site.yaml', areas } })).toEqual([]);
  });

  test('an entry dated the day after its jurisdiction\'s coverage ends is rejected, naming that day', () => {
    expect(check({ entries: [entry([], 'reported', '2026-12-01')], coverage: { file: 'site.yaml', areas } })).toEqual([
      'entries/2026-12-01-x.mdx: date: 2026-12-01 is after 2026-11-30, the day its jurisdictions were reviewed to in site.yaml (coverage); review the record up to the entry\'s date and move that part\'s through',
    ]);
  });

  test('each jurisdiction is held to its own part of the coverage, and an entry no part covers is named', () => {
    const uk = { ...entry([], 'reported', '2026-11-15'), data: { ...entry([], 'reported', '2026-11-15').data, jurisdictions: ['uk'] } };
    expect(check({ entries: [uk], coverage: { file: 'site.yaml', areas } })).toHaveLength(1);
    const tw = { ...entry([], 'reported', '2026-01'), data: { ...entry([], 'reported', '2026-01').data, jurisdictions: ['taiwan'] } };
    expect(check({ entries: [tw], coverage: { file: 'site.yaml', areas } })).toEqual(['entries/2026-01-x.mdx: jurisdictions: no part of the coverage in site.yaml lists taiwan; say in coverage how far those events were reviewed']);
  });
});

describe('a reported or disputed event says so in its summary', () => {
  const withSummary = (verification: Entry['verification'], summary: string) => {
    const e = entry([], verification);
    return { ...e, data: { ...e.data, summary } as Entry };
  };

  test('a reported entry whose summary does not say "reported" is named', () => {
    expect(check({ entries: [withSummary('reported', 'The department stopped buying the cameras.')] })).toEqual([
      'entries/2022-11-24-x.mdx: summary: a "reported" entry must say in its summary that the event is reported (e.g. "… was reported to …", "… reportedly …"), since lists, feeds and search results show the summary without the label',
    ]);
    expect(check({ entries: [withSummary('reported', 'The department reportedly stopped buying the cameras.')] })).toEqual([]);
  });

  test('a disputed entry says it is disputed or denied', () => {
    expect(check({ entries: [withSummary('disputed', 'Cars were kept out of the compounds.')] })).toHaveLength(1);
    expect(check({ entries: [withSummary('disputed', 'Cars were kept out of the compounds, which the company denied.')] })).toEqual([]);
  });
});

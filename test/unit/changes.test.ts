import { describe, expect, test } from 'vitest';
import { collectChanges, measureCorrectionAnchor, type ChangingEntry, type ChangingMeasure } from '../../src/lib/model/changes.ts';
import { changeFeedItems, changesFeed, startDay, type ChangesFeedPaths } from '../../src/lib/outputs/feeds.ts';
import { createPaths } from '../../src/lib/site/paths.ts';

const entry = (id: string, date: string, published: string, corrections: [string, string][] = [], updated?: string): ChangingEntry => ({
  id,
  data: { title: `Title of ${id}`, summary: `Summary of ${id}`, date, published, updated, corrections: corrections.map(([d, note]) => ({ date: d, note })) },
});

const measure = (id: string, stages: ChangingMeasure['data']['stages'], status: ChangingMeasure['data']['status'] = 'in-force'): ChangingMeasure => ({
  id,
  data: { shortName: `Measure ${id}`, status, statusAsOf: '2026-12-01', statusNote: 'Checked.', stages },
});

/** Each change as `date kind subject`, in order. */
const lines = (entries: ChangingEntry[], measures: ChangingMeasure[] = []) =>
  collectChanges(entries, measures).map((c) => `${c.date} ${c.kind} ${c.kind === 'stage' ? `${c.measureId}:${c.stage}` : c.kind === 'measure-correction' ? c.measureId : c.entryId}`);

describe('collectChanges', () => {
  test('gives an entry without corrections one change: its publication, with its title and summary', () => {
    expect(collectChanges([entry('2021-a', '2021', '2026-11-29')], [])).toEqual([
      { kind: 'new-entry', date: '2026-11-29', anchor: 'new-2021-a', entryId: '2021-a', title: 'Title of 2021-a', summary: 'Summary of 2021-a' },
    ]);
  });

  test('gives each correction its note and the versions before and after it', () => {
    const changes = collectChanges([entry('2021-a', '2021', '2026-11-29', [['2026-12-01', 'First fix.'], ['2026-12-05', 'Second fix.']], '2026-12-05')], []);
    expect(changes.filter((c) => c.kind === 'correction')).toEqual([
      { kind: 'correction', date: '2026-12-05', anchor: 'correction-2021-a-v3', entryId: '2021-a', title: 'Title of 2021-a', note: 'Second fix.', before: 2, after: 3 },
      { kind: 'correction', date: '2026-12-01', anchor: 'correction-2021-a-v2', entryId: '2021-a', title: 'Title of 2021-a', note: 'First fix.', before: 1, after: 2 },
    ]);
  });

  test('lists an update only when no correction of the entry was made that day', () => {
    expect(lines([entry('2021-a', '2021', '2026-11-29', [['2026-12-01', 'Fixed.']], '2026-12-01')])).toEqual(['2026-12-01 correction 2021-a', '2026-11-29 new-entry 2021-a']);
    expect(lines([entry('2021-a', '2021', '2026-11-29', [], '2026-12-03')])).toEqual(['2026-12-03 update 2021-a', '2026-11-29 new-entry 2021-a']);
    expect(lines([entry('2021-a', '2021', '2026-11-29', [], '2026-11-29')])).toEqual(['2026-11-29 new-entry 2021-a']);
  });

  test('gives every stage of a measure with the versions before and after it, and only the latest the status the measure has now', () => {
    const changes = collectChanges(
      [entry('2022-11-24-x', '2022-11-24', '2026-11-29')],
      [measure('uk-instruction', [{ date: '2022-11-24', stage: 'announced', entry: '2022-11-24-x' }, { date: '2023-02', stage: 'in-force', entry: 'gone', note: 'Part B' }])],
    );
    expect(changes.filter((c) => c.kind === 'stage')).toEqual([
      {
        kind: 'stage',
        date: '2023-02',
        anchor: 'stage-uk-instruction-2023-02-in-force',
        measureId: 'uk-instruction',
        before: 1,
        after: 2,
        measure: 'Measure uk-instruction',
        stage: 'in-force',
        stageLabel: 'In force',
        note: 'Part B',
        entryId: 'gone',
        entryTitle: undefined,
        status: { id: 'in-force', label: 'In force', asOf: '2026-12-01', note: 'Checked.' },
      },
      {
        kind: 'stage',
        date: '2022-11-24',
        anchor: 'stage-uk-instruction-2022-11-24-announced',
        measureId: 'uk-instruction',
        before: undefined,
        after: 1,
        measure: 'Measure uk-instruction',
        stage: 'announced',
        stageLabel: 'Announced',
        note: undefined,
        entryId: '2022-11-24-x',
        entryTitle: 'Title of 2022-11-24-x',
        status: undefined,
      },
    ]);
  });

  test.each([
    {
      name: 'newest first across kinds, dates of any precision compared by the earliest day they can mean',
      entries: [entry('2021-a', '2021', '2026-11-29', [['2026-12-01', 'x']])],
      measures: [measure('m', [{ date: '2021', stage: 'adopted', entry: '2021-a' }, { date: '2026-12', stage: 'expanded', entry: '2021-a' }])],
      expected: ['2026-12-01 correction 2021-a', '2026-12 stage m:expanded', '2026-11-29 new-entry 2021-a', '2021 stage m:adopted'],
    },
    {
      name: 'on one day: corrections, updates, measure stages, then new entries',
      entries: [entry('2019-a', '2019', '2026-12-01'), entry('2020-b', '2020', '2026-11-01', [], '2026-12-01'), entry('2021-c', '2021', '2026-11-01', [['2026-12-01', 'x']])],
      measures: [measure('m', [{ date: '2026-12-01', stage: 'adopted', entry: '2019-a' }])],
      expected: ['2026-12-01 correction 2021-c', '2026-12-01 update 2020-b', '2026-12-01 stage m:adopted', '2026-12-01 new-entry 2019-a', '2026-11-01 new-entry 2021-c', '2026-11-01 new-entry 2020-b'],
    },
    {
      name: 'of one kind on one day, the later event first, then by id',
      entries: [entry('2019-10-07-a', '2019-10-07', '2026-11-29'), entry('2022-b', '2022', '2026-11-29'), entry('2022-a', '2022', '2026-11-29')],
      measures: [],
      expected: ['2026-11-29 new-entry 2022-a', '2026-11-29 new-entry 2022-b', '2026-11-29 new-entry 2019-10-07-a'],
    },
    {
      name: 'two corrections of one entry on one day: the later one first',
      entries: [entry('2021-a', '2021', '2026-11-29', [['2026-12-01', 'first'], ['2026-12-01', 'second']])],
      measures: [],
      expected: ['2026-12-01 correction 2021-a', '2026-12-01 correction 2021-a', '2026-11-29 new-entry 2021-a'],
    },
  ])('orders $name', ({ entries, measures, expected }) => {
    expect(lines(entries, measures)).toEqual(expected);
  });

  test('gives every change an anchor of its own, even two like stages of one measure on one date', () => {
    const changes = collectChanges(
      [entry('2021-a', '2021', '2026-11-29', [['2026-12-01', 'x'], ['2026-12-01', 'y']], '2026-12-02')],
      [measure('m', [{ date: '2021', stage: 'challenged', entry: '2021-a' }, { date: '2021', stage: 'challenged', entry: '2021-a' }])],
    );
    const anchors = changes.map((c) => c.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toContain('stage-m-2021-challenged-2');
    for (const anchor of anchors) expect(anchor).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('changeFeedItems', () => {
  const paths: ChangesFeedPaths = {
    ...createPaths('/tl/', 'https://example.org'),
    measureVersion: (id, n) => `/tl/measures/${id}/v/${n}/`,
  };
  const changes = collectChanges(
    [entry('2021-03-19-a', '2021-03-19', '2026-11-29', [['2026-12-01', 'Fixed the category.']]), entry('2022-b', '2022', '2026-11-29', [], '2026-12-03')],
    [measure('m', [{ date: '2021-03', stage: 'adopted', entry: '2021-03-19-a' }, { date: '2022', stage: 'in-force', entry: '2022-b', note: 'Part B' }])],
  );
  const items = changeFeedItems(changes, paths);

  test('gives one item per change, in the same order, each at a URL no other item has', () => {
    expect(items.map((i) => i.url)).toEqual([
      'https://example.org/tl/entries/2022-b/#corrections',
      'https://example.org/tl/entries/2021-03-19-a/v/2/',
      'https://example.org/tl/entries/2022-b/',
      'https://example.org/tl/entries/2021-03-19-a/',
      'https://example.org/tl/measures/m/v/2/',
      'https://example.org/tl/measures/m/v/1/',
    ]);
    expect(items.map((i) => i.tags[0])).toEqual(['Update', 'Correction', 'New entry', 'New entry', 'Measure stage', 'Measure stage']);
  });

  test('dates a stage of a month or a year by its first day, and says its precision in the text', () => {
    const stage = items.find((i) => i.url.endsWith('/m/v/1/'))!;
    expect(stage.published).toBe('2021-03-01');
    expect(stage.text).toContain('Measure m: adopted, March 2021.');
    expect(items.find((i) => i.url.endsWith('/m/v/2/'))!.published).toBe('2022-01-01');
  });

  test('tells a correction’s note and links the version before it, where its changes are shown', () => {
    const correction = items[1]!;
    expect(correction.title).toBe('Correction: Title of 2021-03-19-a');
    expect(correction.summary).toBe('Fixed the category.');
    expect(correction.text).toContain('https://example.org/tl/entries/2021-03-19-a/v/1/#what-changed');
  });

  test('gives the latest stage the measure’s status now', () => {
    expect(items.find((i) => i.url.endsWith('/m/v/2/'))!.text).toContain('Status now: In force (as of 1 December 2026). Checked.');
    expect(items.find((i) => i.url.endsWith('/m/v/1/'))!.text).not.toContain('Status now');
  });

  test('gives each correction of one measure a link of its own, to its place in the measure page\'s log', () => {
    const corrected: ChangingMeasure = {
      id: 'm',
      data: {
        ...measure('m', [{ date: '2021-03', stage: 'adopted', entry: '2021-03-19-a' }]).data,
        corrections: [
          { date: '2026-12-05', note: 'The status was too strong.' },
          { date: '2026-12-06', note: 'The scope was too broad.' },
          { date: '2026-12-06', note: 'A stage note was wrong.' },
        ],
      },
    };
    const own = collectChanges([], [corrected]).filter((c) => c.kind === 'measure-correction');
    expect(own.map((c) => c.number)).toEqual([3, 2, 1]);
    const urls = changeFeedItems(own, paths).map((i) => i.url);
    expect(urls).toEqual([
      'https://example.org/tl/measures/m/#correction-3',
      'https://example.org/tl/measures/m/#correction-2',
      'https://example.org/tl/measures/m/#correction-1',
    ]);
    expect(measureCorrectionAnchor(2)).toBe('correction-2');
  });

  test('is a feed titled for the changes, whose JSON Feed lives at /changes/feed.json', () => {
    const feed = changesFeed(changes, paths, 'Site');
    expect(feed.meta.title).toBe('Site: changes');
    expect(feed.meta.feedUrl).toBe('https://example.org/tl/changes/feed.json');
    expect(feed.rssPath).toBe('/tl/changes/feed.xml');
    expect(feed.items).toEqual(items);
  });
});

describe('startDay', () => {
  test.each([
    ['2023', '2023-01-01'],
    ['2023-02', '2023-02-01'],
    ['2023-02-06', '2023-02-06'],
  ])('gives %s as %s', (date, day) => {
    expect(startDay(date)).toBe(day);
  });
});

import { describe, expect, test } from 'vitest';
import { collectCorrections, type EntryWithCorrections } from '../../src/lib/model/corrections.ts';

const entry = (id: string, date: string, corrections: [string, string][]): EntryWithCorrections => ({
  id,
  data: { title: `Title of ${id}`, date, corrections: corrections.map(([d, note]) => ({ date: d, note })) },
});

describe('collectCorrections', () => {
  test('returns an empty log when no entry has a correction', () => {
    expect(collectCorrections([entry('2021-03-19-a', '2021-03-19', []), entry('2022-b', '2022', [])])).toEqual([]);
  });

  test('carries the date, the note, the entry id, title and date, and the version each correction made', () => {
    expect(collectCorrections([entry('2019-10-07-x', '2019-10-07', [['2026-12-02', 'Fixed the effective date.'], ['2026-12-03', 'Added a source.']])])).toEqual([
      { date: '2026-12-03', note: 'Added a source.', entryId: '2019-10-07-x', entryTitle: 'Title of 2019-10-07-x', entryDate: '2019-10-07', version: 3 },
      { date: '2026-12-02', note: 'Fixed the effective date.', entryId: '2019-10-07-x', entryTitle: 'Title of 2019-10-07-x', entryDate: '2019-10-07', version: 2 },
    ]);
  });

  test.each([
    {
      name: 'newer corrections come first, across entries',
      entries: [entry('2019-a', '2019', [['2026-12-01', 'a1']]), entry('2022-b', '2022', [['2026-12-05', 'b1']]), entry('2020-c', '2020', [['2027-01-03', 'c1']])],
      expected: ['c1', 'b1', 'a1'],
    },
    {
      name: 'an entry with several corrections contributes each at its own date',
      entries: [entry('2021-a', '2021', [['2026-12-01', 'a1'], ['2027-02-01', 'a2']]), entry('2022-b', '2022', [['2027-01-01', 'b1']])],
      expected: ['a2', 'b1', 'a1'],
    },
    {
      name: 'on the same day, the entry with the later event date comes first',
      entries: [entry('2019-10-07-a', '2019-10-07', [['2026-12-01', 'a1']]), entry('2022-11-24-b', '2022-11-24', [['2026-12-01', 'b1']])],
      expected: ['b1', 'a1'],
    },
    {
      name: 'event dates of different precision compare by the earliest day they can mean',
      entries: [entry('2021-07-a', '2021-07', [['2026-12-01', 'month']]), entry('2021-07-01-b', '2021-07-01', [['2026-12-01', 'day']]), entry('2021-c', '2021', [['2026-12-01', 'year']])],
      expected: ['day', 'month', 'year'],
    },
    {
      name: 'same day and same event date fall back to the entry id, alphabetically',
      entries: [entry('2022-11-25-zeta', '2022-11-25', [['2026-12-01', 'z']]), entry('2022-11-25-alpha', '2022-11-25', [['2026-12-01', 'a']])],
      expected: ['a', 'z'],
    },
    {
      name: 'two corrections of one entry on one day show the later log item first',
      entries: [entry('2022-a', '2022', [['2026-12-01', 'first'], ['2026-12-01', 'second']])],
      expected: ['second', 'first'],
    },
  ])('orders the log: $name', ({ entries, expected }) => {
    expect(collectCorrections(entries).map((c) => c.note)).toEqual(expected);
    expect(collectCorrections([...entries].reverse()).map((c) => c.note)).toEqual(expected);
  });
});

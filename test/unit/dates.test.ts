import { describe, expect, test } from 'vitest';
import { compareDates, dateSortKey, formatDate, lastDayOf, parsePartialDate, precisionOf, searchableDateForms } from '../../src/lib/dates.ts';
import { partialDateSchema } from '../../src/schemas/partial-date.ts';

describe('formatDate', () => {
  test.each([
    ['2022-11-24', '24 November 2022'],
    ['2021-03', 'March 2021'],
    ['2019', '2019'],
    ['2021-01-01', '1 January 2021'],
    ['2020-12-31', '31 December 2020'],
  ])('formats %s as "%s"', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  test('never shifts a day, whatever the process time zone', () => {
    const before = process.env.TZ;
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = tz;
      expect(formatDate('2022-11-24')).toBe('24 November 2022');
      expect(formatDate('2021-01-01')).toBe('1 January 2021');
    }
    process.env.TZ = before;
  });
});

describe('parsePartialDate and precisionOf', () => {
  test.each([
    ['2019', 'year'],
    ['2021-03', 'month'],
    ['2021-03-19', 'day'],
  ] as const)('reads %s as %s precision', (input, precision) => {
    expect(precisionOf(input)).toBe(precision);
    expect(parsePartialDate(input).precision).toBe(precision);
  });

  test('rejects a string that is not an ISO date', () => {
    expect(() => parsePartialDate('March 2021')).toThrow(/not an ISO date/);
  });
});

describe('sorting', () => {
  test('orders mixed precisions chronologically, a month before its days', () => {
    const dates = ['2022', '2021-03-19', '2021-03', '2019-10-07', '2021'];
    expect([...dates].sort(compareDates)).toEqual(['2019-10-07', '2021', '2021-03', '2021-03-19', '2022']);
  });

  test('builds sort keys with zeroes for missing parts', () => {
    expect(dateSortKey('2021')).toBe('2021-00-00');
    expect(dateSortKey('2021-03')).toBe('2021-03-00');
  });

  test.each([
    ['2022-02', '2022-02-28'],
    ['2024-02', '2024-02-29'],
    ['2021', '2021-12-31'],
    ['2021-03-19', '2021-03-19'],
  ])('the last day of %s is %s', (input, expected) => {
    expect(lastDayOf(input)).toBe(expected);
  });
});

describe('searchableDateForms', () => {
  test('lists the forms people type for a day', () => {
    expect(searchableDateForms('2022-11-24')).toEqual(['24 November 2022', 'November 24, 2022', '24 Nov 2022', '2022-11-24', '24/11/2022', 'November 2022', 'Nov 2022', '2022-11', '2022']);
  });
  test('lists the forms people type for a month and a year', () => {
    expect(searchableDateForms('2021-03')).toEqual(['March 2021', 'Mar 2021', '2021-03', '2021']);
    expect(searchableDateForms('2019')).toEqual(['2019']);
  });
});

describe('partialDateSchema', () => {
  test.each([
    ['2022-11-24', '2022-11-24'],
    [2021, '2021'],
    [new Date('2022-11-24T00:00:00Z'), '2022-11-24'],
    ['2024-02-29', '2024-02-29'],
  ])('accepts %s as %s', (input, expected) => {
    expect(partialDateSchema.parse(input)).toBe(expected);
  });
  test.each(['2022-02-30', '2023-02-29', '2022-13', '2022-00', '22-11-24', '24/11/2022', '', 'soon'])('rejects %s', (input) => {
    expect(partialDateSchema.safeParse(input).success).toBe(false);
  });
});

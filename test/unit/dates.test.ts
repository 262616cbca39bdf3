import { describe, expect, test } from 'vitest';
import { compareDates, dateSortKey, formatDate, parseDateQuery, parsePartialDate, precisionOf, searchableDateForms } from '../../src/lib/model/dates.ts';
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
});

describe('searchableDateForms', () => {
  test("indexes a day written out, its month's short name, and the ISO day and month", () => {
    expect(searchableDateForms('2022-11-24')).toEqual(['24 November 2022', 'Nov', '2022-11-24', '2022-11']);
  });
  test('indexes a month and a year to their precision', () => {
    expect(searchableDateForms('2021-03')).toEqual(['March 2021', 'Mar', '2021-03']);
    expect(searchableDateForms('2019')).toEqual(['2019']);
  });
});

describe('parseDateQuery', () => {
  test.each([
    ['2019', '2019'],
    ['March 2021', '2021-03'],
    ['march 2021', '2021-03'],
    ['Mar 2021', '2021-03'],
    ['Sept 2021', '2021-09'],
    ['Nov. 2022', '2022-11'],
    ['2021-03', '2021-03'],
    ['24 November 2022', '2022-11-24'],
    ['24th November 2022', '2022-11-24'],
    ['24th of November 2022', '2022-11-24'],
    ['24 Nov 2022', '2022-11-24'],
    ['November 24, 2022', '2022-11-24'],
    ['Nov. 24 2022', '2022-11-24'],
    ['2022-11-24', '2022-11-24'],
    ['2022/11/24', '2022-11-24'],
    ['24/11/2022', '2022-11-24'],
    ['11/24/2022', '2022-11-24'],
    ['24.11.2022', '2022-11-24'],
    ['1 March 2021', '2021-03-01'],
    ['2022年11月24日', '2022-11-24'],
    ['2022年11月24号', '2022-11-24'],
    ['２０２２年１１月２４日', '2022-11-24'],
    ['2022年11月', '2022-11'],
    ['2022 年 11 月', '2022-11'],
    ['2019年', '2019'],
  ])('reads %j as %s', (query, iso) => {
    expect(parseDateQuery(query)).toEqual([iso]);
  });

  test.each([
    ['03/04/2021', ['2021-03-04', '2021-04-03']],
    ['12/01/2020', ['2020-01-12', '2020-12-01']],
    ['05.06.2022', ['2022-05-06', '2022-06-05']],
  ])('reads the ambiguous numeric date %j both ways, earliest first', (query, readings) => {
    expect(parseDateQuery(query)).toEqual(readings);
  });

  test('reads a numeric date with the same day and month once', () => {
    expect(parseDateQuery('07/07/2021')).toEqual(['2021-07-07']);
  });

  test.each(['Hikvision 2019', 'Section 889', '889', '30 February 2022', '13/13/2022', '31/02/2022', 'Marsh 2021', 'may', '12345', '2022年13月', '2022年2月30日', ''])('does not read %j as a date', (query) => {
    expect(parseDateQuery(query)).toEqual([]);
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

/**
 * Calendar dates with a precision. Everything here works on the ISO string the writer typed and
 * formats in UTC, so a date never shifts by a day in another time zone.
 */
import type { DatePrecision } from '../../schemas/partial-date.ts';
import { MONTHS, monthName } from './months.ts';

export type { DatePrecision };

/** A date split into its parts; `month` and `day` are absent at lower precisions. */
export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/**
 * Splits an ISO date of any precision into its parts.
 * @example parsePartialDate('2021-03') // { year: 2021, month: 3, precision: 'month' }
 */
export function parsePartialDate(value: string): PartialDateParts {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) throw new Error(`not an ISO date: ${value}`);
  const [, y, m, d] = match;
  const parts: PartialDateParts = { year: Number(y), precision: d ? 'day' : m ? 'month' : 'year' };
  if (m) parts.month = Number(m);
  if (d) parts.day = Number(d);
  return parts;
}

/**
 * The precision that the form of an ISO date shows.
 * @example precisionOf('2019') // 'year'
 */
export function precisionOf(value: string): DatePrecision {
  return parsePartialDate(value).precision;
}

/**
 * A sort key: the earliest day the date can mean, as `YYYY-MM-DD`. Comparing keys as strings
 * orders dates chronologically; a month sorts before the days within it.
 * @example dateSortKey('2021-03') // '2021-03-00'
 */
export function dateSortKey(value: string): string {
  // Sorting calls this for both sides of every comparison: the form is checked, not parsed.
  if (!ISO_DATE.test(value)) throw new Error(`not an ISO date: ${value}`);
  return value.length === 4 ? `${value}-00-00` : value.length === 7 ? `${value}-00` : value;
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * Compares two ISO dates of any precision chronologically.
 * @example ['2022', '2021-03-19'].sort(compareDates) // ['2021-03-19', '2022']
 */
export function compareDates(a: string, b: string): number {
  const ka = dateSortKey(a);
  const kb = dateSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Formats a date to its precision in British English.
 * @example formatDate('2022-11-24') // '24 November 2022'
 * @example formatDate('2021-03') // 'March 2021'
 * @example formatDate('2019') // '2019'
 */
export function formatDate(value: string): string {
  const { year, month, day } = parsePartialDate(value);
  if (month === undefined) return String(year);
  if (day === undefined) return `${monthName(month)} ${year}`;
  return `${day} ${monthName(month)} ${year}`;
}

/**
 * The forms of a date that the search index holds for an entry: the date written out (its words
 * match a query that mentions the date among other words, in any order), the month's short name
 * ("Nov"), and the ISO forms of the day and the month, which Pagefind reads as one word each
 * (`20221124`, `202211`) and which the search page uses to find the entries of a date. A query that
 * is wholly a date, in any form people type, is read by {@link parseDateQuery} instead, so other
 * spellings (`24/11/2022`, `November 24, 2022`) need no room in the index.
 * @example searchableDateForms('2022-11-24') // ['24 November 2022', 'Nov', '2022-11-24', '2022-11']
 * @example searchableDateForms('2021-03') // ['March 2021', 'Mar', '2021-03']
 */
export function searchableDateForms(value: string): string[] {
  const { year, month, day } = parsePartialDate(value);
  if (month === undefined) return [String(year)];
  const mm = String(month).padStart(2, '0');
  const short = monthName(month).slice(0, 3);
  if (day === undefined) return [formatDate(value), short, `${year}-${mm}`];
  return [formatDate(value), short, `${year}-${mm}-${String(day).padStart(2, '0')}`, `${year}-${mm}`];
}

/**
 * The month a typed word names: its full English name or its first three letters ("Sept" too),
 * in any case, with or without a full stop.
 * @example monthOfWord('Nov.') // 11
 */
function monthOfWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((m) => {
    const name = m.toLowerCase();
    return w === name || w === name.slice(0, 3) || (name === 'september' && w === 'sept');
  });
  return index === -1 ? undefined : index + 1;
}

/** The ISO date of these parts at their precision, or `undefined` for a day or month that does not exist. */
function isoOf(year: number, month?: number, day?: number): string | undefined {
  if (year < 1900 || year > 2199) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a search query that is wholly a date, in the forms people type, as the ISO dates it can
 * mean, earliest first (empty when it is not a date). ISO (`2022-11-24`, `2022-11`, `2022`, also
 * with `/` or `.`), numeric with the year last (`24/11/2022`, `11/24/2022`, `24.11.2022`), written
 * (`24 Nov 2022`, `24th of November 2022`, `November 24, 2022`, `Nov 2022`) and Chinese
 * (`2022年11月24日`, `2022年11月`, `2022年`). A numeric date that reads both day first and month
 * first (`03/04/2021`) gives both days; one that reads only one way (`11/24/2022`) gives that one.
 * @example parseDateQuery('24 November 2022') // ['2022-11-24']
 * @example parseDateQuery('03/04/2021') // ['2021-03-04', '2021-04-03']
 * @example parseDateQuery('2022年11月') // ['2022-11']
 * @example parseDateQuery('Hikvision 2019') // []
 */
export function parseDateQuery(query: string): string[] {
  // NFKC turns full-width digits (２０２２) into ASCII ones.
  const q = query.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/,/g, '');
  const one = (iso: string | undefined) => (iso === undefined ? [] : [iso]);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(q))) return one(isoOf(Number(m[1])));
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(q))) return one(isoOf(Number(m[1]), Number(m[2])));
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(q))) return one(isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  if ((m = /^(\d{4}) ?年(?: ?(\d{1,2}) ?月(?: ?(\d{1,2}) ?[日号])?)?$/.exec(q))) {
    return one(isoOf(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])));
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const readings = [isoOf(year, b, a), isoOf(year, a, b)].filter((d): d is string => d !== undefined);
    // Both readings are days, so their ISO forms sort as their dates do.
    return [...new Set(readings)].sort();
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?) (\d{4})$/i.exec(q))) {
    const month = monthOfWord(m[2]!);
    return month === undefined ? [] : one(isoOf(Number(m[3]), month, Number(m[1])));
  }
  if ((m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(q))) {
    const month = monthOfWord(m[1]!);
    return month === undefined ? [] : one(isoOf(Number(m[3]), month, Number(m[2])));
  }
  if ((m = /^([a-z]+\.?) (\d{4})$/i.exec(q))) {
    const month = monthOfWord(m[1]!);
    return month === undefined ? [] : one(isoOf(Number(m[2]), month));
  }
  return [];
}

/**
 * Today's date in UTC as `YYYY-MM-DD`, or the day of `BUILD_DATE`/`now` given.
 * @example isoDay(new Date('2026-11-29T23:30:00Z')) // '2026-11-29'
 */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

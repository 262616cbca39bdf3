/**
 * Calendar dates with a precision. Everything here works on the ISO string the writer typed and
 * formats in UTC, so a date never shifts by a day in another time zone.
 */
import type { DatePrecision } from '../schemas/partial-date.ts';

export type { DatePrecision };

/** A date split into its parts; `month` and `day` are absent at lower precisions. */
export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

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
  const { year, month, day } = parsePartialDate(value);
  return `${String(year).padStart(4, '0')}-${String(month ?? 0).padStart(2, '0')}-${String(day ?? 0).padStart(2, '0')}`;
}

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
  const monthName = MONTHS[month - 1];
  if (day === undefined) return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

/**
 * The last day a date of any precision can mean, for range checks against "today".
 * @example lastDayOf('2022-02') // '2022-02-28'
 */
export function lastDayOf(value: string): string {
  const { year, month, day } = parsePartialDate(value);
  if (day !== undefined) return value;
  const m = month ?? 12;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Every written form of a date that a reader might type into search, e.g. for 2022-11-24:
 * "24 November 2022", "November 24, 2022", "2022-11-24", "24/11/2022", "November 2022", "2022".
 * @example searchableDateForms('2021-03') // ['March 2021', 'Mar 2021', '2021-03', '2021']
 */
export function searchableDateForms(value: string): string[] {
  const { year, month, day } = parsePartialDate(value);
  const forms: string[] = [];
  if (month !== undefined) {
    const name = MONTHS[month - 1] as string;
    const short = name.slice(0, 3);
    const mm = String(month).padStart(2, '0');
    if (day !== undefined) {
      const dd = String(day).padStart(2, '0');
      forms.push(`${day} ${name} ${year}`, `${name} ${day}, ${year}`, `${day} ${short} ${year}`, `${year}-${mm}-${dd}`, `${dd}/${mm}/${year}`);
    }
    forms.push(`${name} ${year}`, `${short} ${year}`, `${year}-${mm}`);
  }
  forms.push(String(year));
  return forms;
}

/**
 * Today's date in UTC as `YYYY-MM-DD`, or the day of `BUILD_DATE`/`now` given.
 * @example isoDay(new Date('2026-11-29T23:30:00Z')) // '2026-11-29'
 */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

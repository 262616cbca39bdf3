import { z } from 'astro/zod';

/** How exact a calendar date is: a whole year, a month, or a single day. */
export const datePrecisionSchema = z.enum(['year', 'month', 'day']);

/** The precision of a date. */
export type DatePrecision = z.output<typeof datePrecisionSchema>;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * YAML parsers disagree on bare dates: `2022-11-24` may arrive as a Date (YAML 1.1 timestamp,
 * always midnight UTC) and `2021` as a number. Both are turned back into the ISO string the
 * writer typed, so the rest of the code only ever sees strings and never a time zone.
 */
function normaliseDateInput(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string') return value.trim();
  return value;
}

function isRealCalendarDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1900 || year > 2999) return false;
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * A calendar date as an ISO string with one of three precisions: `2021`, `2021-03` or
 * `2021-03-19`. Impossible dates such as `2022-02-30` are rejected.
 */
export const partialDateSchema = z.preprocess(
  normaliseDateInput,
  z
    .string({ error: 'expected a date such as 2022, 2022-11 or 2022-11-24' })
    .regex(PARTIAL_DATE, { error: 'expected a date such as 2022, 2022-11 or 2022-11-24' })
    .refine(isRealCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a real calendar date` }),
);

/** A calendar date to the day: `2022-11-24`. */
export const fullDateSchema = z.preprocess(
  normaliseDateInput,
  z
    .string({ error: 'expected a full date such as 2022-11-24' })
    .regex(FULL_DATE, { error: 'expected a full date such as 2022-11-24' })
    .refine(isRealCalendarDate, { error: (issue) => `"${String(issue.input)}" is not a real calendar date` }),
);

/** A partial ISO date string, as stored. */
export type PartialDate = z.output<typeof partialDateSchema>;

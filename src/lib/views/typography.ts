/**
 * Small rules of punctuation for text that the templates join together, so that a name that
 * already ends in a full stop ("City A.M.") does not get a second one, a note in brackets does not
 * end ".)", and a title that already carries its date is not followed by the same date again.
 */
import { formatDate } from '../model/dates.ts';

const ENDS_SENTENCE = /[.!?…]["'’”)\]]*$/;

/**
 * Whether text already ends as a sentence does (full stop, question or exclamation mark,
 * possibly inside closing quotes or brackets).
 * @example endsSentence('City A.M.') // true
 */
export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text.trimEnd());
}

/**
 * The full stop to put after some text: none when the text already ends a sentence.
 * @example fullStopAfter('City A.M.') // ''
 * @example fullStopAfter('Reuters') // '.'
 */
export function fullStopAfter(text: string): string {
  return endsSentence(text) ? '' : '.';
}

/**
 * A note as it reads inside brackets: without the full stop that ends it on its own.
 * @example inBrackets('Part A, the ban on procurement.') // 'Part A, the ban on procurement'
 * @example inBrackets('as amended by P.L.') // 'as amended by P.L.'
 */
export function inBrackets(note: string): string {
  const text = note.trim();
  // Keep a stop that belongs to an abbreviation ("P.L.", "Inc."): only a word of two letters or
  // more followed by one stop is a sentence's end.
  return /[a-z0-9)\]]{2}\.$/i.test(text) && !/\b[A-Z][a-z]?\.$/.test(text) ? text.slice(0, -1) : text;
}

/** One pattern per date: a build asks about every source on every page that lists it. */
const DATE_PATTERNS = new Map<string, RegExp>();

/**
 * Whether a title already names the given date as the site writes it (e.g. "… 21 March 2022"),
 * so that a list need not repeat it.
 * @example titleNamesDate('Letter to Hikvision 21 March 2022 (accessible)', '2022-03-21') // true
 * @example titleNamesDate('Procurement Act 2023', '2023-10-26') // false
 */
export function titleNamesDate(title: string, date: string): boolean {
  // Most titles name no date: without the year's digits there is no pattern to build or run.
  if (!title.includes(date.slice(0, 4))) return false;
  let pattern = DATE_PATTERNS.get(date);
  if (!pattern) {
    pattern = new RegExp(`(^|\\W)${formatDate(date).replace(/ /g, '\\s+')}(\\W|$)`, 'i');
    DATE_PATTERNS.set(date, pattern);
  }
  return pattern.test(title);
}

/**
 * The site-wide corrections log: every dated correction of every entry, in one list, so a
 * reader can see what changed without opening each entry.
 */
import { compareDates } from './dates.ts';

/** The least an entry needs to contribute to the log. */
export interface EntryWithCorrections {
  id: string;
  data: {
    title: string;
    /** The event's date, of any precision; orders corrections made on the same day. */
    date: string;
    /** The entry's own log, oldest first. */
    corrections: readonly { date: string; note: string }[];
  };
}

/** One line of the site-wide log. */
export interface CorrectionLogItem {
  /** The day the correction was made (`YYYY-MM-DD`). */
  date: string;
  /** What was wrong and what the entry now says. */
  note: string;
  /** The corrected entry's id, for its permanent URL. */
  entryId: string;
  /** The corrected entry's title. */
  entryTitle: string;
  /** The corrected entry's event date, of any precision. */
  entryDate: string;
  /** The version of the entry this correction made (2 for the first correction). */
  version: number;
}

/**
 * Collects every correction across entries, newest correction first. Corrections made on the
 * same day are ordered by their entry's event date, newest first, then by entry id; two
 * corrections of one entry on one day keep the reverse of their log order (the later one first).
 * @example
 * collectCorrections([
 *   { id: 'a', data: { title: 'A', date: '2021', corrections: [{ date: '2026-12-01', note: 'x' }] } },
 *   { id: 'b', data: { title: 'B', date: '2022', corrections: [{ date: '2026-12-05', note: 'y' }] } },
 * ]).map((c) => c.entryId) // ['b', 'a']
 */
export function collectCorrections(entries: readonly EntryWithCorrections[]): CorrectionLogItem[] {
  const items = entries.flatMap((entry) =>
    entry.data.corrections.map((correction, index) => ({
      index,
      item: { date: correction.date, note: correction.note, entryId: entry.id, entryTitle: entry.data.title, entryDate: entry.data.date, version: index + 2 },
    })),
  );
  items.sort(
    (a, b) =>
      compareDates(b.item.date, a.item.date) ||
      compareDates(b.item.entryDate, a.item.entryDate) ||
      (a.item.entryId < b.item.entryId ? -1 : a.item.entryId > b.item.entryId ? 1 : 0) ||
      b.index - a.index,
  );
  return items.map(({ item }) => item);
}

/**
 * The one month table: the dates' formatting, their searchable forms, the parsing of typed dates
 * and the citation styles' month names all read it. A module of its own so that a page script
 * that only writes a month (the cite box) does not carry the date parser with it.
 */

/** The English month names, January first. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * The English name of a month, 1 to 12.
 * @example monthName(11) // 'November'
 */
export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (name === undefined) throw new Error(`not a month: ${month}`);
  return name;
}

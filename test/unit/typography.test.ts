import { describe, expect, test } from 'vitest';
import { endsSentence, fullStopAfter, inBrackets, titleNamesDate } from '../../src/lib/views/typography.ts';

describe('full stops', () => {
  test.each([
    ['City A.M.', ''],
    ['Reuters', '.'],
    ['What is Section 889?', ''],
    ['“A quoted title.”', ''],
    ['Procurement Act 2023', '.'],
  ])('after %s comes %j', (text, stop) => {
    expect(fullStopAfter(text)).toBe(stop);
    expect(endsSentence(text)).toBe(stop === '');
  });
});

describe('inBrackets', () => {
  test.each([
    ['Part A, the ban on agencies procuring covered equipment (FAR interim rule, FAC 2019-05).', 'Part A, the ban on agencies procuring covered equipment (FAR interim rule, FAC 2019-05)'],
    ['The day the footage was recorded.', 'The day the footage was recorded'],
    ['Letter to Michael Gove', 'Letter to Michael Gove'],
    ['as amended by P.L.', 'as amended by P.L.'],
  ])('drops the sentence-ending stop of %j', (note, shown) => {
    expect(inBrackets(note)).toBe(shown);
  });
});

describe('titleNamesDate', () => {
  test.each([
    ['Letter from BSCC to Hikvision 21 March 2022 (accessible)', '2022-03-21', true],
    ['Written answer (Department for Transport), 6 July 2023', '2023-07-06', true],
    ['manager magazin report on Beidaihe barring Tesla cars, June 2022', '2022-06', true],
    ['Letter from BSCC to Hikvision 21 March 2022', '2022-03-01', false],
    ['Procurement Act 2023', '2023-10-26', false],
    ['Procurement Act 2023', '2023', true],
    ['Report of 121 March 2022', '2022-03-21', false],
  ])('%j names %s: %s', (title, date, names) => {
    expect(titleNamesDate(title, date)).toBe(names);
  });
});

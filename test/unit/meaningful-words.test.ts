import { describe, expect, test } from 'vitest';
import { meaningfulWords } from '../../src/lib/search/meaningful-words.ts';

describe('meaningfulWords', () => {
  test('drops question words, auxiliaries and articles, and the question mark', () => {
    expect(meaningfulWords('why did China ban Tesla cars?')).toBe('China ban Tesla cars');
    expect(meaningfulWords('which countries have banned Hikvision')).toBe('countries banned Hikvision');
    expect(meaningfulWords("what's the FCC's covered list")).toBe("FCC's covered list");
  });

  test('keeps abbreviations written in capitals, and words a reader means such as "not"', () => {
    expect(meaningfulWords('did the US ban Hikvision')).toBe('US ban Hikvision');
    expect(meaningfulWords('is it not banned')).toBe('not banned');
  });

  test('says there is nothing to drop, or nothing left', () => {
    expect(meaningfulWords('Hikvision cameras')).toBeUndefined();
    expect(meaningfulWords('what is it')).toBeUndefined();
  });
});

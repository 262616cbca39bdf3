import { describe, expect, test } from 'vitest';
import { wholeNumberSetting } from '../../src/data/settings.ts';

describe('wholeNumberSetting', () => {
  test('gives the default when the variable is unset or empty, and the number when it is one', () => {
    expect(wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1, {})).toBe(50);
    expect(wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1, { BROWSE_PAGE_SIZE: '' })).toBe(50);
    expect(wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1, { BROWSE_PAGE_SIZE: '4' })).toBe(4);
    expect(wholeNumberSetting('MEASURES_IN_FULL', 50, 0, { MEASURES_IN_FULL: '0' })).toBe(0);
  });

  test('fails by name on anything but a whole number at or above the least', () => {
    for (const value of ['0', '-3', '2.5', 'ten', ' ']) {
      expect(() => wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1, { BROWSE_PAGE_SIZE: value })).toThrow(`BROWSE_PAGE_SIZE must be a whole number of at least 1, not "${value}"`);
    }
  });
});

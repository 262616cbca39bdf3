import { describe, expect, test } from 'vitest';
import { monthName } from '../../src/lib/model/months.ts';

describe('monthName', () => {
  test('names the months from 1 to 12 and refuses anything else', () => {
    expect([1, 9, 12].map(monthName)).toEqual(['January', 'September', 'December']);
    expect(() => monthName(0)).toThrow(/not a month: 0/);
    expect(() => monthName(13)).toThrow(/not a month: 13/);
  });
});

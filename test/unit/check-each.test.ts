import { describe, expect, test } from 'vitest';
import { checkEach, checkEachFile } from '../support/each.ts';

describe('checkEach (one test over many files)', () => {
  test('passes when every item passes', () => {
    expect(() => checkEachFile(['a.html', 'b.html'], (file) => expect(file).toMatch(/\.html$/))).not.toThrow();
  });

  test('fails once, naming every item that failed and what failed', () => {
    let message = '';
    try {
      checkEach([1, 2, 3, 4], (n) => `page-${n}.html`, (n) => expect(n % 2, 'odd').toBe(0));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('2 of 4 failed');
    expect(message).toContain('page-1.html: odd');
    expect(message).toContain('page-3.html: odd');
    expect(message).not.toContain('page-2.html');
  });

  test('fails on an empty list, which would check nothing', () => {
    expect(() => checkEachFile([], () => {})).toThrow(/nothing to check/);
  });
});

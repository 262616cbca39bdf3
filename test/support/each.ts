/**
 * One test for one behaviour over many files: the check runs for every item, every failure is
 * collected with the item's name, and the test fails once, listing them all.
 */
import { expect } from 'vitest';

/** Runs `check` (which may use `expect`) for each item; fails listing `<name>: <what failed>` for every item that failed. */
export function checkEach<T>(items: readonly T[], name: (item: T) => string, check: (item: T) => void): void {
  expect(items.length, 'there is nothing to check').toBeGreaterThan(0);
  const failures: string[] = [];
  for (const item of items) {
    try {
      check(item);
    } catch (error) {
      failures.push(`${name(item)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  expect(failures, `${failures.length} of ${items.length} failed:\n${failures.join('\n\n')}`).toEqual([]);
}

/** {@link checkEach} over file paths (or ids), each named by itself. */
export function checkEachFile(files: readonly string[], check: (file: string) => void): void {
  checkEach(files, (file) => file, check);
}

/**
 * Which Chromium the browser tests and the benchmark drive (test/support/browser.ts): the order of
 * TL_BROWSER, CHROME_PATH, /usr/bin/chromium and the Chromium from npm, and the errors for a wrong
 * setting (never a quiet fall-back to another browser).
 */
import { describe, expect, test } from 'vitest';
import { browserChoice } from '../support/browser.ts';

const on = (...paths: string[]) => (path: string) => paths.includes(path);

describe('browserChoice', () => {
  test('uses /usr/bin/chromium when it exists and nothing else is asked for', () => {
    expect(browserChoice({}, on('/usr/bin/chromium'))).toEqual({ kind: 'system', path: '/usr/bin/chromium' });
  });

  test('falls back to the Chromium from npm when there is no system one', () => {
    expect(browserChoice({}, on())).toEqual({ kind: 'bundled' });
  });

  test('CHROME_PATH comes before /usr/bin/chromium', () => {
    expect(browserChoice({ CHROME_PATH: '/opt/chrome/chrome' }, on('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ kind: 'system', path: '/opt/chrome/chrome' });
  });

  test('a CHROME_PATH that does not exist is an error, not a fall-back', () => {
    expect(() => browserChoice({ CHROME_PATH: '/nowhere/chrome' }, on('/usr/bin/chromium'))).toThrow(/CHROME_PATH names \/nowhere\/chrome, which does not exist/);
  });

  test('TL_BROWSER=bundled forces the Chromium from npm over any system one', () => {
    expect(browserChoice({ TL_BROWSER: 'bundled', CHROME_PATH: '/opt/chrome/chrome' }, on('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ kind: 'bundled' });
  });

  test('TL_BROWSER=system fails when there is no system Chromium', () => {
    expect(browserChoice({ TL_BROWSER: 'system' }, on('/usr/bin/chromium'))).toEqual({ kind: 'system', path: '/usr/bin/chromium' });
    expect(() => browserChoice({ TL_BROWSER: 'system' }, on())).toThrow(/TL_BROWSER=system but there is no Chromium/);
  });

  test('an unknown TL_BROWSER value is an error', () => {
    expect(() => browserChoice({ TL_BROWSER: 'firefox' }, on('/usr/bin/chromium'))).toThrow(/TL_BROWSER must be "bundled" or "system", not "firefox"/);
  });
});

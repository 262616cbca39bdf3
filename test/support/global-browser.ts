/**
 * Global setup of the layers that drive Chromium: finds the browser once per run, before any test
 * file starts, and unpacks the Chromium from npm (used when there is no system one, and by
 * test/e2e/cjk-text.test.ts in any case) once, not by several test files at the same time. Prints
 * which browser runs.
 */
import { bundledBrowser, resolveBrowser } from './browser.ts';

export default function setup(): void {
  const shared = globalThis as typeof globalThis & { __tlBrowserShown?: boolean };
  const browser = resolveBrowser();
  bundledBrowser();
  if (!shared.__tlBrowserShown) console.log(`browser tests: ${browser.kind} Chromium at ${browser.executablePath}`);
  shared.__tlBrowserShown = true;
}

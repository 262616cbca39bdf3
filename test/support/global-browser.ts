/**
 * Global setup of the layers that drive Chromium: finds the browser once per run, before any test
 * file starts, so the Chromium from npm (when it is the one) is unpacked once and not by several
 * test files at the same time. Prints which browser runs.
 */
import { resolveBrowser } from './browser.ts';

export default function setup(): void {
  const shared = globalThis as typeof globalThis & { __tlBrowserShown?: boolean };
  const browser = resolveBrowser();
  if (!shared.__tlBrowserShown) console.log(`browser tests: ${browser.kind} Chromium at ${browser.executablePath}`);
  shared.__tlBrowserShown = true;
}

/**
 * Global setup of the layers that drive Chromium: finds the browser once per run, before any test
 * file starts, and unpacks the Chromium from npm (used when there is no system one, and by
 * test/e2e/cjk-text.test.ts in any case) once, not by several test files at the same time. Prints
 * which browser runs.
 *
 * It also starts that browser once, as a server, for every test file of the run: a file connects
 * to it (test/support/test-browser.ts) instead of starting a Chromium of its own, and gets
 * contexts of its own, so files share no cookies, storage or pages.
 */
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { bundledBrowser, CHROMIUM_FLAGS, resolveBrowser } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserEndpoint: string;
  }
}

const shared = globalThis as typeof globalThis & { __tlBrowserShown?: boolean; __tlBrowserServer?: Promise<BrowserServer> };

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const browser = resolveBrowser();
  bundledBrowser();
  if (!shared.__tlBrowserShown) console.log(`browser tests: ${browser.kind} Chromium at ${browser.executablePath}`);
  shared.__tlBrowserShown = true;
  const first = shared.__tlBrowserServer === undefined;
  shared.__tlBrowserServer ??= chromium.launchServer({
    executablePath: browser.executablePath,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, ...browser.env } as Record<string, string>,
  });
  const server = await shared.__tlBrowserServer;
  project.provide('browserEndpoint', server.wsEndpoint());
  return first ? () => server.close() : undefined;
}

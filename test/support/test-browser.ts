/**
 * The Chromium a test file drives: the one the run's global setup started (test/support/global-browser.ts),
 * connected to over its endpoint; or, when a file runs without that setup, one of its own.
 * Closing what this returns closes the file's connection and contexts, not the shared browser.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser } from './browser.ts';

export async function testBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchBrowser();
}

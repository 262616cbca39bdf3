/**
 * What a first search costs: every Pagefind file the search page fetches for its first query,
 * summed raw and as a server would send it (text files gzipped; Pagefind's index files and its
 * WebAssembly are gzip streams already and are counted as they are).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const origin = inject('searchOrigin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the first search', () => {
  test('loads Pagefind only for search and transfers under 100 kB compressed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files: { url: string; raw: number; sent: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      pending.push(
        response.body().then((body) => {
          const text = /\.(js|json|css)$/.test(new URL(response.url()).pathname);
          files.push({ url: new URL(response.url()).pathname, raw: body.length, sent: text ? gzipSync(body).length : body.length });
        }),
      );
    });
    // A page without search fetches nothing of Pagefind.
    await page.goto(`${origin}/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/`);
    await page.waitForLoadState('networkidle');
    expect(files).toEqual([]);
    await page.goto(`${origin}/search/?q=hikvision`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(/results for “hikvision”/);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const raw = files.reduce((n, f) => n + f.raw, 0);
    const sent = files.reduce((n, f) => n + f.sent, 0);
    console.info(`first search: ${files.length} Pagefind files, ${raw} bytes raw, ${sent} bytes compressed\n${files.map((f) => `  ${f.url} ${f.raw} → ${f.sent}`).join('\n')}`);
    expect(sent).toBeLessThan(100_000);
    await context.close();
  });
});

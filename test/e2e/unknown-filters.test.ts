/**
 * A filter value in the URL that names nothing (`?vendor=hikvison`) is never applied silently on
 * the search page (where the home page's old filter addresses lead): it says which value is
 * unknown, that it is not applied, and links the option the reader probably meant.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

describe.each([
  ['the search page', '/search/?vendor=hikvison'],
  // The home page's old filter addresses lead to the search page.
  ['the home page', '/?vendor=hikvison'],
])('an unknown vendor on %s', (_, path) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage();
    await page.goto(`${origin}${path}`);
  });
  afterAll(async () => page?.close());

  test('is named, said not to be applied, and the closest vendor is offered', async () => {
    const notice = page.locator('[data-filter-notice]');
    await notice.waitFor({ state: 'visible' });
    expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain('No vendor “hikvison”, so that filter is not applied. Did you mean Hikvision?');
  });

  test('following the offer applies the vendor that exists', async () => {
    await page.locator('[data-filter-notice] a', { hasText: 'Hikvision' }).click();
    await page.waitForURL(/vendor=hikvision/);
    expect(new URL(page.url()).searchParams.getAll('vendor')).toEqual(['hikvision']);
    await page.locator('[data-filter-notice]').waitFor({ state: 'hidden' });
    expect(await page.locator('input[type="checkbox"][name="vendor"][value="hikvision"]').isChecked()).toBe(true);
  });
});

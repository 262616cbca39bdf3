import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
const id = readdirSync(join(process.cwd(), 'src/content/entries')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''))[0]!;
const url = `${origin}/entries/${id}/`;
// A reader's "today" far from the build day, so the replaced date cannot be the build date.
const readerNow = new Date(2031, 4, 6, 10, 30);

let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

describe('the cite box with JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    page = await context.newPage();
    await page.clock.setFixedTime(readerNow);
    await page.goto(url);
  });
  afterAll(async () => context?.close());

  test("puts the reader's today in every citation that has an access date", async () => {
    await expect.poll(() => page.locator('#cite-apa').textContent(), { timeout: 10_000 }).toContain('Retrieved May 6, 2031, from');
    expect(await page.locator('#cite-mla').textContent()).toContain('Accessed 6 May 2031.');
    expect(await page.locator('#cite-bibtex').textContent()).toContain('urldate = {2031-05-06}');
    expect(await page.locator('#cite-ris').textContent()).toContain('Y2  - 2031/05/06/');
    expect(await page.locator('#cite-csl-json').textContent()).toContain('"date-parts": [[2031, 5, 6]]');
    expect(await page.locator('section.cite-box').getByText('These citations give').textContent()).toContain('6 May 2031');
  });

  test("downloads a citation file that carries the reader's today", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'BibTeX (.bib)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${id}.bib`);
    // The browser is shared over a connection (test/support/test-browser.ts): read the file through it, not from a local path.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.startsWith('@online{')).toBe(true);
    expect(text).toContain('urldate = {2031-05-06}');
  });

  test('copies the APA citation as shown and says so in the live region, and on the button pressed', async () => {
    // Its name changes as it says what happened: found by the end of its name.
    const button = page.getByRole('button', { name: /APA \(7th edition\) citation$/ });
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('APA (7th edition) citation copied.');
    // The live region is at the foot of the box, often off screen: the button itself says so for a moment.
    expect(await button.evaluate((b) => b.firstChild?.textContent)).toBe('Copied');
    await expect.poll(() => button.evaluate((b) => b.firstChild?.textContent), { timeout: 10_000 }).toBe('Copy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#cite-apa').textContent());
    expect(copied).toMatch(/^CCTV Restrictions Timeline\. \(\d{4}, \w+ \d{1,2}\)\. .+ Retrieved May 6, 2031, from http/);
  });

  test('copies the permanent link', async () => {
    await page.getByRole('button', { name: 'Copy permanent link' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Permanent link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#cite-permalink').inputValue());
  });

  test('copies RIS with the CRLF line endings the format needs', async () => {
    await page.locator('section.cite-box summary').filter({ hasText: /^RIS$/ }).click();
    await page.getByRole('button', { name: 'Copy RIS' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('RIS copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('TY  - ELEC\r\n')).toBe(true);
    expect(copied).toContain('Y2  - 2031/05/06/\r\n');
    expect(copied.endsWith('ER  - \r\n')).toBe(true);
  });

  test('fits a 320 px screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.locator('section.cite-box').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.getByRole('button', { name: 'Copy MLA (9th edition) citation' }).isVisible()).toBe(true);
  });

  test('hides the copy buttons in print', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Copy APA (7th edition) citation' }).isVisible()).toBe(false);
    expect(await page.locator('#cite-apa').isVisible()).toBe(true);
    // The box that cites the current version instead stays on screen only.
    expect(await page.locator('#cite-version').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the cite box without JavaScript', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(url);
  });
  afterAll(async () => context?.close());

  test('shows the permalink and every citation, with the build day as the access date', async () => {
    const permalink = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(permalink).toMatch(new RegExp(`/entries/${id}/$`));
    expect(await page.locator('#cite-permalink').inputValue()).toBe(permalink);
    const buildDay = await page.locator('#cite-bibtex [data-accessed="iso"]').textContent();
    expect(buildDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(buildDay).not.toBe('2031-05-06');
    for (const style of ['apa', 'mla', 'chicago', 'chicago-note']) {
      expect(await page.locator(`#cite-${style}`).isVisible(), style).toBe(true);
      expect(await page.locator(`#cite-${style}`).textContent(), style).toContain(permalink!.replace(/^https?:\/\//, ''));
    }
    await page.locator('section.cite-box summary').filter({ hasText: /^BibTeX$/ }).click();
    expect(await page.locator('#cite-bibtex').isVisible()).toBe(true);
  });

  test('hides every copy button', async () => {
    const buttons = page.locator('section.cite-box button');
    expect(await buttons.count()).toBe(9);
    for (const button of await buttons.all()) expect(await button.isVisible()).toBe(false);
  });

  test('offers download links that hold the citation files', async () => {
    for (const [label, start] of [
      ['BibTeX (.bib)', '@online{'],
      ['RIS (.ris)', 'TY  - ELEC\r\n'],
      ['CSL-JSON (.json)', '[\n  {'],
    ] as const) {
      const href = (await page.getByRole('link', { name: label }).getAttribute('href'))!;
      expect(href.startsWith('data:'), label).toBe(true);
      expect(decodeURIComponent(href.slice(href.indexOf(',') + 1)).startsWith(start), label).toBe(true);
    }
  });
});

describe("the current version's permanent address", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`leads to the entry page, where "Cite this version" opens the citations of that version (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(url);
        const address = await page.locator('#cite-other-link').inputValue();
        const version = new URL(address);
        expect(version.pathname).toMatch(new RegExp(`^/entries/${id}/v/\\d+/$`));
        // A reader following a citation of that address.
        await page.goto(`${origin}${version.pathname}`);
        await page.waitForURL(url);
        expect(await page.locator('h1').first().textContent()).toBeTruthy();
        const folded = page.locator('#cite-version');
        expect(await folded.getByRole('button').first().isVisible()).toBe(false);
        await page.getByRole('link', { name: 'Cite this version' }).click();
        expect(new URL(page.url()).hash).toBe('#cite-version');
        const heading = page.getByRole('heading', { name: /^Cite version \d+ instead$/ });
        // The link lands on the folded box: the script opens it; without one, the reader opens it.
        if (!javaScriptEnabled) {
          expect(await page.locator('#cite-version-permalink').isVisible()).toBe(false);
          // In view: the browser scrolls to it.
          await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(page.viewportSize()!.height - 40);
          expect(await heading.evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
          await heading.click();
        }
        await expect.poll(() => page.locator('#cite-version-permalink').isVisible()).toBe(true);
        expect(await page.locator('#cite-version-permalink').inputValue()).toBe(address);
        const apa = (await page.locator('#cite-version-apa').textContent()) ?? '';
        expect(apa.endsWith(`, version ${address.split('/').at(-2)}. ${address}`)).toBe(true);
        expect(apa).not.toContain('Retrieved');
      } finally {
        await context.close();
      }
    });
  }
});

describe('the folded box and the address', () => {
  test('opens when the address points at it, and a malformed fragment raises no script error', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${url}#cite-version`);
      await expect.poll(() => page.locator('#cite-version').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      // A new page: the same page would only change its fragment.
      const fresh = await context.newPage();
      fresh.on('pageerror', (error) => errors.push(error.message));
      await fresh.goto(`${url}#%E0%A4%A`);
      await fresh.waitForFunction(() => customElements.get('tl-cite') !== undefined);
      expect(await fresh.locator('#cite-version').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

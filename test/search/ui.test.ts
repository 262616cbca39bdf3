/**
 * The search page as a reader uses it, in Chromium, on the search fixture content: typing,
 * facets, sorting, shareable URLs, history, the keyboard, the live count, the highlight on the
 * entry page, and the page without JavaScript.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('searchOrigin');
let browser: Browser;
let context: BrowserContext;
let cspErrors: string[] = [];

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());
afterEach(async () => {
  await context?.close();
  expect(cspErrors).toEqual([]);
  cspErrors = [];
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  context = await browser.newContext(options);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  page.on('pageerror', (e) => cspErrors.push(`page error: ${e.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}

const status = (page: Page) => page.locator('#search-status');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search for words, names or dates' });
const resultTitles = (page: Page) => page.locator('#search-results > li h3 a').allTextContents();
const resultDates = (page: Page) => page.locator('#search-results > li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
const query = (page: Page) => new URL(page.url()).search;
/** Entry results only: a vendor page may also match a vendor's name, and drops out once a facet or a date order is chosen. */
const entryCards = (page: Page) => page.locator('#search-results > li:has(a[href^="/entries/"])');

/** Results the page shows before "Show more results". */
const FIRST = 5;
const moreButton = (page: Page) => page.locator('button[data-more]');

/**
 * Waits for the count to settle on the query, and checks that the page lists the first results of
 * that many and offers the rest behind "Show more results". Returns the count.
 */
async function settled(page: Page, q: string): Promise<number> {
  await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^\\d+ results? for “${q}”$`));
  const count = Number((await status(page).textContent())!.match(/^\d+/)![0]);
  await expect.poll(() => page.locator('#search-results > li').count()).toBe(Math.min(count, FIRST));
  expect(await moreButton(page).isVisible()).toBe(count > FIRST);
  if (count > FIRST) expect(await moreButton(page).textContent()).toBe(`Show more results (${count - FIRST} more)`);
  return count;
}

/** Clicks "Show more results" until every result is listed, as a reader who wants them all would. */
async function showAll(page: Page): Promise<void> {
  while (await moreButton(page).isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await moreButton(page).click();
    await expect.poll(() => page.locator('#search-results > li').count()).toBeGreaterThan(before);
  }
}

async function statusIs(page: Page, text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(text);
  else await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(text);
}


describe('the search page', () => {
  test('results appear as the reader types, as cards, with the count in a polite live region', async () => {
    const page = await open('/search/');
    const historyBefore = await page.evaluate(() => history.length);
    await box(page).pressSequentially('dahua', { delay: 60 });
    await settled(page, 'dahua');
    expect(await entryCards(page).count()).toBe(4);
    expect(await status(page).getAttribute('role')).toBe('status');
    expect(await status(page).getAttribute('aria-live')).toBe('polite');
    const card = entryCards(page).first();
    expect(await card.locator('h3 a').getAttribute('href')).toMatch(/^\/entries\/[^?]+\/\?highlight=dahua$/);
    expect(await card.locator('time').textContent()).toMatch(/^(\d{1,2} )?([A-Z][a-z]+ )?\d{4}$/);
    expect(await card.locator('.excerpt mark').count()).toBeGreaterThan(0);
    expect(await card.locator('.tags').textContent()).toContain('Vendors: Hikvision, Dahua');
    expect(query(page)).toBe('?q=dahua');
    // One burst of typing makes at most one history entry.
    expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(historyBefore + 1);
  });

  test('dates are shown to their precision on the cards', async () => {
    const page = await open('/search/?q=bscc');
    await statusIs(page, '2 results for “bscc”');
    const times = await page.locator('#search-results time').allTextContents();
    expect(times.sort()).toEqual(['14 June 2022', 'July 2021']);
  });

  test('lists the first five results, and "Show more results" adds the rest with the focus on the first new one', async () => {
    const page = await open('/search/?q=hikvision&sort=oldest');
    await statusIs(page, '6 results for “hikvision”');
    expect(await settled(page, 'hikvision')).toBe(6);
    const titles = await resultTitles(page);
    await moreButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(6);
    // The first five stay as they were; the new card is the newest entry, and it has the focus.
    expect((await resultTitles(page)).slice(0, FIRST)).toEqual(titles);
    expect(await resultDates(page).then((d) => d[FIRST])).toBe('2022-11-25');
    expect(await page.evaluate(() => document.activeElement?.closest('#search-results > li') === document.querySelector('#search-results > li:nth-child(6)'))).toBe(true);
    expect(await moreButton(page).isVisible()).toBe(false);
    // A new query starts again from its first five.
    await box(page).fill('hikvision uk');
    await statusIs(page, '3 results for “hikvision uk”');
    expect(await page.locator('#search-results > li').count()).toBe(3);
  });

  test('a misspelt search shows the results of the word the site uses at once, says so, and can search the words as typed', async () => {
    const page = await open('/search/');
    const notice = page.locator('[data-suggestion]');
    await box(page).pressSequentially('survelance', { delay: 40 });
    const corrected = /^(\d+) results for “surveillance”\. No results for “survelance”\. Showing results for surveillance; search instead for survelance\.$/;
    await statusIs(page, corrected);
    const count = Number((await status(page).textContent())!.match(corrected)![1]);
    expect(count).toBeGreaterThan(1);
    expect(await notice.textContent()).toBe('No results for “survelance”. Showing results for surveillance; search instead for survelance.');
    expect(query(page)).toBe('?q=survelance');
    expect(await page.locator('#search-results > li').count()).toBe(Math.min(count, FIRST));
    // The words as typed: nothing, and no correction.
    await notice.getByRole('link', { name: 'survelance' }).click();
    await statusIs(page, 'No results for “survelance”');
    expect(query(page)).toBe('?q=survelance&verbatim=1');
    expect(await notice.isVisible()).toBe(false);
    expect(await page.locator('#search-results > li').count()).toBe(0);
    // Back to the corrected view, then to the corrected words' own search: the same results.
    await page.goBack();
    await statusIs(page, corrected);
    await notice.getByRole('link', { name: 'surveillance' }).click();
    expect(await settled(page, 'surveillance')).toBe(count);
    expect(query(page)).toBe('?q=surveillance');
    expect(await notice.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    // A name, misspelt.
    await box(page).fill('xinjang');
    await statusIs(page, /^\d+ results? for “Xinjiang”\. No results for “xinjang”\. Showing results for Xinjiang; search instead for xinjang\.$/);
    expect(await resultTitles(page)).toContain('Trade press documents camera projects in Xinjiang');
    // Nothing instead for a word the site never uses; its own result when it finds one.
    for (const [q, text] of [['xyzzyq', 'No results for “xyzzyq”'], ['asbestoss', '1 result for “asbestoss”']] as const) {
      await box(page).fill(q);
      await statusIs(page, text);
      expect(await notice.isVisible()).toBe(false);
    }
  });

  test('a question that no page holds every word of shows the results of its meaningful words, and says so', async () => {
    const page = await open('/search/?q=why+did+China+restrict+Tesla+cars%3F');
    await statusIs(page, /^1 result for “China restrict Tesla cars”\. No result has every word of “why did China restrict Tesla cars\?”\. Showing results for China restrict Tesla cars; search instead for why did China restrict Tesla cars\?\.$/);
    expect(await resultTitles(page)).toEqual(['China restricts the use of Tesla cars at military sites']);
  });

  test('an unknown filter value in the address is named, not applied, and the closest value offered', async () => {
    const page = await open('/search/?q=cameras');
    const all = await settled(page, 'cameras');
    await page.goto(`${origin}/search/?q=cameras&vendor=hikvison`);
    const notice = page.locator('[data-filter-notice]');
    await expect.poll(() => notice.textContent()).toBe('No vendor “hikvison”, so that filter is not applied. Did you mean Hikvision? ');
    expect(await settled(page, 'cameras')).toBe(all);
    expect(await page.locator('input[name="vendor"]:checked').count()).toBe(0);
    await notice.getByRole('link', { name: 'Hikvision' }).click();
    await expect.poll(() => query(page)).toBe('?q=cameras&vendor=hikvision');
    const filtered = await settled(page, 'cameras');
    expect(filtered).toBeLessThan(all);
    expect(await notice.isVisible()).toBe(false);
  });

  test('on a phone the facets start folded, so the results come first, and say how many are ticked', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=hikvision&vendor=dahua&year=2019`);
    await statusIs(page, '2 results for “hikvision”');
    const summary = page.locator('details.facets > summary');
    expect(await summary.textContent()).toBe('Filter results (2 chosen)');
    expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isVisible()).toBe(false);
    const firstCard = await page.locator('#search-results > li').first().boundingBox();
    expect(firstCard!.y).toBeLessThan(844);
    await summary.click();
    expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: /^2019/ }).uncheck();
    await statusIs(page, '4 results for “hikvision”');
    expect(await summary.textContent()).toBe('Filter results (1 chosen)');
  });

  test('on a phone nothing on the page shifts as its script starts', async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('details.facets').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + (e as unknown as { value: number }).value, 0))).observe({ type: 'layout-shift', buffered: true });
          // With no shift at all the observer never calls back.
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(shift).toBeLessThan(0.01);
  });

  test('old results stay on screen until the new ones are ready', async () => {
    const page = await open('/search/?q=hikvision&sort=newest');
    await statusIs(page, '6 results for “hikvision”');
    await page.evaluate(() => {
      const list = document.querySelector('#search-results')!;
      (window as unknown as { sizes: number[] }).sizes = [];
      new MutationObserver(() => (window as unknown as { sizes: number[] }).sizes.push(list.children.length)).observe(list, { childList: true });
    });
    await box(page).press('End');
    await box(page).pressSequentially(' uk', { delay: 40 });
    await statusIs(page, '3 results for “hikvision uk”');
    expect(await page.evaluate(() => (window as unknown as { sizes: number[] }).sizes)).not.toContain(0);
  });

  test('ticking a facet filters the results, updates the counts and the URL, and back and forward restore each view', async () => {
    const page = await open('/search/?q=hikvision');
    await settled(page, 'hikvision');
    await showAll(page);
    expect(await entryCards(page).count()).toBe(6);
    // The counts come a moment after the first results, once the facets' filter data is loaded.
    await expect.poll(() => page.getByRole('checkbox', { name: /^Dahua/ }).evaluate((e) => e.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())).toBe('Dahua (4)');
    await page.getByRole('checkbox', { name: /^Dahua/ }).check();
    await statusIs(page, '4 results for “hikvision”');
    expect(query(page)).toBe('?q=hikvision&vendor=dahua');
    // Counts follow the query and the other facets; the chosen facet still counts its alternatives.
    const label = (name: RegExp) => page.getByRole('checkbox', { name }).evaluate((e) => e.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());
    await expect.poll(() => label(/^2019/)).toBe('2019 (2)');
    await expect.poll(() => label(/^Hikvision/)).toBe('Hikvision (6)');
    await page.getByRole('checkbox', { name: /^2019/ }).check();
    await statusIs(page, '2 results for “hikvision”');
    expect(query(page)).toBe('?q=hikvision&vendor=dahua&year=2019');
    await page.goBack();
    await statusIs(page, '4 results for “hikvision”');
    expect(await page.getByRole('checkbox', { name: /^2019/ }).isChecked()).toBe(false);
    await page.goBack();
    await settled(page, 'hikvision');
    await showAll(page);
    expect(await entryCards(page).count()).toBe(6);
    expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isChecked()).toBe(false);
    await page.goForward();
    await statusIs(page, '4 results for “hikvision”');
    expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isChecked()).toBe(true);
  });

  test('sorting lists the results newest first or oldest first', async () => {
    const page = await open('/search/?q=hikvision');
    await settled(page, 'hikvision');
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
    await expect.poll(() => resultDates(page)).toEqual(['2022-11-25', '2022-11-24', '2022-06-14', '2019-10-07', '2019']);
    expect(query(page)).toBe('?q=hikvision&sort=newest');
    await statusIs(page, '6 results for “hikvision”');
    await showAll(page);
    expect(await resultDates(page)).toEqual(['2022-11-25', '2022-11-24', '2022-06-14', '2019-10-07', '2019', '2018-08-13']);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
    await expect.poll(() => resultDates(page)).toEqual(['2018-08-13', '2019', '2019-10-07', '2022-06-14', '2022-11-24']);
    await showAll(page);
    expect(await resultDates(page)).toEqual(['2018-08-13', '2019', '2019-10-07', '2022-06-14', '2022-11-24', '2022-11-25']);
  });

  test('a shared URL restores the exact view, and so does a reload', async () => {
    const page = await open('/search/?q=Hik+Vision&vendor=dahua&year=2019&sort=oldest');
    for (let i = 0; i < 2; i++) {
      await statusIs(page, '2 results for “Hik Vision”');
      expect(await box(page).inputValue()).toBe('Hik Vision');
      expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: /^2019/ }).isChecked()).toBe(true);
      expect(await page.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('oldest');
      expect(await resultTitles(page)).toEqual(['Trade press documents camera projects in Xinjiang', 'US adds Hikvision and Dahua to the Entity List']);
      await page.reload();
    }
  });

  test('a URL with filters and no words lists the filtered entries, newest first', async () => {
    const page = await open('/search/?jurisdiction=uk');
    await statusIs(page, '4 entries match these filters');
    expect(await resultDates(page)).toEqual(['2022-11-25', '2022-11-24', '2022-06-14', '2021-07']);
    // The facets count what the list shows: the four entries, not the UK measure page the same filter matches.
    const label = (name: RegExp) => page.getByRole('checkbox', { name }).evaluate((e) => e.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());
    await expect.poll(() => label(/^United Kingdom/)).toBe('United Kingdom (4)');
    await expect.poll(() => label(/^Sensitive-sites instruction/)).toBe('Sensitive-sites instruction (1)');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await statusIs(page, '');
    expect(query(page)).toBe('');
    expect(await page.locator('#search-results > li').count()).toBe(0);
  });

  test('a date query in any form people type lists the entries of that date first, then the rest by date', async () => {
    const page = await open('/search/');
    const uk = 'UK tells government departments to stop deploying Chinese-law-bound surveillance cameras on sensitive sites';
    for (const [q, title] of [
      ['24/11/2022', uk],
      ['11/24/2022', uk],
      ['November 24, 2022', uk],
      ['2022年11月24日', uk],
      ['19th March 2021', 'China restricts the use of Tesla cars at military sites'],
    ] as const) {
      await box(page).fill(q);
      await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^\\d+ results? for “${q}”$`));
      expect((await resultTitles(page))[0], q).toBe(title);
    }
    // A month: its entries in date order, whatever their relevance, then the pages that mention it.
    await box(page).fill('November 2022');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^\d+ results for “November 2022”$/);
    expect((await resultDates(page)).slice(0, 2)).toEqual(['2022-11-24', '2022-11-25']);
    // A year: the entries of that year first; then the NDAA entry, whose text only mentions "Fiscal Year 2019".
    await box(page).fill('2019');
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^\d+ results for “2019”$/);
    const dates = await resultDates(page);
    expect(dates.slice(0, 2)).toEqual(['2019', '2019-10-07']);
    expect(dates).toContain('2018-08-13');
  });

  test('the header search box loads Pagefind when focused and its form lands here with the query already run', async () => {
    const page = await open('/');
    const pagefindRequest = page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js'));
    await page.getByRole('searchbox', { name: 'Search the timeline' }).focus();
    await pagefindRequest;
    await page.getByRole('searchbox', { name: 'Search the timeline' }).fill('Section 889');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=Section\+889$/);
    await statusIs(page, '1 result for “Section 889”');
    expect(await resultTitles(page)).toEqual(['US defence law bars federal agencies from buying Hikvision and Dahua equipment (Section 889)']);
  });

  test('the page stays usable while the index loads, and runs the latest query once it has', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/*.pagefind', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${origin}/search/`);
    await box(page).pressSequentially('tesla', { delay: 30 });
    await page.getByRole('checkbox', { name: /^China/ }).check();
    await statusIs(page, 'Loading the search index…');
    expect(await box(page).inputValue()).toBe('tesla');
    release();
    await statusIs(page, '1 result for “tesla”');
    expect(query(page)).toBe('?q=tesla&jurisdiction=china');
  });

  test('says so, and leads to the browse pages, when the index cannot load', async () => {
    context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/*.pagefind', (route) => route.abort());
    await page.goto(`${origin}/search/?q=tesla`);
    await statusIs(page, 'Search could not load. Browse the timeline or the vendor and year pages instead.');
    expect(await page.locator('.browse a').count()).toBeGreaterThan(0);
  });

  test('works from the keyboard alone, with a visible focus on every control', async () => {
    const page = await open('/search/');
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('hikvision');
    await settled(page, 'hikvision');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, name: (el as HTMLInputElement).name ?? '', value: (el as HTMLInputElement).value ?? '', text: el.textContent?.trim() ?? '', outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        expect(f.outline, `${f.tag} ${f.name} ${f.text}`).toBe(true);
        if (match(f)) return f;
      }
      throw new Error('focus never reached the control');
    };
    await tabTo((f) => f.tag === 'INPUT' && f.name === 'vendor' && f.value === 'dahua');
    await page.keyboard.press('Space');
    await statusIs(page, '4 results for “hikvision”');
    await tabTo((f) => f.tag === 'SELECT');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => query(page)).toBe('?q=hikvision&vendor=dahua&sort=newest');
    await expect.poll(() => resultDates(page)).toEqual(['2022-11-24', '2019-10-07', '2019', '2018-08-13']);
    await tabTo((f) => f.tag === 'A' && f.text.startsWith('UK tells government departments'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/entries\/2022-11-24-uk-sensitive-sites-surveillance-restriction\/\?highlight=hikvision$/);
  });
});

describe('the entry page reached from a result', () => {
  test('highlights the searched words, and the highlight can be dismissed', async () => {
    const page = await open('/entries/2022-06-14-bscc-digital-asbestos-letter/?highlight=digital&highlight=asbestos');
    const marks = page.locator('mark.search-hit');
    await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(3);
    expect((await marks.allTextContents()).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(['digital', 'asbestos']));
    const bar = page.getByRole('region', { name: 'Search highlight' });
    expect(await bar.textContent()).toContain('for “digital”, “asbestos”');
    await page.getByRole('button', { name: 'Remove highlighting' }).click();
    expect(await marks.count()).toBe(0);
    expect(await bar.isVisible()).toBe(false);
    expect(query(page)).toBe('');
    expect(await page.locator('article h1').textContent()).toBe('Commissioner compares Chinese state-linked cameras to asbestos');
  });

  test('shows no highlight bar without search words', async () => {
    const page = await open('/entries/2022-06-14-bscc-digital-asbestos-letter/');
    expect(await page.getByRole('region', { name: 'Search highlight' }).count()).toBe(0);
    expect(await page.locator('mark').count()).toBe(0);
  });
});

describe('the search page without JavaScript', () => {
  test('says search needs JavaScript, points to every browse page, shows no control that cannot work, and still submits', async () => {
    const page = await open('/search/?q=dahua', { javaScriptEnabled: false });
    const notice = page.locator('.noscript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/^Search needs JavaScript/);
    const links = await notice.evaluate((el) => [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/', '/vendors/', '/jurisdictions/', '/categories/', '/years/2022/', '/years/2018/']));
    const browse = await page.locator('.browse a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(browse).toEqual(expect.arrayContaining(['/vendors/', '/jurisdictions/', '/categories/', '/years/']));
    // The facets and the sort only work through the script: without it they are not there.
    expect(await page.locator('tl-search').getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).count()).toBe(0);
    expect(await page.locator('#search-results > li').count()).toBe(0);
    expect(await box(page).isVisible()).toBe(true);
    // The form still submits; the URL is the one a reader with JavaScript can share.
    await box(page).fill('Section 889');
    await box(page).press('Enter');
    await page.waitForURL(/\/search\/\?q=Section\+889(&|$)/);
  });

  test('with JavaScript the facets and the sort are there', async () => {
    const page = await open('/search/?q=dahua');
    await settled(page, 'dahua');
    expect(await page.getByRole('checkbox', { name: /^Dahua/ }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Sort by' }).isVisible()).toBe(true);
  });
});

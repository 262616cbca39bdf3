/**
 * What the browser does on every page: no request leaves the site's own origin (privacy), the
 * Content-Security-Policy blocks nothing the site needs (so it can stay strict), and no script
 * fails. Every sitemap page, the 404 page and a search with a query typed are loaded once, in
 * Chromium, and observed.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { pageOfEachType, sitemapPaths, versionPaths, withTabs } from '../support/crawl.ts';

const origin = inject('origin');
const distDir = inject('distDir');
const paths = [...sitemapPaths(distDir), ...versionPaths(distDir)];

/** What one page did while it loaded and was used. */
interface Observed {
  path: string;
  requests: string[];
  violations: string[];
  errors: string[];
}

/** Collects securitypolicyviolation events in the page, before any of its own scripts run. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber + (e.sample ? ' [' + e.sample + ']' : ''));
  });
`;

let browser: Browser;
let context: BrowserContext;
const observed: Observed[] = [];
const watchers = new WeakMap<Page, { current?: Observed | undefined }>();

/** Wires a tab's listeners once; what they see goes to the page being observed in that tab. */
function watch(page: Page): { current?: Observed | undefined } {
  let slot = watchers.get(page);
  if (slot) return slot;
  const s: { current?: Observed | undefined } = {};
  slot = s;
  watchers.set(page, s);
  page.on('request', (r) => s.current?.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' && /content security policy/i.test(m.text())) s.current?.violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => s.current?.errors.push(e.message));
  return s;
}

/** Observes one page through `act` (which loads and uses it) and records what it did. */
async function observe(page: Page, path: string, act: (page: Page) => Promise<void>, keep = true): Promise<Observed> {
  const slot = watch(page);
  const record: Observed = { path, requests: [], violations: [], errors: [] };
  slot.current = record;
  try {
    await act(page);
    record.violations.push(...((await page.evaluate('window.__cspViolations ?? []')) as string[]));
  } finally {
    slot.current = undefined;
  }
  if (keep) observed.push(record);
  return record;
}

/** A word that finds something: the longest word of an entry's id (ids are made from titles). */
function queryWord(): string {
  const entry = pageOfEachType(paths).get('entry');
  if (!entry) return 'surveillance';
  return decodeURIComponent(entry).split(/[^a-z]+/i).sort((a, b) => b.length - a.length)[0] ?? 'surveillance';
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.addInitScript(RECORD_VIOLATIONS);
  await withTabs(context, 3, [...paths, '/no-such-page/'], (page, path) =>
    observe(page, path, async (p) => {
      await p.goto(`${origin}${path}`, { waitUntil: 'load' });
    }),
  );
  const search = await context.newPage();
  await observe(search, '/search/ with a query typed', async (p) => {
    await p.goto(`${origin}/search/`, { waitUntil: 'load' });
    const box = p.locator('main input[type="search"]').first();
    await box.click();
    await box.pressSequentially(queryWord(), { delay: 20 });
    await p.waitForLoadState('networkidle');
    // Run Pagefind itself too (WebAssembly, its worker, its index files), under the page's own policy.
    await p.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(${JSON.stringify(queryWord())});
      await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
    })()`);
    await p.waitForLoadState('networkidle');
  });
  await search.close();
}, 300_000);
afterAll(async () => browser?.close());

/** A request stays on the site when it goes to the test server's origin. */
const onSite = (url: string) => url.startsWith(`${origin}/`);

describe('privacy: nothing leaves the site', () => {
  test('every page type was loaded', () => {
    const types = pageOfEachType(paths);
    expect([...types.keys()]).toEqual(['timeline', 'entry', 'version', 'vendor', 'year', 'sources', 'search']);
    for (const path of [...types.values(), '/no-such-page/', '/search/ with a query typed']) expect(observed.map((o) => o.path)).toContain(path);
  });

  test('no page, nor a search, requests anything from another origin or a data: URL', () => {
    const offSite = observed.flatMap((o) => o.requests.filter((r) => !onSite(r)).map((r) => `${o.path}: ${r.slice(0, 120)}`));
    expect(offSite, offSite.join('\n')).toEqual([]);
  });

  test('the search fetched its index from the site itself', () => {
    const search = observed.find((o) => o.path === '/search/ with a query typed')!;
    expect(search.requests.some((r) => r.startsWith(`${origin}/pagefind/`))).toBe(true);
  });
});

describe('the Content-Security-Policy in the browser', () => {
  test('blocks nothing on any page, nor during a search (Pagefind runs under it)', () => {
    const violations = observed.flatMap((o) => o.violations.map((v) => `${o.path}: ${v}`));
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('no page throws a script error', () => {
    const errors = observed.flatMap((o) => o.errors.map((e) => `${o.path}: ${e}`));
    expect(errors, errors.join('\n')).toEqual([]);
  });

  test('a page that breaks the policy is caught: an inline script is blocked and reported', async () => {
    const page = await context.newPage();
    const record = await observe(page, 'control page', async (p) => {
      await p.goto(`${origin}/`, { waitUntil: 'load' });
      await p.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true;';
        document.body.append(s);
      });
    }, false);
    expect(await page.evaluate('window.__ran === true')).toBe(false);
    expect(record.violations.join('\n')).toMatch(/script-src/);
    await page.close();
  });
});

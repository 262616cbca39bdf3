/**
 * Every page of the built site, loaded once in Chromium, with every check that needs a browser on
 * every page: accessibility, privacy and the Content-Security-Policy, and the width on a phone.
 *
 * The pages: every page in the built sitemap, every version page (`/entries/<id>/v/<n>/`, which the
 * sitemap leaves out), the 404 page and an unknown path. Each is loaded once at a desktop size, and
 * everything it requests, every policy violation and every script error is recorded while it loads
 * and while the checks below run. Then:
 *
 * - accessibility: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules in the light colour scheme; then
 *   the page is switched to the dark one (`emulateMedia`, which restyles the same DOM; the check
 *   fails a page where the switch changes nothing, as its body colour shows) and audited again with
 *   axe's rules that read colours (contrast, links told apart from text by colour). The dark scheme
 *   changes colours and nothing else, which a test below proves on the built CSS, so no other rule
 *   can find anything new there. Audited: the sitemap pages, every earlier version (with its
 *   banner), one current measure version (the others repeat the measure pages) and the 404 page. axe is
 *   added to each audited page before the page's own scripts (an init script of the auditing
 *   context, which the page's CSP does not govern); the other pages load in a context without it;
 * - small screens: the window is narrowed to a 390 px phone, and for a few pages to 320 px, and
 *   the page must not scroll sideways.
 *
 * A search with a query typed is observed too, and a control page proves that a policy violation
 * would be caught.
 *
 * The pages load in a Chromium of this file's own that paints nothing (`FRAMES_ON_REQUEST` in
 * test/support/browser.ts): no check here looks at pixels, and the layout that axe and the widths
 * read is computed whenever they ask. That saves about a third of the crawl's CPU time; a test
 * below proves that such a browser reaches the same axe outcome on every rule, and the same widths,
 * as the painting one that the other browser files use. Typing needs frames, so the search runs
 * in that one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { FRAMES_ON_REQUEST, launchBrowser } from '../support/browser.ts';
import { testBrowser } from '../support/test-browser.ts';
import { pageOfEachType, sitemapPaths, versionPaths, versionPathsToAudit, withTabs } from '../support/crawl.ts';
import { readPage } from '../support/html.ts';

const origin = inject('origin');
const distDir = inject('distDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const TABS = 2;
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };

const sitemap = sitemapPaths(distDir);
const toAudit = new Set([...sitemap, ...versionPathsToAudit(distDir), '/404.html']);
const paths = [...new Set([...sitemap, ...versionPaths(distDir), '/404.html', '/no-such-page/'])];
const firstEntry = readPage(distDir, 'index.html').querySelector('.entry-card')!.id;
/** Pages of each layout that must fit a 320 px screen too. */
const NARROW_PAGES = ['/', '/newest/', `/entries/${firstEntry}/`, '/vendors/', '/vendors/hikvision/', '/sources/', '/search/', '/status/', '/measures/', '/measures/us-fcc-equipment-authorisation-ban/', '/404.html'];

/** One axe finding, flattened for a readable failure message. */
interface Finding {
  page: string;
  scheme: 'light' | 'dark';
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** What one page did while it loaded and was checked, and what the checks found. */
interface Observed {
  path: string;
  requests: string[];
  violations: string[];
  errors: string[];
  findings: Finding[];
  /** The document's width against the window's, by window width. */
  widths: { window: number; scroll: number; client: number }[];
}

/** Collects securitypolicyviolation events in the page, before any of its own scripts run. */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber + (e.sample ? ' [' + e.sample + ']' : ''));
  });
`;
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })`;
/** Every rule's outcome (violations, passes, incomplete, inapplicable), with the number of nodes, as one line each. */
const AXE_OUTCOME = `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then((r) =>
  ['violations', 'passes', 'incomplete', 'inapplicable'].flatMap((kind) => r[kind].map((rule) => kind + ': ' + rule.id + ' on ' + rule.nodes.length + ' node(s)')).sort())`;
/** axe's rules among TAGS whose outcome depends on colours: all a change of colour scheme can affect. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const AXE_RUN_COLOURS = `axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(COLOUR_RULES)} }, resultTypes: ['violations'] })`;

/** CSS properties that set a colour and nothing else. */
const COLOUR_PROPERTIES = new Set(['color', 'background-color', 'border-color', 'outline-color', 'fill', 'stroke', 'text-decoration-color', 'caret-color', 'accent-color']);
const COLOUR_VALUE = /^(#[0-9a-f]{3,8}|var\(--[a-z0-9-]+\)|currentcolor|transparent)$/i;

/** A built stylesheet: its name under `_astro/` and its text. */
interface Stylesheet {
  file: string;
  css: string;
}

/** The built stylesheets. The site inlines no styles (`inlineStylesheets: 'never'`), so they hold all of its CSS. */
function builtStylesheets(dir: string): Stylesheet[] {
  return readdirSync(join(dir, '_astro'))
    .filter((f) => f.endsWith('.css'))
    .map((file) => ({ file, css: readFileSync(join(dir, '_astro', file), 'utf8') }));
}

/**
 * Every declaration inside a `prefers-color-scheme: dark` block of the built stylesheets, as
 * `file: property: value`.
 */
function darkSchemeDeclarations(sheets: readonly Stylesheet[]): { file: string; property: string; value: string }[] {
  const out: { file: string; property: string; value: string }[] = [];
  for (const { file, css } of sheets) {
    for (const match of css.matchAll(/@media[^{]*prefers-color-scheme\s*:\s*dark[^{]*\{/g)) {
      // The block runs to the brace that closes the one after the query.
      let depth = 1;
      let end = match.index + match[0].length;
      while (depth > 0 && end < css.length) {
        if (css[end] === '{') depth += 1;
        else if (css[end] === '}') depth -= 1;
        end += 1;
      }
      const block = css.slice(match.index + match[0].length, end - 1);
      for (const rule of block.matchAll(/\{([^{}]*)\}/g)) {
        for (const declaration of rule[1]!.split(';').map((d) => d.trim()).filter(Boolean)) {
          const colon = declaration.indexOf(':');
          out.push({ file, property: declaration.slice(0, colon).trim(), value: declaration.slice(colon + 1).trim() });
        }
      }
    }
  }
  return out;
}

/** The run's shared browser: the search with a query typed runs there, since typing needs frames. */
let browser: Browser;
/** A browser of this file's own that paints nothing (FRAMES_ON_REQUEST), for the pages it only loads and reads. */
let crawler: Browser;
/** Where pages are audited: axe is added to every page before the page's own scripts. */
let context: BrowserContext;
/** Where the other pages load: no axe. */
let plain: BrowserContext;
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
async function observe(page: Page, path: string, act: (page: Page, record: Observed) => Promise<void>, keep = true): Promise<Observed> {
  const slot = watch(page);
  const record: Observed = { path, requests: [], violations: [], errors: [], findings: [], widths: [] };
  slot.current = record;
  try {
    await act(page, record);
    record.violations.push(...((await page.evaluate('window.__cspViolations ?? []')) as string[]));
  } finally {
    slot.current = undefined;
  }
  if (keep) observed.push(record);
  return record;
}

/** Runs axe (all of TAGS, or only the colour rules) on the page as it is now styled and returns its violations. */
async function axeFindings(page: Page, path: string, scheme: Finding['scheme'], run = AXE_RUN): Promise<Finding[]> {
  const result = (await page.evaluate(run)) as AxeResult;
  return result.violations.map((v) => ({
    page: path,
    scheme,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

const bodyColour = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);

/** Audits the loaded page in the light scheme, then its colours in the dark one. */
async function audit(page: Page, path: string): Promise<Finding[]> {
  const light = await axeFindings(page, path, 'light');
  const lightColour = await bodyColour(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const darkColour = await bodyColour(page);
  if (darkColour === lightColour) {
    return [...light, { page: path, scheme: 'dark', rule: 'tl-scheme-switch', impact: 'test', help: `the dark scheme did not restyle the page (body colour stayed ${lightColour})`, targets: ['body'] }];
  }
  return [...light, ...(await axeFindings(page, path, 'dark', AXE_RUN_COLOURS))];
}

/** The document's width against the window's, at a window size. */
async function widthAt(page: Page, size: { width: number; height: number }): Promise<Observed['widths'][number]> {
  await page.setViewportSize(size);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  return { window: size.width, scroll, client };
}

/** Loads one page at a desktop size in the light scheme and runs every check on it. */
async function visit(page: Page, path: string): Promise<Observed> {
  return observe(page, path, async (p, record) => {
    await p.setViewportSize(DESKTOP);
    await p.emulateMedia({ colorScheme: 'light' });
    await p.goto(`${origin}${path}`, { waitUntil: 'load' });
    if (toAudit.has(path)) record.findings.push(...(await audit(p, path)));
    record.widths.push(await widthAt(p, PHONE));
    if (NARROW_PAGES.includes(path)) record.widths.push(await widthAt(p, NARROW));
  });
}

/** A word that finds something: the longest word of an entry's id (ids are made from titles). */
function queryWord(): string {
  const entry = pageOfEachType(paths).get('entry');
  if (!entry) return 'surveillance';
  return decodeURIComponent(entry).split(/[^a-z]+/i).sort((a, b) => b.length - a.length)[0] ?? 'surveillance';
}

beforeAll(async () => {
  browser = await testBrowser();
  crawler = await launchBrowser(undefined, [FRAMES_ON_REQUEST]);
  context = await crawler.newContext({ reducedMotion: 'reduce' });
  await context.addInitScript(RECORD_VIOLATIONS);
  await context.addInitScript({ content: axeSource });
  plain = await crawler.newContext({ reducedMotion: 'reduce' });
  await plain.addInitScript(RECORD_VIOLATIONS);
  await withTabs(context, TABS, paths.filter((p) => toAudit.has(p)), visit);
  await withTabs(plain, TABS, paths.filter((p) => !toAudit.has(p)), visit);
  const typing = await browser.newContext({ reducedMotion: 'reduce' });
  await typing.addInitScript(RECORD_VIOLATIONS);
  const search = await typing.newPage();
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
  await typing.close();
  // Generous: every page is loaded and audited twice, and a loaded machine slows axe several times over.
}, Math.max(900_000, paths.length * 6_000));
afterAll(async () => {
  await crawler?.close();
  await browser?.close();
});

/** A request stays on the site when it goes to the test server's origin. */
const onSite = (url: string) => url.startsWith(`${origin}/`);

describe('the crawl', () => {
  test('loads every page type, the pages to audit and the pages that must fit a narrow screen', () => {
    const types = pageOfEachType(paths);
    expect([...types.keys()]).toEqual(['timeline', 'entry', 'version', 'measure version', 'vendor', 'year', 'sources', 'search']);
    const loaded = observed.map((o) => o.path);
    for (const path of [...types.values(), '/no-such-page/', '/search/ with a query typed', ...toAudit, ...NARROW_PAGES]) expect(loaded).toContain(path);
    expect([...toAudit].some((p) => /^\/entries\/[^/]+\/v\/\d+\/$/.test(p))).toBe(true);
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  test('the browser that paints nothing sees what a painting one sees: every rule’s outcome, and the width on a phone', async () => {
    const outcome = async (b: Browser, path: string) => {
      const ctx = await b.newContext({ reducedMotion: 'reduce' });
      try {
        await ctx.addInitScript({ content: axeSource });
        const page = await ctx.newPage();
        await page.setViewportSize(DESKTOP);
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        const rules = (await page.evaluate(AXE_OUTCOME)) as string[];
        await page.setViewportSize(PHONE);
        return [...rules, `width at ${PHONE.width} px: ${await page.evaluate(() => document.documentElement.scrollWidth)}`];
      } finally {
        await ctx.close();
      }
    };
    for (const path of ['/', `/entries/${firstEntry}/`, '/status/']) {
      const [painting, unpainted] = await Promise.all([outcome(browser, path), outcome(crawler, path)]);
      expect(painting.filter((line) => line.startsWith('passes: ')).length, `${path}: axe ran in the painting browser`).toBeGreaterThan(10);
      expect(unpainted, path).toEqual(painting);
    }
  });

  test('the dark scheme changes colours and nothing else, so the dark audit needs only the colour rules', () => {
    const sheets = builtStylesheets(distDir);
    const declarations = darkSchemeDeclarations(sheets);
    const custom = declarations.filter((d) => d.property.startsWith('--'));
    // The custom properties it sets must be colours, and the light scheme must use them as colours only.
    const notColour = declarations.filter((d) => !COLOUR_VALUE.test(d.value) || (!d.property.startsWith('--') && !COLOUR_PROPERTIES.has(d.property)));
    expect(notColour.map((d) => `${d.file}: ${d.property}: ${d.value}`)).toEqual([]);
    expect(custom.length, 'the dark scheme sets the colour custom properties').toBeGreaterThan(10);
    const names = new Set(custom.map((d) => d.property));
    const uses: string[] = [];
    for (const { file, css } of sheets) {
      for (const m of css.matchAll(/([a-z-]+)\s*:\s*([^;{}]*var\((--[a-z0-9-]+)\)[^;{}]*)/g)) {
        const [, property, value, name] = m;
        if (!names.has(name!) || property!.startsWith('--')) continue;
        // A colour custom property may sit in a shorthand (border, outline, box-shadow) beside sizes that do not change.
        if (!COLOUR_PROPERTIES.has(property!) && !/^(background|border(-[a-z]+)*|outline|box-shadow|text-decoration|column-rule)$/.test(property!)) uses.push(`${file}: ${property}: ${value}`);
      }
    }
    expect(uses, 'colour custom properties used by a property that is not a colour').toEqual([]);
  });

  test('every page has no violation in the light or the dark colour scheme', () => {
    const findings = observed.flatMap((o) => o.findings);
    const report = findings.map((f) => `${f.page} (${f.scheme}): [${f.impact}] ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
    expect(findings, `axe found ${findings.length} violation(s):\n${report}`).toEqual([]);
  });
});

describe('privacy: nothing leaves the site', () => {
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

describe('small screens', () => {
  const tooWide = (window: number) => observed.flatMap((o) => o.widths.filter((w) => w.window === window && w.scroll > w.client).map((w) => `${o.path} is ${w.scroll} px wide in a ${w.window} px window`));

  test('no page is wider than a 390 px phone', () => {
    expect(observed.filter((o) => o.widths.some((w) => w.window === PHONE.width)).length).toBe(paths.length);
    expect(tooWide(PHONE.width), tooWide(PHONE.width).join('\n')).toEqual([]);
  });

  test('a page of each layout fits a 320 px screen without horizontal scrolling', () => {
    expect(observed.filter((o) => o.widths.some((w) => w.window === NARROW.width)).map((o) => o.path).sort()).toEqual([...NARROW_PAGES].sort());
    expect(tooWide(NARROW.width), tooWide(NARROW.width).join('\n')).toEqual([]);
  });
});

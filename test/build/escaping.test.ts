/**
 * Content text is always escaped: the variant build (test/support/content-trees.ts) holds, beside
 * the real content, the overlay `test/fixtures/escaping`: an entry whose title, summary and source
 * title carry markup (`<script>`, an `<img onerror>`, quotes and ampersands), a measure, a vendor
 * and a body with the same. Every output (pages, feeds, data, search index and search page) must
 * show that markup as text. The variant is deployed under a sub-path, so addresses carry BASE.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { BASE } from '../support/content-trees.ts';
import { builtOutput } from '../support/fixture-builds.ts';
import { listFiles, readListPages, readPage } from '../support/html.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';

const ID = '2019-10-07-hostile-markup';
const TITLE = 'A title with <script>alert(1)</script> and "quotes" & ampersands';
const SUMMARY = 'A summary with <script>alert(1)</script>, "quotes" & ampersands, and </script><img src=x onerror=alert(2)>.';
/** The hostile strings as HTML shows them when escaped. */
const TITLE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const MARKER = 'alert(';
const SOURCE_TITLE = 'The rule about <script>alert(1)</script> & "quotes"';
const MEASURE_NAME = 'A measure named <script>alert(1)</script> & "quotes"';
/** The jurisdiction of test/fixtures/escaping/measures/hostile-measure.yaml. */
const HOSTILE_MEASURE_JURISDICTION = 'us';

let OUT = '';
let files: string[] = [];
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  OUT = builtOutput('variant');
  files = listFiles(OUT, '');
  server = await serveStatic(OUT, BASE);
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const read = (file: string) => readFileSync(join(OUT, file), 'utf8');
const withMarker = (ending: string) => files.filter((f) => f.endsWith(ending) && !f.startsWith('pagefind/') && read(f).includes(MARKER));

/** Every string inside a parsed JSON value, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

describe('hostile text in a title and a summary', () => {
  test('reaches the built pages at all (the fixture is effective)', () => {
    expect(withMarker('.html').length).toBeGreaterThan(1);
  });

  test('the entry page shows the title, summary and source title as text, and in its head as attribute values', () => {
    const page = readPage(OUT, `entries/${ID}/index.html`);
    expect(page.querySelector('h1')!.text).toBe(TITLE);
    expect(page.querySelector('title')!.text.startsWith(TITLE)).toBe(true);
    expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(SUMMARY);
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(TITLE);
    expect(page.querySelector('p.summary, [data-summary]')?.text ?? page.text).toContain(SUMMARY);
    expect(page.text).toContain('The rule about <script>alert(1)</script> & "quotes"');
  });

  test('a measure page, the status table and the measure list show a measure’s names and scope as text', () => {
    const short = 'Measure <img src=x onerror=alert(2)>';
    expect(readPage(OUT, 'measures/hostile-measure/index.html').querySelector('h1')!.text).toBe(short);
    expect(readPage(OUT, 'measures/hostile-measure/index.html').text).toContain('A scope with <script>alert(1)</script>, "quotes" & ampersands.');
    // The variant lists measures by jurisdiction (MEASURES_IN_FULL=5): the measure's row is on its jurisdiction's table.
    expect(readPage(OUT, `status/${HOSTILE_MEASURE_JURISDICTION}/index.html`).querySelector(`a[href="${BASE}measures/hostile-measure/"]`)!.text).toBe(short);
    expect(readPage(OUT, 'measures/index.html').querySelector(`a[href="${BASE}measures/hostile-measure/"]`)!.text).toBe(short);
  });

  test('no built HTML file gains a script, an image or an event handler from the text', () => {
    for (const file of withMarker('.html')) {
      const page = readPage(OUT, file);
      const scripts = page.querySelectorAll('script').filter((s) => s.rawText.includes(MARKER) && s.getAttribute('type') !== 'application/ld+json');
      expect(scripts.map((s) => s.outerHTML), file).toEqual([]);
      expect(page.querySelectorAll('img').map((i) => i.outerHTML), file).toEqual([]);
      const handlers = page.querySelectorAll('*').filter((el) => Object.keys(el.attributes).some((a) => /^on/i.test(a)));
      expect(handlers.map((h) => h.outerHTML.slice(0, 80)), file).toEqual([]);
      for (const data of page.querySelectorAll('script[type="application/ld+json"]')) {
        expect(data.rawText, `${file}: JSON-LD must write "<" as \\u003c`).not.toMatch(/<\/?script/i);
        expect(strings(JSON.parse(data.rawText)).some((s) => s.value.includes(TITLE) || s.value.includes(SUMMARY)) || !data.rawText.includes(MARKER)).toBe(true);
      }
    }
  });

  test('the feeds and data exports carry the entry, so the checks of JSON, XML and CSV below have something to read', () => {
    expect(withMarker('.json'), 'no JSON output (feed.json, data/entries.json) mentions the entry').not.toEqual([]);
    expect(withMarker('.xml').filter((f) => !f.startsWith('sitemap')), 'no XML feed mentions the entry').not.toEqual([]);
    expect(withMarker('.csv'), 'no CSV export mentions the entry').not.toEqual([]);
  });

  test('JSON files hold the title and summary as plain JSON strings, and HTML fields hold them escaped', () => {
    for (const file of withMarker('.json')) {
      const all = strings(JSON.parse(read(file)));
      expect(all.some((s) => [TITLE, SUMMARY, SOURCE_TITLE, TITLE_ESCAPED, MEASURE_NAME].some((t) => s.value.includes(t))), file).toBe(true);
      for (const s of all.filter((x) => /html/i.test(x.key))) expect(s.value, `${file} ${s.key}`).not.toMatch(/<(script|img)\b/i);
    }
  });

  test('XML files (feeds, sitemaps) hold the text escaped, never as elements', () => {
    for (const file of withMarker('.xml')) {
      const text = read(file);
      expect(text, file).not.toMatch(/<(script|img)\b/i);
      expect(text, file).not.toContain('<![CDATA[');
      expect(text, file).toContain(TITLE_ESCAPED);
    }
  });

  test('CSV files quote the fields and double the quotes inside them', () => {
    for (const file of withMarker('.csv')) {
      const text = file === 'data/measures.csv' ? MEASURE_NAME : TITLE;
      expect(read(file), file).toContain(`"${text.replace(/"/g, '""')}"`);
    }
  });

  test('the search index returns the title as data and the excerpt with the markup escaped', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${BASE}search/`);
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('${BASE}pagefind/pagefind.js');
      const search = await pagefind.search('ampersands');
      return Promise.all(search.results.map(async (r) => { const d = await r.data(); return { url: d.url, title: d.meta.title, excerpt: d.excerpt }; }));
    })()`)) as { url: string; title: string; excerpt: string }[];
    await page.close();
    const hit = found.find((r) => r.url === `${BASE}entries/${ID}/`);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.title).toBe(TITLE);
    // Pagefind's excerpt is HTML: only its own <mark> elements may appear in it.
    expect(hit!.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(hit!.excerpt).toContain(TITLE_ESCAPED);
  });

  test('the search page shows the result title as text and adds no element from it', async () => {
    const page: Page = await browser.newPage();
    await page.goto(`${server.origin}${BASE}search/?q=ampersands`);
    const link = page.locator(`main a[href*="${BASE}entries/${ID}/"]`).first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.textContent()).toContain(TITLE);
    expect(await page.locator('main img, main script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);
    await page.close();
  });
});

describe('source notes and vendor and body descriptions', () => {
  // These fields are plain text (plainTextSchema), never Markdown: whatever Markdown syntax or
  // markup they hold is shown as written, so the body's safe-subset rule has nothing to apply to.
  const NOTE = 'Read at a **copy**; see [the copy](javascript:alert(3)) and <img src=x onerror=alert(4)>.';
  const VENDOR = 'A camera maker whose description has <b>markup</b> & "quotes", **stars** and a [link](javascript:void(0)).';
  const BODY = 'Export controls, written with *stars*, `ticks` and <i>markup</i>.';

  test('a source note shows its Markdown and markup as text on the entry page and the sources page', () => {
    expect(readPage(OUT, `entries/${ID}/index.html`).querySelectorAll('.note').map((n) => n.text.trim())).toContain(NOTE);
    expect(readListPages(OUT, 'sources/').flatMap(({ page }) => page.querySelectorAll('.note').map((n) => n.text.trim()))).toContain(NOTE);
  });

  test('a vendor description and a body description show their Markdown and markup as text', () => {
    expect(readPage(OUT, 'vendors/hostile-maker/index.html').querySelector('.description')?.text).toBe(VENDOR);
    expect(readPage(OUT, 'bodies/hostile-agency/index.html').querySelector('.description')?.text).toBe(BODY);
  });

  test('no page turns that text into a link, emphasis, code or an element', () => {
    for (const file of files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const page = readPage(OUT, file);
      expect(page.querySelectorAll('a[href^="javascript:"]').map((a) => a.outerHTML), file).toEqual([]);
      const fromText = page.querySelectorAll('b, i, strong, em, code').filter((el) => ['markup', 'stars', 'copy', 'ticks'].includes(el.text.trim()));
      expect(fromText.map((el) => el.outerHTML), file).toEqual([]);
    }
  });
});

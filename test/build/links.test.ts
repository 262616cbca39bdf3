/**
 * No broken links: linkinator crawls the built site on a local static server from every page it
 * built, the sitemap's and those the sitemap leaves out (versions, the 404 page, redirect pages);
 * a parser checks every same-site fragment; external URLs (never fetched: there is no network in
 * tests) must be absolute https URLs opened with rel="noopener noreferrer".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sitemapPaths, versionPaths } from '../support/crawl.ts';
import { checkEachFile } from '../support/each.ts';
import { listFiles, readPage } from '../support/html.ts';
import { ROOT } from '../support/site-build.ts';
import { serveStatic, type RunningServer } from '../support/static-server.ts';

const distDir = inject('distDir');
let server: RunningServer;

beforeAll(async () => {
  server = await serveStatic(distDir);
});
afterAll(async () => server?.close());

const htmlFiles = listFiles(distDir, '.html');
/** The origin the build was made for (SITE_URL), read from the home page's canonical link. */
const siteOrigin = new URL(readPage(distDir, 'index.html').querySelector('link[rel="canonical"]')!.getAttribute('href')!).origin;

/** The URL a built file is served at, on the build's own origin. */
function pageUrl(file: string): URL {
  const path = `/${file}`.replace(/(^|\/)index\.html$/, '$1');
  return new URL(path, siteOrigin);
}

/** The built file that answers a same-site path, or undefined when none does. */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname).replace(/^\//, '');
  const candidates = decoded === '' || decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
  return candidates.find((c) => htmlFiles.includes(c));
}

/** Every `href` of every built page with the page it is on, resolved against that page. */
const hrefs = htmlFiles.flatMap((file) => {
  const base = pageUrl(file);
  return readPage(distDir, file)
    .querySelectorAll('[href]')
    .map((el) => ({ file, el, raw: el.getAttribute('href')!, url: new URL(el.getAttribute('href')!, base) }));
});
const isExternal = (url: URL) => /^https?:$/.test(url.protocol) && url.origin !== siteOrigin;

/**
 * The path every built page is served at. Linkinator checks each URL once and crawls a page's links
 * only when the page lies under the path its crawl started from: a version page first found as a
 * link on /corrections/ was checked but never read, so its own links went unchecked. Starting a
 * crawl at every built page reads every page, whoever links to it first.
 */
const builtPaths = htmlFiles.map((file) => `/${file}`.replace(/(^|\/)index\.html$/, '$1'));

describe('internal links', () => {
  test('the crawl starts from every page of the sitemap and every version page, which the sitemap leaves out', () => {
    const versions = versionPaths(distDir);
    expect(versions.length).toBeGreaterThan(0);
    expect(builtPaths).toEqual(expect.arrayContaining([...sitemapPaths(distDir), ...versions, '/404.html']));
  });

  test('linkinator finds no broken link crawling from every built page', async () => {
    const local = server.origin;
    const checker = new LinkChecker();
    const result = await checker.check({
      path: builtPaths.map((p) => `${local}${p}`),
      recurse: true,
      concurrency: 8,
      timeout: 10_000,
      checkFragments: true,
      redirects: 'error',
      linksToSkip: async (link) => !link.startsWith(local),
    });
    const broken = result.links.filter((l) => l.state === LinkState.BROKEN);
    const checked = result.links.filter((l) => l.state === LinkState.OK);
    expect(checked.length).toBeGreaterThan(htmlFiles.length);
    const byUrl = Map.groupBy(broken, (l) => `${l.url} (status ${l.status ?? '-'})`);
    const lines = [...byUrl].map(([url, ls]) => `${url} linked from ${ls[0]!.parent ?? '?'}${ls.length > 1 ? ` and ${ls.length - 1} more page(s)` : ''}`);
    expect(broken.length, `broken links:\n${lines.join('\n')}`).toBe(0);
  });

  test('every same-site fragment names an element id on the page it points to', () => {
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      if (!ids.has(file)) {
        const page = readPage(distDir, file);
        const named = [...page.querySelectorAll('[id]').map((e) => e.id), ...page.querySelectorAll('a[name]').map((e) => e.getAttribute('name')!)];
        ids.set(file, new Set(named));
      }
      return ids.get(file)!;
    };
    const problems: string[] = [];
    for (const { file, raw, url } of hrefs) {
      if (url.origin !== siteOrigin || !raw.includes('#')) continue;
      const fragment = decodeURIComponent(url.hash.slice(1));
      // "#" and "#top" are the document's top by the HTML standard.
      if (fragment === '' || fragment.toLowerCase() === 'top') continue;
      const target = fileFor(url.pathname);
      if (!target) problems.push(`${file}: ${raw} points to no built page`);
      else if (!idsOf(target).has(fragment)) problems.push(`${file}: ${raw} has no element with id "${fragment}" in ${target}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('external links', () => {
  test('every external URL in a built page is an absolute https URL', () => {
    const bad = hrefs
      // Citation downloads are data: URLs held in the page itself, not links to another host.
      .filter(({ raw, url }) => !raw.startsWith('#') && url.origin !== siteOrigin && url.protocol !== 'mailto:' && url.protocol !== 'data:')
      .filter(({ url }) => url.protocol !== 'https:' || url.hostname === '')
      .map(({ file, raw }) => `${file}: ${raw}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  test('every external link opens with rel="noopener noreferrer"', () => {
    const bad = hrefs
      .filter(({ el, url }) => el.tagName === 'A' && isExternal(url))
      .filter(({ el }) => {
        const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
        return !rel.includes('noopener') || !rel.includes('noreferrer');
      })
      .map(({ file, raw, el }) => `${file}: ${raw} rel="${el.getAttribute('rel') ?? ''}"`);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  test('no page loads a stylesheet, icon or other resource from another origin', () => {
    // rel="license" makes a hyperlink, not a resource: browsers never fetch it (the privacy test watches the requests).
    const fetched = (el: (typeof hrefs)[number]['el']) => !/(^|\s)license(\s|$)/.test(el.getAttribute('rel') ?? '');
    const bad = hrefs.filter(({ el, url }) => el.tagName === 'LINK' && fetched(el) && isExternal(url)).map(({ file, raw }) => `${file}: ${raw}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });

  const sourcesDir = join(ROOT, 'src/content/sources');
  const sourceFiles = readdirSync(sourcesDir).filter((f) => /\.ya?ml$/.test(f));

  test('the content has source records to check', () => {
    expect(sourceFiles.length).toBeGreaterThan(0);
  });

  test('every URL in every source record is an absolute https URL', () => {
    checkEachFile(sourceFiles, (file) => {
      const record = parseYaml(readFileSync(join(sourcesDir, file), 'utf8')) as Record<string, unknown>;
      const urls = Object.entries(record).filter(([key, value]) => /^(url|archiveUrl)$/.test(key) && typeof value === 'string');
      for (const [key, value] of urls) {
        const url = new URL(value as string);
        expect(url.protocol, `${file} ${key}: ${String(value)}`).toBe('https:');
        expect(url.hostname, `${file} ${key}: ${String(value)}`).not.toBe('');
      }
    });
  });
});

import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listFiles, readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
const read = (path: string) => {
  const xml = readFileSync(join(dist, path), 'utf8');
  if (path.endsWith('.xml')) SyntaxValidator.validate(xml);
  return xml;
};

/** Every URL of every sitemap listed in the index, with its lastmod. */
function sitemapUrls(): Map<string, string | undefined> {
  const index = parser.parse(read('sitemap-index.xml'));
  const out = new Map<string, string | undefined>();
  for (const { loc } of index.sitemapindex.sitemap as { loc: string }[]) {
    const file = new URL(loc).pathname.split('/').pop()!;
    for (const url of parser.parse(read(file)).urlset.url as { loc: string; lastmod?: string }[]) out.set(url.loc, url.lastmod);
  }
  return out;
}

describe('the sitemap', () => {
  const urls = sitemapUrls();

  test('lists every HTML page except the 404 page, redirect pages and the pages of single versions', () => {
    const versionPages = listFiles(dist, '.html').filter((f) => /^(entries|measures)\/[^/]+\/v\/\d+\/index\.html$/.test(f));
    expect(versionPages.length).toBeGreaterThanOrEqual(content.entries.length);
    for (const f of versionPages) expect(readPage(dist, f).querySelector('meta[name="robots"]')?.getAttribute('content'), f).toBe('noindex');
    const pages = listFiles(dist, '.html')
      .filter((f) => f !== '404.html' && !f.startsWith('pagefind/') && !versionPages.includes(f))
      .filter((f) => readPage(dist, f).querySelector('meta[http-equiv="refresh"]') === null)
      .map((f) => readPage(dist, f).querySelector('link[rel="canonical"]')?.getAttribute('href'))
      .sort();
    expect([...urls.keys()].sort()).toEqual(pages);
  });

  test("gives each entry page the day it last changed as lastmod", () => {
    for (const entry of content.entries) {
      const loc = readPage(dist, `entries/${entry.id}/index.html`).querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(urls.get(loc)?.slice(0, 10), entry.id).toBe(entry.data.updated ?? entry.data.published);
    }
  });
});

describe('/robots.txt', () => {
  test('points at the absolute URL of the sitemap index', () => {
    const line = read('robots.txt').split('\n').find((l) => l.startsWith('Sitemap: '));
    const canonical = readPage(dist, 'index.html').querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    expect(line).toBe(`Sitemap: ${canonical}sitemap-index.xml`);
  });
});

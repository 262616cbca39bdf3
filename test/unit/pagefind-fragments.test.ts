/**
 * The search index stays within a static host's file limit: past MAX_FRAGMENT_FILES indexed pages,
 * Pagefind bundles several pages' result data into one file, and every page's data is still there.
 * Indexes sites of plain pages in a temporary folder with the build's own indexing step.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { indexSite, MAX_FRAGMENT_FILES } from '../../src/integrations/pagefind.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A built site of `count` entry pages, each with words of its own. */
function siteOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-fragments-'));
  folders.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en-GB"><title>Home</title><p>Home</p></html>');
  for (let i = 0; i < count; i += 1) {
    const id = `2020-01-01-entry-${i}`;
    mkdirSync(join(dir, 'entries', id), { recursive: true });
    writeFileSync(join(dir, 'entries', id, 'index.html'), `<!doctype html><html lang="en-GB"><head><title>Entry ${i}</title></head><body><main data-pagefind-body><h1>Entry ${i}</h1><p>Camera restriction number w${i}x.</p></main></body></html>`);
  }
  return dir;
}

/** The URL of every page whose result data the index's fragment files hold, and how many files. */
function fragmentsOf(dir: string): { files: number; urls: string[] } {
  const folder = join(dir, 'pagefind', 'fragment');
  const files = readdirSync(folder).filter((f) => f.endsWith('.pf_fragment'));
  const urls = files.flatMap((file) => {
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8').replace(/^pagefind_dcd/, '');
    const data = JSON.parse(text) as { url?: string } | Record<string, { url: string }>;
    // A file of its own holds one page's data; a bundled file maps each page's hash to its data.
    return typeof data.url === 'string' ? [data.url] : Object.values(data as Record<string, { url: string }>).map((d) => d.url);
  });
  return { files: files.length, urls: urls.sort() };
}

const urlsOf = (count: number) => Array.from({ length: count }, (_, i) => `/entries/2020-01-01-entry-${i}/`).sort();

describe('Pagefind result data', () => {
  test('fails, saying why, when the site has no page to index', async () => {
    const dir = siteOf(0);
    await expect(indexSite(dir)).rejects.toThrow(/Pagefind found no pages to index/);
  });

  test('keeps a file per page while the site has few pages', async () => {
    const dir = siteOf(30);
    expect(await indexSite(dir)).toBe(30);
    expect(fragmentsOf(dir)).toEqual({ files: 30, urls: urlsOf(30) });
  });

  test(`bundles pages into at most ${MAX_FRAGMENT_FILES} files past that many pages, and loses none`, async () => {
    const count = MAX_FRAGMENT_FILES + 400;
    const dir = siteOf(count);
    expect(await indexSite(dir)).toBe(count);
    const { files, urls } = fragmentsOf(dir);
    expect(files).toBeLessThanOrEqual(MAX_FRAGMENT_FILES);
    expect(files).toBeGreaterThan(MAX_FRAGMENT_FILES / 2);
    expect(urls).toEqual(urlsOf(count));
  });
});

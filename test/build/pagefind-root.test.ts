/**
 * The index step reads each page from its `data-pagefind-body` element only (`ROOT_SELECTOR` in
 * src/integrations/pagefind.ts). That is a saving only if nothing the search uses lies outside
 * it: indexed both ways, the real build must give the same index, file for file and byte for byte.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { close } from 'pagefind';
import { createSiteIndex, INDEX_OPTIONS, INDEXED_PAGES, ROOT_SELECTOR } from '../../src/integrations/pagefind.ts';

const dist = inject('distDir');
const work = mkdtempSync(join(tmpdir(), 'tl-root-'));
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

/** Indexes the pages of `site` into `<work>/<name>`, with or without the root selector, and returns every file by path. */
async function indexInto(site: string, name: string, rootSelector: string | undefined): Promise<Map<string, Buffer>> {
  const index = await createSiteIndex(rootSelector === undefined ? { maxFragments: INDEX_OPTIONS.maxFragments } : { ...INDEX_OPTIONS, rootSelector });
  const added = await index.addDirectory({ path: site, glob: INDEXED_PAGES.glob });
  expect(added.errors).toEqual([]);
  expect(added.page_count).toBeGreaterThan(50);
  const out = join(work, name);
  expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
  await index.deleteIndex();
  const files = readdirSync(out, { recursive: true, encoding: 'utf8', withFileTypes: false }).filter((f) => /\.pf_|\.pagefind$/.test(f));
  return new Map(files.map((f) => [f, readFileSync(join(out, f))]));
}

/** The files of two indexes that are missing from one or differ. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => !a.get(f)?.equals(b.get(f) ?? Buffer.alloc(0))).sort();
}

describe('the index step', () => {
  test('writes the same index reading each page from its data-pagefind-body element as reading the whole page', async () => {
    expect(INDEX_OPTIONS.rootSelector).toBe(ROOT_SELECTOR);
    const whole = await indexInto(dist, 'whole', undefined);
    const rooted = await indexInto(dist, 'rooted', ROOT_SELECTOR);
    expect(whole.size).toBeGreaterThan(100);
    expect(differences(whole, rooted)).toEqual([]);
  }, 120_000);

  test('would tell: a filter outside the body element changes the index read from the whole page only', async () => {
    const site = join(work, 'site');
    for (const folder of ['entries', 'vendors', 'jurisdictions', 'measures']) cpSync(join(dist, folder), join(site, folder), { recursive: true });
    const id = readdirSync(join(site, 'entries')).find((f) => !f.endsWith('.json'))!;
    const file = join(site, 'entries', id, 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</footer>', '<span data-pagefind-filter="vendor">Outside</span></footer>'));
    const whole = await indexInto(site, 'site-whole', undefined);
    const rooted = await indexInto(site, 'site-rooted', ROOT_SELECTOR);
    expect(differences(whole, rooted).length).toBeGreaterThan(0);
  }, 120_000);
});

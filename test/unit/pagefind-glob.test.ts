import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { INDEXED_PAGES, pagesMissedByGlob } from '../../src/integrations/pagefind.ts';

const site = mkdtempSync(join(tmpdir(), 'tl-glob-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (path: string, body: boolean) => {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  writeFileSync(join(site, path), `<!doctype html><html lang="en-GB"><body><main${body ? ' data-pagefind-body' : ''}>Text</main></body></html>`);
};

describe('pagesMissedByGlob', () => {
  test('names a page that asks to be indexed where Pagefind will not look, and no other', () => {
    page('entries/2020-01-01-x/index.html', true);
    page('vendors/hikvision/index.html', true);
    page('years/2020/index.html', true);
    page('categories/ban/index.html', false);
    page('entries/2020-01-01-x/v/1/index.html', false);
    expect(pagesMissedByGlob(site)).toEqual(['years/2020/index.html']);
    expect(INDEXED_PAGES.test('years/2020/index.html')).toBe(false);
    expect(INDEXED_PAGES.test('vendors/hikvision/index.html')).toBe(true);
  });
});

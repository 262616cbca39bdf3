import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createContentReader } from '../../src/integrations/content-files.ts';
import { entryExports } from '../../src/integrations/entry-json.ts';
import { INDEXED_PAGES, pagesMissedByGlob } from '../../src/integrations/pagefind.ts';
import { redirectsOf } from '../../src/integrations/redirects.ts';
import { sitemapOptions } from '../../src/integrations/sitemap.ts';
import { createPaths } from '../../src/lib/site/paths.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-steps-'));
  temps.push(dir);
  return dir;
}

/** The valid fixture tree with a permalink registry that redirects a retired id. */
function reader() {
  const content = join(temp(), 'content');
  cpSync(join(FIXTURES, 'valid'), content, { recursive: true });
  writeFileSync(
    join(content, 'permalinks.yaml'),
    'published: [2019-10-07-us-entity-list, 2021-03-tesla-restriction, 2019-10-old-id]\nredirects:\n  2019-10-old-id: 2019-10-07-us-entity-list\nversions:\n  2021-03-tesla-restriction: 1\n',
  );
  const content_ = createContentReader({ contentDir: pathToFileURL(`${content}/`), buildDate: new Date('2026-11-29T00:00:00Z') });
  expect(content_.read().problems).toEqual([]);
  return content_;
}

describe('the sitemap options', () => {
  test('date each entry page by its last substantive change, from the checked content', () => {
    const options = sitemapOptions({ content: reader(), base: '/timeline/', site: 'https://example.org' });
    const item = (url: string) => options.serialize!({ url } as never) as { lastmod?: string };
    expect(item('https://example.org/timeline/entries/2021-03-tesla-restriction/').lastmod).toBe('2026-11-02');
    expect(item('https://example.org/timeline/entries/2019-10-07-us-entity-list/').lastmod).toBe('2026-11-01');
    expect(item('https://example.org/timeline/about/').lastmod).toBeUndefined();
  });

  test('leave the pages of single versions out', () => {
    const { filter } = sitemapOptions({ content: reader(), base: '/', site: 'https://example.org' });
    expect(filter!('https://example.org/entries/2021-03-tesla-restriction/v/1/')).toBe(false);
    expect(filter!('https://example.org/entries/2021-03-tesla-restriction/')).toBe(true);
  });
});

describe('the redirects', () => {
  test('list each retired id with its target and the target title as the schema gives it', () => {
    expect(redirectsOf(reader().read().content)).toEqual([{ from: '2019-10-old-id', to: '2019-10-07-us-entity-list', title: 'US adds two camera makers to the Entity List' }]);
  });
});

describe('the entry JSON files', () => {
  test('hold every entry oldest first, with its relations seen from both sides and its URL under the base path', () => {
    const entries = entryExports(reader().read().content, createPaths('/timeline/', 'https://example.org'));
    expect(entries.map((e) => e.id)).toEqual(['2019-10-07-us-entity-list', '2021-03-tesla-restriction']);
    expect(entries[0]!.url).toBe('https://example.org/timeline/entries/2019-10-07-us-entity-list/');
    const relations = (i: number) => entries[i]!.relations.map((r) => `${r.direction} ${r.type} ${r.entry}`);
    expect(relations(0)).toEqual(['outgoing responds-to 2021-03-tesla-restriction']);
    expect(relations(1)).toEqual(['incoming responds-to 2019-10-07-us-entity-list']);
  });
});

describe('the pages Pagefind reads', () => {
  test.each([
    ['entries/2022-x/index.html', true],
    ['vendors/hikvision/index.html', true],
    ['measures/us-entity-list/index.html', true],
    ['entries/2022-x/v/1/index.html', false],
    ['index.html', false],
    ['years/2022/index.html', false],
  ])('%s is indexed: %s', (path, indexed) => {
    expect(INDEXED_PAGES.test(path)).toBe(indexed);
  });

  test('a page outside them that asks to be indexed is named, a version page is not', () => {
    const out = temp();
    const page = (path: string, html: string) => {
      mkdirSync(join(out, path, '..'), { recursive: true });
      writeFileSync(join(out, path), html);
    };
    page('entries/a/index.html', '<article data-pagefind-body></article>');
    page('entries/a/v/1/index.html', '<article></article>');
    page('years/2022/index.html', '<main data-pagefind-body></main>');
    page('about/index.html', '<main></main>');
    expect(pagesMissedByGlob(out)).toEqual(['years/2022/index.html']);
  });
});

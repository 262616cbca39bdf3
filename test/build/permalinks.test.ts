/**
 * Permalinks, end to end. The renamed build (test/support/content-trees.ts) is the real content
 * with an entry's old id still published and redirected to it (test/build/determinism.test.ts
 * compares it with the shared build); the faulty build also publishes the old id, with no
 * redirect, and must fail naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPage } from '../support/html.ts';
import { renamedEntry } from '../support/content-trees.ts';
import { fixtureBuild } from '../support/fixture-builds.ts';
import type { FixtureBuild } from '../support/shared-builds.ts';
import { realContent } from './output-files.ts';

const content = realContent();
// The id an entry had before it was renamed: registered as published, its file gone.
const { target, old: OLD } = renamedEntry();

let failed: FixtureBuild;
let redirected: FixtureBuild;
let out = '';

beforeAll(() => {
  failed = fixtureBuild('faulty');
  redirected = fixtureBuild('renamed');
  out = redirected.out;
});

describe('the permalink registry', () => {
  test('registers every entry of the real content as published', () => {
    const published = new Set(content.permalinks.published);
    expect(content.entries.filter((e) => !published.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  test('fails the build, naming the id, when a published entry disappears without a redirect', () => {
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(`published permalink "${OLD}" has neither an entry nor a redirect`);
    expect(existsSync(join(failed.out, 'index.html'))).toBe(false);
  });

  test('passes the build when the disappeared id redirects to its replacement', () => {
    expect(redirected.code, redirected.output).toBe(0);
  });
});

describe('a redirect page', () => {

  test('stands at the old permalink and refreshes to the new one', () => {
    expect(existsSync(join(out, 'entries', OLD, 'index.html'))).toBe(true);
    const page = readPage(out, `entries/${OLD}/index.html`);
    const newPath = readPage(out, `entries/${target.id}/index.html`).querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
    const refresh = page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content') ?? '';
    expect(refresh).toMatch(new RegExp(`^0; url=\\S*/entries/${target.id}/$`));
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(newPath);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(page.querySelector('main a')?.getAttribute('href')).toBe(refresh.slice('0; url='.length));
  });

  test('keeps the old JSON address working with the replacement entry', () => {
    expect(readFileSync(join(out, 'entries', `${OLD}.json`), 'utf8')).toBe(readFileSync(join(out, 'entries', `${target.id}.json`), 'utf8'));
  });

  test('is listed in the host _redirects file as a permanent redirect', () => {
    const lines = readFileSync(join(out, '_redirects'), 'utf8').trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^/(\\S+/)?entries/${OLD}/ /(\\S+/)?entries/${target.id}/ 301$`)));
  });

  test('is left out of the sitemap', () => {
    expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain(`/entries/${OLD}/`);
  });
});

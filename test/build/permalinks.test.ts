import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readPage } from '../support/html.ts';
import { ROOT, runBuild, type BuildResult } from '../support/site-build.ts';
import { compareBuilds, declaredTimestamp, realContent, withoutTimestamp } from './output-files.ts';

const shared = inject('distDir');
const content = realContent();
const target = content.entries[0]!;
// The id an entry had before it was renamed: registered as published, its file gone.
const OLD = `${target.data.date}-renamed-entry`;
// Another timestamp on the shared build's day: citations show the day as the default "accessed"
// date, so a different day would change them, as it should; a different time must change nothing
// but the declared timestamp.
const BUILD_DATE = `${declaredTimestamp(shared).slice(0, 10)}T12:34:56.789Z`;

const temp = mkdtempSync(join(tmpdir(), 'tl-permalinks-'));
const out = join(temp, 'dist');

/** Lays the real content under `name` with a registry that also lists OLD, with or without a redirect. */
function contentWithRenamedEntry(name: string, redirect: boolean): string {
  const dir = join(temp, name);
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  const registry = parse(readFileSync(join(dir, 'permalinks.yaml'), 'utf8')) as { published: string[]; redirects: Record<string, string> };
  registry.published.push(OLD);
  if (redirect) registry.redirects[OLD] = target.id;
  writeFileSync(join(dir, 'permalinks.yaml'), stringify(registry));
  return dir;
}

let failed: BuildResult;
let redirected: BuildResult;

beforeAll(async () => {
  failed = await runBuild({ CONTENT_DIR: contentWithRenamedEntry('without-redirect', false), OUT_DIR: join(temp, 'failed') });
  redirected = await runBuild({ CONTENT_DIR: contentWithRenamedEntry('with-redirect', true), OUT_DIR: out, BUILD_DATE });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the permalink registry', () => {
  test('registers every entry of the real content as published', () => {
    const published = new Set(content.permalinks.published);
    expect(content.entries.filter((e) => !published.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  test('fails the build, naming the id, when a published entry disappears without a redirect', () => {
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain(`published permalink "${OLD}" has neither an entry nor a redirect`);
    expect(existsSync(join(temp, 'failed', 'index.html'))).toBe(false);
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

describe('a build with another BUILD_DATE on the same day', () => {
  test('differs from the shared build only in the declared timestamp and the redirect files', () => {
    const sharedStamp = declaredTimestamp(shared);
    expect(declaredTimestamp(out)).toBe(BUILD_DATE);
    const diff = compareBuilds(shared, out, { a: (f) => withoutTimestamp(f, sharedStamp), b: (f) => withoutTimestamp(f, BUILD_DATE) });
    expect(diff).toEqual({ onlyInA: [], onlyInB: [`entries/${OLD}.json`, `entries/${OLD}/index.html`], changed: ['_redirects'] });
  });
});

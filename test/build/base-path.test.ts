import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles, readPage } from '../support/html.ts';
import { ROOT, runBuild } from '../support/site-build.ts';

const out = join(ROOT, '.test-dist-base');
const BASE = '/cctv-timeline/';
let output = '';

beforeAll(async () => {
  const result = await runBuild({ OUT_DIR: out, BASE_PATH: '/cctv-timeline', SITE_URL: 'https://example.github.io' });
  output = result.output;
  if (result.code !== 0) throw new Error(`build with a base path failed:\n${output}`);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a build served from a sub-path', () => {
  test('keeps every internal link, script, stylesheet and form under the base path', () => {
    for (const file of listFiles(out, '.html')) {
      const page = readPage(out, file);
      const urls = [
        ...page.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
        ...page.querySelectorAll('script[src]').map((e) => e.getAttribute('src')!),
        ...page.querySelectorAll('form[action]').map((e) => e.getAttribute('action')!),
      ];
      for (const url of urls) {
        if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
        expect(url.startsWith(BASE), `${file}: ${url}`).toBe(true);
      }
    }
  });

  test('uses the site URL and base path in canonical links', () => {
    const page = readPage(out, 'index.html');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`https://example.github.io${BASE}`);
  });
});

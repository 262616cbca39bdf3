/**
 * A deployment under a sub-path: the variant build (test/support/content-trees.ts) is built with
 * BASE_PATH=/cctv-timeline and an https SITE_URL, and every internal address it writes must stay
 * under that path.
 */
import { posix } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE, DEPLOYMENT } from '../support/content-trees.ts';
import { builtOutput } from '../support/fixture-builds.ts';
import { listFiles, readPage } from '../support/html.ts';

let out = '';

beforeAll(() => {
  out = builtOutput('variant');
});

describe('a build served from a sub-path', () => {
  test('keeps every internal link, script, stylesheet and form under the base path', () => {
    for (const file of listFiles(out, '.html')) {
      const page = readPage(out, file);
      const urls = [
        ...page.querySelectorAll('a[href], link[href]').map((e) => e.getAttribute('href')!),
        ...page.querySelectorAll('script[src]').map((e) => e.getAttribute('src')!),
        ...page.querySelectorAll('form[action]').map((e) => e.getAttribute('action')!),
      ];
      // The page's own address: a relative URL (an entry body may hold one) resolves from it.
      const at = `${BASE}${posix.dirname(file)}/`;
      for (const url of urls) {
        if (/^(https?:|mailto:|#|data:)/.test(url)) continue;
        const path = url.startsWith('/') ? url : new URL(url, `https://host${at}`).pathname;
        expect(path.startsWith(BASE), `${file}: ${url}`).toBe(true);
      }
    }
  });

  test('uses the site URL and base path in canonical links', () => {
    const page = readPage(out, 'index.html');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${DEPLOYMENT.SITE_URL}${BASE}`);
  });
});

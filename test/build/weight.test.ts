import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, test } from 'vitest';
import { readPage } from '../support/html.ts';

const dist = inject('distDir');
const gz = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

/** The gzip size of a page's HTML, and of the scripts and stylesheets it loads, with their static imports. */
function weigh(page: string): { html: number; js: number; css: number } {
  const doc = readPage(dist, page);
  const scripts = new Set(doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!));
  // Follow static imports between the site's own modules, as a browser would fetch them: a Set's
  // loop also visits the entries added during it, so imports of imports are followed too.
  for (const src of scripts) {
    for (const match of readFileSync(join(dist, src), 'utf8').matchAll(/from\s*["'](\.\/[^"']+\.js)["']/g)) scripts.add(new URL(match[1]!, `http://x${src}`).pathname);
  }
  const css = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
  return { html: gz(page), js: [...scripts].reduce((a, s) => a + gz(s), 0), css: css.reduce((a, s) => a + gz(s), 0) };
}

describe('page weight', () => {
  const entry = readPage(dist, 'index.html').querySelector('.entry-card')!.id;

  test('an entry page loads under 10 kB of JavaScript, compressed', () => {
    expect(weigh(`entries/${entry}/index.html`).js).toBeLessThan(10_000);
  });

  test('an entry page is under 30 kB of HTML and CSS, compressed', () => {
    const { html, css } = weigh(`entries/${entry}/index.html`);
    expect(html + css).toBeLessThan(30_000);
  });

  test('the status page, with its map, is under 60 kB compressed in all', () => {
    const { html, css, js } = weigh('status/index.html');
    // The header's search-key script is all the JavaScript it loads, as on every page.
    expect(js).toBe(weigh('about/index.html').js);
    expect(html + css + js).toBeLessThan(60_000);
  });

  test('a measure page and the list of measures are under 30 kB of HTML and CSS, compressed', () => {
    const measure = readPage(dist, 'measures/index.html').querySelector('.measure-list a')!.getAttribute('href')!.replace(/^\//, '');
    for (const page of [`${measure}index.html`, 'measures/index.html']) {
      const { html, css } = weigh(page);
      expect(html + css, page).toBeLessThan(30_000);
    }
  });

  test('the timeline page is under 150 kB compressed in all', () => {
    const { html, css, js } = weigh('index.html');
    expect(html + css + js).toBeLessThan(150_000);
  });
});

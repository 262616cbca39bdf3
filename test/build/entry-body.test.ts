/**
 * Entry bodies through a real `astro build`. The hostile build (test/support/content-trees.ts)
 * holds every hostile body fixture (code in braces, ESM, active elements and attributes, a
 * javascript: link, nesting that would crash the parser, citations of unlisted sources) beside the
 * real content: the MDX compile refuses the first it meets, naming its file, line and construct,
 * and the build writes none of the payloads (each kind is also refused alone through the same
 * compile, test/unit/content-check.test.ts). The variant build holds an entry that uses every
 * allowed construct (deployed under a sub-path) and renders each.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listFiles, readPage } from '../support/html.ts';
import { BASE, HOSTILE_BODIES as CASES, problemBesideRealContent } from '../support/content-trees.ts';
import { builtOutput, fixtureBuild } from '../support/fixture-builds.ts';
import { ROOT } from '../support/site-build.ts';
import type { FixtureBuild } from '../support/shared-builds.ts';

const FIXTURES = join(ROOT, 'test/fixtures');
/** What each hostile body would put into a page or run, if it reached the build. */
const PAYLOADS = ['globalThis.process', 'process.env', 'node:fs', 'readFileSync', 'CI_DEPLOY_TOKEN', 'alert(', '<iframe', 'onerror', 'javascript:', 'position:fixed'];

let result: FixtureBuild;
let content = '';
let OUT = '';

beforeAll(() => {
  result = fixtureBuild('hostile');
  content = result.content;
  OUT = result.out;
});

describe('a build with hostile entry bodies', () => {
  test('covers every kind the issue names, each in its own entry file', () => {
    expect(CASES).toEqual(expect.arrayContaining(['body-inline-expression', 'body-flow-expression', 'body-import', 'body-export', 'body-script', 'body-iframe', 'body-event-handler', 'body-javascript-link', 'body-style-attribute']));
    expect(readdirSync(join(content, 'entries')).filter((f) => f.startsWith('2019-10-07-body-'))).toHaveLength(CASES.length);
  });

  test('fails in the MDX compile, naming a hostile body with its line and column and what it holds', () => {
    expect(result.code, result.output).not.toBe(0);
    // Each fixture's lines name the file as it lies in a tree at src/content; the build names it relative to its project root.
    // Whichever body the compile meets first fails the build, so every fixture's line must read as this tree reports it.
    const expected = CASES.flatMap((name) => readFileSync(join(FIXTURES, 'bad', name, 'expected.txt'), 'utf8').split('\n').filter(Boolean))
      .map(problemBesideRealContent)
      .map((line) => {
        const file = line.slice(0, line.indexOf(': '));
        return `${relative(result.root, join(content, file.replace(/^src\/content\//, '')))}${line.slice(file.length)}`;
      });
    const named = expected.filter((line) => result.output.includes(line) || result.output.includes(line.replace(/^.*?: body \((line \d+), (column \d+)\): /, '')));
    expect(named.length, result.output).toBeGreaterThan(0);
  });

  test('writes none of the payloads to the output folder', () => {
    const files = existsSync(OUT) ? listFiles(OUT, '') : [];
    const leaks = files.filter((f) => PAYLOADS.some((p) => readFileSync(join(OUT, f), 'utf8').toLowerCase().includes(p.toLowerCase())));
    expect(leaks).toEqual([]);
    expect(files.filter((f) => f.includes('2019-10-07-body-'))).toEqual([]);
  });
});

describe('a build with an entry that uses every allowed construct', () => {
  let built: FixtureBuild;
  let body: ReturnType<typeof readPage>;

  beforeAll(() => {
    built = fixtureBuild('variant');
    if (built.code === 0) body = readPage(builtOutput('variant'), 'entries/2019-10-08-allowed-markdown/index.html').querySelector('.body')!;
  });

  test('builds', () => {
    expect(built.code, built.output).toBe(0);
    expect(body).toBeTruthy();
  });

  test('renders the allowed elements with their allowed attribute', () => {
    expect(body.querySelector('abbr[title="Bureau of Industry and Security"]')?.text).toBe('BIS');
    expect(body.querySelector('sub')?.text).toBe('2');
    expect(body.querySelector('sup:not(:has(a))')?.text).toBe('3');
    expect(body.querySelectorAll('br').length).toBeGreaterThanOrEqual(2);
  });

  test('renders Markdown and GFM: emphasis, headings, quotes, lists, tasks, tables, code, rules, footnotes', () => {
    for (const selector of ['strong', 'em', 'del', 'h2', 'blockquote', 'ul', 'ol', 'input[type="checkbox"][checked][disabled]', 'table td', 'hr', 'section[data-footnotes] li']) {
      expect(body.querySelector(selector), selector).toBeTruthy();
    }
    expect(body.querySelector('code')?.text).toBe('inline code {x} <y>');
    // The parser keeps a <pre>'s content as raw HTML: the code is there, escaped, and unhighlighted (no inline style).
    const pre = body.querySelector('pre')!;
    expect(pre.rawText).toContain('fenced code {kept} &lt;script&gt;kept as text&lt;/script&gt;');
    expect(pre.rawText).not.toMatch(/<script|style=/);
    const footnote = body.querySelector('a[data-footnote-ref]')!.getAttribute('href')!;
    expect(body.querySelector(`[id="${footnote.slice(1)}"]`), footnote).toBeTruthy();
  });

  test('shows escaped braces and angle brackets as text', () => {
    expect(body.text).toContain('A literal brace { like this } and an angle bracket <tag> are escaped; a < b > c');
  });

  test('links to other sites open with rel="noopener noreferrer"; site paths gain the base path', () => {
    const links = body.querySelectorAll('a').map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') }));
    expect(links).toEqual(expect.arrayContaining([
      { href: 'https://www.federalregister.gov/d/2019-22210', rel: 'noopener noreferrer' },
      { href: 'https://www.bis.doc.gov/', rel: 'noopener noreferrer' },
      { href: 'mailto:press@example.org', rel: undefined },
      { href: `${BASE}entries/2019-10-07-us-entity-list/`, rel: undefined },
      { href: '../2021-03-tesla-restriction/', rel: undefined },
    ]));
    expect(links.filter((l) => l.href === 'https://www.federalregister.gov/d/2019-22210')).toHaveLength(2);
    expect(body.querySelector('img')?.getAttribute('src')).toBe(`${BASE}favicon.svg`);
    expect(body.querySelector('img')?.getAttribute('alt')).toBe('The site’s icon');
  });

  test('adds no script, event handler or style to the page body', () => {
    expect(body.querySelectorAll('script, iframe, style')).toEqual([]);
    const active = body.querySelectorAll('*').filter((el) => Object.keys(el.attributes).some((a) => /^(on|style$)/i.test(a)));
    expect(active.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });
});

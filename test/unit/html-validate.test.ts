/**
 * The HTML validity check (test/support/html-validate.ts, run over the build by
 * test/build/html-valid.test.ts) catches invalid pages: each small page below breaks one rule of
 * HTML and must fail with that rule, while the same page without the fault passes.
 */
import { describe, expect, test } from 'vitest';
import { htmlValidator, validLanguageTag, validTimeDatetime, validUrl } from '../support/html-validate.ts';

const page = (body: string, head = '<title>A page</title>') =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

async function rulesBroken(html: string): Promise<string[]> {
  const report = await htmlValidator.validateString(html, 'page.html');
  return [...new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
}

describe('html-validate with the project configuration', () => {
  test('a valid page passes', async () => {
    const valid = page(
      '<h1 id="top">Hikvision <span lang="zh-Hans">海康威视</span></h1>\n' +
        '<p><time datetime="2022-11-24">24 November 2022</time>, <time datetime="2022-11">November 2022</time>, <time datetime="2022">2022</time>, ' +
        '<time datetime="2026-11-29T10:00:00.000Z">built</time>.</p>\n' +
        '<p><a href="/entries/2022-11-24-uk-government-security-instruction/#sources" aria-describedby="top">Sources</a> ' +
        '<a href="https://www.gov.uk/government/news/example?x=1&amp;y=2" rel="noopener">GOV.UK</a></p>\n' +
        '<ul><li>One</li><li>Two</li></ul>\n<button type="submit">Go</button>',
    );
    expect(await rulesBroken(valid)).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ['a duplicate id', '<p id="x">One</p><p id="x">Two</p>', 'no-dup-id'],
    ['an element closed in the wrong order', '<div><span>Text</div></span>', 'close-order'],
    ['an element left open', '<div><p>Text</p>', 'close-order'],
    ['a bad attribute value', '<button type="sumbit">Go</button>', 'attribute-allowed-values'],
    ['a duplicate attribute', '<p class="a" class="b">Text</p>', 'no-dup-attr'],
    ['an element where its parent does not allow it', '<ul><div>Item</div></ul>', 'element-permitted-content'],
    ['a block inside a paragraph-only element', '<span><div>Text</div></span>', 'element-permitted-content'],
    ['a list item outside a list', '<li>Item</li>', 'element-permitted-parent'],
    ['a table cell outside a row', '<table><tbody><td>Cell</td></tbody></table>', 'element-permitted-content'],
    ['an id with a space', '<p id="two words">Text</p>', 'valid-id'],
    ['content in a void element', '<br>text</br>', 'void-content'],
    ['an obsolete element', '<center>Text</center>', 'deprecated'],
    ['a reference to an id that does not exist', '<a href="/" aria-describedby="nowhere">Home</a>', 'no-missing-references'],
    ['a character reference that does not exist', '<p>Tom &unknownentity; Jerry</p>', 'unrecognized-char-ref'],
    ['an impossible date', '<time datetime="2022-02-30">30 February</time>', 'tl/time-datetime'],
    ['a month that does not exist', '<time datetime="2022-13">Month 13</time>', 'tl/time-datetime'],
    ['a date in another format', '<time datetime="24/11/2022">24 November 2022</time>', 'tl/time-datetime'],
    ['a malformed language tag', '<p lang="zh_Hans">海康威视</p>', 'tl/language-tag'],
    ['a URL with a space', '<a href="/entries/a b/">Entry</a>', 'tl/url'],
    ['a URL with a bad percent escape', '<a href="/search/?q=100%">Search</a>', 'tl/url'],
  ];

  test.each(cases)('catches %s', async (_what, body, rule) => {
    expect(await rulesBroken(page(body))).toContain(rule);
  });

  test('catches a page without a doctype', async () => {
    expect(await rulesBroken(page('<p>Text</p>').replace('<!doctype html>\n', ''))).toContain('missing-doctype');
  });

  test('catches an empty title and a second title', async () => {
    expect(await rulesBroken(page('<p>Text</p>', '<title></title>'))).toContain('empty-title');
    expect(await rulesBroken(page('<p>Text</p>', '<title>One</title><title>Two</title>'))).toContain('element-permitted-occurrences');
  });
});

describe('the micro-syntax checks', () => {
  test('datetime values of each HTML form pass and impossible ones fail', () => {
    for (const ok of ['2022', '2022-11', '2022-11-24', '2024-02-29', '11-24', '10:30', '10:30:15.5', '2022-11-24T10:30', '2022-11-24 10:30:00Z', '2022-11-24T10:30+01:00', '2022-W47', 'PT4H18M3S', '4h 18m 3s', 'Z', '+05:30']) {
      expect(validTimeDatetime(ok), ok).toBe(true);
    }
    for (const bad of ['0000', '22', '2022-00', '2022-1', '2023-02-29', '2022-04-31', '2022-11-24T25:00', '24/11/2022', 'November 2022', '2022-11-24T10:30+1', '']) {
      expect(validTimeDatetime(bad), bad).toBe(false);
    }
  });

  test('language tags are checked for BCP 47 form', () => {
    for (const ok of ['en', 'en-GB', 'zh-Hans', 'zh-Hans-CN', 'yue-HK', 'es-419', 'x-private', 'de-CH-1996']) expect(validLanguageTag(ok), ok).toBe(true);
    for (const bad of ['en_GB', 'e', 'zh-', 'english language', '中文']) expect(validLanguageTag(bad), bad).toBe(false);
  });

  test('URLs with characters that must be escaped fail', () => {
    for (const ok of ['/', '#top', '../x/', 'https://example.org/a%20b?q=1&r=2#f', 'mailto:a@example.org', ' /padded/ ']) expect(validUrl(ok), ok).toBe(true);
    for (const bad of ['/a b/', 'https://exa mple.org/', '/x|y', '/a\\b', '/%zz', 'https://[bad/', '/<x>']) expect(validUrl(bad), bad).toBe(false);
  });
});

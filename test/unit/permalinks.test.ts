import { parse as parseHtml } from 'node-html-parser';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { currentVersionPageHtml, lastModifiedByUrl, listRedirects, redirectPageHtml, registerIds, unregisteredIds } from '../../src/lib/content/permalinks.ts';

describe('unregisteredIds', () => {
  test.each([
    [[], ['b', 'a'], ['a', 'b']],
    [['a'], ['a', 'b'], ['b']],
    [['a', 'b'], ['a'], []],
    [[], ['a', 'a'], ['a']],
  ])('with %j registered and entries %j reports %j', (published, ids, expected) => {
    expect(unregisteredIds(published, ids)).toEqual(expected);
  });
});

describe('listRedirects', () => {
  test('sorts redirects by old id', () => {
    expect(listRedirects({ b: 'x', a: 'y' })).toEqual([{ from: 'a', to: 'y' }, { from: 'b', to: 'x' }]);
  });
});

describe('registerIds', () => {
  const registry = [
    '# The registry; ids are never removed.',
    'published:',
    '  - 2020-01-01-b # the second entry',
    '  - 2019-01-01-a',
    'redirects:',
    '  2018-01-01-old: 2019-01-01-a',
    '',
  ].join('\n');

  test('adds the new ids, sorts the list and keeps comments and redirects', () => {
    const result = registerIds(registry, ['2019-01-01-a', '2020-01-01-b', '2021-01-01-c', '2000-01-01-z']);
    expect(result.added).toEqual(['2000-01-01-z', '2021-01-01-c']);
    expect(parse(result.text)).toEqual({
      published: ['2000-01-01-z', '2019-01-01-a', '2020-01-01-b', '2021-01-01-c'],
      redirects: { '2018-01-01-old': '2019-01-01-a' },
    });
    expect(result.text).toContain('# The registry; ids are never removed.');
    expect(result.text).toContain('# the second entry');
  });

  test('never removes an id whose entry is gone', () => {
    expect(parse(registerIds(registry, []).text).published).toEqual(['2020-01-01-b', '2019-01-01-a']);
  });

  test('changes nothing when every id is registered', () => {
    const result = registerIds(registry, ['2019-01-01-a']);
    expect(result.added).toEqual([]);
    expect(parse(result.text)).toEqual(parse(registry));
  });

  test.each([['published: []\nredirects: {}\n'], [''], ['published:\n']])('turns %j into a block list of the ids', (text) => {
    const result = registerIds(text, ['b', 'a']);
    expect(parse(result.text)).toEqual({ published: ['a', 'b'], redirects: {} });
    expect(result.text).toContain('  - a\n');
  });

  test('refuses a registry that is not a map', () => {
    expect(() => registerIds('- a\n', ['b'])).toThrow(/must be a map/);
  });
});

describe('redirectPageHtml', () => {
  const html = redirectPageHtml({
    from: '2019-10-07-old',
    to: '2019-10-07-new',
    targetPath: '/tl/entries/2019-10-07-new/',
    targetUrl: 'https://example.org/tl/entries/2019-10-07-new/',
    targetTitle: 'US lists <Hikvision> & Dahua',
  });
  const page = parseHtml(html);

  test('describes itself as a moved entry, naming the new one (escaped)', () => {
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('This entry has moved to a new permanent URL: US lists <Hikvision> & Dahua.');
    expect(html).toContain('content="This entry has moved to a new permanent URL: US lists &lt;Hikvision&gt; &amp; Dahua."');
  });

  test('refreshes at once to the new permalink', () => {
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/tl/entries/2019-10-07-new/');
  });

  test('names the new permalink as canonical and keeps itself out of search indexes', () => {
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/tl/entries/2019-10-07-new/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  test('offers a plain link with the escaped title for browsers that do not refresh', () => {
    const link = page.querySelector('main a');
    expect(link?.getAttribute('href')).toBe('/tl/entries/2019-10-07-new/');
    expect(link?.text).toBe('US lists <Hikvision> & Dahua');
    expect(html).not.toContain('<Hikvision>');
  });

  test('carries the site content security policy and no script', () => {
    expect(page.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content')).toContain("default-src 'self'");
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('currentVersionPageHtml', () => {
  const html = currentVersionPageHtml({ title: 'US lists <Hikvision> & "Dahua"', version: 3, date: '2026-12-01', entryPath: '/tl/entries/x/', entryUrl: 'https://example.org/tl/entries/x/' });
  const page = parseHtml(html);

  test('names the entry and the version, escaped, and says the address will keep the text', () => {
    expect(page.querySelector('title')?.text).toBe('US lists <Hikvision> & "Dahua" (version 3)');
    expect(page.querySelector('h1')?.text).toBe('US lists <Hikvision> & "Dahua" (version 3)');
    expect(page.querySelector('main p')?.text).toBe('Version 3 (1 December 2026) is the current version of this entry, so its text is on the entry’s permanent page: https://example.org/tl/entries/x/. If the entry is corrected, this address will show version 3 in full, exactly as it reads now.');
    expect(page.querySelector('main time')?.getAttribute('datetime')).toBe('2026-12-01');
    expect(html).not.toContain('<Hikvision>');
    expect(html).toContain('content="Version 3 is the current text of the entry “US lists &lt;Hikvision&gt; &amp; &quot;Dahua&quot;”, on its permanent page."');
  });

  test('refreshes at once to the entry page, its canonical URL, and keeps itself out of search indexes', () => {
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/tl/entries/x/');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/tl/entries/x/');
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  test('links the entry page and its box that cites this version, with the policy and no script', () => {
    expect(page.querySelectorAll('main a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['/tl/entries/x/', 'https://example.org/tl/entries/x/'],
      ['/tl/entries/x/#cite-version', 'Cite version 3'],
    ]);
    expect(page.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content')).toContain("default-src 'self'");
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('lastModifiedByUrl', () => {
  test('uses the update day, or the publication day when there is none', () => {
    const map = lastModifiedByUrl(
      [
        { id: 'a', published: '2026-11-01', updated: '2026-11-20' },
        { id: 'b', published: '2026-11-02' },
      ],
      (id) => `https://x.org/entries/${id}/`,
    );
    expect([...map]).toEqual([
      ['https://x.org/entries/a/', '2026-11-20'],
      ['https://x.org/entries/b/', '2026-11-02'],
    ]);
  });
});

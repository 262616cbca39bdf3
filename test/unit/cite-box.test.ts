import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { citeBoxHtml, type CiteBoxOptions } from '../../src/lib/citation/cite-box.ts';
import { citationStyles, citationText, type CitationInput } from '../../src/lib/citation/citation.ts';
import { attributes, escapeHtml } from '../../src/lib/site/html.ts';
import { htmlValidator, reportLines } from '../support/html-validate.ts';

// node-html-parser keeps <pre> as raw text unless told otherwise; the machine formats are in <pre><code>.
const parse = (html: string) => parseHtml(html, { blockTextElements: { script: true, style: true } });

describe('escapeHtml and attributes', () => {
  test('escape the characters that could end a text or a double-quoted value', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom's &amp; co&lt;/a&gt;");
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  test('leave a value with nothing to escape as it is, and escape one that has', () => {
    for (const [value, escaped] of [['19 January 2015, https://example.org/a?b', '19 January 2015, https://example.org/a?b'], ['ends with "', 'ends with &quot;'], ['>', '&gt;'], ['', ''], ["Tom's", "Tom's"]]) {
      expect(escapeHtml(value!)).toBe(escaped);
    }
  });

  test('write bare, valued and absent attributes in order', () => {
    expect(attributes({ id: 'a"b', hidden: true, title: undefined, open: false, tabindex: 0 })).toBe(' id="a&quot;b" hidden tabindex="0"');
  });
});

const HOSTILE = `Ban on "cameras" <script>alert(1)</script> & <img src=x onerror=alert(2)>`;

const input: CitationInput = {
  id: '2022-11-24-uk-sensitive-sites',
  title: HOSTILE,
  url: 'https://example.org/entries/2022-11-24-uk-sensitive-sites/',
  siteName: 'CCTV Restrictions Timeline',
  publisher: 'CCTV Restrictions Timeline',
  date: '2022-11-24',
  dateKind: 'published',
  accessed: '2026-12-05',
  summary: 'A summary with <b>markup</b> & "quotes".',
  language: 'en-GB',
};

const current: CiteBoxOptions = {
  citation: input,
  permalink: input.url,
  citing: 'current',
  other: { url: `${input.url}v/2/`, href: '#cite-version', version: { n: 2, date: '2023-01-05' } },
};

describe('citeBoxHtml', () => {
  test('escapes every value: a hostile title is text in every style, never markup', () => {
    const html = citeBoxHtml(current);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    const root = parse(html);
    expect(root.querySelectorAll('script, img, b')).toHaveLength(0);
    // What a reader copies is the citation text itself, quotes and ampersand included.
    for (const style of citationStyles(input)) {
      const shown = root.querySelector(`#cite-${style.id}`);
      expect(shown?.textContent, style.id).toBe(citationText(style.parts));
    }
  });

  test('is valid HTML with the ids, labels and links the page and its script rely on', async () => {
    const html = citeBoxHtml(current);
    const report = await htmlValidator.validateString(`<!DOCTYPE html><html lang="en"><head><title>Cite box</title></head><body><main>${html}</main></body></html>`);
    expect(reportLines(report)).toEqual([]);
    const root = parse(html);
    const box = root.querySelector('section.cite-box');
    expect(box?.getAttribute('aria-labelledby')).toBe('cite-heading');
    expect(box?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(root.querySelector('#cite-heading')?.textContent).toBe('Cite this entry');
    expect(root.querySelector('#cite-permalink')?.getAttribute('value')).toBe(input.url);
    expect(root.querySelector('#cite-other-link')?.getAttribute('value')).toBe(`${input.url}v/2/`);
    expect(root.querySelector('.choice a')?.getAttribute('href')).toBe('#cite-version');
    expect(root.querySelector('.choice time')?.getAttribute('datetime')).toBe('2023-01-05');
    expect(root.querySelectorAll('[data-accessed]').map((e) => e.getAttribute('data-accessed'))).toEqual(['prose', 'long', 'mla', 'iso', 'ris', 'csl']);
    // Every copy button names what it copies and starts hidden; RIS keeps its CRLF.
    const buttons = root.querySelectorAll('button.copy');
    expect(buttons.length).toBe(9);
    for (const b of buttons) {
      expect(b.hasAttribute('hidden')).toBe(true);
      expect(root.querySelector(`#${b.getAttribute('data-copy')}`)).not.toBeNull();
    }
    const downloads = root.querySelectorAll('.downloads a');
    expect(downloads.map((a) => a.getAttribute('download'))).toEqual(['2022-11-24-uk-sensitive-sites.bib', '2022-11-24-uk-sensitive-sites.ris', '2022-11-24-uk-sensitive-sites.json']);
    expect(downloads.map((a) => a.getAttribute('data-eol') ?? '')).toEqual(['', 'crlf', '']);
    // A download holds the text shown for its format.
    const bib = decodeURIComponent(downloads[0]!.getAttribute('href')!.replace(/^[^,]*,/, ''));
    expect(bib).toBe(root.querySelector('#cite-bibtex')?.textContent);
  });

  test('a folded second box for a version: a <details> with its own ids, citing the version', () => {
    const html = citeBoxHtml({ ...current, citation: { ...input, id: `${input.id}-v2`, version: 2 }, citing: 'version', prefix: 'cite-version', folded: true, other: { url: input.url, href: '#cite-heading', version: { n: 2, date: '2023-01-05' } } });
    const root = parse(html);
    const box = root.querySelector('details.cite-box.folded');
    expect(box?.id).toBe('cite-version');
    expect(box?.hasAttribute('aria-labelledby')).toBe(false);
    expect(root.querySelector('summary > h2#cite-version-heading')?.textContent).toBe('Cite version 2 instead');
    expect(root.querySelector('label[for="cite-version-permalink"]')?.textContent).toBe('Permanent link to version 2');
    expect(root.querySelector('.choice')?.textContent).toContain('cite version 2');
    expect(root.querySelector('.choice a')?.getAttribute('href')).toBe('#cite-heading');
    expect(root.querySelector('#cite-heading')).toBeNull();
  });

  test('a measure says "measure" and what citing it keeps', () => {
    const root = parse(citeBoxHtml({ ...current, subject: 'measure' }));
    expect(root.querySelector('h2')?.textContent).toBe('Cite this measure');
    expect(root.querySelector('.choice')?.textContent).toContain('which is kept up to date as its status changes');
  });
});

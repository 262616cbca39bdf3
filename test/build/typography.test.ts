/**
 * The small print a reader trips over: doubled full stops, stops before a closing bracket, counts
 * glued to their year, headings said twice, titles followed by the date they already carry.
 */
import { describe, expect, inject, test } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { formatDate } from '../../src/lib/model/dates.ts';
import { listFiles, readListPages, readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
const pages = listFiles(dist, '.html').filter((f) => !f.startsWith('pagefind/'));

/** The text a reader sees in an element, without scripts, styles and hidden metadata. */
function visibleText(element: HTMLElement): string {
  const copy = element.clone() as HTMLElement;
  for (const e of copy.querySelectorAll('script, style, template, [hidden], [data-pagefind-meta]')) e.remove();
  return copy.textContent.replace(/\s+/g, ' ');
}

/** Every match of a pattern in every page, with some context, for a readable failure. */
function findAll(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of pages) {
    const text = visibleText(readPage(dist, file).querySelector('body')!);
    for (const m of text.matchAll(pattern)) found.push(`${file}: …${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 10)}…`);
  }
  return found;
}

describe('punctuation', () => {
  test('no page doubles a full stop (e.g. "City A.M..")', () => {
    const found = findAll(/[^.]\.\.(?!\.)/g);
    expect(found, found.join('\n')).toEqual([]);
  });

  test('no note in brackets ends with its own full stop (e.g. "FAC 2019-05).)")', () => {
    const found = findAll(/[^A-Z.]\.\)/g);
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('headings', () => {
  test('a year heading keeps a space between the year and its count ("2018 (1 entry)")', () => {
    const page = readPage(dist, 'newest/index.html');
    const headings = page.querySelectorAll('[data-year-group] h2').map((h) => visibleText(h).trim());
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(heading).toMatch(/^\d{4} \(\d+ (entry|entries)\)$/);
  });

  test('a year page says its year once, in its main heading', () => {
    for (const file of pages.filter((f) => /^years\/\d{4}\/index\.html$/.test(f))) {
      const page = readPage(dist, file);
      const year = file.slice(6, 10);
      const headings = page.querySelectorAll('main h1, main h2, main h3').map((h) => visibleText(h).trim());
      expect(headings.filter((h) => h.startsWith(year)), file).toHaveLength(1);
      expect(visibleText(page.querySelector('main h1')!).trim(), file).toBe(year);
      expect(visibleText(page.querySelector('main h2')!).trim(), file).toBe(`Entries (${page.querySelectorAll('.entry-card').length})`);
    }
  });
});

describe('sources', () => {
  test('a source whose title carries its date is not followed by the same date again', () => {
    const pages = readListPages(dist, 'sources/').map(({ page }) => page);
    const repeated: string[] = [];
    for (const source of content.sources) {
      const published = source.data.published;
      if (!published) continue;
      const item = pages.map((page) => page.querySelector(`#source-${source.id}`)).find((i) => i !== null)!.clone() as HTMLElement;
      for (const e of item.querySelectorAll('.cited, .note, .archived')) e.remove();
      const shown = formatDate(published);
      const times = visibleText(item).split(shown).length - 1;
      if (times > 1) repeated.push(`${source.id}: "${shown}" ${times} times`);
    }
    expect(repeated, repeated.join('\n')).toEqual([]);
  });
});

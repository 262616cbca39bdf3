/**
 * Words that a page shows apart are apart in its text too. Astro drops the white space, line
 * break included, between two tags and around an expression, so a template that puts a badge and
 * a name on two lines (`<span>Primary</span>` then `<span>Cabinet Office</span>`) writes
 * "PrimaryCabinet Office": CSS may draw a gap, but a screen reader, a copied quotation, reader
 * mode and a search excerpt get one word. Every built page is read for two text runs of inline
 * elements glued together and for a sentence run into the next.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { checkEachFile } from '../support/each.ts';
import { listFiles } from '../support/html.ts';

const dist = inject('distDir');
const pages = listFiles(dist, '.html').filter((file) => !file.startsWith('pagefind/'));

/** Elements whose text is not read as prose: code, scripts, styles and drawings (an SVG's titles are tooltips, one per shape). */
const NOT_PROSE = /<(script|style|svg|pre|code|template|noscript)\b[\s\S]*?<\/\1>/g;
const INLINE = '(?:a|abbr|b|cite|em|i|mark|small|span|strong|sub|sup|time)';
/** A letter, digit or closing mark; an inline element closing and another opening with nothing between; a letter, digit or opening mark. */
const GLUED = new RegExp(`[\\p{L}\\p{N}.,;:)’”](?:</${INLINE}>)+(?:<${INLINE}(?:\\s[^>]*)?>)+[\\p{L}\\p{N}(“‘]`, 'gu');
/** A sentence's last word, its full stop, and the next sentence's first word with no space between. */
const RUN_ON = /\p{Ll}{2}[.!?][\p{Lu}][\p{Ll}]/gu;

/** Up to `n` characters either side of a match, tags and runs of space simplified, for the failure message. */
function around(text: string, index: number, length: number, n = 40): string {
  return text
    .slice(Math.max(0, index - n), index + length + n)
    .replace(/\s(?:class|href|id|title|datetime|rel|data-[\w-]+|aria-[\w-]+)="[^"]*"/g, '')
    .replace(/\s+/g, ' ');
}

describe('text spacing', () => {
  test('no page glues the text of two inline elements into one word', () => {
    checkEachFile(pages, (file) => {
      const html = readFileSync(join(dist, file), 'utf8').replace(NOT_PROSE, '');
      const glued = [...html.matchAll(GLUED)].map((m) => around(html, m.index, m[0].length));
      expect(glued).toEqual([]);
    });
  });

  test('no page runs one sentence into the next', () => {
    checkEachFile(pages, (file) => {
      const root = parse(readFileSync(join(dist, file), 'utf8').replace(NOT_PROSE, ''));
      const text = root.querySelector('body')?.structuredText ?? '';
      const runOn = [...text.matchAll(RUN_ON)].map((m) => around(text, m.index, m[0].length));
      expect(runOn).toEqual([]);
    });
  });
});

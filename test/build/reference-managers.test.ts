/**
 * The head of every entry page and of every version page carries exactly what the tested Zotero
 * rules need (test/build/head-rules.ts), and the page's own citations agree with it.
 */
import { describe, expect, inject, test } from 'vitest';
import { versionsOf } from '../../src/lib/content/versions.ts';
import { headProblems } from './head-rules.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();

describe('what reference managers read', () => {
  test('every entry page reads as a Web Page by the site, with its last-updated date, URL and licence', () => {
    const problems = content.entries.flatMap((e) =>
      headProblems(dist, `entries/${e.id}/index.html`, { date: e.data.updated ?? e.data.published, published: e.data.published, version: e.data.corrections.length + 1 }),
    );
    expect(problems).toEqual([]);
  });

  test('every version page reads the same way, with the date of its version and its own URL', () => {
    const problems = content.entries.flatMap((e) =>
      versionsOf(e.data).map((v) => {
        const date = v.current ? (e.data.updated ?? e.data.published) : v.date;
        return headProblems(dist, `entries/${e.id}/v/${v.n}/index.html`, { date, published: e.data.published, version: v.n });
      }).flat(),
    );
    expect(problems).toEqual([]);
  });
});

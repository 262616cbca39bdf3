/**
 * Inline source citations, in the variant build (whose fixture entry `2019-10-09-inline-citations`
 * cites its source in every paragraph) and the real build: every `<Cite>` of an entry's body is a
 * numbered link to that entry's own source list (the number is the source's place in it), readable
 * without JavaScript; `/data/entries.json` and `/entries/<id>.json` say which sources each
 * paragraph cites, the same as the page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { builtOutput } from '../support/fixture-builds.ts';
import type { EntriesExport } from '../../src/schemas/export.ts';
import { readPage } from '../support/html.ts';

/** The entries of a build that cite inline, with the build's folder. */
function citing(dist: string): { dist: string; entry: EntriesExport['entries'][number] }[] {
  const { entries } = JSON.parse(readFileSync(join(dist, 'data/entries.json'), 'utf8')) as EntriesExport;
  return entries.filter((e) => e.paragraphs.some((p) => p.sources.length > 0)).map((entry) => ({ dist, entry }));
}
const variant = builtOutput('variant');
const cited = [...citing(variant), ...citing(inject('distDir'))];

describe('inline citations', () => {
  test('the fixture entry cites in every paragraph, and the data says so', () => {
    const fixture = citing(variant).find((c) => c.entry.id === '2019-10-09-inline-citations');
    expect(fixture?.entry.paragraphs).toEqual([{ sources: [expect.any(String)] }, { sources: [expect.any(String), expect.any(String)] }]);
  });

  test('each citation on a page links to its own source in the list, numbered by its place there', () => {
    const wrong: string[] = [];
    for (const { dist, entry } of cited) {
      const page = readPage(dist, `entries/${entry.id}/index.html`);
      const list = page.querySelectorAll('ol.sources > li').map((li) => li.getAttribute('id'));
      const links = page.querySelectorAll('.body sup.cite a');
      if (links.length === 0) wrong.push(`${entry.id}: no citation link`);
      for (const link of links) {
        const target = link.getAttribute('href')!.slice(1);
        const place = list.indexOf(target);
        if (place === -1) wrong.push(`${entry.id}: ${target} is not in the source list`);
        else if (link.text.replace(/\s+/g, ' ').trim() !== `[source ${place + 1}]`) wrong.push(`${entry.id}: "${link.text}" for source ${place + 1}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('the data says which sources each paragraph cites, as the page shows them', () => {
    const wrong: string[] = [];
    for (const { dist, entry } of cited) {
      const page = readPage(dist, `entries/${entry.id}/index.html`);
      const shown = page.querySelectorAll('.body p').map((p) => p.querySelectorAll('sup.cite a').map((a) => a.getAttribute('data-cite')));
      const data = entry.paragraphs.map((p) => p.sources);
      if (JSON.stringify(shown) !== JSON.stringify(data)) wrong.push(`${entry.id}: page ${JSON.stringify(shown)}, data ${JSON.stringify(data)}`);
      const own = JSON.parse(readFileSync(join(dist, 'entries', `${entry.id}.json`), 'utf8')) as { paragraphs: unknown };
      if (JSON.stringify(own.paragraphs) !== JSON.stringify(entry.paragraphs)) wrong.push(`${entry.id}: /entries/${entry.id}.json differs`);
    }
    expect(wrong).toEqual([]);
  });
});

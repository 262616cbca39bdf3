/**
 * `/changes/`: every correction, update, new entry and measure stage, newest first, over pages,
 * each with its date, what changed and links to the versions before and after it; linked from the
 * corrections page and the footer of every page. Its feeds are checked in feeds.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { collectChanges } from '../../src/lib/model/changes.ts';
import { formatDate } from '../../src/lib/model/dates.ts';
import type { EntriesExport } from '../../src/schemas/export.ts';
import { readListPages, readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
const changes = collectChanges(content.entries, content.measures);
// Every change, across the pages of /changes/ (the latest first).
const items = readListPages(dist, 'changes/').flatMap(({ page }) => page.querySelectorAll('ol.changes > li'));
const urls = new Map((JSON.parse(readFileSync(join(dist, 'data/entries.json'), 'utf8')) as EntriesExport).entries.map((e) => [e.id, new URL(e.url).pathname]));
const itemOf = (anchor: string) => items.find((li) => li.id === anchor)!;
const text = (el: { text: string } | null | undefined) => (el?.text ?? '').replace(/\s+/g, ' ').trim();
/** Whether a site path answers with a built page. */
const built = (path: string) => existsSync(join(dist, path.replace(/^\//, ''), 'index.html'));

describe('/changes/', () => {
  test('lists every correction, new entry and measure stage, newest first, each under an id of its own', () => {
    expect(changes.filter((c) => c.kind === 'correction').length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.kind === 'stage').length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.kind === 'new-entry')).toHaveLength(content.entries.length);
    expect(items.map((li) => li.id)).toEqual(changes.map((c) => c.anchor));
    const dates = items.map((li) => li.querySelector('.when time')!.getAttribute('datetime')!);
    expect(dates).toEqual(changes.map((c) => c.date));
  });

  test('gives each change its date and kind in words, not by colour alone', () => {
    const problems: string[] = [];
    changes.forEach((c, i) => {
      const when = text(items[i]!.querySelector('.when'));
      const kind = { correction: 'Correction', 'measure-correction': 'Measure correction', update: 'Update', stage: 'Measure stage', 'new-entry': 'New entry' }[c.kind];
      if (when !== `${formatDate(c.date)} · ${kind}`) problems.push(`${c.anchor}: "${when}"`);
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('gives a correction its note, the entry, and the versions before (where the diff is) and after it', () => {
    const problems: string[] = [];
    for (const c of changes) {
      if (c.kind !== 'correction') continue;
      const li = itemOf(c.anchor);
      const entry = urls.get(c.entryId)!;
      const hrefs = li.querySelectorAll('a').map((a) => a.getAttribute('href'));
      if (!text(li).includes(c.note)) problems.push(`${c.anchor}: no note`);
      for (const href of [entry, `${entry}v/${c.before}/#what-changed`, `${entry}v/${c.after}/`]) {
        if (!hrefs.includes(href)) problems.push(`${c.anchor}: no link to ${href}`);
      }
      if (!built(`${entry}v/${c.before}/`) || !built(`${entry}v/${c.after}/`)) problems.push(`${c.anchor}: a version page is missing`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('gives a new entry its title, summary and version 1, as first published', () => {
    const c = changes.find((x) => x.kind === 'new-entry')!;
    if (c.kind !== 'new-entry') throw new Error('no new entry');
    const li = itemOf(c.anchor);
    expect(text(li.querySelector('.subject'))).toBe(c.title);
    expect(text(li)).toContain(c.summary);
    expect(li.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([urls.get(c.entryId), `${urls.get(c.entryId)}v/1/`]);
  });

  test('gives a measure stage its stage, note, the measure’s versions before and after it and the entry that records it; the latest its status now', () => {
    const problems: string[] = [];
    for (const c of changes) {
      if (c.kind !== 'stage') continue;
      const li = itemOf(c.anchor);
      const words = text(li);
      const hrefs = li.querySelectorAll('a').map((a) => a.getAttribute('href')!);
      const measure = `/measures/${c.measureId}/`;
      if (text(li.querySelector('.subject')) !== `${c.measure}: ${c.stageLabel.toLowerCase()}`) problems.push(`${c.anchor}: subject "${text(li.querySelector('.subject'))}"`);
      if (c.note && !words.includes(c.note)) problems.push(`${c.anchor}: no note`);
      const wanted = [measure, ...(c.before === undefined ? [] : [`${measure}v/${c.before}/`]), `${measure}v/${c.after}/`, urls.get(c.entryId)!];
      for (const href of wanted) {
        if (!hrefs.includes(href)) problems.push(`${c.anchor}: no link to ${href}`);
        if (!built(href)) problems.push(`${c.anchor}: ${href} is not a built page`);
      }
      if (c.status && !words.includes(`Status now: ${c.status.label} (as of ${formatDate(c.status.asOf)})`)) problems.push(`${c.anchor}: no status in "${words}"`);
      if (!c.status && words.includes('Status now')) problems.push(`${c.anchor}: a status on an earlier stage`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
    for (const measure of content.measures) expect(changes.filter((c) => c.kind === 'stage' && c.measureId === measure.id && c.status)).toHaveLength(1);
  });

  test('is linked from the corrections page and from the footer of every page', () => {
    const links = (file: string, scope: string) => readPage(dist, file).querySelectorAll(`${scope} a`).map((a) => a.getAttribute('href'));
    expect(links('corrections/index.html', 'main')).toContain('/changes/');
    for (const file of ['index.html', 'about/index.html', `entries/${content.entries[0]!.id}/index.html`]) expect(links(file, 'footer')).toContain('/changes/');
  });
});

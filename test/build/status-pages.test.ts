/**
 * Where things stand on a large record: the variant build (test/support/content-trees.ts) is built
 * with MEASURES_IN_FULL=5, fewer than the real content's measures, so `/status/` gives each
 * jurisdiction one row linked to its own table at `/status/<jurisdiction>/`, and `/measures/` each
 * jurisdiction one line of links. The real build, under the limit, lists every measure on
 * `/status/` (test/build/measures.test.ts) and has the same per-jurisdiction tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { measureStatusInfo } from '../../src/lib/model/measures.ts';
import type { MeasureStatus } from '../../src/schemas/measure.ts';
import { BASE } from '../support/content-trees.ts';
import { builtOutput } from '../support/fixture-builds.ts';
import { readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';

const content = realContent();
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Listed {
  id: string;
  jurisdiction: string;
  status: MeasureStatus;
}
interface Group {
  id: string;
  measures: Listed[];
}

/** The jurisdictions with a page (an entry names them) and measures, by id, from a build's own data. */
function groupsOf(dir: string): Group[] {
  const measures = (JSON.parse(readFileSync(join(dir, 'data', 'measures.json'), 'utf8')) as { measures: Listed[] }).measures;
  return [...new Set(measures.map((m) => m.jurisdiction))]
    .filter((id) => existsSync(join(dir, 'jurisdictions', id, 'index.html')))
    .sort()
    .map((id) => ({ id, measures: measures.filter((m) => m.jurisdiction === id) }));
}

let out = '';
let groups: Group[] = [];
beforeAll(() => {
  out = builtOutput('variant');
  groups = groupsOf(out);
});

describe('/status/ past the number of measures it lists one by one', () => {
  test('the variant has more measures than it lists one by one, in more than one jurisdiction', () => {
    expect(groups.flatMap((g) => g.measures).length).toBeGreaterThan(5);
    expect(groups.length).toBeGreaterThan(1);
  });

  test('gives each jurisdiction with measures one row: its table, how many measures, how many in force and its reach', () => {
    const page = readPage(out, 'status/index.html');
    expect(page.querySelector('#status-table tbody tr th[scope="row"] a')).not.toBeNull();
    expect(page.querySelectorAll('#status-table thead th').map((th) => text(th.text))).toEqual(['Jurisdiction', 'Measures', 'In force', 'Reach']);
    const rows = page.querySelectorAll('#status-table tbody tr');
    expect(rows.map((r) => r.getAttribute('id'))).toEqual(groups.map((g) => `j-${g.id}`));
    for (const [i, g] of groups.entries()) {
      const row = rows[i]!;
      expect(row.querySelector('th a')?.getAttribute('href'), g.id).toBe(`${BASE}status/${g.id}/`);
      expect(text(row.querySelector('th')!.text), g.id).toBe(content.jurisdictions.find((j) => j.id === g.id)?.data.name ?? g.id);
      const inForce = g.measures.filter((m) => measureStatusInfo(m.status).inForce).length;
      expect(row.querySelectorAll('td').map((td) => text(td.text)).slice(0, 2), g.id).toEqual([String(g.measures.length), String(inForce)]);
    }
    // No measure row: the measures are a link away.
    expect(page.querySelectorAll(`#status-table a[href^="${BASE}measures/"]`)).toHaveLength(0);
    expect(text(page.querySelector('.world-map figcaption')!.text)).toContain('jurisdiction by jurisdiction, each with a table of its measures');
  });

  test('each jurisdiction’s table lists exactly its measures, each with its status, and links back', () => {
    for (const g of groups) {
      const file = `status/${g.id}/index.html`;
      expect(existsSync(join(out, file)), file).toBe(true);
      const page = readPage(out, file);
      expect(text(page.querySelector('h1')!.text)).toMatch(/^Where things stand: \S/);
      expect(page.querySelectorAll('#status-table tbody').map((b) => b.getAttribute('id'))).toEqual([`j-${g.id}`]);
      const listed = page.querySelectorAll('#status-table th[scope="row"] a').map((a) => a.getAttribute('href'));
      expect(listed.sort(), g.id).toEqual(g.measures.map((m) => `${BASE}measures/${m.id}/`).sort());
      for (const m of g.measures) {
        const row = page.querySelectorAll('#status-table tr').find((r) => r.querySelector(`th[scope="row"] a[href="${BASE}measures/${m.id}/"]`))!;
        expect(text(row.querySelectorAll('td')[3]!.text), m.id).toContain(measureStatusInfo(m.status).label);
      }
      expect(page.querySelector(`.lede a[href="${BASE}status/"]`), g.id).not.toBeNull();
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), g.id).toMatch(new RegExp(`${BASE}status/${g.id}/$`));
    }
  });

  test('/measures/ gives each jurisdiction one line: every measure linked with its status, and the jurisdiction’s table', () => {
    const page = readPage(out, 'measures/index.html');
    for (const m of groups.flatMap((g) => g.measures)) {
      const link = page.querySelector(`p.compact a[href="${BASE}measures/${m.id}/"]`);
      expect(link, m.id).not.toBeNull();
    }
    expect(page.querySelectorAll('ul.measure-list')).toHaveLength(0);
    for (const g of groups) expect(page.querySelector(`p.compact a[href="${BASE}status/${g.id}/"]`), g.id).not.toBeNull();
  });
});

describe('/status/<jurisdiction>/ in the real build', () => {
  const dist = inject('distDir');

  test('exists for every jurisdiction with measures, linked from its page, while /status/ lists every measure itself', () => {
    const real = groupsOf(dist);
    expect(real.length).toBeGreaterThan(1);
    for (const g of real) {
      // Linked from the jurisdiction's page, so it is found without the summary.
      expect(readPage(dist, `jurisdictions/${g.id}/index.html`).querySelector(`.measures-box a[href="/status/${g.id}/"]`), g.id).not.toBeNull();
      const page = readPage(dist, `status/${g.id}/index.html`);
      expect(page.querySelectorAll('#status-table th[scope="row"] a').map((a) => a.getAttribute('href')).sort(), g.id).toEqual(g.measures.map((m) => `/measures/${m.id}/`).sort());
    }
    expect(readPage(dist, 'status/index.html').querySelectorAll('#status-table th[scope="row"] a[href^="/measures/"]')).toHaveLength(real.flatMap((g) => g.measures).length);
  });
});

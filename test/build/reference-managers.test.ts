/**
 * The head of every page people cite (entries, measures, the versions of both, `/status/` and the
 * home page) carries exactly what the tested Zotero rules need (test/build/head-rules.ts), and
 * the page's own citations agree with it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { versionsOf } from '../../src/lib/content/versions.ts';
import { homePageModified, statusPageModified } from '../../src/lib/citation/metadata.ts';
import { measureVersionsOf } from '../../src/lib/model/measure-versions.ts';
import { readPage } from '../support/html.ts';
import { headProblems } from './head-rules.ts';
import { realContent } from './output-files.ts';

const dist = inject('distDir');
const content = realContent();
// The kept versions as read, for the titles they had.
const raw = readContentTree(fileURLToPath(new URL('../../src/content/', import.meta.url)), { cwd: fileURLToPath(new URL('../../', import.meta.url)), bodies: false }).loaded;
const SITE = 'CCTV Restrictions Timeline';

describe('what reference managers read', () => {
  test('every entry page reads as a Web Page by the site, with its title, last-updated date, URL and licence', () => {
    const problems = content.entries.flatMap((e) =>
      headProblems(dist, `entries/${e.id}/index.html`, {
        date: e.data.updated ?? e.data.published,
        published: e.data.published,
        version: e.data.corrections.length + 1,
        title: e.data.title,
      }),
    );
    expect(problems).toEqual([]);
  });

  test('every earlier entry version page reads the same way, with the date of its version, its own URL and the version named in its title', () => {
    const earlier = content.entries.flatMap((e) => versionsOf(e.data).filter((v) => !v.current).map((v) => ({ e, v })));
    expect(earlier.length).toBeGreaterThan(0);
    const problems = earlier.flatMap(({ e, v }) => {
      // A version is titled as it was then: a correction may have changed the title since.
      const title = raw.versions.find((s) => s.id === `${e.id}/${v.n}`)?.data.title ?? e.data.title;
      return headProblems(dist, `entries/${e.id}/v/${v.n}/index.html`, { date: v.date, published: e.data.published, version: v.n, title: `${title}, version ${v.n}` });
    });
    expect(problems).toEqual([]);
  });

  test('every measure page reads as a Web Page by the site, titled by its short name and dated by its last check', () => {
    const problems = content.measures.flatMap((m) =>
      headProblems(dist, `measures/${m.id}/index.html`, { date: m.data.statusAsOf, dateKind: 'modified', version: m.data.stages.length, title: m.data.shortName }),
    );
    expect(problems).toEqual([]);
  });

  test("every measure version page is dated by its stage, to that stage's precision, with its own URL and the version named in its title", () => {
    const problems = content.measures.flatMap((m) =>
      measureVersionsOf(m.data).flatMap((v) =>
        headProblems(dist, `measures/${m.id}/v/${v.n}/index.html`, { date: v.date, dateKind: v.n === 1 ? 'published' : 'modified', version: v.n, title: `${m.data.shortName}, version ${v.n}` }),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('/status/ reads as a Web Page titled by its heading and dated by the latest status check, not by its first <time>', () => {
    const date = statusPageModified(content.measures)!;
    expect(headProblems(dist, 'status/index.html', { date, title: 'Where things stand', citeBox: false })).toEqual([]);
    // The first <time> on the page dates one measure's check, which is not always the latest.
    expect(date).toBe(content.measures.map((m) => m.data.statusAsOf).sort().at(-1));
  });

  test('the home page reads as a Web Page titled by the site (never "Timeline"), dated by its latest change', () => {
    const date = homePageModified(content.entries, content.measures)!;
    expect(headProblems(dist, 'index.html', { date, title: SITE, citeBox: false })).toEqual([]);
    const page = readPage(dist, 'index.html');
    expect(page.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(SITE);
    expect(page.querySelector('title')?.text).toBe(SITE);
  });
});

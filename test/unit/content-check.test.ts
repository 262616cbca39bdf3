import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/content/content-check.ts';
import { readContentTree } from '../../src/integrations/content-tree.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const TODAY = '2026-11-29';
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** Lays the valid tree under <tmp>/src/content, applies a bad case's overlay, and checks it. */
function checkCase(name?: string): string[] {
  const root = mkdtempSync(join(tmpdir(), 'tl-check-'));
  temps.push(root);
  const content = join(root, 'src/content');
  cpSync(join(FIXTURES, 'valid'), content, { recursive: true });
  if (name) {
    const overlay = join(FIXTURES, 'bad', name);
    const removals = join(overlay, 'remove.txt');
    if (existsSync(removals)) {
      for (const rel of readFileSync(removals, 'utf8').split('\n').filter(Boolean)) rmSync(join(content, rel));
    }
    cpSync(overlay, content, { recursive: true, filter: (src) => !/(expected|remove)\.txt$/.test(src) });
  }
  const { loaded, problems } = readContentTree(content, { cwd: root });
  return [...problems, ...checkContent(loaded, { today: TODAY }).problems];
}

describe('checkContent', () => {
  test('accepts the valid fixture tree without a problem', () => {
    expect(checkCase()).toEqual([]);
  });

  const cases = readdirSync(join(FIXTURES, 'bad')).sort();
  test.each(cases)('rejects the "%s" fixture naming the file, the field and the problem', (name) => {
    const expected = readFileSync(join(FIXTURES, 'bad', name, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
    expect(checkCase(name)).toEqual(expect.arrayContaining(expected));
  });

  test('has a fixture for every kind of bad input the build must reject', () => {
    const required = ['body-inline-expression', 'body-flow-expression', 'body-import', 'body-export', 'body-script', 'body-iframe', 'body-event-handler', 'body-javascript-link', 'body-style-attribute', 'missing-field', 'malformed-date', 'impossible-date', 'precision-mismatch', 'unknown-vendor', 'unknown-source', 'unknown-related', 'duplicate-id', 'id-date-mismatch', 'no-sources', 'non-url-source', 'future-date', 'empty-summary', 'unknown-category', 'permalink-disappeared', 'syndicator-publisher', 'duplicate-source-url', 'confirmed-without-support', 'via-without-publisher', 'state-media-alone', 'after-coverage', 'version-disappeared', 'version-without-correction',
      'self-related', 'unknown-relation-type', 'relation-both-sides',
      'measure-stage-unknown-entry', 'measure-stages-out-of-order', 'measure-status-before-last-stage', 'measure-unknown-jurisdiction',
      'measure-unknown-body', 'measure-unknown-vendor', 'measure-unknown-kind', 'measure-unknown-stage', 'measure-unknown-status',
      'copy-site-url', 'reported-without-saying-so',
      'front-matter-long-delimiter', 'front-matter-toml-key', 'front-matter-bom', 'yaml-merge-key', 'yaml-alias-in-front-matter', 'hidden-folder',
      'unknown-field', 'source-future-date', 'body-deep-nesting', 'body-cite-unlisted-source', 'body-cite-paragraph-without-citation',
      'text-control-character', 'text-bidi-override', 'text-noncharacter', 'text-too-long', 'list-too-long', 'url-bidi-override'];
    expect(cases).toEqual(expect.arrayContaining(required));
  });

  test('reports a file that no loader would read instead of dropping it', () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-check-'));
    temps.push(root);
    const content = join(root, 'src/content');
    cpSync(join(FIXTURES, 'valid'), content, { recursive: true });
    cpSync(join(content, 'entries/2019-10-07-us-entity-list.mdx'), join(content, 'entries/2019-10-07-draft.md'));
    expect(readContentTree(content, { cwd: root }).problems).toContainEqual(expect.stringMatching(/^src\/content\/entries\/2019-10-07-draft\.md: \(file\): not read: entries are entries\/<id>\.mdx/));
  });

  test('a redirect for a removed entry satisfies the permalink registry', () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-check-'));
    temps.push(root);
    const content = join(root, 'src/content');
    cpSync(join(FIXTURES, 'valid'), content, { recursive: true });
    rmSync(join(content, 'entries/2021-03-tesla-restriction.mdx'));
    rmSync(join(content, 'versions/2021-03-tesla-restriction'), { recursive: true });
    cpSync(join(FIXTURES, 'bad/permalink-disappeared/entries'), join(content, 'entries'), { recursive: true });
    const { loaded } = readContentTree(content, { cwd: root });
    loaded.permalinks = { file: 'src/content/permalinks.yaml', data: { published: ['2019-10-07-us-entity-list', '2021-03-tesla-restriction'], redirects: { '2021-03-tesla-restriction': '2019-10-07-us-entity-list' }, versions: {} } };
    expect(checkContent(loaded, { today: TODAY }).problems).toEqual([]);
  });
});

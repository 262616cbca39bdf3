import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { checkEachFile } from '../support/each.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// CONTENT_DIR points the tests at another content tree, as it does the build.
const CONTENT = process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url));
const ids = new Set(readContentTree(CONTENT, { cwd: ROOT, bodies: false }).loaded.entries.map((e) => e.id));

/** The topics the timeline was commissioned to cover, by their permanent ids. */
const CORE_TOPICS = [
  '2022-11-24-uk-sensitive-sites-surveillance-restriction',
  '2022-04-21-bscc-letters-ministers-surveillance-procurement',
  '2019-10-07-us-entity-list-hikvision-dahua',
  '2021-03-19-china-military-restricts-tesla-cars',
  '2021-06-25-hancock-cctv-footage-published',
];

test('covers every core topic at its permanent id', () => {
  checkEachFile(CORE_TOPICS, (id) => expect(ids.has(id)).toBe(true));
});

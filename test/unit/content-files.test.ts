import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse as parseYaml1_2 } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { createContentReader, readCheckedContent, readContentTree } from '../../src/integrations/content-files.ts';
import { splitFrontMatter } from '../../src/lib/content/front-matter.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const BUILD_DATE = new Date('2026-11-29T12:00:00Z');
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A copy of the valid fixture tree under <tmp>/content. */
function validTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-reader-'));
  temps.push(root);
  const content = join(root, 'content');
  cpSync(join(FIXTURES, 'valid'), content, { recursive: true });
  return content;
}

const readerOf = (content: string) => createContentReader({ contentDir: pathToFileURL(`${content}/`), buildDate: BUILD_DATE });
const TESLA = 'entries/2021-03-tesla-restriction.mdx';
const retitle = (content: string, title: string) => {
  const path = join(content, TESLA);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
};

describe('the content reader', () => {
  test('hands on typed, checked records: dates as ISO strings, text as the schema trims it', () => {
    const content = validTree();
    retitle(content, '  A   reported    restriction ');
    const { problems, content: checked } = readerOf(content).read();
    expect(problems).toEqual([]);
    const tesla = checked.entries.find((e) => e.id === '2021-03-tesla-restriction');
    expect(tesla?.data.title).toBe('A reported restriction');
    expect(tesla?.data.published).toBe('2026-11-01');
    expect(tesla?.data.updated).toBe('2026-11-02');
    expect(checked.permalinks.published).toContain('2021-03-tesla-restriction');
    expect(checked.sources.map((s) => s.id).sort()).toEqual(['report', 'rule']);
  });

  test('reads and checks the tree once: a second read returns the first result without reading the files', () => {
    const content = validTree();
    const reader = readerOf(content);
    const first = reader.read();
    retitle(content, 'Changed after the first read');
    const second = reader.read();
    expect(second).toBe(first);
    expect(second.content.entries.find((e) => e.id === '2021-03-tesla-restriction')?.data.title).toBe('A reported restriction');
  });

  test('reads the files again when asked for a fresh read, as the content check does at every start', () => {
    const content = validTree();
    const reader = readerOf(content);
    reader.read();
    retitle(content, 'Edited while the dev server ran');
    const fresh = reader.read({ fresh: true });
    expect(fresh.content.entries.find((e) => e.id === '2021-03-tesla-restriction')?.data.title).toBe('Edited while the dev server ran');
    // …and later readers get the fresh tree, not the first one.
    expect(reader.read()).toBe(fresh);
  });

  test('names the file of a record that is not valid YAML, and the file and field of one that fails its schema', () => {
    const content = validTree();
    writeFileSync(join(content, 'sources/broken.yaml'), 'title: [unclosed\n');
    writeFileSync(join(content, 'vendors/hikvision.yaml'), readFileSync(join(content, 'vendors/hikvision.yaml'), 'utf8').replace(/^country: .*$/m, 'country: 12'));
    const { problems } = readerOf(content).read();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/content\/sources\/broken\.yaml: \(file\): not valid YAML: /),
        expect.stringMatching(/content\/vendors\/hikvision\.yaml: country: /),
      ]),
    );
  });

  test('reads folders recursively, in the order of their paths, and reports files no loader would read', () => {
    const content = validTree();
    cpSync(join(content, TESLA), join(content, 'entries/2021/2021-03-nested-copy.mdx'));
    writeFileSync(join(content, 'entries/.hidden.mdx'), 'not read');
    writeFileSync(join(content, 'entries/notes.txt'), 'not an entry');
    const { raw } = readContentTree(content, content);
    expect(raw.entries.map((e) => e.file)).toEqual(['entries/2019-10-07-us-entity-list.mdx', 'entries/2021-03-tesla-restriction.mdx', 'entries/2021/2021-03-nested-copy.mdx']);
    expect(raw.strayFiles).toEqual(['entries/notes.txt']);
  });

  test('shows paths relative to the folder it is given', () => {
    const content = validTree();
    writeFileSync(join(content, 'entries/2019-10-07-us-entity-list.mdx'), 'no front matter');
    expect(readCheckedContent(content, { today: '2026-11-29', cwd: join(content, '..') }).problems).toContain(
      'content/entries/2019-10-07-us-entity-list.mdx: (file): no front matter; start the file with --- and the fields',
    );
  });
});

describe('the reader\'s YAML parser', () => {
  test('reads every file of the real content and the fixtures to the same values as the `yaml` package (YAML 1.2)', () => {
    const roots = [fileURLToPath(new URL('../../src/content/', import.meta.url)), FIXTURES];
    const differing: string[] = [];
    let files = 0;
    for (const root of roots) {
      for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ya?ml|mdx)$/.test(name)) continue;
        const text = readFileSync(join(root, name), 'utf8');
        const yamlText = name.endsWith('.mdx') ? splitFrontMatter(text).frontMatter : text;
        if (yamlText === undefined) continue;
        let expected: unknown;
        try {
          expected = parseYaml1_2(yamlText);
        } catch {
          continue; // a fixture that is meant to be broken YAML
        }
        files += 1;
        if (JSON.stringify(load(yamlText, { schema: CORE_SCHEMA }) ?? null) !== JSON.stringify(expected ?? null)) differing.push(join(root, name));
      }
    }
    expect(files).toBeGreaterThan(300);
    expect(differing).toEqual([]);
  });
});

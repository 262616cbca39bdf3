import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runBuild } from '../support/site-build.ts';
import { compareBuilds, declaredTimestamp, withoutTimestamp } from './output-files.ts';

const shared = inject('distDir');
const temp = mkdtempSync(join(tmpdir(), 'tl-determinism-'));
const second = join(temp, 'dist');
let timestamp = '';

beforeAll(async () => {
  // A second build of the same commit with the shared build's declared timestamp.
  timestamp = declaredTimestamp(shared);
  const result = await runBuild({ OUT_DIR: second, BUILD_DATE: timestamp });
  if (result.code !== 0) throw new Error(`the second build failed:\n${result.output}`);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a build of the same commit with the same BUILD_DATE', () => {
  test('writes byte-identical output, every file', () => {
    expect(compareBuilds(shared, second)).toEqual({ onlyInA: [], onlyInB: [], changed: [] });
  });

  test('declares its timestamp only where documented: the JSON downloads and the footer', () => {
    const declaring = compareBuilds(shared, shared, { b: (f) => withoutTimestamp(f, timestamp) }).changed;
    const unexpected = declaring.filter((f) => !f.endsWith('.html') && !['data/entries.json', 'data/vendors.json', 'data/sources.json', 'data/measures.json'].includes(f));
    expect(unexpected).toEqual([]);
    expect(declaring).toEqual(expect.arrayContaining(['data/entries.json', 'index.html']));
    for (const f of declaring.filter((p) => p.endsWith('.html'))) {
      expect(readFileSync(join(shared, f), 'utf8'), f).toContain(`<time datetime="${timestamp}"`);
    }
  });
});

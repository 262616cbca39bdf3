/**
 * Determinism: a second build of the same commit must write the same bytes. The renamed build
 * (test/support/content-trees.ts) is that second build: the real content, plus one renamed entry's
 * redirect in the registry, built on the shared build's day at another time. Apart from the
 * redirect's own files, it may differ from the shared build only where the declared timestamp is
 * written, and only by the timestamp.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { renamedEntry } from '../support/content-trees.ts';
import { builtOutput, fixtureBuild } from '../support/fixture-builds.ts';
import { compareBuilds, declaredTimestamp, withoutTimestamp } from './output-files.ts';

const shared = inject('distDir');
const { old } = renamedEntry();
/** The files the redirect adds, and the files that list it: the host's rules and the published registry. */
const REDIRECT_FILES = { added: [`entries/${old}.json`, `entries/${old}/index.html`], changed: ['_redirects', 'data/permalinks.json'] };
let second = '';
let timestamp = '';

beforeAll(() => {
  second = builtOutput('renamed');
  timestamp = declaredTimestamp(shared);
});

/** The shared build's files that hold its declared timestamp. */
const declaring = () => compareBuilds(shared, shared, { b: (f) => withoutTimestamp(f, timestamp) }).changed;

describe('a second build of the same commit', () => {
  // Citations show the build's day as the default "accessed" date, so another day would change
  // them, as it should; another time must change nothing but the declared timestamp.
  test('is built on the shared build\'s day at another time', () => {
    const stamp = declaredTimestamp(second);
    expect(stamp).toBe(fixtureBuild('renamed').buildDate);
    expect(stamp.slice(0, 10)).toBe(timestamp.slice(0, 10));
    expect(stamp).not.toBe(timestamp);
  });

  test('writes every file byte-identical, but the files that declare the timestamp and the redirect files', () => {
    expect(compareBuilds(shared, second)).toEqual({ onlyInA: [], onlyInB: REDIRECT_FILES.added, changed: [...declaring(), ...REDIRECT_FILES.changed].sort() });
  });

  test('writes the files that declare the timestamp byte-identical once the timestamp is set aside', () => {
    const diff = compareBuilds(shared, second, { a: (f) => withoutTimestamp(f, timestamp), b: (f) => withoutTimestamp(f, declaredTimestamp(second)) });
    expect(diff.changed).toEqual(REDIRECT_FILES.changed);
  });

  test('declares its timestamp only where documented: the JSON downloads and the footer', () => {
    const files = declaring();
    const unexpected = files.filter((f) => !f.endsWith('.html') && !['data/entries.json', 'data/vendors.json', 'data/sources.json', 'data/measures.json'].includes(f));
    expect(unexpected).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['data/entries.json', 'index.html']));
    for (const f of files.filter((p) => p.endsWith('.html'))) {
      expect(readFileSync(join(shared, f), 'utf8'), f).toContain(`<time datetime="${timestamp}"`);
    }
  });
});

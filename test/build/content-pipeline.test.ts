/**
 * The content pipeline through a real `astro build` (test/support/content-trees.ts): the faulty
 * tree holds a hole of every kind that once got past the build (a file hidden in a dot-folder,
 * YAML merge keys and aliases, a front matter closed by a longer rule above a meta refresh, a
 * misspelt field, an impossible date). The build must fail in the content check, name each file
 * and problem in one report, and write nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PIPELINE_HOLES } from '../support/content-trees.ts';
import { fixtureBuild } from '../support/fixture-builds.ts';
import type { FixtureBuild } from '../support/shared-builds.ts';

let result: FixtureBuild;
beforeAll(() => {
  result = fixtureBuild('faulty');
});

describe('a build whose content has a hole of every kind the pipeline refuses', () => {
  test('fails in the content check, before any page is rendered', () => {
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/Content check failed with \d+ problems:/);
    expect(existsSync(result.out) ? readdirSync(result.out) : []).toEqual([]);
  });

  test.each(PIPELINE_HOLES.map((hole) => [hole.file, hole.problem]))('names %s and the problem: %s', (file, problem) => {
    const shown = relative(result.root, join(result.content, file));
    const line = result.output.split('\n').find((l) => l.trim().startsWith(`${shown}: `) && l.includes(problem));
    expect(line, `no line names ${shown} with "${problem}" in:\n${result.output}`).toBeDefined();
  });
});

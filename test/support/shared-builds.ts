/**
 * The two builds the global setups share: the real content (build and e2e layers) and the search
 * fixture (search layer). Each starts once per run, on first request, and every setup that needs
 * it awaits the same promise; the promises live on `globalThis`, which every global setup of a run
 * shares (they all run in Vitest's main process).
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, runBuild } from './site-build.ts';

const shared = globalThis as typeof globalThis & { __tlBuild?: Promise<string>; __tlSearchBuild?: Promise<string> };

async function build(what: string, env: Record<string, string>): Promise<string> {
  const result = await runBuild(env);
  if (result.code !== 0) throw new Error(`The ${what} failed:\n${result.output}`);
  return env['OUT_DIR']!;
}

/** The production build of the real content, into `.test-dist/`. */
export function realBuild(): Promise<string> {
  shared.__tlBuild ??= build('production build', { OUT_DIR: join(ROOT, '.test-dist') });
  return shared.__tlBuild;
}

/**
 * The build of the search fixture content (`test/fixtures/search-content`, a small tree with known
 * vendors, people, document numbers and dates of each precision), into `.test-dist-search/`.
 */
export function searchBuild(): Promise<string> {
  shared.__tlSearchBuild ??= build('search fixture build', { CONTENT_DIR: join(ROOT, 'test/fixtures/search-content'), OUT_DIR: join(ROOT, '.test-dist-search'), BUILD_DATE: '2026-11-29' });
  return shared.__tlSearchBuild;
}

/**
 * Whether this run will also run files of the project `name` (in `folder`): the project is
 * selected, and no file filter leaves that folder out. A wrong guess costs time, never a result:
 * the project's own setup starts its build if no one did.
 */
export function runIncludes(project: TestProject, name: string, folder: string): boolean {
  const vitest = project.vitest as typeof project.vitest & { filenamePattern?: string[] };
  if (!vitest.projects.some((p) => p.name === name)) return false;
  const filters = vitest.filenamePattern ?? [];
  return filters.length === 0 || filters.some((f) => f.includes(folder) || folder.includes(f.replace(/^\.\//, '')));
}

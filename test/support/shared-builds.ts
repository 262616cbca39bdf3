/**
 * Every build the suite makes, started together by the first global setup of a run and shared by
 * the test files through `project.provide`/`inject`:
 *
 * - the real content (build and e2e layers), into `.test-dist/`;
 * - the search fixture (search layer), into `.test-dist-search/`;
 * - three trees of the build layer (test/support/content-trees.ts), each made from the real content:
 *   the variant (a corrected entry, hostile text and every allowed body construct, deployed under a
 *   sub-path, with browse pages of four entries), the renamed tree (the same commit again, with a redirect, on the shared build's day
 *   at another time) and the faulty tree (three faults at once; it stops in the content check).
 *
 * A build starts only when a test file of the run reads it. Each runs in a project root of its own
 * (test/support/site-build.ts), so they all run at once. The promises live on `globalThis`, which
 * every global setup of a run shares (they all run in Vitest's main process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { faultyTree, hostileBodiesTree, renamedTree, variantTree, DEPLOYMENT } from './content-trees.ts';
import { ROOT, runBuild } from './site-build.ts';

/** A fixture build as the test files read it: its outcome, its output folder and the content tree it read. */
export interface FixtureBuild {
  code: number;
  output: string;
  /** The project root the build ran in (gone once it ends): the build names files relative to it. */
  root: string;
  out: string;
  content: string;
  /** The build's BUILD_DATE. */
  buildDate: string;
}

/** The build-layer files that read each fixture build. */
export const READERS = {
  variant: ['test/build/versions.test.ts', 'test/build/base-path.test.ts', 'test/build/browse-pages.test.ts', 'test/build/escaping.test.ts', 'test/build/entry-body.test.ts', 'test/build/inline-citations.test.ts', 'test/build/status-pages.test.ts'],
  renamed: ['test/build/permalinks.test.ts', 'test/build/determinism.test.ts'],
  faulty: ['test/build/versions.test.ts', 'test/build/permalinks.test.ts', 'test/build/content-pipeline.test.ts'],
  hostile: ['test/build/entry-body.test.ts'],
} as const;
export type FixtureName = keyof typeof READERS;

const shared = globalThis as typeof globalThis & {
  __tlBuild?: Promise<string>;
  __tlBuildDate?: string;
  __tlSearchBuild?: Promise<string>;
  __tlFixtureBuilds?: Partial<Record<FixtureName, Promise<FixtureBuild>>>;
  __tlTrees?: string;
  __tlStarted?: Promise<void>;
};

async function build(what: string, env: Record<string, string>): Promise<string> {
  const result = await runBuild(env);
  if (result.code !== 0) throw new Error(`The ${what} failed:\n${result.output}`);
  return env['OUT_DIR']!;
}

/** The real build's declared timestamp: the moment the run first asked for it. */
function realBuildDate(): string {
  return (shared.__tlBuildDate ??= new Date().toISOString());
}

/** The production build of the real content, into `.test-dist/`. */
export function realBuild(): Promise<string> {
  shared.__tlBuild ??= build('production build', { OUT_DIR: join(ROOT, '.test-dist'), BUILD_DATE: realBuildDate() });
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

/** Another time on the real build's day: the renamed tree's BUILD_DATE. */
function sameDayOtherTime(): string {
  const stamp = realBuildDate();
  const other = `${stamp.slice(0, 10)}T12:34:56.789Z`;
  return other === stamp ? `${stamp.slice(0, 10)}T12:34:56.788Z` : other;
}

/** Where the trees of the fixture builds lie: one temporary folder per run, removed by {@link removeFixtureBuilds}. */
function trees(): string {
  return (shared.__tlTrees ??= mkdtempSync(join(tmpdir(), 'tl-trees-')));
}

const FIXTURES: Record<FixtureName, () => { content: string; env: Record<string, string> }> = {
  // Browse pages of four entries, so that the real content's larger ones run over several pages.
  variant: () => ({ content: variantTree(join(trees(), 'variant')), env: { ...DEPLOYMENT, BROWSE_PAGE_SIZE: '4', MEASURES_IN_FULL: '5' } }),
  renamed: () => ({ content: renamedTree(join(trees(), 'renamed')), env: { BUILD_DATE: sameDayOtherTime() } }),
  // No REPORT_URL or BUILD_DATE, as a first local build has.
  faulty: () => ({ content: faultyTree(join(trees(), 'faulty')), env: {} }),
  hostile: () => ({ content: hostileBodiesTree(join(trees(), 'hostile')), env: {} }),
};

/** One fixture build, into `.test-dist-<name>/`; never throws on a failed build, so tests can read its output. */
function startFixtureBuild(name: FixtureName): Promise<FixtureBuild> {
  const builds = (shared.__tlFixtureBuilds ??= {});
  builds[name] ??= (async () => {
    const { content, env } = FIXTURES[name]();
    const out = join(ROOT, `.test-dist-${name}`);
    rmSync(out, { recursive: true, force: true });
    const result = await runBuild({ ...env, CONTENT_DIR: content, OUT_DIR: out });
    return { ...result, out, content, buildDate: env['BUILD_DATE'] ?? '' };
  })();
  return builds[name];
}

/** The fixture builds started in this run, awaited. */
export async function startedFixtureBuilds(): Promise<Partial<Record<FixtureName, FixtureBuild>>> {
  const started = Object.entries(shared.__tlFixtureBuilds ?? {}) as [FixtureName, Promise<FixtureBuild>][];
  return Object.fromEntries(await Promise.all(started.map(async ([name, build]) => [name, await build] as const)));
}

/** Removes the fixture builds' trees and output folders. */
export function removeFixtureBuilds(): void {
  for (const name of Object.keys(shared.__tlFixtureBuilds ?? {})) rmSync(join(ROOT, `.test-dist-${name}`), { recursive: true, force: true });
  if (shared.__tlTrees) rmSync(shared.__tlTrees, { recursive: true, force: true });
}

/**
 * The test files of this run, relative to the project root: each selected project's files that
 * pass the command line's filters, as Vitest itself selects them.
 */
async function runFiles(project: TestProject): Promise<string[]> {
  const vitest = project.vitest as typeof project.vitest & { filenamePattern?: string[] };
  const filters = vitest.filenamePattern ?? [];
  const lists = await Promise.all(vitest.projects.map(async (p) => (await p.globTestFiles(filters)).testFiles));
  return lists.flat().map((file) => relative(ROOT, file));
}

/**
 * Starts every build the run's test files read, once per run, so that they share the machine
 * instead of waiting in turn; each global setup then awaits the builds it provides.
 */
export function startBuilds(project: TestProject): Promise<void> {
  shared.__tlStarted ??= (async () => {
    const files = await runFiles(project);
    const reads = (readers: readonly string[]) => files.some((f) => readers.includes(f));
    if (files.some((f) => f.startsWith('test/build/') || f.startsWith('test/e2e/'))) void realBuild().catch(() => {});
    if (files.some((f) => f.startsWith('test/search/'))) void searchBuild().catch(() => {});
    for (const name of Object.keys(READERS) as FixtureName[]) if (reads(READERS[name])) void startFixtureBuild(name).catch(() => {});
  })();
  return shared.__tlStarted;
}

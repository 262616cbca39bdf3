/**
 * Global setup of the build layer: the fixture builds its files read (the variant, renamed and
 * faulty trees of test/support/content-trees.ts), started with the run's other builds (see
 * shared-builds.ts), provided to the files as `fixtureBuilds` and removed when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { removeFixtureBuilds, startBuilds, startedFixtureBuilds, type FixtureBuild, type FixtureName } from './shared-builds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureBuilds: Partial<Record<FixtureName, FixtureBuild>>;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  await startBuilds(project);
  project.provide('fixtureBuilds', await startedFixtureBuilds());
  return removeFixtureBuilds;
}

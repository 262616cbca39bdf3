/** A fixture build of the build layer, as its test files read it (made by the global setup, test/support/global-fixture-builds.ts). */
import { inject } from 'vitest';
import { READERS, type FixtureBuild, type FixtureName } from './shared-builds.ts';

/** The fixture build `name`; throws when the run did not make it. */
export function fixtureBuild(name: FixtureName): FixtureBuild {
  const build = inject('fixtureBuilds')?.[name];
  if (!build) throw new Error(`The ${name} build was not made: the global setup makes it when the run's files include one of ${READERS[name].join(', ')}.`);
  return build;
}

/** The successful fixture build `name`'s output folder; throws with the build's output if it failed. */
export function builtOutput(name: FixtureName): string {
  const build = fixtureBuild(name);
  if (build.code !== 0) throw new Error(`The ${name} build failed:\n${build.output}`);
  return build.out;
}

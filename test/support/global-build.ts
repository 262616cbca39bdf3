/**
 * Global setup of the build and e2e layers: one production build of the real content into
 * `.test-dist/`, shared by every test file of both layers in a run. Every other build the run
 * needs (the search fixture, the build layer's fixture trees) starts at the same time (see
 * shared-builds.ts): builds run in project roots of their own, so they share the machine instead
 * of waiting in turn.
 */
import type { TestProject } from 'vitest/node';
import { realBuild, startBuilds } from './shared-builds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  await startBuilds(project);
  project.provide('distDir', await realBuild());
}

/**
 * Global setup of the build and e2e layers: one production build of the real content into
 * `.test-dist/`, shared by every test file of both layers in a run. When the search layer is in
 * the run too, its fixture build starts at the same time (see global-search-build.ts): builds
 * run in project roots of their own, so the two share the machine instead of waiting in turn.
 */
import type { TestProject } from 'vitest/node';
import { realBuild, searchBuild, runIncludes } from './shared-builds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const real = realBuild();
  if (runIncludes(project, 'search', 'test/search/')) void searchBuild().catch(() => {});
  project.provide('distDir', await real);
}

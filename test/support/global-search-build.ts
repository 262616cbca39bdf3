/**
 * Global setup of the search layer: one production build of the search fixture content
 * (`test/fixtures/search-content`) into `.test-dist-search/`, served on 127.0.0.1 for the whole run.
 * It starts beside the real build when both are in the run (see shared-builds.ts).
 */
import type { TestProject } from 'vitest/node';
import { realBuild, runIncludes, searchBuild } from './shared-builds.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    searchOrigin: string;
    searchDistDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const search = searchBuild();
  if (runIncludes(project, 'build', 'test/build/') || runIncludes(project, 'e2e', 'test/e2e/')) void realBuild().catch(() => {});
  const distDir = await search;
  const server = await serveStatic(distDir);
  project.provide('searchDistDir', distDir);
  project.provide('searchOrigin', server.origin);
  return () => server.close();
}

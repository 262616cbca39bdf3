/**
 * Global setup of the search layer: one production build of the search fixture content
 * (`test/fixtures/search-content`) into `.test-dist-search/`, served on 127.0.0.1 for the whole run.
 * It starts beside the run's other builds (see shared-builds.ts).
 */
import type { TestProject } from 'vitest/node';
import { searchBuild, startBuilds } from './shared-builds.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    searchOrigin: string;
    searchDistDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await startBuilds(project);
  const distDir = await searchBuild();
  const server = await serveStatic(distDir, '/', { hostHeaders: true });
  project.provide('searchDistDir', distDir);
  project.provide('searchOrigin', server.origin);
  return () => server.close();
}

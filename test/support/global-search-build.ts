/**
 * Global setup of the search layer: one production build of the search fixture content
 * (`test/fixtures/search-content`, a small tree with known vendors, people, document numbers and
 * dates of each precision) into `.test-dist-search/`, served on 127.0.0.1 for the whole run.
 */
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { ROOT, runBuild } from '../support/site-build.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    searchOrigin: string;
    searchDistDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = join(ROOT, '.test-dist-search');
  const result = await runBuild({ CONTENT_DIR: join(ROOT, 'test/fixtures/search-content'), OUT_DIR: distDir, BUILD_DATE: '2026-11-29' });
  if (result.code !== 0) throw new Error(`The search fixture build failed:\n${result.output}`);
  const server = await serveStatic(distDir);
  project.provide('searchDistDir', distDir);
  project.provide('searchOrigin', server.origin);
  return () => server.close();
}

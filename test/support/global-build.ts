/**
 * Global setup of the build and e2e layers: one production build of the real content into
 * `.test-dist/`, shared by every test file of both layers in a run.
 */
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { ROOT, runBuild } from './site-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

const shared = globalThis as typeof globalThis & { __tlBuild?: Promise<string> };

export default async function setup(project: TestProject): Promise<void> {
  shared.__tlBuild ??= (async () => {
    const distDir = join(ROOT, '.test-dist');
    const result = await runBuild({ OUT_DIR: distDir });
    if (result.code !== 0) throw new Error(`The production build failed:\n${result.output}`);
    return distDir;
  })();
  project.provide('distDir', await shared.__tlBuild);
}

/** Global setup of the e2e layer: serves the shared build on 127.0.0.1 for the whole run. */
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await serveStatic(project.getProvidedContext().distDir, '/', { hostHeaders: true });
  project.provide('origin', server.origin);
  return () => server.close();
}

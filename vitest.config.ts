import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/support/sequencer.ts';

// Five projects (see the README's "Tests"): unit and content run in milliseconds; build reads one
// production build of the real content, and e2e drives Chromium (test/support/browser.ts says which)
// against the same build; search drives Chromium against a build of its own fixture content. The
// build layer also reads three fixture builds made from the real content (a variant deployed under a
// sub-path, the same commit again with a redirect, and a tree that must fail the content check; see
// test/support/content-trees.ts). The global setup starts every build the run's files read at once
// (test/support/shared-builds.ts), each in a project root of its own (test/support/site-build.ts),
// and hands them to the files through provide/inject: no test file builds anything itself.
//
// All projects share one pool of workers and run side by side, longest files first
// (test/support/sequencer.ts). The browser files spend much of their time waiting on Chromium, so
// the pool has one worker more than the machine has cores.
// Test files share nothing but read-only modules (each browser file opens contexts of its own), so
// workers are reused from file to file (isolate: false), which halves what the files cost to start.
// Every project names the same maxWorkers: Vitest runs projects with different counts one after
// another, and a project with one worker (fileParallelism: false) after all the others.
const maxWorkers = availableParallelism() + 1;
// expect.poll waits up to 10 s (Vitest's default is 1 s): a browser step on a busy two-core machine
// can take longer than a second to answer, and a poll that gives up then fails a correct page.
const shared = { maxWorkers, sequence: { sequencer: LongestFirstSequencer }, expect: { poll: { timeout: 10_000 } } };

export default defineConfig({
  test: {
    ...shared,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'content', include: ['test/content/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'build', include: ['test/build/**/*.test.ts'], isolate: false, globalSetup: ['test/support/global-browser.ts', 'test/support/global-build.ts', 'test/support/global-fixture-builds.ts'], testTimeout: 240_000 } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/support/global-browser.ts', 'test/support/global-build.ts', 'test/support/global-server.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // Search runs against its own fixture content, so its expectations do not follow the prose.
        extends: true,
        test: {
          name: 'search',
          include: ['test/search/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/support/global-browser.ts', 'test/support/global-search-build.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});

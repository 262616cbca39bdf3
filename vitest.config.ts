import { defineConfig } from 'vitest/config';

// Four layers (see README), plus search on its own fixture content. Unit and content run in
// milliseconds; build and e2e share one production build made by the global setup; e2e and search
// drive Chromium (test/support/browser.ts says which one). Builds run one at a time (see test/support/site-build.ts).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['test/content/**/*.test.ts'] } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], globalSetup: ['test/support/global-browser.ts', 'test/support/global-build.ts'], testTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/search-*.test.ts'],
          globalSetup: ['test/support/global-browser.ts', 'test/support/global-build.ts', 'test/support/global-server.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        // Search runs against its own fixture content, so its expectations do not follow the prose.
        test: {
          name: 'search',
          include: ['test/e2e/search-*.test.ts'],
          globalSetup: ['test/support/global-browser.ts', 'test/e2e/search-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});

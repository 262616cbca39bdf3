import { defineConfig } from 'vitest/config';

// Four layers (see README), and search on its own fixture: unit and content run in milliseconds; build and e2e share one
// production build made by the global setup; e2e drives the system Chromium.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['test/content/**/*.test.ts'] } },
      // Builds share Astro's generated .astro/ folder, so the build layer runs its files one at a time.
      { test: { name: 'build', include: ['test/build/**/*.test.ts'], globalSetup: ['test/support/global-build.ts'], testTimeout: 240_000, fileParallelism: false } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: ['test/e2e/search-*.test.ts'],
          globalSetup: ['test/support/global-build.ts', 'test/support/global-server.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        // Search runs against its own fixture content, so its expectations do not follow the prose.
        test: {
          name: 'search',
          include: ['test/e2e/search-*.test.ts'],
          globalSetup: ['test/e2e/search-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});

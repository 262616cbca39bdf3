/**
 * A publishable build never writes localhost permalinks: `npm run build` without a public origin
 * stops before Astro builds anything, naming the variable, an example and `npm start`.
 */
import { describe, expect, test } from 'vitest';
import { runBuild } from '../support/site-build.ts';

describe('npm run build without SITE_URL', () => {
  test('refuses to build, saying which variable to set and how', async () => {
    const result = await runBuild({ SITE_URL: '', OUT_DIR: '/tmp/tl-no-site-url-dist' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('SITE_URL is not set, so every permanent URL, citation, feed and the sitemap would point to http://localhost:4321');
    expect(result.output).toContain('SITE_URL=https://example.org npm run build');
    expect(result.output).not.toMatch(/page\(s\) built/);
  }, 120_000);
});

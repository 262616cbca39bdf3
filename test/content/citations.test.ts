/**
 * Inline citations in the real content: every key event and every entry corrected since November
 * 2026 ties each paragraph to the sources it rests on, compiled as the build compiles it.
 */
import { fileURLToPath } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../src/integrations/content-tree.ts';
import { entryBodyCheck } from '../../src/lib/content/entry-body.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = process.env['CONTENT_DIR'] ?? fileURLToPath(new URL('../../src/content/', import.meta.url));
const { loaded } = readContentTree(CONTENT, { cwd: ROOT, bodies: false });
/** The day from which every corrected entry carries inline citations. */
const CONVERTED_SINCE = '2026-11-01';

/** The sources each paragraph of a body cites, from the body's compile. */
function paragraphSources(body: string, sources: readonly string[]): string[][] {
  const data = { astro: { frontmatter: { sources: [...sources] } as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
  mdxToJs(body, { mdastPlugins: [entryBodyCheck()], data });
  return (data.astro.frontmatter as { citations: string[][] }).citations;
}

const required = loaded.entries.filter((e) => e.data.key === true || e.data.corrections.some((c) => c.date >= CONVERTED_SINCE));

describe('inline citations in the content', () => {
  test('the entries that must cite inline are found', () => {
    expect(required.length).toBeGreaterThanOrEqual(8);
  });

  test('every key entry and every entry corrected since November 2026 cites a source in every paragraph', () => {
    const missing = required.flatMap((entry) => {
      const paragraphs = paragraphSources(entry.body ?? '', entry.data.sources);
      return paragraphs.length === 0 || paragraphs.some((p) => p.length === 0) ? [`${entry.file}: ${paragraphs.filter((p) => p.length === 0).length} of ${paragraphs.length} paragraphs cite no source`] : [];
    });
    expect(missing).toEqual([]);
  });
});

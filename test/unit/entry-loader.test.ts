/**
 * The entry loader (src/integrations/entry-loader.ts) over a content folder on disk and a store in
 * memory: what it stores, what it renders again on a second load, and the hostile body it refuses.
 * The build tests render real entries through it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { load } from 'js-yaml';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../src/integrations/content-files.ts';
import { entryLoader } from '../../src/integrations/entry-loader.ts';

/** A loader context over a store in memory; `renderMarkdown` counts its calls. */
function loaderContext(root: string) {
  const entries = new Map<string, { id: string; digest?: string | number; rendered?: { html: string }; data: Record<string, unknown>; body?: string; filePath?: string }>();
  const rendered: string[] = [];
  const context = {
    collection: 'entries',
    config: { root: new URL(`file://${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string }) => (entries.set(entry.id, entry as never), true),
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
      clear: () => entries.clear(),
    },
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string) => text,
    renderMarkdown: async (text: string) => {
      const { frontMatter, body } = splitFrontMatter(text);
      rendered.push(body.trim());
      return { html: (markdownToHtml(body) as MarkdownToHtmlResult).html, metadata: { frontmatter: load(frontMatter ?? '') } };
    },
  };
  return { context: context as unknown as LoaderContext, entries, rendered };
}

describe('entryLoader', () => {
  const file = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2019-10-07\n---\n\n${body}\n`;

  test('stores each entry: its data, its body and the rendered body, and keeps an unchanged file as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-loader-'));
    try {
      mkdirSync(join(root, 'entries'));
      writeFileSync(join(root, 'entries/2019-10-07-a.mdx'), file('A', 'A *body*.'));
      writeFileSync(join(root, 'entries/2019-10-08-b.mdx'), file('B', 'Another.'));
      const { context, entries, rendered } = loaderContext(root);
      const loader = entryLoader({ folder: 'entries', pattern: '*.mdx', id: (f) => f.replace(/\.mdx$/, '') });
      await loader.load(context);
      expect([...entries.keys()]).toEqual(['2019-10-07-a', '2019-10-08-b']);
      const a = entries.get('2019-10-07-a')!;
      // The front matter as Astro reads it (a bare date is a Date), the body without it.
      expect(a.data).toEqual({ title: 'A', date: new Date('2019-10-07T00:00:00Z') });
      expect(a.body).toBe('A *body*.');
      expect(a.filePath).toBe('entries/2019-10-07-a.mdx');
      expect(a.rendered?.html).toBe('<p>A <em>body</em>.</p>');

      // A second load renders only what changed and forgets a deleted file.
      writeFileSync(join(root, 'entries/2019-10-08-b.mdx'), file('B', 'Changed.'));
      writeFileSync(join(root, 'entries/2019-10-07-a.mdx'), file('A', 'A *body*.'));
      rmSync(join(root, 'entries/2019-10-07-a.mdx'));
      writeFileSync(join(root, 'entries/2019-10-09-c.mdx'), file('C', 'New.'));
      rendered.length = 0;
      await loader.load(context);
      expect(rendered).toEqual(['Changed.', 'New.']);
      expect([...entries.keys()].sort()).toEqual(['2019-10-08-b', '2019-10-09-c']);
      expect(entries.get('2019-10-08-b')?.rendered?.html).toBe('<p>Changed.</p>');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('stops at a hostile body before rendering it, naming the file, line and construct', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-loader-'));
    try {
      mkdirSync(join(root, 'entries'));
      writeFileSync(join(root, 'entries/2019-10-07-x.mdx'), file('X', 'Text.\n\nLeak: {globalThis.process?.env?.HOME}'));
      const { context, rendered } = loaderContext(root);
      const loader = entryLoader({ folder: 'entries', pattern: '*.mdx', id: (f) => f });
      await expect(loader.load(context)).rejects.toThrow(/2019-10-07-x\.mdx: body \(line 8, column 7\): expression \{globalThis\.process\?\.env\?\.HOME\} is not allowed/);
      expect(rendered).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('reads a missing folder as an empty collection', async () => {
    const { context, entries } = loaderContext('/nonexistent-tl-root');
    await entryLoader({ folder: 'versions', pattern: '*/*.mdx', id: (f) => f }).load(context);
    expect(entries.size).toBe(0);
  });
});

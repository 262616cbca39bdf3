/**
 * An Astro integration that checks the content tree before Astro loads it, and stops the build
 * (or the dev server) with one line per problem.
 */
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import type { Plugin as VitePlugin } from 'vite';
import { checkEntryBody } from '../lib/entry-body.ts';
import { splitFrontMatter, type ContentReader } from './content-files.ts';

/**
 * Checks each entry body again as the MDX renderer is about to compile it. The check at startup
 * covers a build; this covers the dev server, where an entry edited after startup would
 * otherwise be compiled, and its code run, unchecked.
 */
export function entryBodyGuard(contentRoot: string): VitePlugin {
  return {
    name: 'tl:entry-body-guard',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!id.endsWith('.mdx') || !id.startsWith(contentRoot)) return null;
      const { frontMatter, body } = splitFrontMatter(code);
      const firstLine = frontMatter === undefined ? 1 : code.slice(0, code.length - body.length).split('\n').length;
      const problems = checkEntryBody(relative(process.cwd(), id), body, firstLine);
      if (problems.length > 0) throw new Error(`Content check failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      return null;
    },
  };
}

/** Options: the build's content reader (its folder and the build date "future" is measured against). */
export interface ContentCheckOptions {
  content: ContentReader;
}

/**
 * Reads and checks the content tree at `astro:config:setup`, afresh each time (a dev server
 * restarted after an edit checks the edited tree); any problem throws. The build steps after it
 * take the same checked tree from the reader.
 */
export function contentCheck(options: ContentCheckOptions): AstroIntegration {
  return {
    name: 'tl:content-check',
    hooks: {
      'astro:config:setup': ({ logger, updateConfig }) => {
        updateConfig({ vite: { plugins: [entryBodyGuard(options.content.root)] } });
        const report = options.content.read({ fresh: true });
        const all = report.problems;
        if (all.length > 0) {
          const message = `Content check failed with ${all.length} problem${all.length === 1 ? '' : 's'}:\n${all.map((p) => `  ${p}`).join('\n')}`;
          throw new Error(message);
        }
        logger.info(`content ok: ${report.content.entries.length} entries, ${report.content.sources.length} sources`);
      },
    },
  };
}

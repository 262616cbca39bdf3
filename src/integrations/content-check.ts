/**
 * An Astro integration that checks the content tree before Astro loads it, and stops the build
 * (or the dev server) with one line per problem.
 */
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin as VitePlugin } from 'vite';
import { checkContent } from '../lib/content-check.ts';
import { isoDay } from '../lib/dates.ts';
import { checkEntryBody } from '../lib/entry-body.ts';
import { readContentTreeOnce, splitFrontMatter } from './content-files.ts';


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

/** Options: the content folder and the build date that "future" is measured against. */
export interface ContentCheckOptions {
  contentDir: URL;
  buildDate: Date;
}

/** Runs every content check at `astro:config:setup`; any problem throws. */
export function contentCheck(options: ContentCheckOptions): AstroIntegration {
  return {
    name: 'tl:content-check',
    hooks: {
      'astro:config:setup': ({ logger, updateConfig }) => {
        updateConfig({ vite: { plugins: [entryBodyGuard(fileURLToPath(options.contentDir))] } });
        const { raw, problems } = readContentTreeOnce(fileURLToPath(options.contentDir), { fresh: true });
        const report = checkContent(raw, { today: isoDay(options.buildDate) });
        const all = [...problems, ...report.problems];
        if (all.length > 0) {
          const message = `Content check failed with ${all.length} problem${all.length === 1 ? '' : 's'}:\n${all.map((p) => `  ${p}`).join('\n')}`;
          throw new Error(message);
        }
        logger.info(`content ok: ${report.content.entries.length} entries, ${report.content.sources.length} sources`);
      },
    },
  };
}

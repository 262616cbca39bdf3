/**
 * An Astro integration that checks the content tree before Astro loads it, and stops the build
 * (or the dev server) with one line per problem.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../lib/content-check.ts';
import { isoDay } from '../lib/dates.ts';
import { readContentTreeOnce } from './content-files.ts';

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
      'astro:config:setup': ({ logger }) => {
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

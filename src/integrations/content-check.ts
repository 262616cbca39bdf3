/**
 * An Astro integration that checks the content tree before Astro loads it, and stops the build
 * (or the dev server) with one line per problem. Entry bodies are checked again by the entry
 * loader just before it renders each (src/integrations/entry-loader.ts), which covers an entry
 * edited while the dev server runs.
 */
import type { AstroIntegration } from 'astro';
import type { ContentReader } from './content-files.ts';

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
      'astro:config:setup': ({ logger }) => {
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

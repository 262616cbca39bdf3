/**
 * Writes `/entries/<id>.json` for every entry once Astro has built `/data/entries.json`, by
 * slicing that file: each entry's own JSON is exactly its item there, by construction, and a
 * thousand entries cost one pass over one file instead of a thousand routes.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Splits `data/entries.json` into one file per entry in `astro:build:done`. */
export function entryJsonFiles(): AstroIntegration {
  return {
    name: 'tl:entry-json',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { entries } = JSON.parse(readFileSync(join(out, 'data/entries.json'), 'utf8')) as { entries: { id: string }[] };
        for (const entry of entries) writeFileSync(join(out, 'entries', `${entry.id}.json`), `${JSON.stringify(entry, null, 2)}\n`);
        logger.info(`wrote ${entries.length} entry JSON files`);
      },
    },
  };
}

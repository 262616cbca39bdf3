/**
 * Writes `/entries/<id>.json` for every entry at the end of the build, from the checked content:
 * each file is the entry's item of `/data/entries.json` (the same export function on the same
 * checked data, in the same order), and a thousand entries cost one loop instead of a thousand
 * routes.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedContent } from '../lib/content/content-check.ts';
import { datasetInput, exportEntries, type ExportPaths } from '../lib/outputs/export.ts';
import type { ExportEntry } from '../schemas/export.ts';
import { sortMeasures } from '../lib/model/measures.ts';
import { createPaths } from '../lib/site/paths.ts';
import { sortChronologically } from '../lib/model/timeline.ts';
import type { ContentReader } from './content-files.ts';

const byId = <T>(records: readonly { id: string; data: T }[]) => new Map(records.map((r) => [r.id, r.data]));

/** Every entry in its public shape, oldest first, as `/data/entries.json` lists them. */
export function entryExports(content: CheckedContent, paths: ExportPaths): ExportEntry[] {
  return exportEntries(
    datasetInput(
      {
        entries: sortChronologically(content.entries.map(({ id, data }) => ({ id, date: data.date, data }))),
        sources: byId(content.sources),
        vendors: byId(content.vendors),
        jurisdictions: byId(content.jurisdictions),
        measures: sortMeasures(content.measures),
        coverageThrough: content.site?.coverageThrough,
      },
      paths,
    ),
  );
}

/** Writes one JSON file per entry in `astro:build:done`. */
export function entryJsonFiles(options: { content: ContentReader }): AstroIntegration {
  let base = '/';
  let site = 'http://localhost:4321';
  return {
    name: 'tl:entry-json',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const entries = entryExports(options.content.read().content, createPaths(base, site));
        // Several writes in flight at once: the build then waits on the disk once, not once per file.
        const queue = [...entries];
        const writer = async () => {
          for (let entry = queue.shift(); entry; entry = queue.shift()) await writeFile(join(out, 'entries', `${entry.id}.json`), `${JSON.stringify(entry, null, 2)}\n`);
        };
        await Promise.all(Array.from({ length: 16 }, writer));
        logger.info(`wrote ${entries.length} entry JSON files`);
      },
    },
  };
}

import { z } from 'astro/zod';
import { idSchema, listOf, MAX_ITEMS, recordOf } from './common.ts';

/** The permalink registry (`src/content/permalinks.yaml`): every id ever published, and redirects. */
export const permalinksSchema = z.strictObject({
  /** Every entry id that has been published. An id is never removed from this list. */
  published: listOf(idSchema, MAX_ITEMS.registry).default([]),
  /** Old ids mapped to the id that replaced them. */
  redirects: recordOf(idSchema, idSchema, MAX_ITEMS.registry).default({}),
  /**
   * For each corrected entry, the highest version published at `/entries/<id>/v/<n>/`: versions
   * 1 to that number must stay. Written by `npm run permalinks`; never lowered.
   */
  versions: recordOf(idSchema, z.number().int().min(1), MAX_ITEMS.registry).default({}),
});

/** The registry as written. */
export type PermalinksInput = z.input<typeof permalinksSchema>;
/** The registry after parsing. */
export type Permalinks = z.output<typeof permalinksSchema>;

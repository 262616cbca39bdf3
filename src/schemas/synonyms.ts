import { z } from 'astro/zod';
import { idSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText, recordOf } from './common.ts';

/** A word or phrase of a synonym group: letters and digits, with spaces, hyphens or apostrophes between them. */
export const synonymTermSchema = plainText(MAX_LENGTH.alias).pipe(
  z.string().regex(/^[\p{L}\p{N}]+(?:[ '’-][\p{L}\p{N}]+)*$/u, { error: 'expected a word or phrase of letters and digits (spaces, hyphens and apostrophes between them)' }),
);

/**
 * One group of words and phrases that mean the same thing to a reader searching the timeline
 * (`src/content/synonyms.yaml`, one group per key, the key its id). An entry whose title, summary
 * or aliases use one of them is found by all of them.
 */
export const synonymGroupSchema = z.strictObject({
  /** The words and phrases, e.g. `[ban, restrict, prohibit, bar, stop deploying]`; at least two. */
  terms: listOf(synonymTermSchema, MAX_ITEMS.synonymTerms).min(2, { error: 'list at least two terms; a group of one changes nothing' }),
});

/** The whole synonym table: group id → group. */
export const synonymTableSchema = recordOf(idSchema, synonymGroupSchema, MAX_ITEMS.synonymGroups);

/** A synonym group as written. */
export type SynonymGroupInput = z.input<typeof synonymGroupSchema>;
/** A synonym group after parsing. */
export type SynonymGroup = z.output<typeof synonymGroupSchema>;

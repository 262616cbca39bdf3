import { z } from 'astro/zod';
import { idSchema } from './common.ts';

/**
 * The fixed set of relation types between two entries. Each is read from the entry that writes
 * it: "this entry <type> that one". Labels and inverse labels live in `src/lib/model/relations.ts`.
 */
export const RELATION_TYPE_IDS = ['implements', 'expands', 'challenges', 'responds-to', 'reports-on', 'supersedes'] as const;

/** One of {@link RELATION_TYPE_IDS}. */
export const relationTypeSchema = z.enum(RELATION_TYPE_IDS);

/**
 * A typed link from one entry to another, written once in the front matter of one of the two
 * entries (`related: [{ entry: <id>, type: responds-to }]`) and shown on both: with the type's
 * label here and its inverse label on the other entry.
 */
export const relationSchema = z.strictObject({
  /** The id of the other entry. */
  entry: idSchema,
  /** How this entry relates to the other one, read as "this entry <type> the other". */
  type: relationTypeSchema,
});

/** A relation type id. */
export type RelationType = z.output<typeof relationTypeSchema>;
/** A relation as written. */
export type Relation = z.output<typeof relationSchema>;

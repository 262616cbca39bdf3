import { z } from 'astro/zod';
import { httpsUrlSchema, plainTextSchema } from './common.ts';
import { fullDateSchema, partialDateSchema } from './partial-date.ts';

/** Whether a source is the record itself or a report about it. */
export const sourceKindSchema = z.enum(['primary', 'secondary']);

/** One source record (`src/content/sources/<id>.yaml`). The file name is the id. */
export const sourceSchema = z.object({
  /** The title as the publisher gives it. */
  title: plainTextSchema,
  /** The original publisher (not a copy or syndication site). */
  publisher: plainTextSchema,
  /** The author or authors, where named. */
  author: plainTextSchema.optional(),
  /** When the publisher published it, to the precision known. */
  published: partialDateSchema.optional(),
  /** The original publisher's URL. Left out when only a copy was found: never a copy's URL. */
  url: httpsUrlSchema.optional(),
  /** A stable archived copy of `url` (for example a Wayback Machine capture). */
  archiveUrl: httpsUrlSchema.optional(),
  /** The day the archived copy was captured. */
  archived: fullDateSchema.optional(),
  /** The day the source was last read for this site. */
  accessed: fullDateSchema.optional(),
  /** `primary` for the record itself (a law, a letter, a statement), `secondary` for reports about it. */
  kind: sourceKindSchema,
  /** Where the text was read when not at the original, and any other caveat about the source. */
  note: plainTextSchema.optional(),
}).refine((s) => s.archiveUrl === undefined || s.archived !== undefined, {
  error: 'an archiveUrl needs its capture date in archived',
  path: ['archived'],
});

/** A source record as written. */
export type SourceInput = z.input<typeof sourceSchema>;
/** A source record after parsing. */
export type Source = z.output<typeof sourceSchema>;
/** A source kind. */
export type SourceKind = z.output<typeof sourceKindSchema>;

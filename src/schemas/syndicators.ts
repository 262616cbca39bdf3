import { z } from 'astro/zod';
import { listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';

/**
 * The list of syndicators and aggregators (`src/content/syndicators.yaml`): sites whose business
 * is carrying other publishers' work. None of them may be named as a source's `publisher`; a
 * story read on one is credited to its publisher, with the site in `via`.
 */
export const syndicatorsSchema = z.strictObject({
  /** The names as a writer would put them in `publisher`, compared without regard to case. */
  syndicators: listOf(plainText(MAX_LENGTH.name), MAX_ITEMS.syndicators).min(1, { error: 'list at least one syndicator' }),
});

/** The syndicator list as written. */
export type SyndicatorsInput = z.input<typeof syndicatorsSchema>;
/** The syndicator list after parsing. */
export type Syndicators = z.output<typeof syndicatorsSchema>;

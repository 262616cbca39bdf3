import { z } from 'astro/zod';
import { fullDateSchema } from './partial-date.ts';

/** Facts about the record as a whole (`src/content/site.yaml`). */
export const siteRecordSchema = z.strictObject({
  /**
   * The last day up to which events were reviewed for the timeline. Events after it may be
   * missing, so the home page, /about/, the feeds and /data/entries.json state it, and the build
   * rejects an entry dated after it: move this date when a later period has been reviewed.
   */
  coverageThrough: fullDateSchema,
});

/** The site record as written. */
export type SiteRecordInput = z.input<typeof siteRecordSchema>;
/** The site record after parsing. */
export type SiteRecord = z.output<typeof siteRecordSchema>;

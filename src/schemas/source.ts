import { z } from 'astro/zod';
import { httpsUrlSchema, MAX_LENGTH, plainText } from './common.ts';
import { fullDateSchema, partialDateSchema } from './partial-date.ts';

/** Whether a source is the record itself or a report about it. */
export const sourceKindSchema = z.enum(['primary', 'secondary']);

/** What a source's `url` answered when last checked (`npm run check-links -- --write`). */
export const urlStatusSchema = z.strictObject({
  /** `live` (it answers), `moved` (permanently redirected elsewhere) or `gone` (404 or 410). */
  status: z.enum(['live', 'moved', 'gone']),
  /** The day of the check. */
  checked: fullDateSchema,
  /** For `moved`: where the permanent redirects lead (left out when that is not https). */
  movedTo: httpsUrlSchema.optional(),
});

/**
 * Why a source has no `url`, shown to readers in its place:
 * - `print-only`: published on paper (or in a broadcast) with no online copy by its publisher;
 * - `paywalled`: the publisher's copy is behind a paywall and its address was not found;
 * - `not-found-online`: no copy by the publisher was found;
 * - `copy-not-linked`: read only in an unofficial copy (a scraper or mirror in
 *   `src/lib/content/copy-domains.ts`), which the site does not link; `note` says where.
 */
export const NO_URL_REASONS = ['print-only', 'paywalled', 'not-found-online', 'copy-not-linked'] as const;

/** One of {@link NO_URL_REASONS}. */
export const noUrlReasonSchema = z.enum(NO_URL_REASONS);

/** A reason a source has no link. */
export type NoUrlReason = z.output<typeof noUrlReasonSchema>;

/** A source's recorded URL check. */
export type UrlStatus = z.output<typeof urlStatusSchema>;

/** One source record (`src/content/sources/<id>.yaml`). The file name is the id. */
export const sourceSchema = z.strictObject({
  /** The title as the publisher gives it. */
  title: plainText(MAX_LENGTH.sourceTitle),
  /**
   * The organisation that published the work (Reuters, Bloomberg, the South China Morning Post,
   * a ministry, a court), never a site that republished it. Known syndicators and aggregators
   * are listed in `src/content/syndicators.yaml`; the build rejects them here.
   */
  publisher: plainText(MAX_LENGTH.name),
  /**
   * Where the work was read when that is not the publisher's own site, e.g. `MarketScreener`
   * for a Reuters story read in its syndicated copy. Shown as "Reuters, via MarketScreener".
   * A `via` needs a `publisher` (the build names the error). With a `via`, `url` is the address
   * of the copy that was read, provided that host is a licensed republisher; a copy on a host
   * listed in `src/lib/content/copy-domains.ts` (scrapers, mirrors) is never linked: leave `url` out and
   * keep the `via` to say where the text was read.
   */
  via: plainText(MAX_LENGTH.name).optional(),
  /**
   * `true` when the publisher is state-run or state-funded media (Global Times, RT, Sputnik).
   * Shown beside the source; the build rejects a `confirmed` entry that rests on such a source
   * alone.
   */
  stateMedia: z.boolean().optional(),
  /** The author or authors, where named. */
  author: plainText(MAX_LENGTH.author).optional(),
  /** When the publisher published it, to the precision known. */
  published: partialDateSchema.optional(),
  /**
   * The address of the work: the original publisher's page, or, with `via`, the licensed copy
   * that was read. Never a host listed in `src/lib/content/copy-domains.ts`; left out when only such a
   * copy was found.
   */
  url: httpsUrlSchema.optional(),
  /** Why there is no `url` (one of {@link NO_URL_REASONS}); required without one, refused with one. */
  noUrl: noUrlReasonSchema.optional(),
  /** A stable archived copy of `url` (for example a Wayback Machine capture). */
  archiveUrl: httpsUrlSchema.optional(),
  /** The day the archived copy was captured. */
  archived: fullDateSchema.optional(),
  /** What `url` answered when last checked (`npm run check-links -- --write` records it). */
  urlStatus: urlStatusSchema.optional(),
  /** The day the source was last read for this site. */
  accessed: fullDateSchema.optional(),
  /** `primary` for the record itself (a law, a letter, a statement), `secondary` for reports about it. */
  kind: sourceKindSchema,
  /** Where the text was read when not at the original, and any other caveat about the source. */
  note: plainText(MAX_LENGTH.note).optional(),
})
  .refine((s) => s.archiveUrl === undefined || s.archived !== undefined, {
    error: 'an archiveUrl needs its capture date in archived',
    path: ['archived'],
  })
  .refine((s) => s.url !== undefined || s.archiveUrl !== undefined || s.noUrl !== undefined, {
    error: `a source without url (or archiveUrl) says why in noUrl: one of ${NO_URL_REASONS.join(', ')}`,
    path: ['noUrl'],
  })
  .refine((s) => s.url === undefined || s.noUrl === undefined, {
    error: 'noUrl says why there is no url, but this source has one; remove noUrl',
    path: ['noUrl'],
  });

/** A source record as written. */
export type SourceInput = z.input<typeof sourceSchema>;
/** A source record after parsing. */
export type Source = z.output<typeof sourceSchema>;
/** A source kind. */
export type SourceKind = z.output<typeof sourceKindSchema>;

import { z } from 'astro/zod';
import { idListSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';
import { fullDateSchema } from './partial-date.ts';

/**
 * One part of the record and how far it was reviewed: which jurisdictions, up to which day
 * events were looked for, when and how the review was done, and what it did not find.
 */
export const coverageAreaSchema = z.strictObject({
  /** What this part covers, in words: "United States: federal measures, the FCC and the courts". */
  area: plainText(MAX_LENGTH.name),
  /** The jurisdictions whose entries this part covers; at least one. */
  jurisdictions: idListSchema.pipe(z.array(z.string()).min(1, { error: 'list at least one jurisdiction' })),
  /** Events up to this day were looked for; later ones may be missing. The build rejects an entry of these jurisdictions dated after it. */
  through: fullDateSchema,
  /** The day the review was finished. */
  reviewed: fullDateSchema,
  /** How it was reviewed: against what, by whom, with what limits. */
  method: plainText(MAX_LENGTH.sentence),
  /** What the review looked for and did not find, or did not cover. */
  gaps: plainText(MAX_LENGTH.sentence).optional(),
});

/** Facts about the record as a whole (`src/content/site.yaml`). */
export const siteRecordSchema = z.strictObject({
  /**
   * Where readers report an error: a `mailto:` address, or an `https:` web address (a form, an
   * issue tracker) that may hold `{url}`, `{title}` and `{version}`. Every entry and measure page
   * links it with its permanent URL and version; `REPORT_URL` overrides it for one deployment.
   */
  errorReports: z
    .string()
    .regex(/^(mailto:[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"?]+|https:\/\/\S+)$/, { error: 'expected a mailto: address or an https:// web address' }),
  /**
   * How current the record is, part by part: shown on the home page and /about/, given in the
   * feeds and the data downloads. Move a part's `through` when a later period has been reviewed.
   */
  coverage: listOf(coverageAreaSchema, MAX_ITEMS.ids).min(1, { error: 'describe at least one reviewed part of the record' }),
});

/** One reviewed part of the record. */
export type CoverageArea = z.output<typeof coverageAreaSchema>;
/** The site record as written. */
export type SiteRecordInput = z.input<typeof siteRecordSchema>;
/** The site record after parsing. */
export type SiteRecord = z.output<typeof siteRecordSchema>;

/**
 * The latest day up to which any part of the record was reviewed (`coverageThrough` in the data
 * downloads and the feeds, kept for readers of the earlier single date).
 * @example coverageThrough({ coverage: [{ through: '2026-11-30' }, { through: '2026-10-31' }] }) // '2026-11-30'
 */
export function coverageThrough(record: { coverage: readonly Pick<CoverageArea, 'through'>[] }): string {
  return record.coverage.reduce((latest, c) => (c.through > latest ? c.through : latest), record.coverage[0]!.through);
}

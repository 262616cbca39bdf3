import { z } from 'astro/zod';
import { categorySchema } from './category.ts';
import { idListSchema, idSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';
import { datePrecisionSchema, fullDateSchema, partialDateSchema } from './partial-date.ts';
import { relationSchema } from './relation.ts';
import { snapshotVendorLinksSchema, vendorLinksSchema } from './vendor-link.ts';

/** What a secondary date of an event stands for. */
export const dateKindSchema = z.enum(['announced', 'signed', 'adopted', 'published', 'released', 'reported', 'recorded', 'effective']);

/** A dated step of an event other than its main date, e.g. when a rule took effect. */
export const eventDateSchema = z.strictObject({
  /** What happened on this date. */
  kind: dateKindSchema,
  /** The date, with the precision its form shows (`2019`, `2019-10`, `2019-10-09`). */
  date: partialDateSchema,
  /** Optional words on what this date is, e.g. "Part B of the rule". */
  note: plainText(MAX_LENGTH.sentence).optional(),
});

/** How far the event itself is established. */
export const verificationSchema = z.enum(['confirmed', 'reported', 'disputed']);

/** A dated note in the corrections log of an entry. */
export const correctionSchema = z.strictObject({
  /** The day the correction was made on the site. */
  date: fullDateSchema,
  /** What was wrong and what it now says. */
  note: plainText(MAX_LENGTH.note),
});

/** A widely repeated claim about the event and what the record shows instead. */
export const clarificationSchema = z.strictObject({
  /** The claim as it circulated, in neutral paraphrase. */
  claim: plainText(MAX_LENGTH.clarification),
  /** What the sources show. */
  fact: plainText(MAX_LENGTH.clarification),
});

/** The front matter of one entry (`src/content/entries/<id>.mdx`). The file name is the id. */
export const entrySchema = z.strictObject({
  /** A neutral, specific headline for the event. */
  title: plainText(MAX_LENGTH.title),
  /** One or two plain sentences that stand alone in a list, a search result or a citation. */
  summary: plainText(MAX_LENGTH.summary),
  /** The event's main date as an ISO string of the given precision. */
  date: partialDateSchema,
  /** How exact `date` is; it must match the form of `date`. */
  datePrecision: datePrecisionSchema,
  /** For events that span time, the last day (or month, or year). */
  endDate: partialDateSchema.optional(),
  /** Other dates of the event where they differ from the main one, each with its kind. */
  dates: listOf(eventDateSchema, MAX_ITEMS.dates).default([]),
  /** One category from the fixed list. */
  category: categorySchema,
  /** Ids of the jurisdictions the event belongs to; at least one. */
  jurisdictions: idListSchema.pipe(z.array(z.string()).min(1, { error: 'list at least one jurisdiction' })),
  /**
   * The vendors the event concerns, each with its basis (`named`, `reported` or `context`; see
   * `src/schemas/vendor-link.ts`): `vendors: { hikvision: named, dahua: context }`.
   */
  vendors: vendorLinksSchema.default([]),
  /** Ids of the people and institutions that acted. */
  bodies: idListSchema.default([]),
  /**
   * Abbreviations and document numbers readers type for this event and that its text may not
   * spell out, e.g. `NDAA`, `HCWS386`, `EO 14032`, `FCC 22-84`. Searchable (weighted above the
   * body text) but never shown on the page or in a result's excerpt.
   */
  aliases: listOf(plainText(MAX_LENGTH.alias), MAX_ITEMS.aliases).default([]),
  /** Ids of the sources, primary sources first; at least one. */
  sources: idListSchema.pipe(z.array(z.string()).min(1, { error: 'list at least one source' })),
  /** How far the event is established. */
  verification: verificationSchema,
  /** One sentence on why the event has that verification level. */
  verificationNote: plainText(MAX_LENGTH.sentence),
  /** Widely repeated claims that the record does not support, each with what it shows. */
  clarifications: listOf(clarificationSchema, MAX_ITEMS.clarifications).default([]),
  /**
   * A central event of the story: labelled and linked on the home page's overview. Keep it to the
   * handful of events a newcomer needs first (about six to eight in all).
   */
  key: z.boolean().default(false),
  /**
   * Typed links to other entries, each written once (on either entry) and shown on both, e.g.
   * `{ entry: 2022-11-24-uk-sensitive-sites-surveillance-restriction, type: responds-to }`.
   */
  related: listOf(relationSchema, MAX_ITEMS.related).default([]),
  /** The day this entry was first published on the site. */
  published: fullDateSchema,
  /** The day this entry last changed in substance; defaults to `published`. */
  updated: fullDateSchema.optional(),
  /** The corrections log, oldest first. */
  corrections: listOf(correctionSchema, MAX_ITEMS.corrections).default([]),
});

/** Entry front matter as written. */
export type EntryInput = z.input<typeof entrySchema>;
/** Entry front matter after parsing. */
export type Entry = z.output<typeof entrySchema>;
/** A secondary date of an event. */
export type EventDate = z.output<typeof eventDateSchema>;
/** A corrections-log item. */
export type Correction = z.output<typeof correctionSchema>;
/** A clarification of a widely repeated claim. */
export type Clarification = z.output<typeof clarificationSchema>;
/** A verification level. */
export type Verification = z.output<typeof verificationSchema>;

/**
 * An earlier version of an entry (`src/content/versions/<id>/<n>.mdx`), kept as it was. Versions
 * made before relations were typed list related entries by id alone; those ids are accepted and
 * dropped, since a version page shows the entry's relations as they are now. Versions made before
 * vendor links carried a basis list vendors by id alone; they are read as links with no basis.
 */
export const entrySnapshotSchema = entrySchema.extend({
  vendors: snapshotVendorLinksSchema.default([]),
  related: listOf(z.union([relationSchema, idSchema]), MAX_ITEMS.related)
    .default([])
    .transform((items) => items.filter((item): item is z.output<typeof relationSchema> => typeof item !== 'string')),
});

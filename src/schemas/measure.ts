import { z } from 'astro/zod';
import { idListSchema, idSchema, listOf, MAX_ITEMS, MAX_LENGTH, plainText } from './common.ts';
import { correctionSchema } from './entry.ts';
import { fullDateSchema, partialDateSchema } from './partial-date.ts';

/**
 * What kind of instrument a measure is. Labels and explanations live in `src/lib/model/measures.ts`;
 * this list is the contract the content is checked against.
 */
export const MEASURE_KIND_IDS = [
  'procurement-ban',
  'exclusion-power',
  'trade-restriction',
  'equipment-authorisation-ban',
  'investment-restriction',
  'designation',
  'removal-order',
  'closure-order',
  'deployment-restriction',
  'guidance',
] as const;

/** Where a measure stands. Labels and explanations live in `src/lib/model/measures.ts`. */
export const MEASURE_STATUS_IDS = [
  'proposed',
  'in-force',
  'partly-in-force',
  'challenged',
  'struck-down',
  'revoked',
  'no-longer-policy',
  'completed',
  'completion-reported',
  'deadline-passed',
  'superseded',
  'unconfirmed',
] as const;

/**
 * Whom a measure binds: `no-one` (a list with no legal effect of its own), `one-institution` (one
 * body's own purchases or premises), `one-company` (an order addressed to a company),
 * `central-government` (the national government's departments or agencies), `public-sector`
 * (all public bodies) or `market` (anyone: sales, imports, trade, investment). Labels live in
 * `src/lib/model/measures.ts`.
 */
export const MEASURE_BINDS_IDS = ['no-one', 'one-institution', 'one-company', 'central-government', 'public-sector', 'market'] as const;

/** A step in a measure's life. Labels live in `src/lib/model/measures.ts`. */
export const MEASURE_STAGE_IDS = [
  'proposed',
  'announced',
  'adopted',
  'in-force',
  'expanded',
  'narrowed',
  'challenged',
  'upheld',
  'remanded',
  'struck-down',
  'revoked',
  'dropped',
  'completed',
  'superseded',
  'reported',
] as const;

/** One of {@link MEASURE_KIND_IDS}. */
export const measureKindSchema = z.enum(MEASURE_KIND_IDS);
/** One of {@link MEASURE_STATUS_IDS}. */
export const measureStatusSchema = z.enum(MEASURE_STATUS_IDS);
/** One of {@link MEASURE_BINDS_IDS}. */
export const measureBindsSchema = z.enum(MEASURE_BINDS_IDS);
/** One of {@link MEASURE_STAGE_IDS}. */
export const measureStageKindSchema = z.enum(MEASURE_STAGE_IDS);

/** One dated step of a measure's lifecycle, recorded by an entry. */
export const measureStageSchema = z.strictObject({
  /** When the step happened, as precise as known (`2023`, `2023-02`, `2023-02-06`). */
  date: partialDateSchema,
  /** What happened: adopted, in force, expanded, challenged, upheld, remanded, … */
  stage: measureStageKindSchema,
  /** The id of the entry that records this step; its sources are the stage's sources. */
  entry: idSchema,
  /** Optional words on the step, e.g. "Part B: contractors that use covered equipment". */
  note: plainText(MAX_LENGTH.sentence).optional(),
});

/**
 * One measure (`src/content/measures/<id>.yaml`): a single legal or administrative instrument
 * (a law's section, a listing, an order, an instruction). The file name is the id and the
 * permalink `/measures/<id>/`. Entries tell what happened; a measure says what is in force,
 * and its stages point at the entries that record each step.
 */
export const measureSchema = z.strictObject({
  /** The instrument's full name, e.g. "Section 889 of the John S. McCain NDAA for FY2019". */
  name: plainText(MAX_LENGTH.name),
  /** A short name for tables and chips, e.g. "NDAA §889". */
  shortName: plainText(MAX_LENGTH.shortName),
  /** Other names and numbers people search for ("FCC 22-84", "HCWS386"). */
  aliases: listOf(plainText(MAX_LENGTH.alias), MAX_ITEMS.aliases).default([]),
  /** The id of the jurisdiction whose instrument it is. */
  jurisdiction: idSchema,
  /** Ids of the bodies that issued or administer it; at least one. */
  issuedBy: idListSchema.pipe(z.array(z.string()).min(1, { error: 'list at least one body' })),
  /** One kind from the fixed list. */
  kind: measureKindSchema,
  /** One plain sentence: who is bound, and which equipment or companies. */
  scope: plainText(MAX_LENGTH.sentence),
  /** Whom it binds, one of {@link MEASURE_BINDS_IDS}; the map shades a jurisdiction only by what binds its government or its market. */
  binds: measureBindsSchema,
  /** Ids of the vendors it names; leave empty and give `criterion` when it names none. */
  vendors: idListSchema.default([]),
  /** The test it applies instead of (or besides) names, e.g. makers subject to China's National Intelligence Law. */
  criterion: plainText(MAX_LENGTH.sentence).optional(),
  /** Where it stands on `statusAsOf`. */
  status: measureStatusSchema,
  /** The day the status was last checked against the sources; not before the last stage. */
  statusAsOf: fullDateSchema,
  /** The sentence that supports the status: what the record shows, and what it does not. */
  statusNote: plainText(MAX_LENGTH.sentence),
  /** The day by which the measure was to be carried out, where one was set (needed for `deadline-passed`). */
  deadline: partialDateSchema.optional(),
  /** For `superseded`: the id of the measure that replaced it, where the record has one. */
  supersededBy: idSchema.optional(),
  /**
   * Corrections of what the measure page said (a status, a scope, a kind or a stage that the
   * record did not support), oldest first; each is listed on the page and on `/changes/`.
   */
  corrections: listOf(correctionSchema, MAX_ITEMS.corrections).default([]),
  /** The lifecycle, oldest first; at least one stage. */
  stages: listOf(measureStageSchema, MAX_ITEMS.stages).min(1, { error: 'list at least one stage' }),
});

/** Measure data as written. */
export type MeasureInput = z.input<typeof measureSchema>;
/** Measure data after parsing. */
export type Measure = z.output<typeof measureSchema>;
/** A measure kind id. */
export type MeasureKind = z.output<typeof measureKindSchema>;
/** A measure status id. */
export type MeasureStatus = z.output<typeof measureStatusSchema>;
/** A stage kind id. */
export type MeasureStageKind = z.output<typeof measureStageKindSchema>;
/** Whom a measure binds. */
export type MeasureBinds = z.output<typeof measureBindsSchema>;
/** One stage of a measure. */
export type MeasureStage = z.output<typeof measureStageSchema>;

/**
 * The public data contract: the shape of `/data/entries.json`, `/entries/<id>.json`,
 * `/data/vendors.json` and `/data/sources.json`. The JSON Schemas published under `/data/` and
 * the field tables of the `/data/` page are generated from these schemas, so the documentation
 * cannot drift from the files. Change a field here only in a backwards-compatible way (add,
 * never rename or remove): people's scripts depend on it.
 */
import { z } from 'astro/zod';
import { CATEGORY_IDS } from './category.ts';
import { VENDOR_BASIS_IDS } from './vendor-link.ts';
import { NO_URL_REASONS } from './source.ts';
import { MEASURE_BINDS_IDS, MEASURE_KIND_IDS, MEASURE_STAGE_IDS, MEASURE_STATUS_IDS } from './measure.ts';
import { RELATION_TYPE_IDS } from './relation.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A record id: lower-case letters, digits and hyphens. */
const exportIdSchema = z.string().regex(ID).meta({ description: 'An id: lower-case letters, digits and hyphens.' });
/** A calendar date to the day. */
const daySchema = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD.' });
/** A calendar date of any precision. */
const partialDaySchema = z.string().regex(PARTIAL_DATE).meta({ description: 'A calendar date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.' });
/** An absolute URL. */
const urlSchema = z.url().meta({ description: 'An absolute URL.' });

/** The licence every download is published under. */
export const exportLicenseSchema = z
  .object({
    id: z.literal('CC-BY-4.0').meta({ description: 'The SPDX identifier of the licence.' }),
    name: z.string().meta({ description: 'The licence name.' }),
    url: urlSchema.meta({ description: 'The licence text.' }),
    attribution: z.string().meta({ description: 'How to credit the data when you re-use it.' }),
  })
  .strict()
  .meta({ description: 'The licence of the data: Creative Commons Attribution 4.0 International.' });

/** One source as cited by an entry, with its bibliographic fields. */
export const exportSourceSchema = z
  .object({
    id: exportIdSchema.meta({ description: 'The source id, stable across releases.' }),
    title: z.string().meta({ description: 'The title as the publisher gives it.' }),
    publisher: z.string().meta({ description: 'The organisation that published the work, never a site that republished it.' }),
    via: z.string().nullable().meta({ description: 'Where the work was read when not at the publisher (for example MarketScreener for a Reuters story); url is then that copy\'s address. Null when read at the publisher.' }),
    stateMedia: z.boolean().meta({ description: 'true when the publisher is state-run or state-funded media.' }),
    author: z.string().nullable().meta({ description: 'The author or authors, where named; otherwise null.' }),
    published: partialDaySchema.nullable().meta({ description: 'When the publisher published it, as precise as known; null when unknown.' }),
    url: urlSchema.nullable().meta({ description: "The work's address: the publisher's page, or with via the licensed copy that was read; null when no citable address was found." }),
    archiveUrl: urlSchema.nullable().meta({ description: 'A stable archived copy (for example a Wayback Machine capture); null when none is recorded.' }),
    archived: daySchema.nullable().meta({ description: 'The day the archived copy was captured; null without archiveUrl.' }),
    noUrl: z.enum(NO_URL_REASONS).nullable().meta({ description: 'Why there is no url: "print-only", "paywalled", "not-found-online" or "copy-not-linked" (read only in an unofficial copy that is not linked); null when there is a url.' }),
    urlStatus: z
      .object({
        status: z.enum(['live', 'moved', 'gone']).meta({ description: 'What url answered when last checked: live, moved (permanently redirected) or gone (404 or 410); a gone source is cited by its archived copy.' }),
        checked: daySchema.meta({ description: 'The day of the check.' }),
        movedTo: urlSchema.nullable().meta({ description: 'For moved: where the redirects lead; otherwise null.' }),
      })
      .strict()
      .nullable()
      .meta({ description: 'The last check of url; null when it was never checked.' }),
    accessed: daySchema.nullable().meta({ description: 'The day the source was last read for this dataset; null when not recorded.' }),
    kind: z.enum(['primary', 'secondary']).meta({ description: '"primary" for the record itself (a law, a letter, a statement), "secondary" for reports about it.' }),
    note: z.string().nullable().meta({ description: 'Where the text was read when not at the original, or another caveat; null when none.' }),
  })
  .strict()
  .meta({ id: 'Source', description: 'A source record.' });

/** One entry of the dataset: an event with its dates, classification and sources. */
export const exportEntrySchema = z
  .object({
    id: exportIdSchema.meta({ description: 'The entry id. It is also the last part of the permanent URL and never changes.' }),
    url: urlSchema.meta({ description: 'The permanent URL of the entry page; cite this.' }),
    title: z.string().meta({ description: 'A neutral, specific headline for the event.' }),
    summary: z.string().meta({ description: 'One or two plain sentences that stand on their own.' }),
    date: partialDaySchema.meta({ description: 'The main date of the event, as precise as known.' }),
    datePrecision: z.enum(['year', 'month', 'day']).meta({ description: 'How exact date is: "year", "month" or "day".' }),
    endDate: partialDaySchema.nullable().meta({ description: 'For events that span time, their last date; otherwise null.' }),
    dates: z
      .array(
        z
          .object({
            kind: z.enum(['announced', 'signed', 'adopted', 'published', 'released', 'reported', 'recorded', 'effective']).meta({ description: 'What happened on this date.' }),
            date: partialDaySchema,
            note: z.string().nullable().meta({ description: 'What this date stands for, where it needs saying; otherwise null.' }),
          })
          .strict(),
      )
      .meta({ description: 'Other dates of the event where they differ from the main one (for example announced and effective).' }),
    category: z.enum(CATEGORY_IDS).meta({ description: 'One category from the fixed list.' }),
    verification: z.enum(['confirmed', 'reported', 'disputed']).meta({ description: 'How far the event itself is established.' }),
    verificationNote: z.string().meta({ description: 'Why the event has that verification level.' }),
    jurisdictions: z.array(exportIdSchema).meta({ description: 'Ids of the jurisdictions the event belongs to (see the jurisdiction pages).' }),
    vendors: z.array(exportIdSchema).meta({ description: 'Ids of the vendors the event concerns (see /data/vendors.json), in the order of vendorLinks.' }),
    vendorLinks: z
      .array(
        z
          .object({
            id: exportIdSchema.meta({ description: 'The vendor id.' }),
            basis: z
              .enum(VENDOR_BASIS_IDS)
              .nullable()
              .meta({ description: 'Why the entry concerns the vendor: "named" (the record names the company), "reported" (only reporting ties it to the event) or "context" (the event concerns a criterion the company is taken to meet); null only for an earlier version kept from before the basis was recorded.' }),
          })
          .strict(),
      )
      .meta({ description: 'The vendors with the basis of each link.' }),
    bodies: z.array(exportIdSchema).meta({ description: 'Ids of the people and institutions that acted.' }),
    related: z.array(exportIdSchema).meta({ description: 'Ids of the entries this one is related to, from either side (see relations for how).' }),
    relations: z
      .array(
        z
          .object({
            entry: exportIdSchema.meta({ description: 'The id of the other entry.' }),
            type: z.enum(RELATION_TYPE_IDS).meta({ description: 'The relation type, read from the entry that wrote it: "<writer> <type> <other>".' }),
            direction: z.enum(['outgoing', 'incoming']).meta({ description: '"outgoing" when this entry wrote the relation ("this entry <type> the other"), "incoming" when the other entry did.' }),
            label: z.string().meta({ description: 'How the relation reads from this entry, e.g. "Responds to" or, incoming, "Responses".' }),
          })
          .strict(),
      )
      .meta({ description: 'Typed relations to other entries, from both sides, in date order of the other entry.' }),
    measures: z
      .array(
        z
          .object({
            measure: exportIdSchema.meta({ description: 'The measure id (see /data/measures.json).' }),
            stage: z.enum(MEASURE_STAGE_IDS).meta({ description: 'The stage of the measure that this entry records.' }),
            date: partialDaySchema.meta({ description: 'The date of that stage.' }),
          })
          .strict(),
      )
      .meta({ description: 'The measures this entry records a stage of, one item per stage.' }),
    clarifications: z
      .array(z.object({ claim: z.string().meta({ description: 'A widely repeated claim, in neutral paraphrase.' }), fact: z.string().meta({ description: 'What the sources show.' }) }).strict())
      .meta({ description: 'Widely repeated claims about the event that the record does not support, each with what it shows.' }),
    published: daySchema.meta({ description: 'The day the entry was first published.' }),
    updated: daySchema.meta({ description: 'The day the entry last changed in substance (the publication day if it never has).' }),
    corrections: z
      .array(z.object({ date: daySchema, note: z.string().meta({ description: 'What was wrong and what the entry now says.' }) }).strict())
      .meta({ description: 'The corrections log, oldest first.' }),
    version: z.number().int().min(1).meta({ description: 'The number of the current version: 1 as first published, one more for each correction.' }),
    versionUrl: urlSchema.meta({ description: 'The permanent URL of the current version (/entries/<id>/v/<n>/); it keeps this text after later corrections. Earlier versions are at the same address with a lower n.' }),
    sources: z.array(exportSourceSchema).meta({ description: 'The sources, primary sources first, with their bibliographic fields.' }),
    paragraphs: z
      .array(z.object({ sources: z.array(exportIdSchema).meta({ description: 'Ids of the sources (in sources) that the paragraph cites, in the order cited.' }) }).strict())
      .meta({ description: 'The paragraphs of the entry text in order, each with the sources its claims rest on (its inline citations); a paragraph of an entry whose text has no inline citations yet lists none.' }),
  })
  .strict()
  .meta({ id: 'Entry', description: 'One event on the timeline.' });

/** `/data/entries.json`: every entry, oldest first. */
export const entriesExportSchema = z
  .object({
    generated: z.iso.datetime().meta({ description: 'When this file was built (ISO 8601, UTC).' }),
    license: exportLicenseSchema,
    coverageThrough: daySchema.nullable().meta({ description: 'The latest day up to which any part of the record was reviewed; parts differ (see coverage), and later events may be missing. Null when not stated.' }),
    coverage: z
      .array(
        z
          .object({
            area: z.string().meta({ description: 'What this part of the record covers.' }),
            jurisdictions: z.array(exportIdSchema).meta({ description: 'Ids of the jurisdictions it covers.' }),
            through: daySchema.meta({ description: 'Events up to this day were looked for.' }),
            reviewed: daySchema.meta({ description: 'The day the review was finished.' }),
            method: z.string().meta({ description: 'How it was reviewed.' }),
            gaps: z.string().nullable().meta({ description: 'What the review did not find or cover; null when nothing is noted.' }),
          })
          .strict(),
      )
      .meta({ description: 'How current the record is, part by part.' }),
    entries: z.array(exportEntrySchema).meta({ description: 'Every entry, oldest event first.' }),
  })
  .strict()
  .meta({ title: 'CCTV Restrictions Timeline: entries', description: 'Every entry of the CCTV Restrictions Timeline.' });

/** One vendor in `/data/vendors.json`. */
export const exportVendorSchema = z
  .object({
    id: exportIdSchema.meta({ description: 'The vendor id used in entries.vendors.' }),
    url: urlSchema.meta({ description: 'The vendor page on this site.' }),
    name: z.string().meta({ description: 'The common English name.' }),
    nameZh: z.string().nullable().meta({ description: 'The common Chinese short name; null when none.' }),
    legalNameEn: z.string().nullable().meta({ description: 'The registered legal name in English; null when not recorded.' }),
    legalNameZh: z.string().nullable().meta({ description: 'The registered legal name in Chinese; null when not recorded.' }),
    aliases: z.array(z.string()).meta({ description: 'Other names and spellings.' }),
    headquarters: z.string().meta({ description: 'City and country of the headquarters.' }),
    country: exportIdSchema.meta({ description: 'Id of the jurisdiction where the company is based.' }),
    description: z.string().meta({ description: 'A short, neutral description.' }),
    website: urlSchema.nullable().meta({ description: "The company's own website; null when not recorded." }),
    entries: z.array(exportIdSchema).meta({ description: 'Ids of the entries about this vendor, oldest first.' }),
  })
  .strict()
  .meta({ id: 'Vendor', description: 'A company the timeline concerns.' });

/** `/data/vendors.json`. */
export const vendorsExportSchema = z
  .object({
    generated: z.iso.datetime().meta({ description: 'When this file was built (ISO 8601, UTC).' }),
    license: exportLicenseSchema,
    vendors: z.array(exportVendorSchema).meta({ description: 'Every vendor, by id.' }),
  })
  .strict()
  .meta({ title: 'CCTV Restrictions Timeline: vendors', description: 'Every vendor of the CCTV Restrictions Timeline.' });

/** One source in `/data/sources.json`: the source fields and the entries that cite it. */
export const exportSourceRecordSchema = exportSourceSchema
  .extend({ citedBy: z.array(exportIdSchema).meta({ description: 'Ids of the entries that cite this source (or whose kept earlier version does), oldest first.' }) })
  .strict()
  .meta({ id: 'SourceRecord', description: 'A source record and the entries that cite it.' });

/** `/data/sources.json`. */
export const sourcesExportSchema = z
  .object({
    generated: z.iso.datetime().meta({ description: 'When this file was built (ISO 8601, UTC).' }),
    license: exportLicenseSchema,
    sources: z.array(exportSourceRecordSchema).meta({ description: 'Every source, by id.' }),
  })
  .strict()
  .meta({ title: 'CCTV Restrictions Timeline: sources', description: 'Every source cited by the CCTV Restrictions Timeline.' });

/** One measure in `/data/measures.json`. */
export const exportMeasureSchema = z
  .object({
    id: exportIdSchema.meta({ description: 'The measure id. It is also the last part of the measure page URL and never changes.' }),
    url: urlSchema.meta({ description: 'The measure page on this site.' }),
    name: z.string().meta({ description: 'The full name of the instrument.' }),
    shortName: z.string().meta({ description: 'A short name for tables.' }),
    aliases: z.array(z.string()).meta({ description: 'Other names, numbers and abbreviations.' }),
    jurisdiction: exportIdSchema.meta({ description: 'Id of the jurisdiction whose instrument it is.' }),
    issuedBy: z.array(exportIdSchema).meta({ description: 'Ids of the bodies that issued or administer it.' }),
    kind: z.enum(MEASURE_KIND_IDS).meta({ description: 'What kind of instrument it is.' }),
    kindLabel: z.string().meta({ description: 'The kind in words.' }),
    scope: z.string().meta({ description: 'Who is bound, and which equipment or companies.' }),
    binds: z.enum(MEASURE_BINDS_IDS).meta({ description: 'Whom it binds: no-one (a list with no effect of its own), one-institution, one-company, central-government, public-sector or market.' }),
    bindsLabel: z.string().meta({ description: 'Whom it binds, in words.' }),
    vendors: z.array(exportIdSchema).meta({ description: 'Ids of the vendors it names (see /data/vendors.json).' }),
    criterion: z.string().nullable().meta({ description: 'The test it applies instead of names; null when it only names vendors.' }),
    status: z.enum(MEASURE_STATUS_IDS).meta({ description: 'Where it stands on statusAsOf.' }),
    statusLabel: z.string().meta({ description: 'The status in words.' }),
    statusAsOf: daySchema.meta({ description: 'The day the status was last checked against the sources.' }),
    statusNote: z.string().nullable().meta({ description: 'The sentence that supports the status (always given since December 2026; null kept for compatibility).' }),
    deadline: partialDaySchema.nullable().meta({ description: 'The day by which a one-off measure was to be carried out; null when none was set.' }),
    supersededBy: exportIdSchema.nullable().meta({ description: 'For a superseded measure, the id of the measure that replaced it, when recorded; otherwise null.' }),
    corrections: z
      .array(z.object({ date: daySchema, note: z.string() }).strict())
      .meta({ description: 'Corrections of what the measure page said, oldest first.' }),
    stages: z
      .array(
        z
          .object({
            date: partialDaySchema.meta({ description: 'When the step happened, as precise as known.' }),
            stage: z.enum(MEASURE_STAGE_IDS).meta({ description: 'What happened.' }),
            entry: exportIdSchema.meta({ description: 'The id of the entry that records the step; its sources are the step’s sources.' }),
            entryUrl: urlSchema.meta({ description: 'The permanent URL of that entry.' }),
            note: z.string().nullable().meta({ description: 'Words on the step; null when none.' }),
          })
          .strict(),
      )
      .meta({ description: 'The lifecycle, oldest first.' }),
  })
  .strict()
  .meta({ id: 'Measure', description: 'One legal or administrative instrument, its status and its lifecycle.' });

/** `/data/measures.json`. */
export const measuresExportSchema = z
  .object({
    generated: z.iso.datetime().meta({ description: 'When this file was built (ISO 8601, UTC).' }),
    license: exportLicenseSchema,
    measures: z.array(exportMeasureSchema).meta({ description: 'Every measure, by jurisdiction, then by its first stage.' }),
  })
  .strict()
  .meta({ title: 'CCTV Restrictions Timeline: measures', description: 'Every measure recorded by the CCTV Restrictions Timeline.' });

/** The licence block. */
export type ExportLicense = z.output<typeof exportLicenseSchema>;
/** A source as exported inside an entry. */
export type ExportSource = z.output<typeof exportSourceSchema>;
/** An entry as exported. */
export type ExportEntry = z.output<typeof exportEntrySchema>;
/** `/data/entries.json`. */
export type EntriesExport = z.output<typeof entriesExportSchema>;
/** A vendor as exported. */
export type ExportVendor = z.output<typeof exportVendorSchema>;
/** `/data/vendors.json`. */
export type VendorsExport = z.output<typeof vendorsExportSchema>;
/** A source record as exported. */
export type ExportSourceRecord = z.output<typeof exportSourceRecordSchema>;
/** `/data/sources.json`. */
export type SourcesExport = z.output<typeof sourcesExportSchema>;
/** A measure as exported. */
export type ExportMeasure = z.output<typeof exportMeasureSchema>;
/** `/data/measures.json`. */
export type MeasuresExport = z.output<typeof measuresExportSchema>;

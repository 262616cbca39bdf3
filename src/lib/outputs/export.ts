/**
 * The data downloads: turns the checked collections into the public data contract of
 * `src/schemas/export.ts` (JSON) and into spreadsheet rows (CSV). Every function here is pure;
 * URLs come from the caller's bound path helpers.
 */
import { LICENSE, SITE_NAME } from '../site/site.ts';
import type { Entry } from '../../schemas/entry.ts';
import type {
  EntriesExport,
  ExportEntry,
  ExportLicense,
  ExportSource,
  ExportSourceRecord,
  ExportMeasure,
  ExportVendor,
  MeasuresExport,
  SourcesExport,
  VendorsExport,
} from '../../schemas/export.ts';
import type { Source } from '../../schemas/source.ts';
import type { CoverageArea } from '../../schemas/site.ts';
import type { Vendor } from '../../schemas/vendor.ts';
import type { Jurisdiction } from '../../schemas/jurisdiction.ts';
import { measureBindsInfo, measureKindInfo, measuresOfEntry, measureStatusInfo, type MeasureRecord } from '../model/measures.ts';
import { entriesNaming } from '../model/entities.ts';
import { groupRelations } from '../model/relations.ts';
import { compareDates } from '../model/dates.ts';
import { vendorIds } from '../model/vendor-basis.ts';

/** The licence of all text and data. */
export const DATA_LICENSE: ExportLicense = {
  id: LICENSE.id,
  name: LICENSE.name,
  url: LICENSE.url,
  attribution: `${SITE_NAME}, with the permanent URL of each entry you use.`,
};

/** An entry as the site holds it: its id and checked front matter. */
export interface EntryLike {
  id: string;
  data: Entry;
  /** For each paragraph of the body, the sources its inline citations name (from the body's compile). */
  paragraphs?: readonly (readonly string[])[] | undefined;
}

/** What the exports are made from: checked collections and URL makers bound to the site. */
export interface DatasetInput {
  /** Entries, oldest first. */
  entries: readonly EntryLike[];
  sources: ReadonlyMap<string, Source>;
  vendors: ReadonlyMap<string, Vendor>;
  jurisdictions: ReadonlyMap<string, Jurisdiction>;
  /** Measures, in the order they are listed. */
  measures: readonly MeasureRecord[];
  /** The last day events were reviewed (`src/content/site.yaml`), when the record says. */
  coverageThrough?: string | undefined;
  /** How current the record is, part by part. */
  coverage?: readonly CoverageArea[] | undefined;
  /** The absolute permanent URL of an entry page. */
  entryUrl(id: string): string;
  /** The absolute URL of a vendor page. */
  vendorUrl(id: string): string;
  /** The absolute URL of a measure page. */
  measureUrl(id: string): string;
}

/** What an entry links to beyond its own fields: relations from both sides and the measures it is a stage of. */
export type EntryLinks = Pick<ExportEntry, 'related' | 'relations' | 'measures'>;

/**
 * An entry's relations (written by it or by the other entry) and measure stages, as exported.
 * Relations come grouped by type, each group in date order of the other entries.
 */
export function entryLinks(entry: EntryLike & { date: string }, entries: readonly (EntryLike & { date: string })[], measures: readonly MeasureRecord[]): EntryLinks {
  const relations = groupRelations(entry.id, entries).flatMap((g) => g.items.map((other) => ({ entry: other.id, type: g.type, direction: g.direction, label: g.label })));
  return {
    related: [...new Set(relations.map((r) => r.entry))],
    relations,
    measures: measuresOfEntry(entry.id, measures).flatMap(({ measure, stages }) => stages.map((s) => ({ measure: measure.id, stage: s.stage, date: s.date }))),
  };
}

/**
 * A source with every field present (`null` when unknown), so that columns are stable.
 * @example exportSource('rule', { title: 'Rule', publisher: 'BIS', kind: 'primary' }).url // null
 */
export function exportSource(id: string, source: Source): ExportSource {
  return {
    id,
    title: source.title,
    publisher: source.publisher,
    via: source.via ?? null,
    stateMedia: source.stateMedia ?? false,
    author: source.author ?? null,
    published: source.published ?? null,
    url: source.url ?? null,
    archiveUrl: source.archiveUrl ?? null,
    archived: source.archived ?? null,
    noUrl: source.noUrl ?? null,
    urlStatus: source.urlStatus ? { status: source.urlStatus.status, checked: source.urlStatus.checked, movedTo: source.urlStatus.movedTo ?? null } : null,
    accessed: source.accessed ?? null,
    kind: source.kind,
    note: source.note ?? null,
  };
}

/**
 * One entry in the public shape, with its sources resolved. Throws on a source id that is not
 * in `sources`, which the content check has already ruled out.
 */
export function exportEntry(entry: EntryLike, sources: ReadonlyMap<string, Source>, url: string, links?: EntryLinks): ExportEntry {
  const { data } = entry;
  const own = links ?? entryLinks({ ...entry, date: data.date }, [{ ...entry, date: data.date }], []);
  return {
    id: entry.id,
    url,
    title: data.title,
    summary: data.summary,
    date: data.date,
    datePrecision: data.datePrecision,
    endDate: data.endDate ?? null,
    dates: data.dates.map((d) => ({ kind: d.kind, date: d.date, note: d.note ?? null })),
    category: data.category,
    verification: data.verification,
    verificationNote: data.verificationNote,
    jurisdictions: [...data.jurisdictions],
    vendors: vendorIds(data.vendors),
    vendorLinks: data.vendors.map((v) => ({ id: v.id, basis: v.basis ?? null })),
    bodies: [...data.bodies],
    related: own.related,
    relations: own.relations,
    measures: own.measures,
    clarifications: data.clarifications.map((c) => ({ claim: c.claim, fact: c.fact })),
    published: data.published,
    updated: data.updated ?? data.published,
    corrections: data.corrections.map((c) => ({ date: c.date, note: c.note })),
    version: data.corrections.length + 1,
    versionUrl: `${url}v/${data.corrections.length + 1}/`,
    sources: data.sources.map((id) => {
      const source = sources.get(id);
      if (!source) throw new Error(`entry ${entry.id} cites unknown source ${id}`);
      return exportSource(id, source);
    }),
    paragraphs: (entry.paragraphs ?? []).map((cited) => ({ sources: [...cited] })),
  };
}

/** Every entry in the public shape, in the order given. */
export function exportEntries(input: DatasetInput): ExportEntry[] {
  const dated = input.entries.map((e) => ({ ...e, date: e.data.date }));
  return dated.map((e) => exportEntry(e, input.sources, input.entryUrl(e.id), entryLinks(e, dated, input.measures)));
}

/** One measure in the public shape. */
function exportMeasure(measure: MeasureRecord, input: Pick<DatasetInput, 'entryUrl' | 'measureUrl'>): ExportMeasure {
  const { data } = measure;
  return {
    id: measure.id,
    url: input.measureUrl(measure.id),
    name: data.name,
    shortName: data.shortName,
    aliases: [...data.aliases],
    jurisdiction: data.jurisdiction,
    issuedBy: [...data.issuedBy],
    kind: data.kind,
    kindLabel: measureKindInfo(data.kind).label,
    scope: data.scope,
    binds: data.binds,
    bindsLabel: measureBindsInfo(data.binds).label,
    vendors: [...data.vendors],
    criterion: data.criterion ?? null,
    status: data.status,
    statusLabel: measureStatusInfo(data.status).label,
    statusAsOf: data.statusAsOf,
    statusNote: data.statusNote,
    deadline: data.deadline ?? null,
    supersededBy: data.supersededBy ?? null,
    corrections: data.corrections.map((c) => ({ date: c.date, note: c.note })),
    stages: [...data.stages]
      .sort((a, b) => compareDates(a.date, b.date))
      .map((s) => ({ date: s.date, stage: s.stage, entry: s.entry, entryUrl: input.entryUrl(s.entry), note: s.note ?? null })),
  };
}

/** `/data/measures.json`: every measure with its stages. */
export function buildMeasuresExport(input: DatasetInput, generated: Date): MeasuresExport {
  return { generated: generated.toISOString(), license: DATA_LICENSE, measures: input.measures.map((m) => exportMeasure(m, input)) };
}

/** One CSV column of `/data/measures.csv`. */
export interface MeasureCsvColumn {
  name: string;
  description: string;
  value(measure: ExportMeasure): string;
}

/** The columns of `/data/measures.csv`, in order. */
export const MEASURE_CSV_COLUMNS: readonly MeasureCsvColumn[] = [
  { name: 'id', description: 'The measure id.', value: (m) => m.id },
  { name: 'url', description: 'The measure page.', value: (m) => m.url },
  { name: 'shortName', description: 'A short name.', value: (m) => m.shortName },
  { name: 'name', description: 'The full name of the instrument.', value: (m) => m.name },
  { name: 'aliases', description: 'Other names and numbers.', value: (m) => m.aliases.join(CSV_LIST_SEPARATOR) },
  { name: 'jurisdiction', description: 'The jurisdiction id.', value: (m) => m.jurisdiction },
  { name: 'issuedBy', description: 'Ids of the issuing bodies.', value: (m) => m.issuedBy.join(CSV_LIST_SEPARATOR) },
  { name: 'kind', description: 'The kind id.', value: (m) => m.kind },
  { name: 'binds', description: 'Whom it binds (no-one, one-institution, one-company, central-government, public-sector or market).', value: (m) => m.binds },
  { name: 'status', description: 'The status id.', value: (m) => m.status },
  { name: 'statusAsOf', description: 'The day the status was last checked.', value: (m) => m.statusAsOf },
  { name: 'statusNote', description: 'The sentence that supports the status.', value: (m) => m.statusNote ?? '' },
  { name: 'vendors', description: 'Ids of the vendors it names.', value: (m) => m.vendors.join(CSV_LIST_SEPARATOR) },
  { name: 'criterion', description: 'The test it applies instead of names; empty when none.', value: (m) => m.criterion ?? '' },
  { name: 'scope', description: 'Who is bound, and which equipment.', value: (m) => m.scope },
  { name: 'stages', description: 'The lifecycle as "date stage entry-id", oldest first.', value: (m) => m.stages.map((s) => `${s.date} ${s.stage} ${s.entry}`).join(CSV_LIST_SEPARATOR) },
];

/** `/data/measures.csv` as rows of cells: the header row first, then one row per measure. */
export function measuresCsvRows(input: DatasetInput): string[][] {
  return [MEASURE_CSV_COLUMNS.map((c) => c.name), ...input.measures.map((m) => { const e = exportMeasure(m, input); return MEASURE_CSV_COLUMNS.map((c) => c.value(e)); })];
}

/** `/data/entries.json`. `generated` is the build's declared timestamp. */
export function buildEntriesExport(input: DatasetInput, generated: Date): EntriesExport {
  const coverage = (input.coverage ?? []).map((c) => ({ area: c.area, jurisdictions: [...c.jurisdictions], through: c.through, reviewed: c.reviewed, method: c.method, gaps: c.gaps ?? null }));
  return { generated: generated.toISOString(), license: DATA_LICENSE, coverageThrough: input.coverageThrough ?? null, coverage, entries: exportEntries(input) };
}

/** `/data/vendors.json`: every vendor with the ids of its entries. */
export function buildVendorsExport(input: DatasetInput, generated: Date): VendorsExport {
  const naming = entriesNaming(input.entries, 'vendors');
  const vendors: ExportVendor[] = [...input.vendors].map(([id, v]) => ({
    id,
    url: input.vendorUrl(id),
    name: v.name,
    nameZh: v.nameZh ?? null,
    legalNameEn: v.legalNameEn ?? null,
    legalNameZh: v.legalNameZh ?? null,
    aliases: [...v.aliases],
    headquarters: v.headquarters,
    country: v.country,
    description: v.description,
    website: v.website ?? null,
    entries: (naming.get(id) ?? []).map((e) => e.id),
  }));
  return { generated: generated.toISOString(), license: DATA_LICENSE, vendors };
}

/**
 * `/data/sources.json`: every source with the ids of the entries that cite it; `citedBy`, when
 * given, also counts entries whose kept earlier version cites it (the site's `citedBy`).
 */
export function buildSourcesExport(input: DatasetInput, generated: Date, citedBy?: ReadonlyMap<string, readonly { id: string }[]>): SourcesExport {
  const citing = citedBy ?? entriesNaming(input.entries, 'sources');
  const sources: ExportSourceRecord[] = [...input.sources].map(([id, s]) => ({
    ...exportSource(id, s),
    citedBy: (citing.get(id) ?? []).map((e) => e.id),
  }));
  return { generated: generated.toISOString(), license: DATA_LICENSE, sources };
}

/** The separator of list values inside one CSV cell. */
export const CSV_LIST_SEPARATOR = '; ';

/** One CSV column: its header, what it holds, and how a cell is made. */
export interface CsvColumn {
  name: string;
  description: string;
  value(entry: ExportEntry, input: DatasetInput): string;
}

const list = (values: readonly string[]) => values.join(CSV_LIST_SEPARATOR);

/** A vendor's name with its Chinese short name, e.g. `Hikvision (海康威视)`. */
function vendorLabel(id: string, vendors: ReadonlyMap<string, Vendor>): string {
  const v = vendors.get(id);
  if (!v) return id;
  return v.nameZh ? `${v.name} (${v.nameZh})` : v.name;
}

/** The columns of `/data/entries.csv`, in order. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', description: 'The entry id.', value: (e) => e.id },
  { name: 'url', description: 'The permanent URL of the entry page.', value: (e) => e.url },
  { name: 'date', description: 'The main date of the event (YYYY, YYYY-MM or YYYY-MM-DD).', value: (e) => e.date },
  { name: 'datePrecision', description: 'year, month or day.', value: (e) => e.datePrecision },
  { name: 'endDate', description: 'The last date of an event that spans time; empty otherwise.', value: (e) => e.endDate ?? '' },
  { name: 'dates', description: 'Other dates as "kind date", e.g. "effective 2023-01-01".', value: (e) => list(e.dates.map((d) => `${d.kind} ${d.date}`)) },
  { name: 'title', description: 'The headline.', value: (e) => e.title },
  { name: 'summary', description: 'One or two sentences.', value: (e) => e.summary },
  { name: 'category', description: 'The category id.', value: (e) => e.category },
  { name: 'verification', description: 'confirmed, reported or disputed.', value: (e) => e.verification },
  { name: 'jurisdictions', description: 'Jurisdiction ids.', value: (e) => list(e.jurisdictions) },
  { name: 'jurisdictionNames', description: 'Jurisdiction names, in the order of jurisdictions.', value: (e, i) => list(e.jurisdictions.map((id) => i.jurisdictions.get(id)?.name ?? id)) },
  { name: 'vendors', description: 'Vendor ids.', value: (e) => list(e.vendors) },
  { name: 'vendorNames', description: 'Vendor names with their Chinese short names, in the order of vendors.', value: (e, i) => list(e.vendors.map((id) => vendorLabel(id, i.vendors))) },
  { name: 'vendorBases', description: 'Why the entry concerns each vendor (named, reported or context), in the order of vendors.', value: (e) => list(e.vendorLinks.map((v) => v.basis ?? '')) },
  { name: 'bodies', description: 'Ids of the people and institutions that acted.', value: (e) => list(e.bodies) },
  { name: 'related', description: 'Ids of related entries, from either side.', value: (e) => list(e.related) },
  { name: 'relations', description: 'Typed relations as "label: entry-id", e.g. "Responds to: 2022-11-24-…".', value: (e) => list(e.relations.map((r) => `${r.label}: ${r.entry}`)) },
  { name: 'measures', description: 'Measure stages this entry records, as "measure-id stage".', value: (e) => list(e.measures.map((m) => `${m.measure} ${m.stage}`)) },
  { name: 'sources', description: 'Source ids, primary first.', value: (e) => list(e.sources.map((s) => s.id)) },
  { name: 'sourceUrls', description: 'For each source, its URL (or its archived copy when only that is known).', value: (e) => list(e.sources.map((s) => s.url ?? s.archiveUrl ?? '')) },
  { name: 'sourceArchives', description: 'For each source, its archived copy and the day it was captured ("address (captured YYYY-MM-DD)"); empty where none is recorded.', value: (e) => list(e.sources.map((s) => (s.archiveUrl ? `${s.archiveUrl} (captured ${s.archived ?? 'unknown'})` : ''))) },
  { name: 'published', description: 'The day the entry was first published.', value: (e) => e.published },
  { name: 'updated', description: 'The day the entry last changed in substance.', value: (e) => e.updated },
  { name: 'corrections', description: 'The corrections log as "date: note"; the JSON keeps each note separate.', value: (e) => list(e.corrections.map((c) => `${c.date}: ${c.note}`)) },
  { name: 'version', description: 'The number of the current version: 1 as first published, one more for each correction.', value: (e) => String(e.version) },
  { name: 'versionUrl', description: 'The permanent URL of this version, which keeps its text after later corrections.', value: (e) => e.versionUrl },
];

/** `/data/entries.csv` as rows of cells: the header row first, then one row per entry. */
export function entriesCsvRows(input: DatasetInput): string[][] {
  const entries = exportEntries(input);
  return [CSV_COLUMNS.map((c) => c.name), ...entries.map((e) => CSV_COLUMNS.map((c) => c.value(e, input)))];
}

/** The path helpers the exports need (a subset of `SitePaths`). */
export interface ExportPaths {
  path(relative?: string): string;
  absolute(path: string): string;
  entry(id: string): string;
  vendor(id: string): string;
  measure(id: string): string;
}

/**
 * Binds the site's data to its URLs.
 * @example datasetInput(await getSiteData(), paths).entryUrl('x') // 'https://…/entries/x/'
 */
export function datasetInput(
  site: Pick<DatasetInput, 'entries' | 'sources' | 'vendors' | 'jurisdictions' | 'coverageThrough' | 'coverage'> & { measures?: readonly MeasureRecord[] },
  paths: ExportPaths,
): DatasetInput {
  return {
    entries: site.entries,
    sources: site.sources,
    vendors: site.vendors,
    jurisdictions: site.jurisdictions,
    measures: site.measures ?? [],
    coverageThrough: site.coverageThrough,
    coverage: site.coverage,
    entryUrl: (id) => paths.absolute(paths.entry(id)),
    vendorUrl: (id) => paths.absolute(paths.vendor(id)),
    measureUrl: (id) => paths.absolute(paths.measure(id)),
  };
}

/** The downloads of the dataset, by file name under `/data/`, with what each holds. */
export const DATA_FILES = [
  { file: 'entries.json', format: 'JSON', description: 'Every entry with its sources resolved.', schema: 'entries.schema.json' },
  { file: 'entries.csv', format: 'CSV', description: 'One row per entry, for spreadsheets.', schema: undefined },
  { file: 'vendors.json', format: 'JSON', description: 'Every vendor, with names in English and Chinese and the ids of its entries.', schema: 'vendors.schema.json' },
  { file: 'sources.json', format: 'JSON', description: 'Every source, with the ids of the entries that cite it, its archived copy and the last check of its address.', schema: 'sources.schema.json' },
  { file: 'sources.csl.json', format: 'CSL-JSON', description: 'Every source as citation data for reference managers (Zotero, citeproc): its archived copy as archive and archive_location, and the day it was last read as accessed.', schema: undefined },
  { file: 'measures.json', format: 'JSON', description: 'Every measure: its scope, status with the day it was checked, and its lifecycle, each stage pointing at its entry.', schema: 'measures.schema.json' },
  { file: 'measures.csv', format: 'CSV', description: 'One row per measure, for spreadsheets.', schema: undefined },
] as const;

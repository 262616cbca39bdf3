/**
 * The one module that touches Astro's content collections. It hands the rest of the site plain,
 * sorted data. The content was checked as Astro loaded it (src/integrations/content-layer.ts): a
 * build with a problem never gets here, and under `astro dev` every page fails with the problems
 * the last change left, naming file and field, until they are fixed.
 */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import type { Body } from '../schemas/body.ts';
import type { Entry } from '../schemas/entry.ts';
import type { Jurisdiction } from '../schemas/jurisdiction.ts';
import type { Measure } from '../schemas/measure.ts';
import type { Permalinks } from '../schemas/permalinks.ts';
import type { Source } from '../schemas/source.ts';
import type { SynonymGroup } from '../schemas/synonyms.ts';
import type { Vendor } from '../schemas/vendor.ts';
import { coverageThrough, type CoverageArea } from '../schemas/site.ts';
import { createPaths } from '../lib/site/paths.ts';
import { reportAddress, type ReportAddress } from '../lib/site/site.ts';
import { sortChronologically } from '../lib/model/timeline.ts';
import { sortMeasures } from '../lib/model/measures.ts';
import { entriesNaming } from '../lib/model/entities.ts';

/** An entry: its id, its date (for ordering) and its checked front matter. */
export interface EntryRecord {
  id: string;
  date: string;
  data: Entry;
}

/** Everything the pages need, in plain data. */
export interface SiteData {
  /** Entries, oldest first. */
  entries: EntryRecord[];
  /** The same entries by id, for pages that look one up. */
  entryById: ReadonlyMap<string, EntryRecord>;
  sources: Map<string, Source>;
  /** The entries that cite each source, oldest first, by source id. */
  citedBy: ReadonlyMap<string, EntryRecord[]>;
  vendors: Map<string, Vendor>;
  jurisdictions: Map<string, Jurisdiction>;
  bodies: Map<string, Body>;
  /** Measures, by jurisdiction, then by their first stage. */
  measures: { id: string; data: Measure }[];
  /** The same measures by id. */
  measureById: ReadonlyMap<string, { id: string; data: Measure }>;
  /** The permalink registry (`src/content/permalinks.yaml`). */
  permalinks: Permalinks;
  /** The synonym groups (`src/content/synonyms.yaml`), in file order. */
  synonyms: SynonymGroup[];
  /** The last day events were reviewed (`src/content/site.yaml`); undefined in trees without one. */
  coverageThrough: string | undefined;
  /** How current the record is, part by part (`src/content/site.yaml`). */
  coverage: readonly CoverageArea[];
  /** Where readers report errors. */
  report: ReportAddress | undefined;
  /** The build's declared timestamp. */
  buildDate: Date;
}

const toMap = <T>(items: { id: string; data: T }[]) =>
  new Map(items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((i) => [i.id, i.data] as const));

/** An earlier version of an entry: the snapshot of its file before a correction. */
export interface VersionRecord {
  /** The entry's id. */
  id: string;
  /** The version's number: 1 as first published. */
  n: number;
  /** The front matter the entry had then. */
  data: Entry;
}

let cached: Promise<SiteData> | undefined;
let versionEntries: Promise<Map<string, CollectionEntry<'versions'>>> | undefined;

/** The snapshots by `<entry id>/<n>`, read once. */
function versionsById(): Promise<Map<string, CollectionEntry<'versions'>>> {
  versionEntries ??= getCollection('versions').then((all) => new Map(all.map((v) => [v.id, v])));
  return versionEntries;
}

let versionLists: Promise<Map<string, VersionRecord[]>> | undefined;

/** The earlier versions (snapshots) of every entry, by entry id, oldest first; built once. */
export function getVersions(): Promise<Map<string, VersionRecord[]>> {
  versionLists ??= versionsById().then((snapshots) => {
    const out = new Map<string, VersionRecord[]>();
    for (const v of snapshots.values()) {
      const [id, n] = v.id.split('/');
      const list = out.get(id!) ?? [];
      list.push({ id: id!, n: Number(n), data: v.data });
      out.set(id!, list);
    }
    for (const list of out.values()) list.sort((a, b) => a.n - b.n);
    return out;
  });
  return versionLists;
}

/** Renders the body of an earlier version. */
export async function renderVersion(id: string, n: number): Promise<Awaited<ReturnType<typeof render>>> {
  const version = (await versionsById()).get(`${id}/${n}`);
  if (!version) throw new Error(`no version ${n} of entry ${id}`);
  return render(version);
}
let collectionEntries: Promise<Map<string, CollectionEntry<'entries'>>> | undefined;

/** The collection's entries by id, read once: each page renders its own body from here. */
function entriesById(): Promise<Map<string, CollectionEntry<'entries'>>> {
  collectionEntries ??= getCollection('entries').then((all) => new Map(all.map((e) => [e.id, e])));
  return collectionEntries;
}

/**
 * Throws with every content problem found under `astro dev`, so that the dev server shows the
 * problems instead of a page built from the last good text. A build or sync stops before any page
 * when there is one (src/integrations/content-layer.ts), so outside dev the check would only look
 * up an empty list for every page.
 */
async function refuseProblems(): Promise<void> {
  if (!import.meta.env.DEV) return;
  const found = (await getEntry('problems', 'problems'))?.data.problems ?? [];
  if (found.length > 0) throw new Error(`Content check failed with ${found.length} problem${found.length === 1 ? '' : 's'}:\n${found.map((p) => `  ${p}`).join('\n')}`);
}

/**
 * Adds to the entries that cite each source those whose kept earlier version cites it (a source a
 * correction removed is still listed on that version's page), each entry once, in timeline order.
 */
function withVersionCitations(citedBy: Map<string, EntryRecord[]>, entries: readonly EntryRecord[], versions: ReadonlyMap<string, CollectionEntry<'versions'>>): Map<string, EntryRecord[]> {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const order = new Map(entries.map((e, i) => [e.id, i]));
  for (const [key, snapshot] of versions) {
    const entry = byId.get(key.slice(0, key.lastIndexOf('/')));
    if (!entry) continue;
    for (const source of snapshot.data.sources) {
      const list = citedBy.get(source) ?? [];
      if (!list.includes(entry)) list.push(entry);
      citedBy.set(source, list);
    }
  }
  for (const list of citedBy.values()) list.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return citedBy;
}

/** Loads and sorts every collection once per build. */
export async function getSiteData(): Promise<SiteData> {
  await refuseProblems();
  cached ??= (async () => {
    const [entryMap, sources, vendors, jurisdictions, bodies, measures, synonyms, siteRecord, permalinks] = await Promise.all([
      entriesById(),
      getCollection('sources'),
      getCollection('vendors'),
      getCollection('jurisdictions'),
      getCollection('bodies'),
      getCollection('measures'),
      getCollection('synonyms'),
      // One record, absent from some trees: getEntry, unlike getCollection, says nothing when it is missing.
      getEntry('site', 'site'),
      getEntry('permalinks', 'permalinks'),
    ]);
    const entries = sortChronologically([...entryMap.values()].map((e) => ({ id: e.id, date: e.data.date, data: e.data })));
    const sortedMeasures = sortMeasures(measures.map((m) => ({ id: m.id, data: m.data })));
    return {
      entries,
      entryById: new Map(entries.map((e) => [e.id, e])),
      citedBy: withVersionCitations(entriesNaming(entries, 'sources'), entries, await versionsById()),
      sources: toMap(sources),
      vendors: toMap(vendors),
      jurisdictions: toMap(jurisdictions),
      bodies: toMap(bodies),
      measures: sortedMeasures,
      measureById: new Map(sortedMeasures.map((m) => [m.id, m])),
      permalinks: permalinks?.data ?? { published: [], redirects: {}, versions: {} },
      synonyms: synonyms.map((s) => s.data),
      coverageThrough: siteRecord ? coverageThrough(siteRecord.data) : undefined,
      coverage: siteRecord?.data.coverage ?? [],
      report: reportTarget(siteRecord?.data),
      buildDate: new Date(import.meta.env.BUILD_DATE),
    };
  })();
  return cached;
}

const renderedEntries = new Map<string, ReturnType<typeof render>>();

/**
 * Renders an entry's MDX body, once per entry: the entry page and the data downloads both ask, and
 * each `render` goes through a dynamic import of the compiled body.
 */
export async function renderEntry(id: string): Promise<Awaited<ReturnType<typeof render>>> {
  await refuseProblems();
  const cached = renderedEntries.get(id);
  if (cached && !import.meta.env.DEV) return cached;
  const entry = (await entriesById()).get(id);
  if (!entry) throw new Error(`no entry with id ${id}`);
  const rendered = render(entry);
  renderedEntries.set(id, rendered);
  return rendered;
}

/**
 * For each entry, the sources that each paragraph of its body cites, in order (from the body's
 * compile: src/lib/content/entry-body.ts); empty for a body without inline citations.
 */
export async function getParagraphSources(): Promise<Map<string, string[][]>> {
  const out = new Map<string, string[][]>();
  for (const id of (await entriesById()).keys()) {
    const { remarkPluginFrontmatter } = await renderEntry(id);
    const citations = (remarkPluginFrontmatter as { citations?: unknown }).citations;
    out.set(id, Array.isArray(citations) ? (citations as string[][]) : []);
  }
  return out;
}

/**
 * Where readers report errors: `REPORT_URL` when the deployment sets it, else the site record's
 * `errorReports`; undefined only for a content tree without a site record.
 */
function reportTarget(siteRecord: { errorReports: string } | undefined): ReportAddress | undefined {
  return reportAddress({ REPORT_URL: import.meta.env.REPORT_URL }) ?? (siteRecord ? reportAddress({ REPORT_URL: siteRecord.errorReports }) : undefined);
}

/** Path helpers bound to this build's base path and site URL. */
export const paths = createPaths(import.meta.env.BASE_URL, import.meta.env.SITE ?? 'http://localhost:4321');

/**
 * Each entry's body as written (Markdown prose), for build-time text such as search suggestions;
 * the inline citations are markup, not words of the text, and are left out.
 */
export async function entryBodies(): Promise<string[]> {
  return [...(await entriesById()).values()].map((e) => (e.body ?? '').replace(/<Cite\b[^>]*\/>/g, ''));
}

/**
 * The body of version `n` of an entry as written (MDX source, as the content layer stores it): a
 * snapshot's for an earlier version, the entry's own for the current one. For the diff a version
 * page shows (src/lib/content/version-diff.ts).
 */
export async function versionBody(id: string, n: number): Promise<string> {
  const snapshot = (await versionsById()).get(`${id}/${n}`);
  if (snapshot) return snapshot.body ?? '';
  const entry = (await entriesById()).get(id);
  if (!entry || n !== entry.data.corrections.length + 1) throw new Error(`no version ${n} of entry ${id}`);
  return entry.body ?? '';
}

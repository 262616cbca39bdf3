/**
 * The rules across records, run once over the loaded collections (src/integrations/content-layer.ts
 * runs them in `astro build`, `astro dev` and `astro sync` alike): references resolve, ids are
 * unique, dates agree with each other and with today, sources are ordered and cited, the permalink
 * registry and the versions are whole, and the editorial rules hold. Every rule about one record
 * alone is in that record's schema (src/schemas), applied as the file is loaded. Every problem is
 * one line that names the file, the field and what is wrong.
 */
import type { Body } from '../../schemas/body.ts';
import type { Entry } from '../../schemas/entry.ts';
import type { Jurisdiction } from '../../schemas/jurisdiction.ts';
import type { Measure } from '../../schemas/measure.ts';
import type { Permalinks } from '../../schemas/permalinks.ts';
import type { SiteRecord } from '../../schemas/site.ts';
import type { Source } from '../../schemas/source.ts';
import type { SynonymGroup } from '../../schemas/synonyms.ts';
import type { Syndicators } from '../../schemas/syndicators.ts';
import type { Vendor } from '../../schemas/vendor.ts';
import type { VendorLink } from '../../schemas/vendor-link.ts';
import { dateSortKey, precisionOf } from '../model/dates.ts';
import { checkVersions, parseVersionPath, VERSIONS_FOLDER } from './versions.ts';
import { copyDomainOf } from './copy-domains.ts';
import { checkEditorialRules } from './editorial-rules.ts';
import { measureEvidenceProblems, type StageEvidence } from './measure-evidence.ts';

/** A record that passed its schema: its id (the file name), its path for messages, and its data. */
export interface Checked<T> {
  id: string;
  file: string;
  data: T;
}

/** An entry as loaded: its front matter and its body as written. */
export interface LoadedEntry extends Checked<Entry> {
  body?: string | undefined;
}

/** A file that is one record (the permalink registry, the site record, …). */
export interface Single<T> {
  file: string;
  data: T;
}

/** The content as Astro's loaders loaded it, every record already through its schema. */
export interface LoadedContent {
  entries: LoadedEntry[];
  sources: Checked<Source>[];
  vendors: Checked<Vendor>[];
  jurisdictions: Checked<Jurisdiction>[];
  bodies: Checked<Body>[];
  measures: Checked<Measure>[];
  /** Snapshots of earlier versions; `id` is `<entry id>/<n>`. */
  versions: Checked<Entry>[];
  permalinks?: Single<Permalinks> | undefined;
  synonyms?: Single<Record<string, SynonymGroup>> | undefined;
  syndicators?: Single<Syndicators> | undefined;
  site?: Single<SiteRecord> | undefined;
  /**
   * Ids of records whose file failed to load (already reported): references to them are not
   * reported again, so one bad file gives one problem.
   */
  failed?: { [K in 'entries' | 'sources' | 'vendors' | 'jurisdictions' | 'bodies' | 'measures']?: readonly string[] };
  /** Every source file's data as written, for the rules that must run when its schema fails. */
  rawSources?: readonly { file: string; data: unknown }[];
}

/** The content after checking, as the build hands it on. */
export interface CheckedContent {
  entries: Checked<Entry>[];
  sources: Checked<Source>[];
  vendors: Checked<Vendor>[];
  jurisdictions: Checked<Jurisdiction>[];
  bodies: Checked<Body>[];
  measures: Checked<Measure>[];
  permalinks: Permalinks;
  /** The synonym groups by id (empty when the tree has no table). */
  synonyms: Record<string, SynonymGroup>;
  /** The site record, when the tree has one. */
  site?: SiteRecord;
}

/** The outcome of {@link checkContent}: problems (empty when all is well) and the content. */
export interface ContentReport {
  problems: string[];
  content: CheckedContent;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkIds(kind: string, records: readonly { id: string; file: string }[], problems: string[]): void {
  const seen = new Map<string, string>();
  for (const record of records) {
    if (!ID.test(record.id)) problems.push(`${record.file}: id: "${record.id}" is not a valid id; name the file with lower-case letters, digits and hyphens`);
    const first = seen.get(record.id);
    if (first !== undefined) problems.push(`${record.file}: id: duplicate ${kind} id "${record.id}" (also ${first})`);
    else seen.set(record.id, record.file);
  }
}

function knownList(ids: Iterable<string>): string {
  const sorted = [...ids].sort();
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')}, …` : sorted.join(', ');
}

function checkRefs(file: string, field: string, kind: string, ids: readonly string[], known: ReadonlySet<string>, problems: string[]): void {
  ids.forEach((id, index) => {
    if (!known.has(id)) problems.push(`${file}: ${field}[${index}]: unknown ${kind} "${id}" (known: ${knownList(known)})`);
  });
}

/** An entry's vendor links, written as a map (or, in old versions, a list), each pointing at a known vendor. */
function checkVendorLinks(file: string, links: readonly VendorLink[], known: ReadonlySet<string>, problems: string[]): void {
  links.forEach((link, index) => {
    const field = link.basis === undefined ? `vendors[${index}]` : `vendors.${link.id}`;
    if (!known.has(link.id)) problems.push(`${file}: ${field}: unknown vendor "${link.id}" (known: ${knownList(known)})`);
  });
}

const PRECISION_WORD = { year: 'a year', month: 'a month', day: 'a day' } as const;

/**
 * Checks the loaded content across records. `today` (an ISO day) is the build date, the latest
 * date any event, update, correction or source may carry.
 */
export function checkContent(loaded: LoadedContent, options: { today: string }): ContentReport {
  const problems: string[] = [];
  const { today } = options;
  const { entries, sources, vendors, jurisdictions, bodies, measures } = loaded;
  const snapshots = loaded.versions.filter((v) => parseVersionPath(`${v.id}.mdx`) !== undefined);
  const failed = (kind: keyof NonNullable<LoadedContent['failed']>) => loaded.failed?.[kind] ?? [];

  checkIds('entry', entries, problems);
  checkIds('source', sources, problems);
  checkIds('vendor', vendors, problems);
  checkIds('jurisdiction', jurisdictions, problems);
  checkIds('body', bodies, problems);
  checkIds('measure', measures, problems);

  const permalinks: Permalinks = loaded.permalinks?.data ?? { published: [], redirects: {}, versions: {} };
  const synonyms: Record<string, SynonymGroup> = loaded.synonyms?.data ?? {};
  if (loaded.synonyms) {
    const { file } = loaded.synonyms;
    // A term in two groups would tie the groups together without saying so.
    const groupOf = new Map<string, string>();
    for (const [id, group] of Object.entries(synonyms)) {
      group.terms.forEach((term, i) => {
        const key = term.toLowerCase();
        const other = groupOf.get(key);
        if (other === id) problems.push(`${file}: ${id}.terms[${i}]: "${term}" is listed twice in this group`);
        else if (other !== undefined) problems.push(`${file}: ${id}.terms[${i}]: "${term}" is also in group "${other}"; merge the groups or drop it from one`);
        else groupOf.set(key, id);
      });
    }
  }
  const syndicators = loaded.syndicators ? { file: loaded.syndicators.file, names: loaded.syndicators.data.syndicators } : undefined;
  const site = loaded.site?.data;

  // References resolve against every id on disk, so that one bad record does not make the
  // records that point at it fail too.
  const idsOf = (records: readonly { id: string }[], kind: keyof NonNullable<LoadedContent['failed']>) => new Set([...records.map((r) => r.id), ...failed(kind)]);
  const entryIds = idsOf(entries, 'entries');
  const sourceIds = idsOf(sources, 'sources');
  const vendorIds = idsOf(vendors, 'vendors');
  const jurisdictionIds = idsOf(jurisdictions, 'jurisdictions');
  const bodyIds = idsOf(bodies, 'bodies');
  const sourceKind = new Map(sources.map((s) => [s.id, s.data.kind]));
  const bodyOf = new Map(entries.map((r) => [r.file, r.body]));
  const cited = new Set<string>();

  for (const { id, file, data } of entries) {
    const precision = precisionOf(data.date);
    if (precision !== data.datePrecision) {
      problems.push(`${file}: datePrecision: "${data.datePrecision}" does not match date "${data.date}", which is ${PRECISION_WORD[precision]}`);
    }
    if (!id.startsWith(`${data.date}-`)) problems.push(`${file}: id: the file name "${id}" must start with the entry's date "${data.date}-"`);
    const start = dateSortKey(data.date);
    const notBefore = (field: string, value: string) => {
      if (dateSortKey(value) < start) problems.push(`${file}: ${field}: ${value} is before the entry's date ${data.date}`);
    };
    const notFuture = (field: string, value: string) => {
      if (dateSortKey(value) > today) problems.push(`${file}: ${field}: ${value} is in the future (today is ${today})`);
    };
    notFuture('date', data.date);
    if (data.endDate !== undefined) {
      notBefore('endDate', data.endDate);
      notFuture('endDate', data.endDate);
    }
    data.dates.forEach((d, i) => notFuture(`dates[${i}].date`, d.date));
    notBefore('published', data.published);
    notFuture('published', data.published);
    if (data.updated !== undefined) {
      notBefore('updated', data.updated);
      notFuture('updated', data.updated);
      if (data.updated < data.published) problems.push(`${file}: updated: ${data.updated} is before published ${data.published}`);
    }
    data.corrections.forEach((c, i) => {
      notBefore(`corrections[${i}].date`, c.date);
      notFuture(`corrections[${i}].date`, c.date);
    });

    checkRefs(file, 'jurisdictions', 'jurisdiction', data.jurisdictions, jurisdictionIds, problems);
    checkVendorLinks(file, data.vendors, vendorIds, problems);
    checkRefs(file, 'bodies', 'body', data.bodies, bodyIds, problems);
    checkRefs(file, 'sources', 'source', data.sources, sourceIds, problems);
    data.related.forEach((rel, i) => {
      if (rel.entry === id) problems.push(`${file}: related[${i}].entry: an entry cannot relate to itself`);
      else if (!entryIds.has(rel.entry)) problems.push(`${file}: related[${i}].entry: unknown entry "${rel.entry}" (known: ${knownList(entryIds)})`);
      const first = data.related.findIndex((r) => r.entry === rel.entry);
      if (first < i) problems.push(`${file}: related[${i}].entry: "${rel.entry}" is already related at related[${first}]; give each pair one relation`);
    });
    data.sources.forEach((s) => cited.add(s));

    const firstSecondary = data.sources.findIndex((s) => sourceKind.get(s) === 'secondary');
    if (firstSecondary !== -1) {
      data.sources.forEach((s, i) => {
        if (i > firstSecondary && sourceKind.get(s) === 'primary') {
          problems.push(`${file}: sources[${i}]: primary source "${s}" is listed after secondary source "${data.sources[firstSecondary]}"; list primary sources first`);
        }
      });
    }
    const body = bodyOf.get(file);
    if (body !== undefined && body.trim() === '') problems.push(`${file}: body: empty; write what happened, its context and the reactions below the front matter`);
  }

  checkRelationsWrittenOnce(entries, problems);
  const evidence = new Map(entries.map(({ id, data }) => [id, { verification: data.verification, hasPrimary: data.sources.some((s) => sourceKind.get(s) === 'primary') }]));
  const measureIds = new Set(measures.map((m) => m.id));
  checkMeasures(measures, { entryIds, jurisdictionIds, bodyIds, vendorIds, measureIds, evidence, today }, problems);
  for (const { file, data } of snapshots) {
    checkRefs(file, 'jurisdictions', 'jurisdiction', data.jurisdictions, jurisdictionIds, problems);
    checkVendorLinks(file, data.vendors, vendorIds, problems);
    checkRefs(file, 'bodies', 'body', data.bodies, bodyIds, problems);
    checkRefs(file, 'sources', 'source', data.sources, sourceIds, problems);
    checkRefs(file, 'related', 'entry', data.related.map((r) => r.entry), entryIds, problems);
    // An earlier version's sources stay cited: its page still lists them.
    data.sources.forEach((s) => cited.add(s));
  }

  const checkedIds = new Set(entries.map((e) => e.id));
  const registryFile = loaded.permalinks?.file ?? 'permalinks.yaml';
  const contentRoot = registryFile.includes('/') ? registryFile.slice(0, registryFile.lastIndexOf('/') + 1) : '';
  problems.push(
    ...checkVersions({
      entries: entries.map((e) => ({ id: e.id, file: e.file, corrections: e.data.corrections.length })),
      files: loaded.versions.map((v) => ({ file: v.file, relative: `${v.id}.mdx` })),
      published: permalinks.versions,
      registryFile,
      folder: `${contentRoot}${VERSIONS_FOLDER}`,
      unchecked: new Set([...entryIds].filter((id) => !checkedIds.has(id))),
    }),
  );

  for (const { file, data } of vendors) {
    if (!jurisdictionIds.has(data.country)) problems.push(`${file}: country: unknown jurisdiction "${data.country}" (known: ${knownList(jurisdictionIds)})`);
  }
  for (const { file, data } of bodies) {
    if (data.jurisdiction !== undefined && !jurisdictionIds.has(data.jurisdiction)) {
      problems.push(`${file}: jurisdiction: unknown jurisdiction "${data.jurisdiction}" (known: ${knownList(jurisdictionIds)})`);
    }
  }
  checkCopySites({ sources, vendors, bodies }, problems);
  for (const { file, data } of sources) {
    for (const field of ['published', 'archived', 'accessed'] as const) {
      const value = data[field];
      if (value !== undefined && dateSortKey(value) > today) problems.push(`${file}: ${field}: ${value} is in the future (today is ${today})`);
    }
  }
  // Which sources are cited is known only when every entry could be read.
  for (const { id, file } of failed('entries').length > 0 ? [] : sources) {
    if (!cited.has(id)) problems.push(`${file}: (file): source "${id}" is not cited by any entry; cite it or delete the file`);
  }

  if (loaded.permalinks) {
    const file = loaded.permalinks.file;
    permalinks.published.forEach((id, i) => {
      if (!entryIds.has(id) && permalinks.redirects[id] === undefined) {
        problems.push(`${file}: published[${i}]: published permalink "${id}" has neither an entry nor a redirect; restore the entry or add a redirect to the entry that replaced it`);
      }
    });
    for (const [from, to] of Object.entries(permalinks.redirects)) {
      if (!entryIds.has(to)) problems.push(`${file}: redirects.${from}: redirect target "${to}" is not an entry`);
      if (entryIds.has(from)) problems.push(`${file}: redirects.${from}: "${from}" is still an entry; remove the entry or the redirect`);
    }
  }

  problems.push(
    ...checkEditorialRules({
      entries,
      sources,
      rawSources: loaded.rawSources ?? [],
      ...(syndicators ? { syndicators } : {}),
      ...(site && loaded.site ? { coverage: { file: loaded.site.file, areas: site.coverage } } : {}),
    }),
  );

  return { problems, content: { entries, sources, vendors, jurisdictions, bodies, measures, permalinks, synonyms, ...(site ? { site } : {}) } };
}

/**
 * No address may point at a site that copies others' work (`src/lib/content/copy-domains.ts`): a source
 * cites the original without a `url` and names the copy in `via`; a vendor's or body's website
 * is its own.
 */
function checkCopySites(
  records: { sources: readonly Checked<Source>[]; vendors: readonly Checked<Vendor>[]; bodies: readonly Checked<Body>[] },
  problems: string[],
): void {
  const check = (file: string, field: string, url: string | undefined, advice: string) => {
    const domain = url === undefined ? undefined : copyDomainOf(url);
    if (domain !== undefined) problems.push(`${file}: ${field}: "${url}" is on ${domain}, a site that copies others' work (src/lib/content/copy-domains.ts); ${advice}`);
  };
  const cite = 'cite the original: leave url out and name the copy in via';
  for (const { file, data } of records.sources) {
    check(file, 'url', data.url, cite);
    check(file, 'archiveUrl', data.archiveUrl, 'give an archived copy of the original, or none');
  }
  for (const { file, data } of [...records.vendors, ...records.bodies]) check(file, 'website', data.website, 'give the organisation\'s own website, or none');
}

/**
 * A relation is written once, in one of its two entries, and shown on both: the same pair
 * written from both sides would show twice and could disagree on its type.
 */
function checkRelationsWrittenOnce(entries: readonly Checked<Entry>[], problems: string[]): void {
  const writtenBy = new Map(entries.map((e) => [e.id, e]));
  for (const { id, file, data } of entries) {
    data.related.forEach((rel, i) => {
      const other = writtenBy.get(rel.entry);
      // Each pair once: from the entry whose id sorts after the other's.
      if (!other || rel.entry >= id) return;
      const back = other.data.related.findIndex((r) => r.entry === id);
      if (back !== -1) {
        problems.push(`${file}: related[${i}]: the relation with "${rel.entry}" is also written in ${other.file} (related[${back}]); write each relation once, in one of the two entries`);
      }
    });
  }
}

interface KnownIds {
  entryIds: ReadonlySet<string>;
  jurisdictionIds: ReadonlySet<string>;
  bodyIds: ReadonlySet<string>;
  vendorIds: ReadonlySet<string>;
  measureIds: ReadonlySet<string>;
  /** What each entry offers as evidence for the stages that point at it. */
  evidence: ReadonlyMap<string, StageEvidence>;
  today: string;
}

/** References, stage order and dates of every measure. */
function checkMeasures(measures: readonly Checked<Measure>[], known: KnownIds, problems: string[]): void {
  for (const { file, data } of measures) {
    if (!known.jurisdictionIds.has(data.jurisdiction)) problems.push(`${file}: jurisdiction: unknown jurisdiction "${data.jurisdiction}" (known: ${knownList(known.jurisdictionIds)})`);
    checkRefs(file, 'issuedBy', 'body', data.issuedBy, known.bodyIds, problems);
    checkRefs(file, 'vendors', 'vendor', data.vendors, known.vendorIds, problems);
    if (data.vendors.length === 0 && data.criterion === undefined) problems.push(`${file}: vendors: name at least one vendor, or give a criterion for a measure that names none`);
    data.stages.forEach((stage, i) => {
      if (!known.entryIds.has(stage.entry)) problems.push(`${file}: stages[${i}].entry: unknown entry "${stage.entry}" (known: ${knownList(known.entryIds)})`);
      if (dateSortKey(stage.date) > known.today) problems.push(`${file}: stages[${i}].date: ${stage.date} is in the future (today is ${known.today})`);
      const previous = data.stages[i - 1];
      // Compared at the coarser of the two precisions: a stage dated only by its year ("2022") may follow one of April 2022.
      const common = Math.min(stage.date.length, previous?.date.length ?? 0);
      if (previous && stage.date.slice(0, common) < previous.date.slice(0, common)) {
        problems.push(`${file}: stages[${i}].date: ${stage.date} is before the previous stage's date ${previous.date}; list stages oldest first`);
      }
    });
    const last = data.stages.reduce((latest, s) => (dateSortKey(s.date) > dateSortKey(latest) ? s.date : latest), data.stages[0]!.date);
    if (data.statusAsOf < dateSortKey(last)) problems.push(`${file}: statusAsOf: ${data.statusAsOf} is before the last stage's date ${last}`);
    if (data.statusAsOf > known.today) problems.push(`${file}: statusAsOf: ${data.statusAsOf} is in the future (today is ${known.today})`);
    if (data.supersededBy !== undefined && !known.measureIds.has(data.supersededBy)) problems.push(`${file}: supersededBy: unknown measure "${data.supersededBy}" (known: ${knownList(known.measureIds)})`);
    if (data.supersededBy !== undefined && data.status !== 'superseded') problems.push(`${file}: supersededBy: given, but the status is "${data.status}"; set status to "superseded" or leave supersededBy out`);
    problems.push(...measureEvidenceProblems(file, data, known.evidence));
  }
}

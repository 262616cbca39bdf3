/**
 * Editorial rules about sources and verification that no single schema can see: who may be
 * named as a publisher, that one work is one source record, what a `confirmed` label needs, and
 * that the record says where it stops. Each problem is one line naming the file, the field and
 * the value, like the rest of the content check.
 */
import type { Entry } from '../../schemas/entry.ts';
import type { Source } from '../../schemas/source.ts';
import { dateSortKey } from '../model/dates.ts';

/** A record with the file it came from. */
interface Located<T> {
  id: string;
  file: string;
  data: T;
}

/** What the editorial rules look at. */
export interface EditorialInput {
  entries: readonly Located<Entry>[];
  /** Sources that passed their schema. */
  sources: readonly Located<Source>[];
  /** Every source file as written, for the rules that must run when the schema fails. */
  rawSources: readonly { file: string; data: unknown }[];
  /** Publisher names that are syndicators or aggregators, and the file that lists them. */
  syndicators?: { file: string; names: readonly string[] };
  /** The site record's coverage: each reviewed part's jurisdictions and the day its events were reviewed to. */
  coverage?: { file: string; areas: readonly { jurisdictions: readonly string[]; through: string }[] };
}

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The form of a URL two records are compared by: scheme and host lower-cased, no fragment, no
 * trailing slash. Anything that is not a URL is compared as written.
 * @example urlKey('https://Example.org/a/#top') // 'https://example.org/a'
 */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url.trim();
  }
}

/** A source names a publisher that is really a syndicator or aggregator. */
function syndicatorPublishers(input: EditorialInput, problems: string[]): void {
  if (!input.syndicators) return;
  const listed = new Map(input.syndicators.names.map((n) => [fold(n), n]));
  for (const { file, data } of input.sources) {
    if (listed.has(fold(data.publisher))) {
      problems.push(`${file}: publisher: "${data.publisher}" is a syndicator or aggregator (listed in ${input.syndicators.file}); name the organisation that published the work and put "${data.publisher}" in via`);
    }
  }
}

/** Two source records give the same address: one work, recorded twice. */
function duplicateUrls(input: EditorialInput, problems: string[]): void {
  const first = new Map<string, Located<Source>>();
  for (const source of input.sources) {
    if (source.data.url === undefined) continue;
    const key = urlKey(source.data.url);
    const earlier = first.get(key);
    if (earlier) problems.push(`${source.file}: url: "${source.data.url}" is also the url of source "${earlier.id}" (${earlier.file}); merge the two records into one`);
    else first.set(key, source);
  }
}

/** A `via` with no publisher: the record says where it was read but not whose work it is. */
function viaWithoutPublisher(input: EditorialInput, problems: string[]): void {
  for (const { file, data } of input.rawSources) {
    if (typeof data !== 'object' || data === null) continue;
    const { via, publisher } = data as { via?: unknown; publisher?: unknown };
    if (typeof via !== 'string' || via.trim() === '') continue;
    if (typeof publisher !== 'string' || publisher.trim() === '') {
      problems.push(`${file}: via: "${via.trim()}" says where the work was read, but publisher is missing; give the organisation that published it`);
    }
  }
}

/** What a `confirmed` entry rests on: a primary source, or two independent publishers, and not state media alone. */
function confirmedSupport(input: EditorialInput, problems: string[]): void {
  const byId = new Map(input.sources.map((s) => [s.id, s.data]));
  for (const { file, data } of input.entries) {
    if (data.verification !== 'confirmed') continue;
    const cited = data.sources.flatMap((id) => {
      const source = byId.get(id);
      return source ? [{ id, source }] : [];
    });
    // An unknown or invalid source is reported elsewhere; judging the rest would mislead.
    if (cited.length !== data.sources.length || cited.length === 0) continue;
    const hasPrimary = cited.some((c) => c.source.kind === 'primary');
    const publishers = new Set(cited.map((c) => fold(c.source.publisher)));
    if (!hasPrimary && publishers.size < 2) {
      problems.push(`${file}: verification: "confirmed" needs a primary source or sources from two independent publishers, but every source is from ${cited[0]!.source.publisher} (${cited.map((c) => c.id).join(', ')}); add one or mark the entry "reported"`);
    }
    if (cited.every((c) => c.source.stateMedia === true)) {
      problems.push(`${file}: sources: "confirmed" rests on state media alone (${cited.map((c) => c.id).join(', ')}); add a primary or independent source, or mark the entry "reported"`);
    }
  }
}

/** "report", "reported", "reports", "reportedly", "reporting" as a word. */
const REPORT_WORD = /\breport(?:ed|edly|s|ing)?\b/i;

/** "disputed", "denied", "denies", "contested", "rejected" and their forms, as a word. */
const DISPUTE_WORD = /\b(?:disput\w*|den(?:y|ies|ied|ial)|contest\w*|reject\w*)\b/i;

/**
 * A `reported` entry says so in words, in its note and in its summary, since readers of a
 * quotation, a feed item or a search result see the summary without the label; a `disputed` one
 * says in its summary that it is disputed or denied.
 */
function reportedInWords(input: EditorialInput, problems: string[]): void {
  for (const { file, data } of input.entries) {
    if (data.verification === 'reported' && !REPORT_WORD.test(data.verificationNote)) {
      problems.push(`${file}: verificationNote: a "reported" entry must say in its note that the event is reported (the word "reported"), e.g. "Reported by the Financial Times; not officially confirmed."`);
    }
    if (data.verification === 'reported' && data.summary !== undefined && !REPORT_WORD.test(data.summary)) {
      problems.push(`${file}: summary: a "reported" entry must say in its summary that the event is reported (e.g. "… was reported to …", "… reportedly …"), since lists, feeds and search results show the summary without the label`);
    }
    if (data.verification === 'disputed' && data.summary !== undefined && !DISPUTE_WORD.test(data.summary)) {
      problems.push(`${file}: summary: a "disputed" entry must say in its summary that the event is disputed or denied, since lists, feeds and search results show the summary without the label`);
    }
  }
}

/**
 * An entry dated after the day its jurisdictions were reviewed to (the latest `through` of the
 * parts of the coverage that list one of them), or of a jurisdiction no part covers.
 */
function afterCoverage(input: EditorialInput, problems: string[]): void {
  if (!input.coverage) return;
  const { file: siteFile, areas } = input.coverage;
  for (const { file, data } of input.entries) {
    const covering = areas.filter((a) => data.jurisdictions.some((j) => a.jurisdictions.includes(j)));
    if (covering.length === 0) {
      problems.push(`${file}: jurisdictions: no part of the coverage in ${siteFile} lists ${data.jurisdictions.join(' or ')}; say in coverage how far those events were reviewed`);
      continue;
    }
    const through = covering.reduce((latest, a) => (a.through > latest ? a.through : latest), covering[0]!.through);
    if (dateSortKey(data.date) > through) {
      problems.push(`${file}: date: ${data.date} is after ${through}, the day its jurisdictions were reviewed to in ${siteFile} (coverage); review the record up to the entry's date and move that part's through`);
    }
  }
}

/** Runs every editorial rule and returns one line per problem. */
export function checkEditorialRules(input: EditorialInput): string[] {
  const problems: string[] = [];
  viaWithoutPublisher(input, problems);
  syndicatorPublishers(input, problems);
  duplicateUrls(input, problems);
  confirmedSupport(input, problems);
  reportedInWords(input, problems);
  afterCoverage(input, problems);
  return problems;
}

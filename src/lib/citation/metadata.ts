/**
 * The machine-readable description of the pages people cite (entries, measures, their versions,
 * `/status/` and the home page): schema.org JSON-LD for search engines and Highwire / Dublin Core
 * tags for reference managers (Zotero's Embedded Metadata translator reads `citation_*`, `DC.*`
 * and `og:*`). What Zotero saves from which tag was measured by running its own translation code
 * on built pages: the page's `og:type` is `website` (a journal-article guess otherwise),
 * `DC.creator` carries the site with a trailing comma (one organisation, not a person), `DC.rights`
 * the licence, and `citation_publication_date` the page's own date. Without that date Zotero takes
 * the first `<time>` on the page, whatever it dates; without `citation_title` it takes `og:title`.
 */
import type { Entry } from '../../schemas/entry.ts';
import type { Measure } from '../../schemas/measure.ts';
import type { Source } from '../../schemas/source.ts';
import { compareDates, formatDate } from '../model/dates.ts';
import type { MeasureVersion } from '../model/measure-versions.ts';
import { measureStatusInfo, stageLabel } from '../model/measures.ts';
import { LANGUAGE, LICENSE, PUBLISHER, SITE_NAME } from '../site/site.ts';

/** A source the entry cites, as schema.org needs it. */
export interface MetadataSource {
  /** The source's title. */
  name: string;
  /** Where the source is published, when known. */
  url?: string;
  /** A stable archived copy. */
  archiveUrl?: string;
  /** Who published it. */
  publisher: string;
  /** Who wrote it, where named. */
  author?: string;
  /** When it was published, to the precision known (`2022`, `2022-11`, `2022-11-24`). */
  datePublished?: string;
}

/** What the head of an entry page says about the entry. Dates are ISO strings. */
export interface EntryMetadataInput {
  /** The entry's headline. */
  title: string;
  /** The entry's summary: the description. */
  summary: string;
  /** The absolute permanent URL of the entry page. */
  url: string;
  /** The absolute URL of the site's home page. */
  siteUrl: string;
  /** The site's name, which publishes every entry. */
  siteName: string;
  /** The day the entry was first published (`YYYY-MM-DD`). */
  published: string;
  /** The day it last changed in substance, if it has. */
  updated?: string;
  /** The event's date, to its precision. */
  eventDate: string;
  /** The event's last date, for events that span time. */
  eventEndDate?: string;
  /** The names of the jurisdictions the entry concerns. */
  places: string[];
  /** The sources, primary first. */
  sources: MetadataSource[];
  /** The corrections log, oldest first. */
  corrections: { date: string; note: string }[];
  /** The BCP 47 language of the page. */
  language: string;
  /** The number of the version the page shows (1 as first published). */
  version: number;
  /** Whether the page is that version's own (`/entries/<id>/v/<n>/`): its cited title then names the version. */
  versionPage?: boolean;
  /** The licence's short name, for `DC.rights`. */
  rights: string;
  /** The licence's URL, for the JSON-LD `license`. */
  licenseUrl: string;
}

/** One `<meta>` tag: either a `name` (Highwire, Dublin Core) or a `property` (Open Graph). */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/**
 * The metadata input of an entry, given its URLs and the records its ids point to.
 * Unknown ids are skipped here: the content check has already failed the build on them.
 */
export function toEntryMetadataInput(
  entry: { id: string; data: Entry },
  at: {
    url: string;
    siteUrl: string;
    sources: ReadonlyMap<string, Source>;
    placeNames: ReadonlyMap<string, string>;
    version?: number;
    modified?: string;
    /** Whether the page is the version's own page rather than the entry's. */
    versionPage?: boolean;
  },
): EntryMetadataInput {
  const { data } = entry;
  const sources = data.sources.flatMap((id): MetadataSource[] => {
    const s = at.sources.get(id);
    if (!s) return [];
    const out: MetadataSource = { name: s.title, publisher: s.publisher };
    if (s.url) out.url = s.url;
    if (s.archiveUrl) out.archiveUrl = s.archiveUrl;
    if (s.author) out.author = s.author;
    if (s.published) out.datePublished = s.published;
    return [out];
  });
  const input: EntryMetadataInput = {
    title: data.title,
    summary: data.summary,
    url: at.url,
    siteUrl: at.siteUrl,
    siteName: SITE_NAME,
    published: data.published,
    version: at.version ?? data.corrections.length + 1,
    rights: LICENSE.short,
    licenseUrl: LICENSE.url,
    eventDate: data.date,
    places: data.jurisdictions.flatMap((j) => at.placeNames.get(j) ?? []),
    sources,
    corrections: data.corrections.map((c) => ({ date: c.date, note: c.note })),
    language: LANGUAGE,
  };
  const updated = at.modified ?? data.updated;
  if (updated && updated !== data.published) input.updated = updated;
  if (data.endDate) input.eventEndDate = data.endDate;
  if (at.versionPage) input.versionPage = true;
  return input;
}

/**
 * The schema.org `Article` describing an entry: published by the site, about the `Event` it
 * records, citing its sources and carrying its corrections.
 */
export function entryJsonLd(input: EntryMetadataInput): Record<string, unknown> {
  const organisation = { '@type': 'Organization', name: PUBLISHER, url: input.siteUrl };
  const event: Record<string, unknown> = { '@type': 'Event', name: input.title, description: input.summary, startDate: input.eventDate };
  if (input.eventEndDate) event['endDate'] = input.eventEndDate;
  const article: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': `${input.url}#article`,
    headline: input.title,
    description: input.summary,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    datePublished: input.published,
    dateModified: input.updated ?? input.published,
    inLanguage: input.language,
    version: input.version,
    license: input.licenseUrl,
    author: organisation,
    publisher: organisation,
    isPartOf: { '@type': 'WebSite', name: input.siteName, url: input.siteUrl },
    about: event,
    // The jurisdictions concerned, which are not always where the event took place.
    spatialCoverage: input.places.map((name) => ({ '@type': 'Place', name })),
    citation: input.sources.map((s) => {
      const work: Record<string, unknown> = { '@type': 'CreativeWork', name: s.name, publisher: { '@type': 'Organization', name: s.publisher } };
      if (s.url) work['url'] = s.url;
      if (s.archiveUrl) work['archivedAt'] = s.archiveUrl;
      // Free text: the record does not say whether the author is a person or an organisation.
      if (s.author) work['author'] = s.author;
      if (s.datePublished) work['datePublished'] = s.datePublished;
      return work;
    }),
  };
  if (input.corrections.length > 0) {
    article['correction'] = input.corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.date, text: c.note }));
  }
  return article;
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` are written as
 * Unicode escapes so that no content (a `</script>` in a title, an HTML comment opener) can end
 * the element early; U+2028 and U+2029 are escaped for old JavaScript parsers. The result parses
 * back to the same value.
 * @example serializeJsonLd({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Highwire dates use slashes.
 * @example highwireDate('2026-11-29') // '2026/11/29'
 */
export function highwireDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/**
 * The title reference managers save for a page: on a version's own page it names the version.
 * @example citationTitle('UK sensitive-sites instruction', 2) // 'UK sensitive-sites instruction, version 2'
 */
export function citationTitle(title: string, version?: number): string {
  return version === undefined ? title : `${title}, version ${version}`;
}

/**
 * The `<meta>` tags reference managers read, for an entry page. No `citation_author` or `author`:
 * Zotero splits "CCTV Restrictions Timeline" into a first and a last name. `DC.creator` with a
 * trailing comma is saved as one organisation. The date of the version shown (its last update) is
 * the date Zotero saves, from `citation_publication_date`; `citation_online_date` keeps the first
 * day. On a version's own page the title names the version.
 */
export function entryMetaTags(input: EntryMetadataInput): MetaTag[] {
  return pageMetaTags(entryPageMetadata(input));
}

/** An entry's metadata as any citable page's: the cited title, the page's date and its first day. */
function entryPageMetadata(input: EntryMetadataInput): PageMetadataInput {
  return {
    title: citationTitle(input.title, input.versionPage ? input.version : undefined),
    description: input.summary,
    url: input.url,
    siteUrl: input.siteUrl,
    siteName: input.siteName,
    modified: input.updated ?? input.published,
    published: input.published,
    language: input.language,
    rights: input.rights,
    licenseUrl: input.licenseUrl,
    version: input.version,
  };
}

/** What the head of any citable page says about it. */
export interface PageMetadataInput {
  /** The title reference managers save: the page's own, naming the version on a version's page ({@link citationTitle}). */
  title: string;
  /** One or two plain sentences: the page's description, saved as the abstract. */
  description: string;
  /** The absolute permanent URL of the page. */
  url: string;
  /** The absolute URL of the site's home page. */
  siteUrl: string;
  /** The site's name, which authors and publishes every page. */
  siteName: string;
  /**
   * The page's own date, the one reference managers save: the day it last changed (an entry's
   * update, a measure's last check), or a version's date. An ISO date of any precision.
   */
  modified: string;
  /** The day the page was first published, where the record says (entries). */
  published?: string;
  /** The BCP 47 language of the page. */
  language: string;
  /** The licence's short name, for `DC.rights`. */
  rights: string;
  /** The licence's URL, for the JSON-LD `license`. */
  licenseUrl: string;
  /** The number of the version the page shows, for pages that keep versions (measures: the current one on the measure's page). */
  version?: number;
  /** The pages this one rests on (a measure's stage entries), for the JSON-LD `citation`. */
  cites?: { name: string; url: string }[];
}

/**
 * The metadata input of a page that is not an entry, with the site's name, language and licence.
 * @example toPageMetadataInput({ title: 'Where things stand', description, url, siteUrl, modified: '2026-12-01' }).rights // 'CC BY 4.0'
 */
export function toPageMetadataInput(page: Pick<PageMetadataInput, 'title' | 'description' | 'url' | 'siteUrl' | 'modified'> & Partial<Pick<PageMetadataInput, 'published' | 'version' | 'cites'>>): PageMetadataInput {
  return { siteName: SITE_NAME, language: LANGUAGE, rights: LICENSE.short, licenseUrl: LICENSE.url, ...page };
}

/**
 * The latest of some dates of any precision, or undefined when there are none: the day a page
 * that shows them last changed.
 * @example latestDate(['2026-11-29', undefined, '2026-12-01']) // '2026-12-01'
 */
export function latestDate(dates: Iterable<string | undefined>): string | undefined {
  let latest: string | undefined;
  for (const date of dates) if (date !== undefined && (latest === undefined || compareDates(date, latest) > 0)) latest = date;
  return latest;
}

/**
 * The day the home page last changed: the latest day an entry was published or updated, or a
 * measure's status was checked (it shows the timeline and where things stand).
 */
export function homePageModified(entries: readonly { data: Pick<Entry, 'published' | 'updated'> }[], measures: readonly { data: Pick<Measure, 'statusAsOf'> }[]): string | undefined {
  return latestDate([...entries.map((e) => e.data.updated ?? e.data.published), ...statusChecks(measures)]);
}

/** The day `/status/` last changed: the latest check of a measure's status. */
export function statusPageModified(measures: readonly { data: Pick<Measure, 'statusAsOf'> }[]): string | undefined {
  return latestDate(statusChecks(measures));
}

const statusChecks = (measures: readonly { data: Pick<Measure, 'statusAsOf'> }[]) => measures.map((m) => m.data.statusAsOf);

/**
 * A measure page's description, also its abstract in the citations: its name, its scope and its
 * status; on a version's page, the stage that version reached instead of today's status.
 * @example measureDescription({ name: 'Section 889', scope: 'Agencies may not buy it.', status: 'in-force' }) // 'Section 889. Agencies may not buy it. Status: in force.'
 */
export function measureDescription(data: Pick<Measure, 'name' | 'scope' | 'status'>, version?: Pick<MeasureVersion, 'n' | 'date' | 'stage'>): string {
  const head = `${data.name}. ${data.scope}`;
  if (!version) return `${head} Status: ${measureStatusInfo(data.status).label.toLowerCase()}.`;
  return `${head} Version ${version.n}: ${stageLabel(version.stage.stage).toLowerCase()}, ${formatDate(version.date)}.`;
}

/**
 * The metadata input of a measure's page, or with `version` of that version's page: dated by the
 * measure's last check (`statusAsOf`) or by the version's stage, citing the entries that record
 * the stages it shows.
 */
export function toMeasureMetadataInput(
  measure: { id: string; data: Pick<Measure, 'name' | 'shortName' | 'scope' | 'status' | 'statusAsOf' | 'stages'> },
  at: {
    url: string;
    siteUrl: string;
    /** An entry's title and absolute URL, by id; unknown ids are left out (the content check has failed on them). */
    entry(id: string): { title: string; url: string } | undefined;
    version?: Pick<MeasureVersion, 'n' | 'date' | 'stage' | 'stages'>;
  },
): PageMetadataInput {
  const { data } = measure;
  const stages = at.version ? at.version.stages : data.stages;
  const entryIds = [...new Set(stages.map((s) => s.entry))];
  const cites = entryIds.flatMap((id) => {
    const entry = at.entry(id);
    return entry ? [{ name: entry.title, url: entry.url }] : [];
  });
  return toPageMetadataInput({
    title: citationTitle(data.shortName, at.version?.n),
    description: measureDescription(data, at.version),
    url: at.url,
    siteUrl: at.siteUrl,
    modified: at.version ? at.version.date : data.statusAsOf,
    // The measure page shows its current version, the last stage's, as an entry page shows its own.
    version: at.version ? at.version.n : data.stages.length,
    cites,
  });
}

/**
 * The `<meta>` tags reference managers read, for any citable page (see {@link entryMetaTags}):
 * the cited title, the page's own date, the site as one organisation author, the licence and the
 * permanent URL. The first-publication tags appear only where the record has that day.
 */
export function pageMetaTags(input: PageMetadataInput): MetaTag[] {
  const tags: MetaTag[] = [
    { name: 'citation_title', content: input.title },
    { name: 'citation_publication_date', content: highwireDate(input.modified) },
    ...(input.published ? [{ name: 'citation_online_date', content: highwireDate(input.published) }] : []),
    { name: 'citation_publisher', content: input.siteName },
    { name: 'citation_public_url', content: input.url },
    { name: 'citation_abstract_html_url', content: input.url },
    { name: 'citation_abstract', content: input.description },
    { name: 'citation_language', content: input.language },
    { name: 'DC.title', content: input.title },
    { name: 'DC.creator', content: `${input.siteName},` },
    { name: 'DC.publisher', content: input.siteName },
    { name: 'DC.date', content: input.modified },
    { name: 'DC.rights', content: input.rights },
    { name: 'DC.identifier', content: input.url },
    { name: 'DC.language', content: input.language },
    { name: 'DC.description', content: input.description },
  ];
  if (input.published) tags.push({ property: 'article:published_time', content: input.published }, { property: 'article:modified_time', content: input.modified });
  return tags;
}

/**
 * The schema.org `WebPage` describing a citable page that is not an entry: by the site, under its
 * licence, with its date, its version where it keeps versions, and the pages it rests on.
 */
export function pageJsonLd(input: PageMetadataInput): Record<string, unknown> {
  const organisation = { '@type': 'Organization', name: PUBLISHER, url: input.siteUrl };
  const page: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': input.url,
    name: input.title,
    description: input.description,
    url: input.url,
    dateModified: input.modified,
    inLanguage: input.language,
    license: input.licenseUrl,
    author: organisation,
    publisher: organisation,
    isPartOf: { '@type': 'WebSite', name: input.siteName, url: input.siteUrl },
  };
  if (input.published) page['datePublished'] = input.published;
  if (input.version !== undefined) page['version'] = input.version;
  if (input.cites && input.cites.length > 0) page['citation'] = input.cites.map((c) => ({ '@type': 'CreativeWork', name: c.name, url: c.url }));
  return page;
}

/**
 * The machine-readable description of an entry page: schema.org JSON-LD for search engines and
 * Highwire / Dublin Core tags for reference managers (Zotero's Embedded Metadata translator reads
 * `citation_*`, `DC.*` and `og:*`). What Zotero saves from which tag was measured by running its
 * own translation code on built pages: the page's `og:type` is `website` (a journal-article guess
 * otherwise), `DC.creator` carries the site with a trailing comma (one organisation, not a
 * person), `DC.rights` the licence, and `citation_publication_date` the day of the version shown.
 */
import type { Entry } from '../../schemas/entry.ts';
import type { Source } from '../../schemas/source.ts';
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
  at: { url: string; siteUrl: string; sources: ReadonlyMap<string, Source>; placeNames: ReadonlyMap<string, string>; version?: number; modified?: string },
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
 * The `<meta>` tags reference managers read. No `citation_author` or `author`: Zotero splits
 * "CCTV Restrictions Timeline" into a first and a last name. `DC.creator` with a trailing comma
 * is saved as one organisation. The date of the version shown (its last update) is the date
 * Zotero saves, from `citation_publication_date`; `citation_online_date` keeps the first day.
 */
export function entryMetaTags(input: EntryMetadataInput): MetaTag[] {
  const modified = input.updated ?? input.published;
  return [
    { name: 'citation_title', content: input.title },
    { name: 'citation_publication_date', content: highwireDate(modified) },
    { name: 'citation_online_date', content: highwireDate(input.published) },
    { name: 'citation_publisher', content: input.siteName },
    { name: 'citation_public_url', content: input.url },
    { name: 'citation_abstract_html_url', content: input.url },
    { name: 'citation_abstract', content: input.summary },
    { name: 'citation_language', content: input.language },
    { name: 'DC.title', content: input.title },
    { name: 'DC.creator', content: `${input.siteName},` },
    { name: 'DC.publisher', content: input.siteName },
    { name: 'DC.date', content: modified },
    { name: 'DC.rights', content: input.rights },
    { name: 'DC.identifier', content: input.url },
    { name: 'DC.language', content: input.language },
    { name: 'DC.description', content: input.summary },
    { property: 'article:published_time', content: input.published },
    { property: 'article:modified_time', content: modified },
  ];
}

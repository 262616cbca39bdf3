/**
 * `/data/sources.csl.json`: every source as a CSL-JSON item, for reference managers and
 * citation processors (Zotero imports the file; citeproc and citation-js format it). A source with
 * an archived copy carries it as CSL's `archive` (the archive's name) and `archive_location` (the
 * copy's address), with the capture day in the note; `accessed` is the day the source was last
 * read for this site. A source without a link says why in `note`.
 */
import { parsePartialDate } from '../model/dates.ts';
import { NO_URL_LABELS } from '../model/source-links.ts';
import type { Source } from '../../schemas/source.ts';

/** `2023-02` → `[2023, 2]`: the parts a date of any precision has. */
function parts(iso: string): number[] {
  const { year, month, day } = parsePartialDate(iso);
  return [year, ...(month === undefined ? [] : [month]), ...(day === undefined ? [] : [day])];
}

/** The name of the archive that holds a copy, from its address. */
export function archiveName(archiveUrl: string): string {
  const host = new URL(archiveUrl).hostname;
  return host === 'web.archive.org' || host.endsWith('.archive.org') ? 'Internet Archive' : host;
}

/**
 * One source as a CSL-JSON item: a `webpage` when it has an address, a `document` otherwise.
 * @example cslSource('rule', { title: 'Rule', publisher: 'BIS', kind: 'primary', url: 'https://x.gov/r' }).type // 'webpage'
 */
export function cslSource(id: string, source: Source): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id,
    type: source.url ? 'webpage' : 'document',
    title: source.title,
    publisher: source.publisher,
  };
  if (source.author) item['author'] = [{ literal: source.author }];
  if (source.published) item['issued'] = { 'date-parts': [parts(source.published)] };
  if (source.url) item['URL'] = source.url;
  if (source.accessed) item['accessed'] = { 'date-parts': [parts(source.accessed)] };
  if (source.archiveUrl) {
    item['archive'] = archiveName(source.archiveUrl);
    item['archive_location'] = source.archiveUrl;
  }
  const notes = [
    source.via ? `Read via ${source.via}.` : '',
    source.archived ? `Archived copy captured ${source.archived}.` : '',
    source.noUrl ? `No link: ${NO_URL_LABELS[source.noUrl]}.` : '',
    source.urlStatus?.status === 'gone' ? `The original address no longer answers (checked ${source.urlStatus.checked}).` : '',
  ].filter(Boolean);
  if (notes.length > 0) item['note'] = notes.join(' ');
  return item;
}

/** Every source as CSL-JSON, in the order given. */
export function sourcesCslJson(sources: ReadonlyMap<string, Source>): Record<string, unknown>[] {
  return [...sources].map(([id, source]) => cslSource(id, source));
}

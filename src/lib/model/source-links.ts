/**
 * How a source's address is shown: why there is none (`noUrl`), and, from the last link check,
 * whether the original still answers. A source whose original is gone is shown with its archived
 * copy first, as Wikipedia does with a dead `url-status`.
 */
import type { NoUrlReason, Source } from '../../schemas/source.ts';

/** Each reason for a missing link, in words that follow "No link: ". */
export const NO_URL_LABELS: Readonly<Record<NoUrlReason, string>> = {
  'print-only': 'published in print only',
  paywalled: "behind the publisher's paywall, and its address was not found",
  'not-found-online': "no copy by the publisher was found online",
  'copy-not-linked': 'read only in an unofficial copy, which this site does not link',
};

/** Which address a source's title links to, and what else is shown beside it. */
export interface SourceLinks {
  /** The address the title links to: the original, or the archived copy when the original is gone. */
  primary: { href: string; archived: boolean } | undefined;
  /** The original's address when it is gone and the title links to the archived copy. */
  goneOriginal: string | undefined;
  /** The archived copy shown after the title, when the title links to the original. */
  archiveAfter: string | undefined;
}

/**
 * @example sourceLinks({ url: 'https://a.org/x', archiveUrl: 'https://web.archive.org/web/2020/https://a.org/x', archived: '2020-01-01', urlStatus: { status: 'gone', checked: '2026-12-01' } }).primary // { href: 'https://web.archive.org/…', archived: true }
 */
export function sourceLinks(source: Pick<Source, 'url' | 'archiveUrl' | 'urlStatus'>): SourceLinks {
  const gone = source.urlStatus?.status === 'gone';
  if (source.url && gone && source.archiveUrl) return { primary: { href: source.archiveUrl, archived: true }, goneOriginal: source.url, archiveAfter: undefined };
  if (source.url) return { primary: { href: source.url, archived: false }, goneOriginal: undefined, archiveAfter: source.archiveUrl };
  if (source.archiveUrl) return { primary: { href: source.archiveUrl, archived: true }, goneOriginal: undefined, archiveAfter: undefined };
  return { primary: undefined, goneOriginal: undefined, archiveAfter: undefined };
}

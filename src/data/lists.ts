/**
 * The site's two long lists besides the browse pages, in the order they are read and cut into
 * pages of `BROWSE_PAGE_SIZE` items (src/data/browse.ts), so that no page grows with the record:
 * `/sources/` (every source, by publisher, at `/sources/page/<n>/` past the first page) and
 * `/changes/` (every change, newest first, at `/changes/page/<n>/`) and `/corrections/` (every
 * correction, newest first, at `/corrections/page/<n>/`).
 */
import type { SiteData } from './index.ts';
import { BROWSE_PAGE_SIZE } from './browse.ts';
import { compareNames, initialOf } from '../lib/model/entities.ts';
import { collectChanges } from '../lib/model/changes.ts';
import { collectCorrections } from '../lib/model/corrections.ts';
import { paginate, type Page } from '../lib/views/paging.ts';
import type { Source } from '../schemas/source.ts';

/** One source of `/sources/`, with the letter its publisher is listed under. */
export interface ListedSource {
  id: string;
  data: Source;
  letter: string;
}

/** Every source, by publisher, then title, each with its publisher's initial. */
export function sourcesByPublisher(site: SiteData): ListedSource[] {
  return [...site.sources]
    .map(([id, data]) => ({ id, data, letter: initialOf(data.publisher) }))
    .sort((a, b) => compareNames(a.data.publisher, b.data.publisher) || compareNames(a.data.title, b.data.title));
}

/** `make`, worked out once per build: every page of a list asks for the whole list. */
function perSite<T>(make: (site: SiteData) => T): (site: SiteData) => T {
  const made = new WeakMap<SiteData, T>();
  return (site) => {
    if (!made.has(site)) made.set(site, make(site));
    return made.get(site)!;
  };
}

/** The pages of `/sources/`, and what every page says of the whole list. */
export interface SourceList {
  pages: Page<ListedSource>[];
  total: number;
  primary: number;
  /** Each publisher's initial, in order, with the page its first source is on and that source's id. */
  letters: Map<string, { page: number; first: string }>;
}

/** The pages of `/sources/`, and what every page says of the whole list. */
export const sourceList = perSite((site): SourceList => {
  const sources = sourcesByPublisher(site);
  const pages = paginate(sources, BROWSE_PAGE_SIZE);
  const letters = new Map<string, { page: number; first: string }>();
  for (const page of pages) for (const s of page.items) if (!letters.has(s.letter)) letters.set(s.letter, { page: page.number, first: s.id });
  return { pages, total: sources.length, primary: sources.filter((s) => s.data.kind === 'primary').length, letters };
});

/** The pages of `/changes/`, newest first. */
export const changePages = perSite((site) => paginate(collectChanges(site.entries, site.measures), BROWSE_PAGE_SIZE));

/** The pages of `/corrections/`, newest first. */
export const correctionPages = perSite((site) => paginate(collectCorrections(site.entries), BROWSE_PAGE_SIZE));

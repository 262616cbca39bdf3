/**
 * The site's two long lists besides the browse pages, in the order they are read and cut into
 * pages of `BROWSE_PAGE_SIZE` items (src/data/browse.ts), so that no page grows with the record:
 * `/sources/` (every source, by publisher, at `/sources/page/<n>/` past the first page) and
 * `/changes/` (every change, newest first, at `/changes/page/<n>/`).
 */
import type { SiteData } from './index.ts';
import { BROWSE_PAGE_SIZE } from './browse.ts';
import { compareNames, initialOf } from '../lib/model/entities.ts';
import { collectChanges, type Change } from '../lib/model/changes.ts';
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

/** The pages of `/sources/`. */
export const sourcePages = (site: SiteData): Page<ListedSource>[] => paginate(sourcesByPublisher(site), BROWSE_PAGE_SIZE);

/** The pages of `/changes/`, newest first. */
export const changePages = (site: SiteData): Page<Change>[] => paginate(collectChanges(site.entries, site.measures), BROWSE_PAGE_SIZE);

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
import { collectChanges, type Change } from '../lib/model/changes.ts';
import { collectCorrections, type CorrectionLogItem } from '../lib/model/corrections.ts';
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

// Worked out once per build: every page of a list asks for the whole list.
const sourcePagesOf = new WeakMap<SiteData, Page<ListedSource>[]>();
const changePagesOf = new WeakMap<SiteData, Page<Change>[]>();
const correctionPagesOf = new WeakMap<SiteData, Page<CorrectionLogItem>[]>();

/** The pages of `/sources/`. */
export function sourcePages(site: SiteData): Page<ListedSource>[] {
  let pages = sourcePagesOf.get(site);
  if (!pages) sourcePagesOf.set(site, (pages = paginate(sourcesByPublisher(site), BROWSE_PAGE_SIZE)));
  return pages;
}

/** The pages of `/changes/`, newest first. */
export function changePages(site: SiteData): Page<Change>[] {
  let pages = changePagesOf.get(site);
  if (!pages) changePagesOf.set(site, (pages = paginate(collectChanges(site.entries, site.measures), BROWSE_PAGE_SIZE)));
  return pages;
}

/** The pages of `/corrections/`, newest first. */
export function correctionPages(site: SiteData): Page<CorrectionLogItem>[] {
  let pages = correctionPagesOf.get(site);
  if (!pages) correctionPagesOf.set(site, (pages = paginate(collectCorrections(site.entries), BROWSE_PAGE_SIZE)));
  return pages;
}

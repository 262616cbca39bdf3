/**
 * Which browse pages a build has. A category, vendor, jurisdiction or body has a page only while a
 * current entry is filed under it or names it (the routes list `usedCategories` and `withEntries`,
 * src/lib/model/entities.ts). An earlier version of an entry may name one that no current entry
 * does any more (a corrected category, a vendor taken out), so a version page asks here before it
 * links, and names the record without a link when its page is gone.
 */
import type { Entry } from '../../schemas/entry.ts';
import { namedIds, usedCategories, type EntityField } from './entities.ts';

/** The kinds of record that have browse pages. */
export type BrowseKind = 'category' | 'vendor' | 'jurisdiction' | 'body';

/** The ids of each kind that have a page. */
export interface BrowsePages {
  has(kind: BrowseKind, id: string): boolean;
}

/** The least of an entry that decides the browse pages. */
export interface BrowseEntry {
  data: Pick<Entry, 'category' | EntityField>;
}

const FIELDS: Record<Exclude<BrowseKind, 'category'>, EntityField> = { vendor: 'vendors', jurisdiction: 'jurisdictions', body: 'bodies' };
const built = new WeakMap<readonly BrowseEntry[], BrowsePages>();

/**
 * The browse pages that the current entries give a build, worked out once per list of entries
 * (every version page asks for the same list).
 * @example browsePages([{ data: { category: 'warning', vendors: ['dahua'], jurisdictions: ['uk'], bodies: [] } }]).has('category', 'listing') // false
 */
export function browsePages(entries: readonly BrowseEntry[]): BrowsePages {
  const known = built.get(entries);
  if (known) return known;
  const ids: Record<BrowseKind, Set<string>> = {
    category: new Set(usedCategories(entries)),
    vendor: namedIds(entries, FIELDS.vendor),
    jurisdiction: namedIds(entries, FIELDS.jurisdiction),
    body: namedIds(entries, FIELDS.body),
  };
  const pages: BrowsePages = { has: (kind, id) => ids[kind].has(id) };
  built.set(entries, pages);
  return pages;
}

/**
 * Which vendors, jurisdictions and bodies get a page of their own, and the order in which lists of
 * them are shown. A record that no entry names would give an empty page, so it has none: it stays
 * in the content (an entry may name it later) but is left out of the build, the sitemap and the
 * browse lists, and nothing links to it.
 */
import { CATEGORY_IDS, type Category } from '../../schemas/category.ts';
import type { Entry } from '../../schemas/entry.ts';
import { LANGUAGE } from '../site/site.ts';
import { vendorIds } from './vendor-basis.ts';

/** The entry fields that name records of another collection. */
export type EntityField = 'vendors' | 'jurisdictions' | 'bodies';

/** The least an entry needs here. */
export interface NamingEntry {
  data: Pick<Entry, EntityField>;
}

/**
 * The ids of the records of one kind that at least one entry names.
 * @example namedIds([{ data: { vendors: ['dahua'], jurisdictions: ['us'], bodies: [] } }], 'vendors') // Set { 'dahua' }
 */
export function namedIds(entries: readonly NamingEntry[], field: EntityField): Set<string> {
  return new Set(entries.flatMap((e) => idsIn(e.data, field)));
}

/**
 * The ids an entry gives in one field, in the order written (a vendor link gives its vendor's id).
 * @example idsIn({ vendors: [{ id: 'dahua', basis: 'context' }], jurisdictions: ['uk'], bodies: [] }, 'vendors') // ['dahua']
 */
export function idsIn<F extends EntityField | 'sources'>(data: Pick<Entry, F>, field: F): string[] {
  const value = data[field] as Entry[EntityField | 'sources'];
  return field === 'vendors' ? vendorIds(value as Entry['vendors']) : (value as string[]);
}

/**
 * The records that at least one entry names, in their original order: the ones that get a page.
 * @example withEntries(new Map([['dahua', d], ['nuuo', n]]), entries, 'vendors') // Map { 'dahua' => d } when no entry names NUUO
 */
export function withEntries<T>(records: ReadonlyMap<string, T>, entries: readonly NamingEntry[], field: EntityField): Map<string, T> {
  const named = namedIds(entries, field);
  return new Map([...records].filter(([id]) => named.has(id)));
}

/**
 * The entries that name each id of one field (`sources`, `vendors`, …), in the order of
 * `entries`, each entry once: one pass over the entries instead of one per id.
 * @example entriesNaming([{ id: 'a', data: { sources: ['x', 'y'] } }], 'sources').get('y') // [{ id: 'a', … }]
 */
export function entriesNaming<F extends EntityField | 'sources', T extends { data: Pick<Entry, F> }>(entries: readonly T[], field: F): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const entry of entries) {
    for (const id of new Set(idsIn(entry.data, field))) {
      const list = out.get(id);
      if (list) list.push(entry);
      else out.set(id, [entry]);
    }
  }
  return out;
}

// One collator for every comparison: `localeCompare` with a locale builds one per call, which made
// sorting the sources page at thousands of sources a noticeable part of the build.
const NAME_ORDER = new Intl.Collator(LANGUAGE, { sensitivity: 'base' });

/**
 * Compares two names as a reader looks them up in a list: by the name shown, ignoring case and
 * accents, so "Xiamen Meiya Pico" sorts under X whatever its id.
 * @example ['Xiamen Meiya Pico', 'Dahua'].sort(compareNames) // ['Dahua', 'Xiamen Meiya Pico']
 */
export function compareNames(a: string, b: string): number {
  return NAME_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Sorts items by their shown label (a copy; the input is left as it is).
 * @example sortByLabel([{ label: 'b' }, { label: 'A' }]) // [{ label: 'A' }, { label: 'b' }]
 */
export function sortByLabel<T extends { label: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNames(a.label, b.label));
}

/**
 * The letter a name is filed under in an A–Z list: its first letter without accents, upper-cased;
 * names that start with a digit or a sign are filed under "#".
 * @example initialOf('Élysée') // 'E'
 * @example initialOf('9to5Mac') // '#'
 */
export function initialOf(name: string): string {
  const first = name.normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : /^\p{L}$/u.test(first) ? first : '#';
}

/**
 * The categories that at least one entry has, in the fixed display order: the ones with a page.
 * @example usedCategories([{ data: { category: 'warning' } }]) // ['warning']
 */
export function usedCategories(entries: readonly { data: Pick<Entry, 'category'> }[]): Category[] {
  const used = new Set(entries.map((e) => e.data.category));
  return CATEGORY_IDS.filter((id) => used.has(id));
}

/**
 * The years that at least one event falls in, oldest first, as strings.
 * @example usedYears([{ date: '2022-11-24' }, { date: '2019' }]) // ['2019', '2022']
 */
export function usedYears(entries: readonly { date: string }[]): string[] {
  return [...new Set(entries.map((e) => e.date.slice(0, 4)))].sort();
}

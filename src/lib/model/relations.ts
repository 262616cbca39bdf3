/**
 * Typed relations between entries: how each type reads from the entry that writes it and from
 * the other entry, and an entry's relations from both sides, grouped by type and in date order.
 */
import { RELATION_TYPE_IDS, type Relation, type RelationType } from '../../schemas/relation.ts';
import { compareDates } from './dates.ts';

/** How a relation type is shown: from the writing entry (`label`) and from the other (`inverseLabel`). */
export interface RelationTypeInfo {
  id: RelationType;
  /** The heading on the entry that writes the relation, e.g. "Responds to". */
  label: string;
  /** The heading on the other entry, e.g. "Responses". */
  inverseLabel: string;
  /** What the type means, read from the writing entry. */
  description: string;
}

const INFO: Record<RelationType, Omit<RelationTypeInfo, 'id'>> = {
  implements: { label: 'Implements', inverseLabel: 'Implemented by', description: 'Puts the other entry’s law, order or decision into effect.' },
  expands: { label: 'Expands', inverseLabel: 'Expanded by', description: 'Widens or extends the measure the other entry records.' },
  challenges: { label: 'Challenges', inverseLabel: 'Challenged by', description: 'Disputes the other entry’s measure in a court, a petition or a formal objection.' },
  'responds-to': { label: 'Responds to', inverseLabel: 'Responses', description: 'Answers or reacts to the event the other entry records.' },
  'reports-on': { label: 'Reports on', inverseLabel: 'Reported on by', description: 'Reports, investigates or follows up the event the other entry records.' },
  supersedes: { label: 'Supersedes', inverseLabel: 'Superseded by', description: 'Replaces the measure the other entry records.' },
};

/** Every relation type in display order. */
export const RELATION_TYPES: readonly RelationTypeInfo[] = RELATION_TYPE_IDS.map((id) => ({ id, ...INFO[id] }));

/**
 * The display information of one relation type.
 * @example relationTypeInfo('responds-to').inverseLabel // 'Responses'
 */
export function relationTypeInfo(id: RelationType): RelationTypeInfo {
  const info = RELATION_TYPES.find((t) => t.id === id);
  if (!info) throw new Error(`unknown relation type: ${id}`);
  return info;
}

/** The least an entry needs for its relations to be resolved. */
export interface RelatedEntry {
  id: string;
  date: string;
  data: { related: readonly Relation[] };
}

/** One relation seen from one entry. */
export interface EntryRelation {
  type: RelationType;
  /** `outgoing` when this entry wrote it, `incoming` when the other entry did. */
  direction: 'outgoing' | 'incoming';
  /** The other entry's id. */
  entry: string;
  /** The label for this side: the type's label or its inverse label. */
  label: string;
}

/** Relations of one entry under one heading, in date order of the other entries. */
export interface RelationGroup<T> {
  type: RelationType;
  direction: 'outgoing' | 'incoming';
  label: string;
  items: T[];
}

/** Each entry by id, and the relations pointing at each entry, in the order of the entries. */
interface RelationIndex {
  byId: Map<string, RelatedEntry>;
  incoming: Map<string, EntryRelation[]>;
}

// One index per list of entries: a page asks for one entry's relations, a build asks for every
// entry's, and a pass over the whole list for each would make a build quadratic in its entries.
const indexes = new WeakMap<readonly RelatedEntry[], RelationIndex>();

function relationIndex(entries: readonly RelatedEntry[]): RelationIndex {
  let index = indexes.get(entries);
  if (!index) {
    const byId = new Map<string, RelatedEntry>();
    const incoming = new Map<string, EntryRelation[]>();
    for (const other of entries) {
      if (!byId.has(other.id)) byId.set(other.id, other);
      for (const r of other.data.related) {
        if (r.entry === other.id) continue;
        const list = incoming.get(r.entry) ?? [];
        list.push({ type: r.type, direction: 'incoming', entry: other.id, label: relationTypeInfo(r.type).inverseLabel });
        incoming.set(r.entry, list);
      }
    }
    index = { byId, incoming };
    indexes.set(entries, index);
  }
  return index;
}

/**
 * Every relation of `id`, written by it or pointing at it, each with the label for this side.
 * Outgoing first, in the order written; then incoming, in the order of `entries`. The list of
 * entries is indexed on the first call and must not change afterwards.
 */
export function relationsOf(id: string, entries: readonly RelatedEntry[]): EntryRelation[] {
  const { byId, incoming } = relationIndex(entries);
  const own = byId.get(id);
  const out: EntryRelation[] = (own?.data.related ?? []).map((r) => ({ type: r.type, direction: 'outgoing', entry: r.entry, label: relationTypeInfo(r.type).label }));
  out.push(...(incoming.get(id) ?? []).map((r) => ({ ...r })));
  return out;
}

/**
 * An entry's relations grouped under their labels: groups in the order of the types (each type's
 * own label before its inverse), items oldest first. Entries not in `entries` are left out.
 * @example groupRelations('b', [{ id: 'a', date: '2021', data: { related: [{ entry: 'b', type: 'responds-to' }] } }, { id: 'b', date: '2020', data: { related: [] } }])[0].label // 'Responses'
 */
export function groupRelations<T extends RelatedEntry>(id: string, entries: readonly T[]): RelationGroup<T>[] {
  const byId = relationIndex(entries).byId as Map<string, T>;
  const groups: RelationGroup<T>[] = [];
  const relations = relationsOf(id, entries);
  for (const type of RELATION_TYPE_IDS) {
    for (const direction of ['outgoing', 'incoming'] as const) {
      const items = relations
        .filter((r) => r.type === type && r.direction === direction)
        .map((r) => byId.get(r.entry))
        .filter((e): e is T => e !== undefined)
        .sort((a, b) => compareDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const unique = items.filter((e, i) => items.indexOf(e) === i);
      if (unique.length > 0) groups.push({ type, direction, label: direction === 'outgoing' ? INFO[type].label : INFO[type].inverseLabel, items: unique });
    }
  }
  return groups;
}

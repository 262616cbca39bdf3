import { describe, expect, test } from 'vitest';
import { RELATION_TYPE_IDS } from '../../src/schemas/relation.ts';
import { entrySchema, entrySnapshotSchema } from '../../src/schemas/entry.ts';
import { groupRelations, relationsOf, RELATION_TYPES, relationTypeInfo } from '../../src/lib/model/relations.ts';

const entry = (id: string, date: string, related: { entry: string; type: (typeof RELATION_TYPE_IDS)[number] }[] = []) => ({ id, date, data: { related } });
const order = entry('2022-11-24-order', '2022-11-24');
const reply = entry('2022-11-25-reply', '2022-11-25', [{ entry: '2022-11-24-order', type: 'responds-to' }]);
const earlyReply = entry('2022-11-25-a-reply', '2022-11-25', [{ entry: '2022-11-24-order', type: 'responds-to' }]);
const commitment = entry('2023-06-07-commitment', '2023-06-07', [{ entry: '2022-11-24-order', type: 'expands' }]);
const timeline = entry('2024-04-29-timeline', '2024-04-29', [{ entry: '2023-06-07-commitment', type: 'implements' }]);
const all = [order, reply, earlyReply, commitment, timeline];

describe('relation types', () => {
  test('every type has a label, an inverse label and a description', () => {
    expect(RELATION_TYPES.map((t) => t.id)).toEqual([...RELATION_TYPE_IDS]);
    for (const t of RELATION_TYPES) {
      expect(t.label).not.toBe(t.inverseLabel);
      expect(t.description.length).toBeGreaterThan(10);
    }
    expect(relationTypeInfo('implements').inverseLabel).toBe('Implemented by');
  });

  test('the entry schema takes typed relations and rejects an unknown type or a bare id', () => {
    const front = { title: 't', summary: 's', date: '2022', datePrecision: 'year', category: 'warning', jurisdictions: ['uk'], sources: ['x'], verification: 'confirmed', verificationNote: 'n', published: '2026-11-01' };
    expect(entrySchema.parse({ ...front, related: [{ entry: 'a', type: 'supersedes' }] }).related).toEqual([{ entry: 'a', type: 'supersedes' }]);
    expect(entrySchema.safeParse({ ...front, related: [{ entry: 'a', type: 'inspires' }] }).success).toBe(false);
    expect(entrySchema.safeParse({ ...front, related: ['a'] }).success).toBe(false);
  });

  test('an earlier version kept from before relations were typed parses, its plain ids dropped and typed ones kept', () => {
    const front = { title: 't', summary: 's', date: '2022', datePrecision: 'year', category: 'warning', jurisdictions: ['uk'], sources: ['x'], verification: 'confirmed', verificationNote: 'n', published: '2026-11-01' };
    expect(entrySnapshotSchema.parse({ ...front, related: ['a', { entry: 'b', type: 'expands' }] }).related).toEqual([{ entry: 'b', type: 'expands' }]);
    expect(entrySnapshotSchema.safeParse({ ...front, related: [{ entry: 'b', type: 'inspires' }] }).success).toBe(false);
  });
});

describe('relationsOf', () => {
  test('shows a relation on the entry that wrote it with its label, and on the other with the inverse label', () => {
    expect(relationsOf('2022-11-25-reply', all)).toEqual([{ type: 'responds-to', direction: 'outgoing', entry: '2022-11-24-order', label: 'Responds to' }]);
    expect(relationsOf('2023-06-07-commitment', all)).toEqual([
      { type: 'expands', direction: 'outgoing', entry: '2022-11-24-order', label: 'Expands' },
      { type: 'implements', direction: 'incoming', entry: '2024-04-29-timeline', label: 'Implemented by' },
    ]);
  });
});

describe('groupRelations', () => {
  test('groups by type in the fixed order, the type’s own label before its inverse, each group in date order', () => {
    const groups = groupRelations('2022-11-24-order', all);
    expect(groups.map((g) => [g.label, g.items.map((e) => e.id)])).toEqual([
      ['Expanded by', ['2023-06-07-commitment']],
      ['Responses', ['2022-11-25-a-reply', '2022-11-25-reply']],
    ]);
  });

  test('leaves out relations to entries it was not given', () => {
    expect(groupRelations('2024-04-29-timeline', [timeline])).toEqual([]);
  });
});

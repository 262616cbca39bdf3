import { describe, expect, test } from 'vitest';
import { compareNames, initialOf, namedIds, sortByLabel, withEntries } from '../../src/lib/model/entities.ts';

const entry = (vendors: string[], jurisdictions: string[] = ['uk'], bodies: string[] = []) => ({ data: { vendors: vendors.map((id) => ({ id, basis: 'named' as const })), jurisdictions, bodies } });

describe('namedIds and withEntries', () => {
  const entries = [entry(['hikvision', 'dahua']), entry(['dahua'], ['us'])];

  test('collect the ids that at least one entry names', () => {
    expect([...namedIds(entries, 'vendors')].sort()).toEqual(['dahua', 'hikvision']);
    expect([...namedIds(entries, 'jurisdictions')].sort()).toEqual(['uk', 'us']);
    expect(namedIds(entries, 'bodies').size).toBe(0);
  });

  test('keep only the records an entry names, in their original order', () => {
    const records = new Map([['dahua', 'D'], ['hikvision', 'H'], ['nuuo', 'N']]);
    expect([...withEntries(records, entries, 'vendors')]).toEqual([['dahua', 'D'], ['hikvision', 'H']]);
  });
});

describe('sorting by the name shown', () => {
  test('puts a name under its first shown letter, whatever its id', () => {
    const items = [{ id: 'meiya-pico', label: 'Xiamen Meiya Pico' }, { id: 'megvii', label: 'Megvii' }, { id: 'dahua', label: 'Dahua' }];
    expect(sortByLabel(items).map((i) => i.id)).toEqual(['dahua', 'megvii', 'meiya-pico']);
  });

  test.each([
    ['NUUO', 'Megvii', 1],
    ['dji', 'Dahua', 1],
    ['Éire', 'Estonia', -1],
  ])('compares %s with %s ignoring case and accents', (a, b, sign) => {
    expect(Math.sign(compareNames(a, b))).toBe(sign);
  });

  test('leaves the input as it was', () => {
    const items = [{ label: 'b' }, { label: 'a' }];
    sortByLabel(items);
    expect(items.map((i) => i.label)).toEqual(['b', 'a']);
  });
});

describe('initialOf', () => {
  test.each([
    ['Xiamen Meiya Pico', 'X'],
    ['City A.M.', 'C'],
    ['élysée', 'E'],
    ['“The Times”', 'T'],
    ['9to5Mac', '#'],
  ])('files %s under %s', (name, letter) => {
    expect(initialOf(name)).toBe(letter);
  });
});

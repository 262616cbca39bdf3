import { describe, expect, test } from 'vitest';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Topology } from 'topojson-specification';
import { drawWorldMap } from '../../src/lib/views/world-map.ts';

const topology = countries as unknown as Topology;

describe('drawWorldMap', () => {
  const map = drawWorldMap(topology, [{ id: 'uk', codes: ['826'] }, { id: 'eu', codes: ['250', '276', '470'] }, { id: 'nowhere', codes: ['999'] }], { width: 960 });

  test('draws one shape per jurisdiction with known codes, in the order given, and leaves out the others', () => {
    expect(map.shapes.map((s) => s.id)).toEqual(['uk', 'eu']);
  });

  test('rounds every coordinate to whole units, so the paths stay small', () => {
    for (const d of [map.land, ...map.shapes.map((s) => s.d)]) {
      expect(d).toMatch(/^M/);
      expect(d).not.toMatch(/\d\.\d/);
    }
    expect(map.land.length + map.shapes.reduce((n, s) => n + s.d.length, 0)).toBeLessThan(60_000);
  });

  test('fits the given width, without Antarctica, at about half as high as wide', () => {
    expect(map.width).toBe(960);
    expect(map.height).toBeGreaterThan(350);
    expect(map.height).toBeLessThan(480);
  });

  test('places a jurisdiction where it belongs: the UK in the upper half, west of France and Germany', () => {
    const xs = (d: string) => [...d.matchAll(/[ML](-?\d+),(-?\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const uk = xs(map.shapes[0]!.d);
    const eu = xs(map.shapes[1]!.d);
    const mean = (pts: readonly (readonly [number, number])[], i: 0 | 1) => pts.reduce((a, p) => a + p[i], 0) / pts.length;
    expect(mean(uk, 1)).toBeLessThan(map.height / 2);
    expect(mean(uk, 0)).toBeLessThan(mean(eu, 0));
  });

  test('refuses a topology without the named geometry collection', () => {
    expect(() => drawWorldMap(topology, [], { width: 100, object: 'rivers' })).toThrow(/no geometry collection "rivers"/);
  });
});

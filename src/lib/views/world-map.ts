/**
 * The world map of `/status/`, drawn at build time: country shapes from a TopoJSON topology
 * (world-atlas), projected with d3-geo's Equal Earth projection into SVG path data rounded to
 * whole units, so the page carries a few kilobytes of paths and no script. Each jurisdiction
 * is one shape (its countries merged); every other country merges into one background shape.
 */
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A jurisdiction to draw: its id and the ISO 3166-1 numeric codes of its countries. */
export interface MapGroup {
  id: string;
  codes: readonly string[];
}

/** The drawn map: its size, the background land and one path per jurisdiction that has shapes. */
export interface WorldMap {
  width: number;
  height: number;
  /** Path data of every country that belongs to no jurisdiction. */
  land: string;
  /** One merged shape per jurisdiction, in the order given; jurisdictions without a known code are left out. */
  shapes: { id: string; d: string }[];
}

/** Antarctica: left out, as it holds no jurisdiction and takes a fifth of the height. */
const ANTARCTICA = '010';

/**
 * Projects `topology.objects[object]` to SVG path data `width` units wide.
 * @example drawWorldMap(countries110m, [{ id: 'uk', codes: ['826'] }], { width: 960 }).shapes[0].id // 'uk'
 */
export function drawWorldMap(topology: Topology, groups: readonly MapGroup[], options: { width: number; object?: string }): WorldMap {
  const { width, object = 'countries' } = options;
  const collection = topology.objects[object] as GeometryCollection | undefined;
  if (!collection || collection.type !== 'GeometryCollection') throw new Error(`the topology has no geometry collection "${object}"`);
  const countries = collection.geometries.filter((g) => String(g.id) !== ANTARCTICA);
  const grouped = new Set(groups.flatMap((g) => g.codes));
  const everything = { type: 'FeatureCollection', features: countries.map((g) => feature(topology, g)) } as GeoPermissibleObjects;
  const projection = geoEqualEarth().fitWidth(width, everything);
  const path = geoPath(projection).digits(0);
  const [[, top], [, bottom]] = path.bounds(everything);
  const shapes = groups.flatMap((group) => {
    const parts = countries.filter((g) => group.codes.includes(String(g.id)));
    return parts.length > 0 ? [{ id: group.id, d: path(merge(topology, parts as never) as GeoPermissibleObjects) ?? '' }] : [];
  });
  return {
    width,
    height: Math.ceil(bottom - top),
    land: path(merge(topology, countries.filter((g) => !grouped.has(String(g.id))) as never) as GeoPermissibleObjects) ?? '',
    shapes,
  };
}

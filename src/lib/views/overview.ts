/**
 * Geometry of the home page's overview: every event as a mark on a true time axis (a day is a
 * day wide, whatever the year holds), one lane per category, each category with its own shape as
 * well as its colour, and the key events numbered in a strip above the lanes. Pure numbers; the
 * component draws the SVG.
 */
import { CATEGORIES } from '../model/categories.ts';
import { parsePartialDate } from '../model/dates.ts';
import type { Category } from '../../schemas/category.ts';

/** The shapes a category's marks can take, so that colour is never the only cue. */
export const SHAPES = ['circle', 'square', 'diamond', 'triangle', 'triangle-down', 'hexagon', 'cross', 'bar', 'star', 'ring'] as const;
/** One mark shape. */
export type Shape = (typeof SHAPES)[number];

/** What the overview needs of an entry. */
export interface OverviewItem {
  id: string;
  date: string;
  title: string;
  category: Category;
  key: boolean;
}

/** One category's lane. */
export interface OverviewLane {
  category: Category;
  label: string;
  colour: number;
  shape: Shape;
  y: number;
  count: number;
}

/** One event's mark. */
export interface OverviewMark {
  id: string;
  date: string;
  title: string;
  category: Category;
  label: string;
  colour: number;
  shape: Shape;
  x: number;
  y: number;
  /** The key event's number (1, 2, …), in date order; undefined for other events. */
  number: number | undefined;
}

/** A key event's numbered label in the strip above the lanes. */
export interface OverviewKey {
  number: number;
  id: string;
  x: number;
  y: number;
}

/** A year boundary on the axis. */
export interface OverviewTick {
  year: number;
  x: number;
  /** Where the year's label sits (the middle of the year). */
  labelX: number;
}

/** The whole overview. */
export interface OverviewLayout {
  width: number;
  height: number;
  /** Where the lanes start and end vertically. */
  lanesTop: number;
  lanesBottom: number;
  laneHeight: number;
  lanes: OverviewLane[];
  marks: OverviewMark[];
  keys: OverviewKey[];
  ticks: OverviewTick[];
  /** The axis line's height. */
  axisY: number;
}

/** Layout options in SVG user units. */
export interface OverviewOptions {
  width?: number;
  laneHeight?: number;
  /** Height of one row of key-event numbers. */
  keyRowHeight?: number;
  /** Numbers closer than this share no row. */
  keySpacing?: number;
  axisHeight?: number;
  padding?: number;
}

const DAY = 86_400_000;

/**
 * The time of a date of any precision, as the middle of the period it names (mid-year for `2021`,
 * mid-month for `2021-03`), in milliseconds since 1970 (UTC).
 * @example new Date(dateMidpoint('2021-03')).toISOString().slice(0, 10) // '2021-03-16'
 */
export function dateMidpoint(value: string): number {
  const { year, month, day } = parsePartialDate(value);
  if (day !== undefined) return Date.UTC(year, month! - 1, day) + DAY / 2;
  const start = month === undefined ? Date.UTC(year, 0, 1) : Date.UTC(year, month - 1, 1);
  const end = month === undefined ? Date.UTC(year + 1, 0, 1) : Date.UTC(year, month, 1);
  return (start + end) / 2;
}

/**
 * Lays out the overview: whole years from the first event's to the last one's, one lane per
 * category that has events (in the fixed category order), key events numbered in date order.
 * @example layoutOverview([{ id: 'a', date: '2021-07', title: 'A', category: 'warning', key: true }]).keys[0].number // 1
 */
export function layoutOverview(items: readonly OverviewItem[], options: OverviewOptions = {}): OverviewLayout {
  const { width = 640, laneHeight = 19, keyRowHeight = 25, keySpacing = 24, axisHeight = 30, padding = 14 } = options;
  const years = items.map((i) => parsePartialDate(i.date).year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const start = Date.UTC(first, 0, 1);
  const end = Date.UTC(last + 1, 0, 1);
  const xOf = (time: number) => round(padding + ((time - start) / (end - start)) * (width - 2 * padding));

  const sorted = [...items].sort((a, b) => dateMidpoint(a.date) - dateMidpoint(b.date) || (a.id < b.id ? -1 : 1));
  const keyItems = sorted.filter((i) => i.key);
  // Key numbers go in rows: a number too close to the previous one in its row drops to the next row.
  const rowEnds: number[] = [];
  const keyPlaces = keyItems.map((item, index) => {
    const x = xOf(dateMidpoint(item.date));
    let row = rowEnds.findIndex((endX) => x - endX >= keySpacing);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = x;
    return { number: index + 1, id: item.id, x, row };
  });
  const keyRows = Math.max(rowEnds.length, keyItems.length > 0 ? 1 : 0);
  const lanesTop = keyRows * keyRowHeight + (keyRows > 0 ? 6 : 0);

  const used = CATEGORIES.filter((c) => items.some((i) => i.category === c.id));
  const lanes: OverviewLane[] = used.map((c, index) => ({
    category: c.id,
    label: c.label,
    colour: c.colour,
    shape: SHAPES[c.colour % SHAPES.length]!,
    y: lanesTop + index * laneHeight + laneHeight / 2,
    count: items.filter((i) => i.category === c.id).length,
  }));
  const laneOf = new Map(lanes.map((l) => [l.category, l]));
  const numberOf = new Map(keyPlaces.map((k) => [k.id, k.number]));
  const marks: OverviewMark[] = sorted.map((item) => {
    const lane = laneOf.get(item.category)!;
    return {
      id: item.id,
      date: item.date,
      title: item.title,
      category: item.category,
      label: lane.label,
      colour: lane.colour,
      shape: lane.shape,
      x: xOf(dateMidpoint(item.date)),
      y: lane.y,
      number: numberOf.get(item.id),
    };
  });
  const lanesBottom = lanesTop + lanes.length * laneHeight;
  const ticks: OverviewTick[] = [];
  for (let year = first; year <= last; year += 1) {
    ticks.push({ year, x: xOf(Date.UTC(year, 0, 1)), labelX: xOf((Date.UTC(year, 0, 1) + Date.UTC(year + 1, 0, 1)) / 2) });
  }
  return {
    width,
    height: lanesBottom + axisHeight,
    lanesTop,
    lanesBottom,
    laneHeight,
    lanes,
    marks,
    keys: keyPlaces.map((k) => ({ number: k.number, id: k.id, x: k.x, y: k.row * keyRowHeight + keyRowHeight / 2 })),
    ticks,
    axisY: lanesBottom,
  };
}

/**
 * The SVG path of a mark of the given shape, centred on (x, y), about `r` in radius.
 * @example markPath('square', 10, 10, 5) // 'M5 5h10v10h-10z'
 */
export function markPath(shape: Shape, x: number, y: number, r: number): string {
  const p = (n: number) => String(round(n));
  switch (shape) {
    case 'circle':
      return `M${p(x - r)} ${p(y)}a${p(r)} ${p(r)} 0 1 0 ${p(2 * r)} 0a${p(r)} ${p(r)} 0 1 0 ${p(-2 * r)} 0z`;
    case 'ring': {
      const inner = r * 0.45;
      return `M${p(x - r)} ${p(y)}a${p(r)} ${p(r)} 0 1 0 ${p(2 * r)} 0a${p(r)} ${p(r)} 0 1 0 ${p(-2 * r)} 0zM${p(x - inner)} ${p(y)}a${p(inner)} ${p(inner)} 0 1 1 ${p(2 * inner)} 0a${p(inner)} ${p(inner)} 0 1 1 ${p(-2 * inner)} 0z`;
    }
    case 'square':
      return `M${p(x - r)} ${p(y - r)}h${p(2 * r)}v${p(2 * r)}h${p(-2 * r)}z`;
    case 'diamond':
      return `M${p(x)} ${p(y - r * 1.3)}L${p(x + r * 1.3)} ${p(y)}L${p(x)} ${p(y + r * 1.3)}L${p(x - r * 1.3)} ${p(y)}z`;
    case 'triangle':
      return `M${p(x)} ${p(y - r * 1.25)}L${p(x + r * 1.2)} ${p(y + r)}L${p(x - r * 1.2)} ${p(y + r)}z`;
    case 'triangle-down':
      return `M${p(x)} ${p(y + r * 1.25)}L${p(x + r * 1.2)} ${p(y - r)}L${p(x - r * 1.2)} ${p(y - r)}z`;
    case 'hexagon': {
      const pts = Array.from({ length: 6 }, (_, i) => [x + r * 1.1 * Math.cos((Math.PI / 3) * i), y + r * 1.1 * Math.sin((Math.PI / 3) * i)]);
      return `M${pts.map(([a, b]) => `${p(a!)} ${p(b!)}`).join('L')}z`;
    }
    case 'cross': {
      const t = r * 0.4;
      return `M${p(x - t)} ${p(y - r)}h${p(2 * t)}v${p(r - t)}h${p(r - t)}v${p(2 * t)}h${p(t - r)}v${p(r - t)}h${p(-2 * t)}v${p(t - r)}h${p(t - r)}v${p(-2 * t)}h${p(r - t)}z`;
    }
    case 'bar':
      return `M${p(x - r * 0.45)} ${p(y - r * 1.3)}h${p(r * 0.9)}v${p(r * 2.6)}h${p(-r * 0.9)}z`;
    case 'star': {
      const pts = Array.from({ length: 10 }, (_, i) => {
        const radius = i % 2 === 0 ? r * 1.35 : r * 0.6;
        const angle = -Math.PI / 2 + (Math.PI / 5) * i;
        return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
      });
      return `M${pts.map(([a, b]) => `${p(a!)} ${p(b!)}`).join('L')}z`;
    }
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One lane's events drawn as one shape: a mark for each year of the lane that has events. */
export interface MergedLane {
  colour: number;
  /** The path of every mark of the lane. */
  d: string;
}

/**
 * The lanes' marks for a large record: one mark per kind of event and year, at the middle of the
 * year, sized by how many events of that kind the year holds (6, 7 or 8 units for up to 4, up to
 * 16 and more), each lane's marks as one path. Key events are drawn on their own, so they are left
 * out here. The drawing's size then depends on the lanes and the years, not on the number of events.
 */
export function mergedLanes(layout: OverviewLayout): MergedLane[] {
  return layout.lanes.map((lane) => {
    const perYear = new Map<number, number>();
    for (const mark of layout.marks) {
      if (mark.category !== lane.category || mark.number !== undefined) continue;
      const year = parsePartialDate(mark.date).year;
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const d = layout.ticks
      .filter((tick) => perYear.has(tick.year))
      .map((tick) => {
        const n = perYear.get(tick.year)!;
        return markPath(lane.shape, tick.labelX, lane.y, n <= 4 ? 6 : n <= 16 ? 7 : 8);
      })
      .join('');
    return { colour: lane.colour, d };
  });
}

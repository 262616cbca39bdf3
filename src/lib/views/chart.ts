/**
 * Geometry of the compile-time overview chart: one column per year (empty years included, so
 * gaps in time stay visible), stacked by category. Pure numbers; the component draws the SVG.
 */
import { CATEGORIES } from '../model/categories.ts';
import type { Category } from '../../schemas/category.ts';

/** One coloured block of a year's column. */
export interface ChartSegment {
  category: Category;
  label: string;
  colour: number;
  count: number;
  y: number;
  height: number;
}

/** One year's column. */
export interface ChartColumn {
  year: number;
  total: number;
  x: number;
  width: number;
  segments: ChartSegment[];
}

/** The whole chart. */
export interface ChartLayout {
  width: number;
  height: number;
  /** Height of the plot area (labels sit below it). */
  plotHeight: number;
  max: number;
  columns: ChartColumn[];
}

/** Layout options in SVG user units. */
export interface ChartOptions {
  columnWidth?: number;
  gap?: number;
  plotHeight?: number;
  labelHeight?: number;
}

/**
 * Lays out entries per year, stacked by category in the fixed category order.
 * @example layoutYearChart([{ date: '2021-03', category: 'warning' }]).columns[0].total // 1
 */
export function layoutYearChart(items: readonly { date: string; category: Category }[], options: ChartOptions = {}): ChartLayout {
  const { columnWidth = 36, gap = 8, plotHeight = 120, labelHeight = 22 } = options;
  if (items.length === 0) return { width: 0, height: 0, plotHeight, max: 0, columns: [] };
  const years = items.map((i) => Number(i.date.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const perYear = new Map<number, Map<Category, number>>();
  for (const item of items) {
    const year = Number(item.date.slice(0, 4));
    const counts = perYear.get(year) ?? new Map<Category, number>();
    counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
    perYear.set(year, counts);
  }
  const totals = [...perYear.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const max = Math.max(...totals);
  const unit = plotHeight / max;
  const columns: ChartColumn[] = [];
  for (let year = first; year <= last; year += 1) {
    const counts = perYear.get(year) ?? new Map<Category, number>();
    let top = plotHeight;
    const segments: ChartSegment[] = [];
    for (const category of CATEGORIES) {
      const count = counts.get(category.id) ?? 0;
      if (count === 0) continue;
      const height = count * unit;
      top -= height;
      segments.push({ category: category.id, label: category.label, colour: category.colour, count, y: round(top), height: round(height) });
    }
    const index = year - first;
    columns.push({ year, total: segments.reduce((a, s) => a + s.count, 0), x: index * (columnWidth + gap), width: columnWidth, segments });
  }
  return { width: columns.length * (columnWidth + gap) - gap, height: plotHeight + labelHeight, plotHeight, max, columns };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

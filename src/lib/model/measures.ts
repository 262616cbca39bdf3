/**
 * Measures: the labels and explanations of their kinds, statuses and stages, and the pure logic
 * of the pages built from them: what is in force for a vendor or a jurisdiction, which measures
 * an entry is a stage of, the status table, each jurisdiction's shade on the map, and the
 * lifecycle axis of a measure page.
 */
import {
  MEASURE_KIND_IDS,
  MEASURE_STATUS_IDS,
  type Measure,
  type MeasureKind,
  type MeasureStage,
  type MeasureStageKind,
  type MeasureStatus,
} from '../../schemas/measure.ts';
import { compareDates, parsePartialDate } from './dates.ts';

/** How far a measure reaches, used to shade the map; `none` means no current measure. */
export type Reach = 'market' | 'government' | 'limited' | 'none';

/** How a measure kind is shown: label, explanation, and how far such a measure reaches. */
export interface MeasureKindInfo {
  id: MeasureKind;
  label: string;
  description: string;
  reach: Exclude<Reach, 'none'>;
}

const KINDS: Record<MeasureKind, Omit<MeasureKindInfo, 'id'>> = {
  'procurement-ban': { label: 'Procurement ban', description: 'Public bodies may not buy the equipment, or contract with firms that supply or use it.', reach: 'government' },
  'trade-restriction': { label: 'Trade restriction', description: 'Limits on exporting to, or trading with, the named companies.', reach: 'market' },
  'equipment-authorisation-ban': { label: 'Equipment-authorisation ban', description: 'New equipment cannot be approved for sale or import, so it cannot be marketed at all.', reach: 'market' },
  'investment-restriction': { label: 'Investment or securities restriction', description: 'Residents may not buy or sell the named companies’ shares or other securities.', reach: 'market' },
  designation: { label: 'Official listing', description: 'An official list naming companies, whose consequences are set by other laws and rules.', reach: 'government' },
  'removal-order': { label: 'Removal order', description: 'Installed equipment must be taken out, or a contract for it ended.', reach: 'government' },
  'closure-order': { label: 'Closure order', description: 'A company’s local business must stop operating and wind up.', reach: 'market' },
  'deployment-restriction': { label: 'Deployment restriction', description: 'The equipment (or a product) may not be installed or used in stated places.', reach: 'government' },
  guidance: { label: 'Guidance', description: 'Advice without binding force.', reach: 'limited' },
};

/** Every measure kind in display order. */
export const MEASURE_KINDS: readonly MeasureKindInfo[] = MEASURE_KIND_IDS.map((id) => ({ id, ...KINDS[id] }));

/** How a status is shown, and whether a measure with it still applies. */
export interface MeasureStatusInfo {
  id: MeasureStatus;
  label: string;
  description: string;
  /** The measure applies now (in force, in part, or while challenged). */
  inForce: boolean;
}

const STATUSES: Record<MeasureStatus, Omit<MeasureStatusInfo, 'id'>> = {
  proposed: { label: 'Proposed', description: 'Announced or tabled but not yet adopted.', inForce: false },
  'in-force': { label: 'In force', description: 'Adopted and applying.', inForce: true },
  'partly-in-force': { label: 'Partly in force', description: 'Some parts apply; others are not yet in force or were set aside.', inForce: true },
  challenged: { label: 'In force, challenged', description: 'Applying while a court or formal challenge is pending.', inForce: true },
  'struck-down': { label: 'Struck down', description: 'Set aside by a court.', inForce: false },
  revoked: { label: 'Revoked', description: 'Withdrawn by the body that made it.', inForce: false },
  completed: { label: 'Completed', description: 'A one-off action (a removal, a closure) that has been carried out.', inForce: false },
  superseded: { label: 'Superseded', description: 'Replaced by a later measure.', inForce: false },
  unconfirmed: { label: 'Unconfirmed report', description: 'Known only from press reports; never officially confirmed, and its current state is not known.', inForce: false },
};

/** Every status in display order. */
export const MEASURE_STATUSES: readonly MeasureStatusInfo[] = MEASURE_STATUS_IDS.map((id) => ({ id, ...STATUSES[id] }));

const STAGES: Record<MeasureStageKind, string> = {
  proposed: 'Proposed',
  announced: 'Announced',
  adopted: 'Adopted',
  'in-force': 'In force',
  expanded: 'Expanded',
  narrowed: 'Narrowed',
  challenged: 'Challenged',
  upheld: 'Upheld',
  remanded: 'Remanded',
  'struck-down': 'Struck down',
  revoked: 'Revoked',
  completed: 'Completed',
  superseded: 'Superseded',
  reported: 'Reported',
};

/**
 * @example measureKindInfo('closure-order').label // 'Closure order'
 */
export function measureKindInfo(id: MeasureKind): MeasureKindInfo {
  return { id, ...KINDS[id] };
}

/**
 * @example measureStatusInfo('challenged').inForce // true
 */
export function measureStatusInfo(id: MeasureStatus): MeasureStatusInfo {
  return { id, ...STATUSES[id] };
}

/**
 * @example stageLabel('in-force') // 'In force'
 */
export function stageLabel(id: MeasureStageKind): string {
  return STAGES[id];
}

/** A measure with its id (its file name). */
export interface MeasureRecord {
  id: string;
  data: Measure;
}

/** Measures ordered by jurisdiction, then by their first stage, then by id. */
export function sortMeasures<T extends MeasureRecord>(measures: readonly T[]): T[] {
  return [...measures].sort(
    (a, b) =>
      (a.data.jurisdiction < b.data.jurisdiction ? -1 : a.data.jurisdiction > b.data.jurisdiction ? 1 : 0) ||
      compareDates(a.data.stages[0]!.date, b.data.stages[0]!.date) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** A measure an entry belongs to, with the stages the entry records. */
export interface EntryMeasure<T extends MeasureRecord = MeasureRecord> {
  measure: T;
  stages: MeasureStage[];
}

/**
 * The measures an entry records a stage of, in the order of `measures`.
 * @example measuresOfEntry('2019-10-07-x', measures)[0].stages[0].stage // 'adopted'
 */
export function measuresOfEntry<T extends MeasureRecord>(entryId: string, measures: readonly T[]): EntryMeasure<T>[] {
  return measures.flatMap((measure) => {
    const stages = measure.data.stages.filter((s) => s.entry === entryId);
    return stages.length > 0 ? [{ measure, stages }] : [];
  });
}

/** Measures that name a vendor (by id), or that bind in a jurisdiction, split into those in force and the rest. */
export interface MeasuresInForce<T extends MeasureRecord> {
  inForce: T[];
  other: T[];
}

/** Splits measures into those that apply now and the others, keeping their order. */
export function splitInForce<T extends MeasureRecord>(measures: readonly T[]): MeasuresInForce<T> {
  return {
    inForce: measures.filter((m) => STATUSES[m.data.status].inForce),
    other: measures.filter((m) => !STATUSES[m.data.status].inForce),
  };
}

/** The measures that name a vendor, split by whether they apply now. */
export function measuresForVendor<T extends MeasureRecord>(vendorId: string, measures: readonly T[]): MeasuresInForce<T> {
  return splitInForce(measures.filter((m) => m.data.vendors.includes(vendorId)));
}

/** The measures of a jurisdiction, split by whether they apply now. */
export function measuresForJurisdiction<T extends MeasureRecord>(jurisdictionId: string, measures: readonly T[]): MeasuresInForce<T> {
  return splitInForce(measures.filter((m) => m.data.jurisdiction === jurisdictionId));
}

/** One row of the status table: a jurisdiction and its measures by kind. */
export interface StatusRow<T extends MeasureRecord> {
  jurisdiction: string;
  cells: Record<MeasureKind, T[]>;
}

/** The status table: the kinds that occur (its columns) and one row per jurisdiction. */
export interface StatusTable<T extends MeasureRecord> {
  kinds: MeasureKind[];
  rows: StatusRow<T>[];
}

/**
 * The jurisdictions × kinds table of `/status/`: columns are the kinds that at least one measure
 * has, in the fixed order; rows follow `jurisdictionIds`, each cell lists its measures in order.
 */
export function statusTable<T extends MeasureRecord>(jurisdictionIds: readonly string[], measures: readonly T[]): StatusTable<T> {
  const sorted = sortMeasures(measures);
  const kinds = MEASURE_KIND_IDS.filter((k) => sorted.some((m) => m.data.kind === k));
  const rows = jurisdictionIds.map((jurisdiction) => {
    const cells = Object.fromEntries(MEASURE_KIND_IDS.map((k) => [k, sorted.filter((m) => m.data.jurisdiction === jurisdiction && m.data.kind === k)])) as Record<MeasureKind, T[]>;
    return { jurisdiction, cells };
  });
  return { kinds, rows };
}

/** The map legend: every reach level with its words, strongest first. */
export const REACH_LEVELS: readonly { id: Reach; label: string; description: string }[] = [
  { id: 'market', label: 'Restricts the market', description: 'At least one measure in force reaches beyond government: sales, imports, trade, investment or a company’s operation.' },
  { id: 'government', label: 'Restricts government use', description: 'Measures in force or carried out bind public bodies only: what they buy, install or keep.' },
  { id: 'limited', label: 'Guidance or unconfirmed only', description: 'Only guidance, or a restriction known from press reports and never confirmed.' },
  { id: 'none', label: 'No measure recorded', description: 'The site records events here but no measure.' },
];

const RANK: Record<Reach, number> = { market: 3, government: 2, limited: 1, none: 0 };

/** How far one measure reaches now; `none` when it no longer applies (revoked, struck down, superseded) or is only proposed. */
export function reachOf(measure: Measure): Reach {
  if (measure.status === 'unconfirmed') return 'limited';
  if (STATUSES[measure.status].inForce || measure.status === 'completed') return KINDS[measure.kind].reach;
  return 'none';
}

/** A jurisdiction's shade on the map and the measure that decides it. */
export interface JurisdictionReach<T extends MeasureRecord> {
  reach: Reach;
  /** The measure with the strongest reach (the earliest of equals); absent when `none`. */
  measure?: T;
}

/**
 * The strongest reach among a jurisdiction's measures.
 * @example jurisdictionReach('us', measures).reach // 'market'
 */
export function jurisdictionReach<T extends MeasureRecord>(jurisdictionId: string, measures: readonly T[]): JurisdictionReach<T> {
  let best: JurisdictionReach<T> = { reach: 'none' };
  for (const m of sortMeasures(measures.filter((x) => x.data.jurisdiction === jurisdictionId))) {
    const reach = reachOf(m.data);
    if (RANK[reach] > RANK[best.reach]) best = { reach, measure: m };
  }
  return best;
}

/** A point of the lifecycle axis: a stage at its place in time, on a lane so that close stages do not overlap. */
export interface AxisPoint {
  /** The index of the stage in the order given. */
  index: number;
  x: number;
  lane: number;
}

/** The lifecycle of a measure laid on a time axis: year ticks and one point per stage. */
export interface LifecycleAxis {
  width: number;
  lanes: number;
  ticks: { year: number; x: number }[];
  points: AxisPoint[];
}

const dayNumber = (date: string): number => {
  const { year, month, day } = parsePartialDate(date);
  return Date.UTC(year, (month ?? 1) - 1, day ?? 1) / 86_400_000;
};

/**
 * Places stages on a horizontal time axis from 1 January of the first stage's year to 1 January
 * after the last one's, `width` units wide with `padding` at each end. A stage closer than `gap`
 * units to the previous one on a lane moves to the next lane.
 * @example lifecycleAxis([{ date: '2021-01-01' }, { date: '2022-01-01' }], { width: 100, padding: 0 }).points.map((p) => p.x) // [0, 50]
 */
export function lifecycleAxis(stages: readonly { date: string }[], options: { width: number; padding?: number; gap?: number }): LifecycleAxis {
  const { width, padding = 16, gap = 26 } = options;
  if (stages.length === 0) return { width, lanes: 0, ticks: [], points: [] };
  const firstYear = Math.min(...stages.map((s) => parsePartialDate(s.date).year));
  const lastYear = Math.max(...stages.map((s) => parsePartialDate(s.date).year));
  const start = Date.UTC(firstYear, 0, 1) / 86_400_000;
  const end = Date.UTC(lastYear + 1, 0, 1) / 86_400_000;
  const scale = (day: number) => Math.round((padding + ((day - start) / (end - start)) * (width - 2 * padding)) * 10) / 10;
  const ticks = [];
  for (let year = firstYear; year <= lastYear + 1; year += 1) ticks.push({ year, x: scale(Date.UTC(year, 0, 1) / 86_400_000) });
  const laneEnds: number[] = [];
  const order = stages.map((s, index) => ({ index, x: scale(dayNumber(s.date)) })).sort((a, b) => a.x - b.x || a.index - b.index);
  const points: AxisPoint[] = [];
  for (const { index, x } of order) {
    let lane = laneEnds.findIndex((endX) => x - endX >= gap);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(x);
    } else laneEnds[lane] = x;
    points.push({ index, x, lane });
  }
  points.sort((a, b) => a.index - b.index);
  return { width, lanes: laneEnds.length, ticks, points };
}

/** The home page's short account of where things stand. */
export interface StatusSummary {
  /** Jurisdictions with measures in force, and how many, most first (ties in the order given). */
  inForce: { jurisdiction: string; count: number }[];
  /** How many measures have each status that occurs, in the fixed order of statuses. */
  byStatus: { status: MeasureStatus; count: number }[];
}

/**
 * Counts measures in force by jurisdiction, and all measures by status.
 * @example summariseStatus(['us', 'uk'], measures).inForce // [{ jurisdiction: 'us', count: 6 }, …]
 */
export function summariseStatus(jurisdictionIds: readonly string[], measures: readonly MeasureRecord[]): StatusSummary {
  const { inForce } = splitInForce(measures);
  return {
    inForce: jurisdictionIds
      .map((jurisdiction) => ({ jurisdiction, count: inForce.filter((m) => m.data.jurisdiction === jurisdiction).length }))
      .filter((j) => j.count > 0)
      .sort((a, b) => b.count - a.count),
    byStatus: MEASURE_STATUS_IDS.map((status) => ({ status, count: measures.filter((m) => m.data.status === status).length })).filter((s) => s.count > 0),
  };
}

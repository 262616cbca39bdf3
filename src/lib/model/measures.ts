/**
 * Measures: the labels and explanations of their kinds, statuses and stages, and the pure logic
 * of the pages built from them: what is in force for a vendor or a jurisdiction, which measures
 * an entry is a stage of, each jurisdiction's shade on the map, and the
 * lifecycle axis of a measure page.
 */
import {
  MEASURE_BINDS_IDS,
  MEASURE_KIND_IDS,
  MEASURE_STATUS_IDS,
  type Measure,
  type MeasureBinds,
  type MeasureKind,
  type MeasureStage,
  type MeasureStageKind,
  type MeasureStatus,
} from '../../schemas/measure.ts';
import { compareDates, parsePartialDate } from './dates.ts';

/**
 * How far a jurisdiction's measures reach, used to shade the map: `market` and `government` for
 * measures that bind them, `limited` for guidance, unused powers, lists with no effect of their
 * own and unconfirmed reports, `none` for none of those (a measure of one institution only, such as
 * the European Parliament's own removal of cameras, is listed beside the map, not shaded).
 */
export type Reach = 'market' | 'government' | 'limited' | 'none';

/** How a measure kind is shown: label, explanation, and whether it binds anyone by itself. */
export interface MeasureKindInfo {
  id: MeasureKind;
  label: string;
  description: string;
  /** `false` for kinds that bind no one until used or followed: guidance, a power to exclude. */
  binding: boolean;
}

const KINDS: Record<MeasureKind, Omit<MeasureKindInfo, 'id'>> = {
  'procurement-ban': { label: 'Procurement ban', description: 'Public bodies may not buy the equipment, or contract with firms that supply or use it.', binding: true },
  'exclusion-power': { label: 'Power to exclude', description: 'A power to exclude or debar suppliers, used case by case; it bans no one until it is used.', binding: false },
  'trade-restriction': { label: 'Trade restriction', description: 'Limits on exporting to, or trading with, the named companies.', binding: true },
  'equipment-authorisation-ban': { label: 'Equipment-authorisation ban', description: 'New equipment cannot be approved for sale or import, so it cannot be marketed at all.', binding: true },
  'investment-restriction': { label: 'Investment or securities restriction', description: 'Residents may not buy or sell the named companies’ shares or other securities.', binding: true },
  designation: { label: 'Official listing', description: 'An official list naming companies, whose consequences are set by other laws and rules.', binding: true },
  'removal-order': { label: 'Removal order', description: 'Installed equipment must be taken out, or a contract for it ended.', binding: true },
  'closure-order': { label: 'Closure order', description: 'A company’s local business must stop operating and wind up.', binding: true },
  'deployment-restriction': { label: 'Deployment restriction', description: 'The equipment (or a product) may not be installed or used in stated places.', binding: true },
  guidance: { label: 'Guidance', description: 'Advice without binding force.', binding: false },
};

/** How "whom it binds" is shown, and how far a binding measure of that scope reaches on the map. */
export interface MeasureBindsInfo {
  id: MeasureBinds;
  label: string;
  description: string;
  reach: Reach;
}

const BINDS: Record<MeasureBinds, Omit<MeasureBindsInfo, 'id'>> = {
  'no-one': { label: 'No one directly', description: 'A list with no legal effect of its own; other measures attach consequences to it.', reach: 'limited' },
  'one-institution': { label: 'One institution', description: 'One body’s own purchases, premises or staff; no one else is bound.', reach: 'none' },
  'one-company': { label: 'One company', description: 'An order addressed to one company’s business in the jurisdiction.', reach: 'market' },
  'central-government': { label: 'Central government', description: 'The national government’s departments and agencies (and, where stated, their contractors).', reach: 'government' },
  'public-sector': { label: 'All public bodies', description: 'Every public body: central government, local government, police, health and others.', reach: 'government' },
  market: { label: 'The whole market', description: 'Anyone: sales, imports, exports, trade or investment.', reach: 'market' },
};

/** Every binds value in display order. */
export const MEASURE_BINDS: readonly MeasureBindsInfo[] = MEASURE_BINDS_IDS.map((id) => ({ id, ...BINDS[id] }));

/**
 * @example measureBindsInfo('one-institution').label // 'One institution'
 */
export function measureBindsInfo(id: MeasureBinds): MeasureBindsInfo {
  return { id, ...BINDS[id] };
}

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
  revoked: { label: 'Revoked', description: 'Withdrawn by a formal act of the body that made it.', inForce: false },
  'no-longer-policy': { label: 'No longer policy', description: 'The body later said it no longer applied the measure; no formal act revoking it is recorded.', inForce: false },
  completed: { label: 'Completed', description: 'A one-off action (a removal, a closure) that the record shows was carried out.', inForce: false },
  'completion-reported': { label: 'Completion reported', description: 'A one-off action that reports or remarks say was carried out; no record of its completion was found.', inForce: false },
  'deadline-passed': { label: 'Deadline passed, completion unconfirmed', description: 'A one-off action whose own deadline has passed, with no record found of whether it was carried out.', inForce: false },
  superseded: { label: 'Superseded', description: 'Replaced by a later measure.', inForce: false },
  // Either a measure known from press reports alone, or one whose own record is old and nothing since says whether it still applies.
  unconfirmed: { label: 'Unconfirmed', description: 'No official record shows that it applies now: it is known from press reports alone, or nothing since its own record says whether it still applies.', inForce: false },
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
  dropped: 'No longer policy',
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
  // Every entry page asks twice (its facts and its search terms): the list of measures is read
  // once into a map by entry, kept for as long as the list itself.
  let byEntry = measuresByEntry.get(measures) as Map<string, EntryMeasure<T>[]> | undefined;
  if (!byEntry) {
    byEntry = new Map();
    for (const measure of measures) {
      const stagesByEntry = new Map<string, MeasureStage[]>();
      for (const stage of measure.data.stages) {
        const list = stagesByEntry.get(stage.entry);
        if (list) list.push(stage);
        else stagesByEntry.set(stage.entry, [stage]);
      }
      for (const [entry, stages] of stagesByEntry) {
        const list = byEntry.get(entry);
        if (list) list.push({ measure, stages });
        else byEntry.set(entry, [{ measure, stages }]);
      }
    }
    measuresByEntry.set(measures, byEntry);
  }
  return [...(byEntry.get(entryId) ?? [])];
}

const measuresByEntry = new WeakMap<readonly MeasureRecord[], Map<string, EntryMeasure[]>>();

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

/** The map legend: every reach level with its words, strongest first. */
export const REACH_LEVELS: readonly { id: Reach; label: string; description: string }[] = [
  { id: 'market', label: 'Binds the market', description: 'At least one measure in force binds more than government: sales, imports, trade, investment or a company’s operation.' },
  { id: 'government', label: 'Binds government', description: 'Measures in force or carried out bind the central government or all public bodies: what they buy, install or keep.' },
  { id: 'limited', label: 'Nothing binding', description: 'Only guidance, a power not yet used, a list with no effect of its own, or a restriction known from reports alone.' },
  { id: 'none', label: 'No binding measure', description: 'Events are recorded here, and perhaps a measure of one institution (listed below the map), but nothing that binds the government or the market.' },
];

const RANK: Record<Reach, number> = { market: 3, government: 2, limited: 1, none: 0 };

/** Statuses of a one-off action that was (or may have been) carried out: it counts as having applied. */
const CARRIED_OUT: ReadonlySet<MeasureStatus> = new Set(['completed', 'completion-reported', 'deadline-passed']);

/**
 * How far one measure reaches now: by whom it binds, `limited` when its kind binds no one by itself
 * or it is known from reports alone, `none` when it no longer applies (revoked, dropped, struck down,
 * superseded), is only proposed, or binds one institution only.
 */
export function reachOf(measure: Measure): Reach {
  if (measure.status === 'unconfirmed') return 'limited';
  if (!STATUSES[measure.status].inForce && !CARRIED_OUT.has(measure.status)) return 'none';
  const reach = BINDS[measure.binds].reach;
  return KINDS[measure.kind].binding || reach === 'none' ? reach : 'limited';
}

/**
 * The measures of one institution that apply or were carried out: shown beside the map as that
 * institution's, never as the jurisdiction's (the European Parliament's removal is not the EU's law).
 */
export function institutionMeasures<T extends MeasureRecord>(measures: readonly T[]): T[] {
  return sortMeasures(measures.filter((m) => m.data.binds === 'one-institution' && stillCounts(m.data.status)));
}

/**
 * Whether a measure with this status still counts: in force, carried out (or reported so), or an
 * unconfirmed report; not one revoked, dropped, superseded, struck down or only proposed.
 * @example stillCounts('completion-reported') // true
 */
export function stillCounts(status: MeasureStatus): boolean {
  return STATUSES[status].inForce || CARRIED_OUT.has(status) || status === 'unconfirmed';
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

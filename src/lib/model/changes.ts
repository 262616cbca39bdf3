/**
 * Every change to the record in one list, newest first: each correction (with the versions before
 * and after it), each update that no correction explains, each new entry, and each stage of a
 * measure's life (the latest one with the status the measure has now). `/changes/` and its feeds
 * are built from it.
 */
import type { MeasureStage, MeasureStageKind, MeasureStatus } from '../../schemas/measure.ts';
import { compareDates } from './dates.ts';
import { measureVersionsOf } from './measure-versions.ts';
import { measureStatusInfo, stageLabel } from './measures.ts';

/** The least of an entry that its changes follow from. */
export interface ChangingEntry {
  id: string;
  data: {
    title: string;
    summary: string;
    /** The event's date, of any precision; orders the changes of one day. */
    date: string;
    /** The day it was first published. */
    published: string;
    /** The day it last changed in substance. */
    updated?: string | undefined;
    /** Its corrections log, oldest first. */
    corrections: readonly { date: string; note: string }[];
  };
}

/** The least of a measure that its changes follow from. */
export interface ChangingMeasure {
  id: string;
  data: {
    shortName: string;
    status: MeasureStatus;
    statusAsOf: string;
    statusNote?: string | undefined;
    /** Corrections of what its page said, oldest first. */
    corrections?: readonly { date: string; note: string }[] | undefined;
    /** Its lifecycle, oldest first. */
    stages: readonly MeasureStage[];
  };
}

interface ChangeBase {
  /** When it happened: a day, or for a measure's stage a date of any precision. */
  date: string;
  /** An id for the change, unique in the list and the same in every build: the `/changes/` item's `id`. */
  anchor: string;
}

/** A correction of an entry: it made version `after` from version `before`. */
export interface CorrectionChange extends ChangeBase {
  kind: 'correction';
  entryId: string;
  title: string;
  /** What was wrong and what the entry now says. */
  note: string;
  before: number;
  after: number;
}

/** An update of an entry on a day that no correction of it names. */
export interface UpdateChange extends ChangeBase {
  kind: 'update';
  entryId: string;
  title: string;
}

/** An entry as first published (its version 1). */
export interface NewEntryChange extends ChangeBase {
  kind: 'new-entry';
  entryId: string;
  title: string;
  summary: string;
}

/**
 * A stage in a measure's life: it made the measure's version `after` (src/lib/model/measure-versions.ts)
 * from version `before` (none for the first stage). The latest stage carries the status the measure has now.
 */
export interface StageChange extends ChangeBase {
  kind: 'stage';
  measureId: string;
  before: number | undefined;
  after: number;
  /** The measure's short name. */
  measure: string;
  stage: MeasureStageKind;
  /** The stage as the site names it ("In force"). */
  stageLabel: string;
  note: string | undefined;
  /** The entry that records the stage, and its title when it is an entry of this build. */
  entryId: string;
  entryTitle: string | undefined;
  /** On the latest stage only: the measure's status, the day it was checked and any note on it. */
  status: { id: MeasureStatus; label: string; asOf: string; note: string | undefined } | undefined;
}

/**
 * A correction of a measure's page: a status, a scope, a kind or a stage that the record did not
 * support. A measure's versions follow its stages, so the note says what it said before.
 */
export interface MeasureCorrectionChange extends ChangeBase {
  kind: 'measure-correction';
  measureId: string;
  /** The measure's short name. */
  measure: string;
  /** What was wrong and what the measure now says. */
  note: string;
  /** Its place in the measure's corrections log, from 1: the log only grows, so the number never changes. */
  number: number;
}

/**
 * The id of a measure's n-th correction on the measure's page, so that each correction has an
 * address of its own (in `/changes/` and its feeds) that stays the same as the log grows.
 * @example measureCorrectionAnchor(2) // 'correction-2'
 */
export const measureCorrectionAnchor = (n: number): string => `correction-${n}`;

/** One change to the record. */
export type Change = CorrectionChange | MeasureCorrectionChange | UpdateChange | NewEntryChange | StageChange;

/** The order of kinds on one day: corrections first, new entries last. */
const KIND_ORDER: Record<Change['kind'], number> = { correction: 0, 'measure-correction': 0, update: 1, stage: 2, 'new-entry': 3 };

/** How `/changes/` names each kind of change. */
export const CHANGE_KIND_LABELS: Readonly<Record<Change['kind'], string>> = {
  correction: 'Correction',
  'measure-correction': 'Measure correction',
  update: 'Update',
  stage: 'Measure stage',
  'new-entry': 'New entry',
};

/**
 * Every change of the given entries and measures, newest first. Changes of one day come
 * corrections first, then updates, measure stages and new entries; within a kind, by the later
 * event (an entry's date, a stage's place in its measure), then by id, so the order is the same
 * in every build.
 * @example
 * collectChanges([{ id: 'a', data: { title: 'A', summary: 'S', date: '2021', published: '2026-11-29', corrections: [{ date: '2026-12-01', note: 'Fixed.' }] } }], [])
 *   .map((c) => `${c.date} ${c.kind}`) // ['2026-12-01 correction', '2026-11-29 new-entry']
 */
export function collectChanges(entries: readonly ChangingEntry[], measures: readonly ChangingMeasure[]): Change[] {
  const titles = new Map(entries.map((e) => [e.id, e.data.title]));
  const keyed: { change: Change; event: string; id: string; index: number }[] = [];
  for (const entry of entries) {
    const { data } = entry;
    const base = { event: data.date, id: entry.id };
    keyed.push({ ...base, index: 0, change: { kind: 'new-entry', date: data.published, anchor: `new-${entry.id}`, entryId: entry.id, title: data.title, summary: data.summary } });
    data.corrections.forEach((c, i) => {
      const after = i + 2;
      keyed.push({ ...base, index: i, change: { kind: 'correction', date: c.date, anchor: `correction-${entry.id}-v${after}`, entryId: entry.id, title: data.title, note: c.note, before: after - 1, after } });
    });
    if (data.updated !== undefined && data.updated > data.published && !data.corrections.some((c) => c.date === data.updated)) {
      keyed.push({ ...base, index: 0, change: { kind: 'update', date: data.updated, anchor: `update-${entry.id}-${data.updated}`, entryId: entry.id, title: data.title } });
    }
  }
  for (const measure of measures) {
    const { data } = measure;
    const seen = new Map<string, number>();
    const versions = measureVersionsOf({ stages: [...data.stages] });
    (data.corrections ?? []).forEach((c, i) => {
      keyed.push({ event: c.date, id: measure.id, index: i, change: { kind: 'measure-correction', date: c.date, anchor: `measure-correction-${measure.id}-${c.date}-${i + 1}`, measureId: measure.id, measure: data.shortName, note: c.note, number: i + 1 } });
    });
    data.stages.forEach((s, i) => {
      const after = versions[i]!.n;
      const base = `stage-${measure.id}-${s.date}-${s.stage}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const latest = i === data.stages.length - 1;
      const status = latest ? { id: data.status, label: measureStatusInfo(data.status).label, asOf: data.statusAsOf, note: data.statusNote } : undefined;
      keyed.push({
        event: s.date,
        id: measure.id,
        index: i,
        change: {
          kind: 'stage',
          date: s.date,
          anchor: count === 1 ? base : `${base}-${count}`,
          measureId: measure.id,
          before: i === 0 ? undefined : versions[i - 1]!.n,
          after,
          measure: data.shortName,
          stage: s.stage,
          stageLabel: stageLabel(s.stage),
          note: s.note,
          entryId: s.entry,
          entryTitle: titles.get(s.entry),
          status,
        },
      });
    });
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  keyed.sort(
    (a, b) =>
      compareDates(b.change.date, a.change.date) ||
      KIND_ORDER[a.change.kind] - KIND_ORDER[b.change.kind] ||
      compareDates(b.event, a.event) ||
      byId(a.id, b.id) ||
      b.index - a.index,
  );
  return keyed.map((k) => k.change);
}

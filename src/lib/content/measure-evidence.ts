/**
 * A measure's status is never stronger than its evidence. Each status that says the record shows
 * something (in force, completed, revoked, superseded, struck down, no longer policy) needs a stage
 * of the matching kind whose entry lists a primary source and is not `disputed`; a status that rests
 * on reports says so in its own name (`completion-reported`, `unconfirmed`), and
 * `deadline-passed` needs the deadline it speaks of, passed on the day the status was checked.
 */
import type { Measure, MeasureStageKind, MeasureStatus } from '../../schemas/measure.ts';
import { dateSortKey } from '../model/dates.ts';

/** What the content check knows of an entry that a stage points at. */
export interface StageEvidence {
  verification: 'confirmed' | 'reported' | 'disputed';
  /** Whether the entry lists at least one primary source. */
  hasPrimary: boolean;
}

interface Rule {
  /** The stage kinds that can carry the status. */
  stages: readonly MeasureStageKind[];
  /** Whether that stage's entry must list a primary source (and not be disputed). */
  primary: boolean;
  /** The weaker status to use when only reports are found. */
  instead?: MeasureStatus;
}

const IN_FORCE: Rule = { stages: ['adopted', 'in-force', 'upheld', 'expanded'], primary: true, instead: 'unconfirmed' };

/** The evidence each status needs; a status not listed (`proposed`, `unconfirmed`) needs none beyond its stages. */
export const STATUS_EVIDENCE: Readonly<Partial<Record<MeasureStatus, Rule>>> = {
  'in-force': IN_FORCE,
  'partly-in-force': IN_FORCE,
  challenged: IN_FORCE,
  completed: { stages: ['completed'], primary: true, instead: 'completion-reported' },
  'completion-reported': { stages: ['completed', 'reported'], primary: false },
  revoked: { stages: ['revoked'], primary: true, instead: 'unconfirmed' },
  'no-longer-policy': { stages: ['dropped'], primary: true, instead: 'unconfirmed' },
  superseded: { stages: ['superseded'], primary: true, instead: 'unconfirmed' },
  'struck-down': { stages: ['struck-down'], primary: true, instead: 'unconfirmed' },
};

const quoteList = (items: readonly string[]) => items.map((i) => `"${i}"`).join(' or ');

/**
 * The problems with a measure's status against the entries its stages point at, one line each,
 * naming the file, the status and what is missing.
 * @example measureEvidenceProblems('m.yaml', measure, evidence) // ['m.yaml: status: "completed" needs …']
 */
export function measureEvidenceProblems(file: string, measure: Measure, evidence: ReadonlyMap<string, StageEvidence>): string[] {
  const problems: string[] = [];
  const { status } = measure;
  if (status === 'deadline-passed') {
    if (measure.deadline === undefined) problems.push(`${file}: deadline: status "deadline-passed" needs the deadline it speaks of; give deadline, or choose another status`);
    else if (dateSortKey(measure.deadline) >= measure.statusAsOf) problems.push(`${file}: status: "deadline-passed" but the deadline ${measure.deadline} had not passed on statusAsOf ${measure.statusAsOf}`);
  }
  if (status === 'superseded' && measure.supersededBy === undefined && !/supersed|replac|continu/i.test(measure.statusNote)) {
    problems.push(`${file}: supersededBy: status "superseded" needs the measure that replaced it (supersededBy), or a statusNote that says what replaced it`);
  }
  const rule = STATUS_EVIDENCE[status];
  if (rule === undefined) return problems;
  const candidates = measure.stages.map((stage, index) => ({ stage, index })).filter(({ stage }) => rule.stages.includes(stage.stage));
  if (candidates.length === 0) {
    problems.push(`${file}: status: "${status}" needs a stage of kind ${quoteList(rule.stages)}, and none is listed`);
    return problems;
  }
  if (!rule.primary) return problems;
  const supported = candidates.some(({ stage }) => {
    const e = evidence.get(stage.entry);
    return e !== undefined && e.verification !== 'disputed' && e.hasPrimary;
  });
  if (!supported) {
    const why = candidates
      .map(({ stage, index }) => {
        const e = evidence.get(stage.entry);
        const lack = e === undefined ? 'is not a known entry' : [!e.hasPrimary ? 'lists no primary source' : '', e.verification === 'disputed' ? 'is "disputed"' : ''].filter(Boolean).join(' and ');
        return `stages[${index}] (${stage.stage}, ${stage.date}) rests on entry ${stage.entry}, which ${lack}`;
      })
      .join('; ');
    problems.push(`${file}: status: "${status}" needs a primary source for its ${quoteList(rule.stages)} stage: ${why}; cite the record in that entry${rule.instead ? `, or use "${rule.instead}"` : ''}`);
  }
  return problems;
}

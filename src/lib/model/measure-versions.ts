/**
 * Versions of a measure. A measure file holds one status (its current one) and its stages, oldest
 * first; it has no snapshots and no field for versions. Its versions are derived from the stages:
 * version n is the measure as it stood after its n-th stage, dated by that stage and listing the
 * stages up to it, so a measure with k stages has versions 1..k and version k is the current one.
 * Adding a stage adds a version and changes no earlier one, which is what lets each version keep
 * its own permanent page, `/measures/<id>/v/<n>/`.
 *
 * What a version says of the measure's standing is the stage it had reached ("Adopted",
 * "Challenged"), in the stage's own words. It is not turned into one of the statuses (in force,
 * partly in force, …): the content records a status only for today, checked on `statusAsOf`, and
 * a stage does not tell it (an adopted law may not apply yet), while a status is never stronger
 * than its evidence. The current version's page adds the recorded status, as the measure page
 * shows it.
 */
import type { MeasureStage } from '../../schemas/measure.ts';

/** One version of a measure. */
export interface MeasureVersion {
  /** 1 for the measure after its first stage. */
  n: number;
  /** The day (or month, or year) of the stage that made this version, to its precision. */
  date: string;
  /** The stage that made this version: the standing the measure had reached. */
  stage: MeasureStage;
  /** The stages up to and including this version's, oldest first. */
  stages: MeasureStage[];
  /** Whether this is the measure as it stands now (its last stage). */
  current: boolean;
}

/**
 * Every version of a measure, one per stage, oldest first; the current one last.
 * @example measureVersionsOf({ stages: [{ date: '2022-11-24', stage: 'adopted', entry: 'x' }] })[0] // { n: 1, date: '2022-11-24', stage: …, stages: [ … ], current: true }
 */
export function measureVersionsOf(measure: { stages: readonly MeasureStage[] }): MeasureVersion[] {
  const { stages } = measure;
  return stages.map((stage, i) => ({ n: i + 1, date: stage.date, stage, stages: stages.slice(0, i + 1), current: i === stages.length - 1 }));
}

/**
 * The path of one version of a measure, under the measure's own path.
 * @example measureVersionPath({ measure: (id) => `/tl/measures/${id}/` }, 'us-entity-list', 2) // '/tl/measures/us-entity-list/v/2/'
 */
export function measureVersionPath(paths: { measure(id: string): string }, id: string, n: number): string {
  return `${paths.measure(id)}v/${n}/`;
}

import { describe, expect, test } from 'vitest';
import { measureEvidenceProblems, STATUS_EVIDENCE, type StageEvidence } from '../../src/lib/content/measure-evidence.ts';
import { measureSchema, MEASURE_STATUS_IDS, type MeasureInput } from '../../src/schemas/measure.ts';

const base: MeasureInput = {
  name: 'Removal of cameras',
  shortName: 'Removal',
  jurisdiction: 'uk',
  issuedBy: ['cabinet-office'],
  kind: 'removal-order',
  scope: 'Departments remove the cameras.',
  binds: 'central-government',
  criterion: 'Makers subject to a law.',
  status: 'in-force',
  statusAsOf: '2026-12-01',
  statusNote: 'What the record shows.',
  stages: [
    { date: '2023-06-07', stage: 'announced', entry: 'commitment' },
    { date: '2024-04-29', stage: 'adopted', entry: 'timeline' },
  ],
};
const evidence = new Map<string, StageEvidence>([
  ['commitment', { verification: 'confirmed', hasPrimary: true }],
  ['timeline', { verification: 'confirmed', hasPrimary: true }],
  ['press', { verification: 'reported', hasPrimary: false }],
  ['hansard-remark', { verification: 'reported', hasPrimary: true }],
  ['denied', { verification: 'disputed', hasPrimary: true }],
]);
const problems = (over: Partial<MeasureInput>) => measureEvidenceProblems('m.yaml', measureSchema.parse({ ...base, ...over }), evidence);
const completedOn = (entry: string) => ({ status: 'completed' as const, stages: [...base.stages, { date: '2025-11-18', stage: 'completed' as const, entry }] });

describe('a status is never stronger than its evidence', () => {
  test('accepts a status whose stage rests on an entry with a primary source', () => {
    expect(problems({})).toEqual([]);
    expect(problems(completedOn('timeline'))).toEqual([]);
  });

  test('refuses "completed" on press reports alone, naming the file, the status, the stage and what is missing, and the status to use instead', () => {
    expect(problems(completedOn('press'))).toEqual([
      'm.yaml: status: "completed" needs a primary source for its "completed" stage: stages[2] (completed, 2025-11-18) rests on entry press, which lists no primary source; cite the record in that entry, or use "completion-reported"',
    ]);
  });

  test('accepts the same stage as "completion reported", which says in words that it rests on reports', () => {
    expect(problems({ ...completedOn('press'), status: 'completion-reported' })).toEqual([]);
  });

  test('refuses a strong status with no stage of its kind at all', () => {
    expect(problems({ status: 'revoked' })).toEqual(['m.yaml: status: "revoked" needs a stage of kind "revoked", and none is listed']);
    expect(problems({ status: 'completion-reported' })).toEqual(['m.yaml: status: "completion-reported" needs a stage of kind "completed" or "reported", and none is listed']);
  });

  test('refuses a stage whose entry is disputed, even with a primary source', () => {
    expect(problems(completedOn('denied'))[0]).toMatch(/rests on entry denied, which is "disputed"/);
  });

  test('refuses "in force" when every stage that could carry it rests on reports', () => {
    const reported = { stages: [{ date: '2024-04-29', stage: 'adopted' as const, entry: 'press' }] };
    expect(problems(reported)).toEqual([
      'm.yaml: status: "in-force" needs a primary source for its "adopted" or "in-force" or "upheld" or "expanded" stage: stages[0] (adopted, 2024-04-29) rests on entry press, which lists no primary source; cite the record in that entry, or use "unconfirmed"',
    ]);
  });

  test('"deadline passed" needs the deadline, passed on the day the status was checked', () => {
    expect(problems({ status: 'deadline-passed' })).toEqual(['m.yaml: deadline: status "deadline-passed" needs the deadline it speaks of; give deadline, or choose another status']);
    expect(problems({ status: 'deadline-passed', deadline: '2027-01-01' })).toEqual(['m.yaml: status: "deadline-passed" but the deadline 2027-01-01 had not passed on statusAsOf 2026-12-01']);
    expect(problems({ status: 'deadline-passed', deadline: '2023-06-30' })).toEqual([]);
  });

  test('"superseded" says what replaced it, and rests on a primary source', () => {
    const stages = [...base.stages, { date: '2025-01', stage: 'superseded' as const, entry: 'timeline' }];
    expect(problems({ status: 'superseded', stages, statusNote: 'No longer kept.' })).toEqual(['m.yaml: supersededBy: status "superseded" needs the measure that replaced it (supersededBy), or a statusNote that says what replaced it']);
    expect(problems({ status: 'superseded', stages, statusNote: 'Replaced by a later list.' })).toEqual([]);
  });

  test('every status that claims something of the record has a rule', () => {
    const claiming = MEASURE_STATUS_IDS.filter((s) => !['proposed', 'unconfirmed', 'deadline-passed'].includes(s));
    expect(claiming.filter((s) => STATUS_EVIDENCE[s] === undefined)).toEqual([]);
  });
});

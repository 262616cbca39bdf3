import { describe, expect, test } from 'vitest';
import { measureSchema, type MeasureInput, MEASURE_BINDS_IDS, MEASURE_KIND_IDS, MEASURE_STATUS_IDS, MEASURE_STAGE_IDS } from '../../src/schemas/measure.ts';
import {
  jurisdictionReach,
  lifecycleAxis,
  MEASURE_KINDS,
  MEASURE_STATUSES,
  measuresForJurisdiction,
  measuresForVendor,
  measuresOfEntry,
  reachOf,
  sortMeasures,
  stageLabel,
  institutionMeasures,
  MEASURE_BINDS,
  summariseStatus,
} from '../../src/lib/model/measures.ts';

const base: MeasureInput = {
  name: 'A measure',
  shortName: 'M',
  jurisdiction: 'us',
  issuedBy: ['bis'],
  kind: 'trade-restriction',
  scope: 'Who is bound.',
  binds: 'market',
  vendors: ['hikvision'],
  status: 'in-force',
  statusAsOf: '2026-11-01',
  statusNote: 'What the record shows.',
  stages: [{ date: '2019-10-07', stage: 'adopted', entry: 'e1' }],
};
const measure = (id: string, over: Partial<MeasureInput> = {}) => ({ id, data: measureSchema.parse({ ...base, ...over }) });

const ndaa = measure('ndaa', { kind: 'procurement-ban', binds: 'central-government', stages: [{ date: '2018-08-13', stage: 'adopted', entry: 'e0' }, { date: '2019-08-13', stage: 'in-force', entry: 'e0' }] });
const entity = measure('entity', { stages: [{ date: '2019-10-07', stage: 'announced', entry: 'e1' }, { date: '2019-10-09', stage: 'in-force', entry: 'e1' }] });
const ukInstruction = measure('uk-instruction', { jurisdiction: 'uk', kind: 'deployment-restriction', binds: 'central-government', vendors: [], criterion: 'Makers subject to a law.', stages: [{ date: '2022-11-24', stage: 'adopted', entry: 'e2' }] });
const ukHalt = measure('uk-halt', { jurisdiction: 'uk', kind: 'procurement-ban', binds: 'one-institution', status: 'revoked', stages: [{ date: '2022-03', stage: 'adopted', entry: 'e3' }] });
const tesla = measure('tesla', { jurisdiction: 'china', kind: 'deployment-restriction', binds: 'one-institution', vendors: ['tesla'], status: 'unconfirmed', stages: [{ date: '2021-03-19', stage: 'reported', entry: 'e4' }] });
const all = [tesla, ukHalt, entity, ukInstruction, ndaa];

describe('labels', () => {
  test('every kind, status and stage of the schema has a label, and kinds and statuses an explanation', () => {
    expect(MEASURE_KINDS.map((k) => k.id)).toEqual([...MEASURE_KIND_IDS]);
    expect(MEASURE_STATUSES.map((s) => s.id)).toEqual([...MEASURE_STATUS_IDS]);
    expect(MEASURE_BINDS.map((b) => b.id)).toEqual([...MEASURE_BINDS_IDS]);
    for (const item of [...MEASURE_KINDS, ...MEASURE_STATUSES, ...MEASURE_BINDS]) expect(item.description.length).toBeGreaterThan(10);
    for (const id of MEASURE_STAGE_IDS) expect(stageLabel(id)).toMatch(/^[A-Z]/);
  });
});

describe('measureSchema', () => {
  test('rejects a measure without stages and one with an unknown kind', () => {
    expect(measureSchema.safeParse({ ...base, stages: [] }).success).toBe(false);
    expect(measureSchema.safeParse({ ...base, kind: 'export-ban' }).success).toBe(false);
  });
});

describe('sortMeasures', () => {
  test('orders by jurisdiction, then by the first stage, then by id', () => {
    expect(sortMeasures(all).map((m) => m.id)).toEqual(['tesla', 'uk-halt', 'uk-instruction', 'ndaa', 'entity']);
  });
});

describe('measuresOfEntry', () => {
  test('lists each measure an entry records a stage of, with those stages', () => {
    expect(measuresOfEntry('e1', all).map((m) => [m.measure.id, m.stages.map((s) => s.stage)])).toEqual([['entity', ['announced', 'in-force']]]);
    expect(measuresOfEntry('nothing', all)).toEqual([]);
  });

  test('answers for the list it is given, in its order, after another list was asked about', () => {
    expect(measuresOfEntry('e1', all)).toHaveLength(1);
    expect(measuresOfEntry('e1', all.filter((m) => m.id !== 'entity'))).toEqual([]);
    const twice = [...all, ...all];
    expect(measuresOfEntry('e1', twice).map((m) => m.measure.id)).toEqual(['entity', 'entity']);
    // A caller may change the list it gets without changing the next answer.
    measuresOfEntry('e1', all).pop();
    expect(measuresOfEntry('e1', all)).toHaveLength(1);
  });
});

describe('measures for a vendor or a jurisdiction', () => {
  test('splits the measures that name a vendor into those in force and the others', () => {
    const { inForce, other } = measuresForVendor('hikvision', all);
    expect(inForce.map((m) => m.id)).toEqual(['entity', 'ndaa']);
    expect(other.map((m) => m.id)).toEqual(['uk-halt']);
  });

  test('does not list a measure that names no vendor on a vendor page', () => {
    expect(measuresForVendor('hikvision', [ukInstruction]).inForce).toEqual([]);
  });

  test('splits a jurisdiction’s measures the same way; an unconfirmed report is not in force', () => {
    expect(measuresForJurisdiction('uk', all)).toEqual({ inForce: [ukInstruction], other: [ukHalt] });
    expect(measuresForJurisdiction('china', all)).toEqual({ inForce: [], other: [tesla] });
  });
});

describe('reach', () => {
  test.each([
    ['a trade restriction in force reaches the market', entity, 'market'],
    ['a deployment restriction in force binds government', ukInstruction, 'government'],
    ['a revoked measure reaches nothing', ukHalt, 'none'],
    ['an unconfirmed report is limited', tesla, 'limited'],
    ['a completed removal by central government still counts for government', measure('done', { kind: 'removal-order', binds: 'central-government', status: 'completed' }), 'government'],
    ['a removal whose completion is only reported counts too', measure('done2', { kind: 'removal-order', binds: 'central-government', status: 'completion-reported' }), 'government'],
    ['a proposal reaches nothing yet', measure('p', { status: 'proposed' }), 'none'],
    ['a measure of one institution shades nothing, however strong', measure('ep', { kind: 'removal-order', binds: 'one-institution', status: 'completed' }), 'none'],
    ['a power to exclude binds no one until used', measure('pa', { kind: 'exclusion-power', binds: 'public-sector' }), 'limited'],
    ['guidance to all public bodies binds no one', measure('g', { kind: 'guidance', binds: 'public-sector' }), 'limited'],
    ['a list with no effect of its own is limited', measure('l', { kind: 'designation', binds: 'no-one' }), 'limited'],
    ['an order to one company reaches the market', measure('c', { kind: 'closure-order', binds: 'one-company' }), 'market'],
    ['a superseded list reaches nothing', measure('s', { kind: 'designation', binds: 'no-one', status: 'superseded' }), 'none'],
    ['a programme past its deadline still counts as carried out', measure('d', { kind: 'removal-order', binds: 'central-government', status: 'deadline-passed', deadline: '2023-06-30' }), 'government'],
  ] as const)('%s', (_, m, reach) => {
    expect(reachOf(m.data)).toBe(reach);
  });

  test('a jurisdiction takes the strongest reach of its measures and names the measure', () => {
    expect(jurisdictionReach('us', all)).toEqual({ reach: 'market', measure: entity });
    expect(jurisdictionReach('uk', all)).toEqual({ reach: 'government', measure: ukInstruction });
    expect(jurisdictionReach('taiwan', all)).toEqual({ reach: 'none' });
    expect(jurisdictionReach('china', all)).toEqual({ reach: 'limited', measure: tesla });
  });

  test('lists the measures of one institution that apply, were carried out or are reported, never those dropped', () => {
    expect(institutionMeasures(all).map((m) => m.id)).toEqual(['tesla']);
    const ep = measure('ep', { jurisdiction: 'eu', kind: 'removal-order', binds: 'one-institution', status: 'completion-reported' });
    expect(institutionMeasures([...all, ep]).map((m) => m.id)).toEqual(['tesla', 'ep']);
  });
});

describe('summariseStatus', () => {
  test('counts measures in force by jurisdiction, most first, and every measure by status', () => {
    expect(summariseStatus(['china', 'uk', 'us'], all)).toEqual({
      inForce: [{ jurisdiction: 'us', count: 2 }, { jurisdiction: 'uk', count: 1 }],
      byStatus: [{ status: 'in-force', count: 3 }, { status: 'revoked', count: 1 }, { status: 'unconfirmed', count: 1 }],
    });
  });
});

describe('lifecycleAxis', () => {
  test('places stages in proportion to time between 1 January of the first year and 1 January after the last', () => {
    const axis = lifecycleAxis([{ date: '2021-01-01' }, { date: '2022-01-01' }], { width: 100, padding: 0 });
    expect(axis.points.map((p) => p.x)).toEqual([0, 50]);
    expect(axis.ticks).toEqual([{ year: 2021, x: 0 }, { year: 2022, x: 50 }, { year: 2023, x: 100 }]);
  });

  test('puts a stage too close to the previous one on the next lane, and returns to the first lane when there is room', () => {
    const axis = lifecycleAxis([{ date: '2019-10-07' }, { date: '2019-10-09' }, { date: '2019-12' }], { width: 400, padding: 0, gap: 20 });
    expect(axis.points.map((p) => p.lane)).toEqual([0, 1, 0]);
    expect(axis.lanes).toBe(2);
  });

  test('places a month or a year at its first day, and keeps the stages in the order given', () => {
    const axis = lifecycleAxis([{ date: '2022-03' }, { date: '2022' }], { width: 365, padding: 0, gap: 0 });
    expect(axis.points.map((p) => [p.index, p.x])).toEqual([[0, 59], [1, 0]]);
  });

  test('is empty for no stages', () => {
    expect(lifecycleAxis([], { width: 100 })).toEqual({ width: 100, lanes: 0, ticks: [], points: [] });
  });
});

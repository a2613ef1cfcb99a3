/** The pure side of summaries: what a record adds, how changes and summaries add up, period splits. */
import {
  addChange,
  addCounters,
  canonicalCounters,
  countedWhere,
  EVERYTHING,
  pendingWhere,
  rollupIdsOf,
  rowsOfCounters,
  splitPeriod,
  sumSummaries,
  type MonthCounts,
} from '../../../../src/domain/summaries';
import type { Collection } from '../../../../src/domain/records/common';
import { assemble } from '../../../../src/domain/indicators';

const VILLAGE = { orgCode: 'V', orgPath: ['C', 'T', 'V'] };
const changeDeltaForTest = (collection: Collection, before: Record<string, unknown> | null, after: Record<string, unknown> | null) =>
  addChange(new Map(), collection, before, after);
const dispute = (fields: Record<string, unknown>) => ({ _id: 'd1', orgCode: 'V', orgPath: VILLAGE.orgPath, deleted: false, ...fields });

describe('what a record adds', () => {
  it('should count a case accepted in December in December and its outcome in January', () => {
    const delta = changeDeltaForTest(
      'disputes',
      null,
      dispute({ acceptDate: '2023-12-20', closeDate: '2024-01-05', state: '调解成功', disputeType: '邻里', amount: 1200.5 }),
    );
    const byMonth = Object.fromEntries([...delta.values()].map((m) => [m.month, m.ok]));
    expect(Object.keys(byMonth).sort()).toEqual(['2023-12', '2024-01']);
    expect(byMonth['2023-12']).toEqual({ mediation_accepted: { n: 1 }, mediation_by_type_邻里: { n: 1 } });
    expect(byMonth['2024-01']).toMatchObject({ mediation_closed: { n: 1 }, mediation_succeeded: { n: 1 }, mediation_amount: { n: 1, s: 1200.5 } });
  });

  it('should add nothing for a deleted record and take everything back when a record is deleted', () => {
    const before = dispute({ acceptDate: '2023-03-01', state: '受理', disputeType: '合同' });
    expect(changeDeltaForTest('disputes', null, { ...before, deleted: true }).size).toBe(0);
    const gone = changeDeltaForTest('disputes', before, { ...before, deleted: true });
    expect([...gone.values()][0].ok).toEqual({ mediation_accepted: { n: -1 }, mediation_by_type_合同: { n: -1 } });
  });

  it('should leave out a planned 普法活动 and count an edit that moves a date as a move between months', () => {
    const event = { _id: 'o1', orgCode: 'V', orgPath: VILLAGE.orgPath, date: '2023-05-31', type: '院坝会', venue: '学校', attendees: 30 };
    expect(changeDeltaForTest('outreach', null, { ...event, status: '计划' }).size).toBe(0);
    const moved = changeDeltaForTest('outreach', event, { ...event, date: '2023-06-01' });
    const byMonth = Object.fromEntries([...moved.values()].map((m) => [m.month, m.ok]));
    expect(byMonth['2023-05'].outreach_events).toEqual({ n: -1 });
    expect(byMonth['2023-06'].outreach_six_into_venues).toEqual({ n: 1, v: { 学校: 1 } });
  });

  it('should put records awaiting review in the held bucket', () => {
    const [m] = changeDeltaForTest('consultations', null, {
      _id: 'c',
      orgCode: 'V',
      orgPath: VILLAGE.orgPath,
      date: '2023-01-02',
      people: 3,
      reviewState: '待审核',
    }).values();
    expect(m.ok).toEqual({});
    expect(m.held).toEqual({ outreach_consultations__1: { n: 1, s: 3 } });
  });
});

describe('the roll-ups a record adds to', () => {
  it('should name every township roll-up its counts reach, and none for a deleted record or the county itself', () => {
    const record = dispute({ acceptDate: '2023-12-20', closeDate: '2024-01-05', state: '调解成功', disputeType: '邻里', amount: 1200.5 });
    const reached = [...changeDeltaForTest('disputes', null, record)].filter(([, m]) => m.span === 'township').map(([id]) => id);
    expect(reached).toHaveLength(2);
    expect(rollupIdsOf('disputes', record).sort()).toEqual(reached.sort());
    expect(rollupIdsOf('disputes', { ...record, deleted: true })).toEqual([]);
    expect(rollupIdsOf('disputes', { ...record, orgCode: 'C', orgPath: ['C'] })).toEqual([]);
  });
});

describe('adding summaries up', () => {
  it('should subtract back to nothing, venues included', () => {
    const c = addCounters({}, { a: { n: 2, s: 0.1, v: { 学校: 2 } } });
    addCounters(c, { a: { n: 1, s: 0.2, v: { 学校: 1 } } }, 1);
    addCounters(c, { a: { n: 3, s: 0.3, v: { 学校: 3 } } }, -1);
    expect(c).toEqual({});
    expect(canonicalCounters({ b: { n: 1 }, a: { n: 0 } })).toBe(canonicalCounters({ b: { n: 1 } }));
  });

  const month = (orgPath: string[], ok: MonthCounts['ok'], held: MonthCounts['held']): MonthCounts => ({
    unit: { orgCode: orgPath[orgPath.length - 1], orgPath },
    month: '2023-01',
    ok,
    held,
  });
  const reviewing = month(['C', 'T1', 'V1'], { mediation_accepted: { n: 2 } }, { mediation_accepted: { n: 5 } });
  const other = month(['C', 'T2', 'V2'], { mediation_accepted: { n: 1 } }, { mediation_accepted: { n: 7 } });

  it('should count held records only where no township on the path reviews, and pending only where one does', () => {
    const figures = (choose: Parameters<typeof sumSummaries>[1]) => assemble(rowsOfCounters(sumSummaries([reviewing, other], choose)), ['mediation.accepted']);
    expect(figures(EVERYTHING)).toEqual({ 'mediation.accepted': 15 });
    expect(figures(countedWhere(['T1']))).toEqual({ 'mediation.accepted': 10 });
    expect(sumSummaries([reviewing, other], pendingWhere(['T1']))).toEqual({ mediation_accepted: { n: 5 } });
  });
});

describe('splitting a period', () => {
  it('should read whole months from summaries and the days of part-months from records', () => {
    expect(splitPeriod({ start: '2023-01-01', end: '2023-03-31' })).toEqual({ months: ['2023-01', '2023-02', '2023-03'], partial: [] });
    expect(splitPeriod({ start: '2023-11-15', end: '2024-02-29' })).toEqual({
      months: ['2023-12', '2024-01', '2024-02'],
      partial: [{ start: '2023-11-15', end: '2023-11-30' }],
    });
    expect(splitPeriod({ start: '2024-02-10', end: '2024-02-10' })).toEqual({ months: [], partial: [{ start: '2024-02-10', end: '2024-02-10' }] });
  });
});

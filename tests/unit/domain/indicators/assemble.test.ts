/** Edge cases of the figures, computed over small in-memory collections with mingo. */
import { assemble, extraManualFigures } from '@/domain/indicators/assemble';
import { aggregateRows, figuresOf, type Db } from '../helpers/ledger-fixture';

const T = ['100000', '100000001'];
const V1 = [...T, '100000001001'];
const V2 = [...T, '100000001002'];
const rec = (orgPath: string[], fields: Record<string, unknown>, i: number) => ({ _id: `r${i}`, orgCode: orgPath[orgPath.length - 1], orgPath, ...fields });

const db: Db = {
  orgs: [
    { _id: '100000', code: '100000', level: '县', parentCode: null, path: ['100000'] },
    { _id: '100000001', code: '100000001', level: '乡镇', parentCode: '100000', path: T },
    { _id: '100000001001', code: '100000001001', level: '村', parentCode: '100000001', path: V1 },
    { _id: '100000001002', code: '100000001002', level: '村', parentCode: '100000001', path: V2 },
  ],
  disputes: [
    { acceptDate: '2022-12-20', state: '调解成功', closeDate: '2023-01-05', disputeType: '合同', amount: 100.1 },
    { acceptDate: '2023-12-20', state: '调解成功', closeDate: '2024-01-05', disputeType: '合同', amount: 5 },
    { acceptDate: '2023-03-01', state: '调解成功', closeDate: '2023-03-02', disputeType: '邻里', amount: 200.2 },
    { acceptDate: '2023-03-01', state: '调解不成功', closeDate: '2023-03-09', disputeType: '邻里' },
    { acceptDate: '2023-05-01', state: '调解中', disputeType: '邻里' },
  ].map((f, i) => rec(V1, f, i)),
  petitions: [
    { registerDate: '2023-01-01', dueDate: '2023-03-02', state: '办结', closeDate: '2023-03-02', channel: '来访' },
    { registerDate: '2023-01-01', dueDate: '2023-03-02', state: '办结', closeDate: '2023-03-03', channel: '来信' },
    { registerDate: '2023-01-01', dueDate: '2023-03-02', state: '办理中', channel: '来访' },
  ].map((f, i) => rec(V2, f, i)),
  outreach: [
    { date: '2023-01-01', type: '院坝会', venue: '乡村', attendees: 1, materials: 2, banners: 0, consultations: 3 },
    { date: '2023-01-02', type: '其他', venue: '寺庙', attendees: 1, materials: 2, banners: 0, consultations: 3 },
    { date: '2023-01-03', type: '其他', venue: '集市', attendees: 1, materials: 2, banners: 0, consultations: 3 },
    { date: '2023-01-04', type: '其他', venue: '乡村', attendees: 1, materials: 2, banners: 0, consultations: 3, deleted: true },
  ].map((f, i) => rec(V1, f, i)),
  people: [
    { role: '法律顾问', orgLevel: '村', startDate: '2020-01-01' },
    { role: '网格员', orgLevel: '村', endDate: '2023-12-30' },
    { role: '网格员', orgLevel: '乡镇' },
  ].map((f, i) => rec(i === 2 ? T : V1, f, i)),
  manual_figures: [
    { orgCode: '100000001', orgPath: T, year: 2023, code: 'enforcement.permits', value: 5 },
    { orgCode: '100000001001', orgPath: V1, year: 2023, code: 'enforcement.permits', value: 2 },
    { orgCode: '100000001001', orgPath: V1, year: 2023, code: 'manual.disclosure_coverage', value: 0.5 },
    { orgCode: '100000001', orgPath: T, year: 2023, code: 'manual.meetings', label: '召开法治会议', unit: '次', value: 4 },
  ].map((f, i) => ({ _id: `m${i}`, ...f })),
};

describe('figures over small collections', () => {
  const f = figuresOf(db, '100000001', '2023');

  it('should count a case accepted in December and closed in January as closed in the second year only', () => {
    expect(f['mediation.accepted']).toBe(4);
    expect(f['mediation.closed']).toBe(3);
    expect(f['mediation.succeeded']).toBe(2);
    expect(f['mediation.success_rate']).toBeCloseTo(2 / 3, 12);
    expect(f['mediation.amount']).toBe(300.3);
    expect(f['mediation.by_type.邻里']).toBe(3);
    expect(f['mediation.by_type.合同']).toBe(1);
    expect(f['mediation.by_type.医疗']).toBe(0);
  });

  it('should count a petition closed after its due date against the on-time rate', () => {
    expect(f['petition.registered']).toBe(3);
    expect(f['petition.visits']).toBe(2);
    expect(f['petition.closed']).toBe(2);
    expect(f['petition.on_time_rate']).toBe(0.5);
  });

  it('should count distinct 六进 venues only among the six, and skip deleted events', () => {
    expect(f['outreach.events']).toBe(3);
    expect(f['outreach.six_into_venues']).toBe(2);
    expect(f['outreach.consultations']).toBe(9);
  });

  it('should compute coverage over villages with an active person', () => {
    expect(f['org.villages']).toBe(2);
    expect(f['roster.adviser_coverage']).toBe(0.5);
    // The village's 网格员 left on 2023-12-30; the township's one does not cover a village.
    expect(f['roster.grid_coverage']).toBe(0);
    expect(figuresOf(db, '100000001', '2023H1')['roster.grid_coverage']).toBe(0.5);
  });

  it('should give null rates when the denominator is 0', () => {
    expect(f['study.exam_pass_rate']).toBeNull();
    expect(figuresOf(db, '100000001', '2021')['mediation.success_rate']).toBeNull();
    expect(figuresOf({}, '100000001', '2023')['roster.adviser_coverage']).toBeNull();
  });

  it('should sum manual figures up the hierarchy but not roll up rates', () => {
    expect(f['enforcement.permits']).toBe(7);
    expect(f['manual.disclosure_coverage']).toBeNull();
    expect(figuresOf(db, '100000001001', '2023')['manual.disclosure_coverage']).toBe(0.5);
    expect(f['manual.responsibility_letters']).toBeNull();
  });

  it('should report township-defined manual codes with their label and unit', () => {
    expect(f['manual.meetings']).toBe(4);
    expect(extraManualFigures(aggregateRows(db, '100000001', '2023'))).toEqual([
      {
        id: 'manual.meetings',
        label: '召开法治会议',
        unit: '次',
        group: '其他指标',
        source: 'manual_figures',
        measure: { kind: 'manual', code: 'manual.meetings' },
      },
    ]);
  });

  it('should give zeros for counts over collections without rows', () => {
    const empty = assemble({});
    expect(empty['outreach.events']).toBe(0);
    expect(empty['outreach.materials']).toBe(0);
    expect(empty['enforcement.permits']).toBeNull();
  });
});

/**
 * The drill-down plans run with mingo over the whole 白土乡 2023 ledger: for every counted figure the
 * records listed are exactly as many as the figure says, a rate lists its numerator and denominator,
 * and pages cover every record once.
 */
import { join } from 'path';
import { Aggregator } from 'mingo';
import { parseLedger } from '@/domain/ledger/ledger';
import { FIGURES } from '@/domain/indicators/catalogue';
import { mustParsePeriod } from '@/domain/period';
import { checkPlan, drillCountPipeline, drillPagePipeline, drillPlan, type DrillSpec } from '@/domain/console/drill';
import { FIXTURES, figuresOf, readCsvFolder, type Db } from '../../unit/domain/helpers/ledger-fixture';

const parsed = parseLedger(readCsvFolder(join(FIXTURES, 'baitu-2023')), new Map());
const db: Db = parsed.records;
const ORG = '500114213';
const period = mustParsePeriod('2023');
const figures = figuresOf(db, ORG, '2023');

const run = (spec: DrillSpec, stages: Record<string, unknown>[]) =>
  new Aggregator(stages, {}).run([...(db[spec.collection] ?? [])].map((d) => ({ ...d }))) as Record<string, unknown>[];
const countOf = (spec: DrillSpec, org = ORG) => (run(spec, drillCountPipeline(spec, org, period))[0]?.total as number | undefined) ?? 0;

describe('drill-down plans', () => {
  it('should list exactly as many records as every count figure counts', () => {
    const counts = FIGURES.filter((f) => f.measure.kind === 'count');
    expect(counts.length).toBeGreaterThan(20);
    for (const f of counts) {
      const plan = drillPlan(f.id)!;
      expect(plan.parts).toHaveLength(1);
      expect({ id: f.id, n: countOf(plan.parts[0]) }).toEqual({ id: f.id, n: figures[f.id] });
    }
  });

  it('should list a rate’s numerator and denominator, each as many as its count', () => {
    const plan = drillPlan('mediation.success_rate')!;
    expect(plan.parts.map((p) => p.label)).toEqual(['分子：矛盾纠纷（状态为调解成功）', '分母：矛盾纠纷（状态为调解成功/调解不成功/终止/移交）']);
    expect(plan.parts.map((p) => countOf(p))).toEqual([figures['mediation.succeeded'], figures['mediation.closed']]);
    const onTime = drillPlan('petition.on_time_rate')!;
    expect(onTime.parts.map((p) => countOf(p))).toEqual([60, 60]);
  });

  it('should list the exam records once for both exam rates', () => {
    const plan = drillPlan('study.exam_pass_rate')!;
    expect(plan.parts).toHaveLength(1);
    expect(plan.parts[0].where).toEqual([{ field: 'type', eq: '法治考试' }]);
    expect(plan.message).toContain('合格人数之和');
  });

  it('should list both kinds of records behind a total, and only six-into venues behind 法律六进', () => {
    const consultations = drillPlan('outreach.consultations')!;
    expect(consultations.parts.map((p) => p.kind)).toEqual(['outreach', 'consultation']);
    const six = drillPlan('outreach.six_into_venues')!;
    const venues = new Set(run(six.parts[0], drillPagePipeline(six.parts[0], ORG, period, 0, 100)).map((d) => d.venue));
    expect([...venues].sort()).toEqual(['乡村', '学校']);
  });

  it('should list the roster people serving at the end of the period', () => {
    const plan = drillPlan('roster.legal_understanding')!;
    expect(plan.parts[0].kind).toBe('person');
    expect(countOf(plan.parts[0])).toBe(20);
    expect(countOf(drillPlan('org.villages')!.parts[0])).toBe(7);
  });

  it('should list the manual entries of the year for a manual figure', () => {
    const plan = drillPlan('enforcement.permits')!;
    expect(plan.parts[0].kind).toBe('manualFigure');
    expect(countOf(plan.parts[0])).toBe(1);
    expect(plan.message).toContain('其他指标');
  });

  it('should page through every record once, newest first', () => {
    const spec = drillPlan('mediation.accepted')!.parts[0];
    const seen: string[] = [];
    for (let offset = 0; offset < 300; offset += 50) seen.push(...run(spec, drillPagePipeline(spec, ORG, period, offset, 50)).map((d) => String(d._id)));
    expect(seen).toHaveLength(221);
    expect(new Set(seen).size).toBe(221);
    const first = run(spec, drillPagePipeline(spec, ORG, period, 0, 2));
    expect(String(first[0].acceptDate) >= String(first[1].acceptDate)).toBe(true);
  });

  it('should narrow to a village and leave out soft-deleted records', () => {
    const spec = drillPlan('outreach.events')!.parts[0];
    const village = '500114213201';
    expect(countOf(spec, village)).toBe(figuresOf(db, village, '2023')['outreach.events']);
    const match = drillCountPipeline(spec, ORG, period)[0].$match as Record<string, unknown>;
    expect(match).toMatchObject({ orgPath: ORG, deleted: { $ne: true }, date: { $gte: '2023-01-01', $lte: '2023-12-31' } });
  });

  it('should answer null for an unknown figure', () => {
    expect(drillPlan('outreach.nothing')).toBeNull();
  });

  it('should find overdue petitions and stale disputes as of a day', () => {
    const overdue = checkPlan('overdue_petitions', '2024-01-10').parts[0];
    expect(drillCountPipeline(overdue, ORG, null)[0].$match).toMatchObject({ state: { $in: ['登记', '办理中'] }, dueDate: { $lt: '2024-01-10' } });
    const stale = checkPlan('stale_disputes', '2024-03-01').parts[0];
    expect(drillCountPipeline(stale, ORG, null)[0].$match).toMatchObject({ acceptDate: { $lt: '2024-01-01' } });
  });
});

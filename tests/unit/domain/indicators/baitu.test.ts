/**
 * The key test: the whole 白土乡 2023 ledger (shared/fixtures/baitu-2023) parsed, aggregated with the
 * domain's pipelines, assembled — and every figure of expected.json must come out exactly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseLedger } from '@/domain/ledger/ledger';
import { FIGURES } from '@/domain/indicators/catalogue';
import { FIXTURES, figuresOf, readCsvFolder, type Db } from '../helpers/ledger-fixture';

const dir = join(FIXTURES, 'baitu-2023');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  org: string;
  period: string;
  figures: Record<string, number>;
};

describe('the 白土乡 2023 fixture', () => {
  const parsed = parseLedger(readCsvFolder(dir), new Map());
  const db: Db = parsed.records;

  it('should parse without problems or warnings', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(db.disputes).toHaveLength(224);
    expect(db.orgs).toHaveLength(9);
  });

  it('should give every figure of expected.json exactly', () => {
    const figures = figuresOf(db, expected.org, expected.period);
    for (const [id, value] of Object.entries(expected.figures)) {
      expect({ id, value: figures[id] }).toEqual({ id, value });
    }
  });

  it('should compute every catalogue figure, also those expected.json leaves out', () => {
    const figures = figuresOf(db, expected.org, expected.period);
    expect(Object.keys(figures).sort()).toEqual(FIGURES.map((f) => f.id).sort());
    expect(figures['outreach.six_into_venues']).toBe(2); // 乡村 and 学校; 集市 is not one of the six
    // "组织2名新提任领导干部法治考试", "处理上访诉求5件，办理5件": two figures, not one printed twice.
    expect(figures['study.exam_participants']).toBe(2);
    expect(figures['petition.visits_closed']).toBe(5);
    expect(figures['mediation.success_rate']).toBeCloseTo(214 / 221, 12);
    expect(figures['manual.disclosure_coverage']).toBeNull(); // nobody entered it
  });

  it('should give the same figures when asked for a subset of ids', () => {
    const ids = ['petition.on_time_rate', 'outreach.consultations', 'enforcement.permits'];
    expect(figuresOf(db, expected.org, expected.period, ids)).toEqual({
      'petition.on_time_rate': 1,
      'outreach.consultations': 517,
      'enforcement.permits': 228,
    });
  });

  it('should count the records left out of 2023 in their own periods', () => {
    const y2022 = figuresOf(db, expected.org, '2022');
    expect(y2022['outreach.events']).toBe(1);
    expect(y2022['mediation.accepted']).toBe(3);
    expect(y2022['enforcement.permits']).toBe(999);
    const y2024 = figuresOf(db, expected.org, '2024');
    expect(y2024['roster.legal_understanding']).toBe(21); // the 20 of 2023 and one who started in 2024
    expect(y2024['study.center_group']).toBe(1);
  });

  it('should count a roster member who left mid-year in the first half only', () => {
    expect(figuresOf(db, expected.org, '2023H1')['roster.legal_understanding']).toBe(21);
    expect(figuresOf(db, expected.org, '2023H2')['roster.legal_understanding']).toBe(20);
  });

  it('should read manual figures only for a whole-year period', () => {
    expect(figuresOf(db, expected.org, '2023Q1')['enforcement.permits']).toBeNull();
    expect(figuresOf(db, expected.org, '2023-01-01..2023-12-31')['enforcement.permits']).toBe(228);
  });

  it('should scope figures to a village and roll them up to the county', () => {
    const village = figuresOf(db, '500114213201', '2023');
    expect(village['org.villages']).toBe(1);
    expect(village['outreach.market_day']).toBe(0);
    expect(village['enforcement.permits']).toBeNull();
    const county = figuresOf(db, '500114', '2023');
    expect(county['mediation.accepted']).toBe(221);
    expect(county['enforcement.permits']).toBe(228);
  });

  it('should never count soft-deleted records', () => {
    const deleted: Db = { ...db, receptions: db.receptions?.map((r, i) => (i < 9 ? { ...r, deleted: true } : r)) };
    const before = figuresOf(db, expected.org, '2023')['petition.receptions'] as number;
    const after = figuresOf(deleted, expected.org, '2023')['petition.receptions'] as number;
    expect(before - after).toBeGreaterThan(0);
    expect(before - after).toBeLessThanOrEqual(9);
  });
});

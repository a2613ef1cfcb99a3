/** Data-quality rules: each warning says what is wrong in Chinese and where to look. */
import { qualityWarnings, type QualityFacts } from '@/domain/console/quality';

const township = { code: '500114213', name: '白土乡', level: '乡镇' as const };
const village = (n: number) => ({ code: `50011421320${n}`, name: `${n}村`, level: '村' as const });

const facts = (over: Partial<QualityFacts> = {}): QualityFacts => ({
  scope: township,
  year: 2026,
  today: '2026-11-22',
  mediation: [],
  overduePetitions: 0,
  staleDisputes: 0,
  lastRecords: [],
  ...over,
});

describe('qualityWarnings', () => {
  it('should say nothing when all is well', () => {
    expect(
      qualityWarnings(facts({ mediation: [{ org: village(1), accepted: 5, closed: 5 }], lastRecords: [{ org: village(1), last: '2026-11-02' }] })),
    ).toEqual([]);
  });

  it('should flag a village that closed more disputes than it accepted, pointing at its closed cases', () => {
    const [w] = qualityWarnings(facts({ mediation: [{ org: village(3), accepted: 4, closed: 6 }] }));
    expect(w).toMatchObject({
      rule: 'closed_over_accepted',
      level: 'warning',
      target: { page: 'records', org: village(3).code, period: '2026', figure: 'mediation.closed' },
    });
    expect(w.message).toContain('办结矛盾纠纷6件，多于受理的4件');
  });

  it('should flag overdue petitions and stale disputes, overdue first', () => {
    const ws = qualityWarnings(facts({ overduePetitions: 3, staleDisputes: 2, lastRecords: [{ org: village(1), last: null }] }));
    expect(ws.map((w) => w.rule)).toEqual(['overdue_petitions', 'stale_disputes', 'no_records_this_month']);
    expect(ws[0].message).toContain('3件信访事项');
    expect(ws[0].target).toEqual({ page: 'records', org: township.code, period: '2026', check: 'overdue_petitions' });
  });

  it('should name villages with nothing logged this month, and only in the current year', () => {
    const last = [
      { org: village(1), last: '2026-10-30' },
      { org: village(2), last: '2026-11-01' },
    ];
    const ws = qualityWarnings(facts({ lastRecords: last }));
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ rule: 'no_records_this_month', level: 'info', target: { page: 'overview', org: village(1).code, year: 2026 } });
    expect(ws[0].message).toBe('1村本月（11月）还没有登记任何记录，最近一条记录是2026-10-30');
    expect(qualityWarnings(facts({ year: 2025, lastRecords: last }))).toEqual([]);
  });
});

import { canRemind, cellText, focusMonth, ratesLine, reviewGroups } from '../../../src/console/supervision/supervision-model';
import { canStep, defaultMonth, reportLine, submitLabel } from '../../../src/field/monthly/monthly-model';
import { ratesOf } from '../../../src/domain/supervision/schedule';
import type { CompletenessAnswer, CompletenessCell, ReviewItem } from '../../../src/domain/supervision/api';

const cell = (over: Partial<CompletenessCell>): CompletenessCell => ({
  month: '2026-09',
  state: '逾期',
  late: false,
  supplemented: false,
  submittedAt: null,
  submittedBy: null,
  reminded: false,
  ...over,
});

describe('the 报送与审核 page model', () => {
  it('should mark late and supplemented reports and reminded villages in the grid', () => {
    expect(cellText(cell({ state: '已报', late: true, supplemented: true }))).toEqual({ text: '已报·迟·补', className: 'cell-done' });
    expect(cellText(cell({ state: '零报告' })).text).toBe('零报');
    expect(cellText(cell({ state: '逾期', reminded: true }))).toEqual({ text: '逾期·已催', className: 'cell-overdue' });
    expect(canRemind(cell({ state: '逾期' }), '2026-11-29')).toBe(true);
    expect(canRemind(cell({ state: '零报告' }), '2026-11-29')).toBe(false);
    expect(canRemind(cell({ state: '未报', month: '2026-12' }), '2026-11-29')).toBe(false);
  });

  it('should state rates, or that a month is not due yet', () => {
    expect(ratesLine(ratesOf(7, 3, 2))).toBe('报送率 42.9%（3/7） · 按时报送率 28.6%');
    expect(ratesLine(ratesOf(0, 0, 0))).toBe('未到截止日');
  });

  it('should open on the latest month past its due date', () => {
    const months = ['2026-01', '2026-02', '2026-03'].map((month, i) => ({ month, dueDate: '', rates: ratesOf(i < 2 ? 7 : 0, 0, 0) }));
    expect(focusMonth({ months } as CompletenessAnswer)).toBe('2026-02');
  });

  it('should group the review queue by village and month', () => {
    const item = (id: string, orgCode: string, month: string) => ({ id, orgCode, orgName: orgCode, month }) as ReviewItem;
    const groups = reviewGroups([item('a', 'v1', '2026-10'), item('b', 'v2', '2026-10'), item('c', 'v1', '2026-10')]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ['v1-2026-10', ['a', 'c']],
      ['v2-2026-10', ['b']],
    ]);
  });
});

describe('the 月报 page model', () => {
  it('should open on the first overdue month, else last month, and step no further than this month', () => {
    expect(defaultMonth('2026-11-29', ['2026-08', '2026-10'])).toBe('2026-08');
    expect(defaultMonth('2026-01-03', [])).toBe('2025-12');
    expect(canStep('2026-10', '2026-11-29', 1)).toBe(true);
    expect(canStep('2026-11', '2026-11-29', 1)).toBe(false);
    expect(canStep('2024-01', '2026-11-29', -1)).toBe(false);
  });

  it('should say what was submitted, when and whether on time', () => {
    const report = { zero: true, submittedAt: '2026-11-02T20:00:00.000Z', submittedBy: '冉秀英', onTime: true, supplemented: true } as Parameters<
      typeof reportLine
    >[0];
    expect(reportLine(report)).toBe('已报送零报告 · 冉秀英 · 2026-11-03 · 按时报送 · 有补报');
    expect(submitLabel(true)).toBe('报送零报告（本月无新增）');
  });
});

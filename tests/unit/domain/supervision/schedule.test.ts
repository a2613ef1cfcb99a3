import {
  addRates,
  answeringReports,
  cellState,
  combinedFacts,
  dueDateOf,
  dueDayProblem,
  hasBegun,
  isPastDue,
  isReportPeriod,
  monthsOf,
  nextMonth,
  nextPeriod,
  periodLabel,
  periodOfDate,
  periodRange,
  periodsOf,
  previousMonth,
  previousPeriod,
  rateText,
  ratesOf,
} from '@/domain/supervision/schedule';
import { countLines, isZero, monthlySentence } from '@/domain/supervision/summary';
import { reasonProblem } from '@/domain/supervision/review';

describe('the 半月报 schedule', () => {
  it('should split a month at the 15th and make each half due the township’s days after it ends', () => {
    expect(periodRange('2024-02-H1')).toEqual({ start: '2024-02-01', end: '2024-02-15' });
    expect(periodRange('2024-02-H2')).toEqual({ start: '2024-02-16', end: '2024-02-29' });
    expect(dueDateOf('2024-02-H2', 3)).toBe('2024-03-03');
    expect(dueDateOf('2024-12-H2', 3)).toBe('2025-01-03');
    // A short month: February's second half ends on the 28th outside a leap year.
    expect(periodRange('2025-02-H2').end).toBe('2025-02-28');
    expect(dueDateOf('2025-02-H2', 3)).toBe('2025-03-03');
    expect(isPastDue('2024-01-H1', 3, '2024-01-18')).toBe(false);
    expect(isPastDue('2024-01-H1', 3, '2024-01-19')).toBe(true);
    expect(hasBegun('2024-01-H2', '2024-01-15')).toBe(false);
  });

  it('should step through halves across the year end and find the half of a date', () => {
    expect(periodsOf(2024, 'halfMonthly')).toHaveLength(24);
    expect(periodsOf(2024, 'monthly')).toEqual(monthsOf(2024));
    expect(nextPeriod('2024-12-H2')).toBe('2025-01-H1');
    expect(previousPeriod('2025-01-H1')).toBe('2024-12-H2');
    expect(previousPeriod('2025-01')).toBe('2024-12');
    expect(periodOfDate('2024-03-15', 'halfMonthly')).toBe('2024-03-H1');
    expect(periodOfDate('2024-03-16', 'halfMonthly')).toBe('2024-03-H2');
    expect(periodOfDate('2024-03-16', 'monthly')).toBe('2024-03');
    expect(periodLabel('2024-03-H2')).toBe('2024年3月下半月');
    expect(isReportPeriod('2024-03-H3')).toBe(false);
  });

  it('should let reports filed under the earlier cadence answer for a period after a change', () => {
    const filed = new Map([
      ['2024-03', 'march'],
      ['2024-05-H1', 'may-1'],
      ['2024-05-H2', 'may-2'],
      ['2024-06-H1', 'june-1'],
    ]);
    const find = (period: string) => filed.get(period);
    // Monthly, then twice a month: the month's report answers for each half.
    expect(answeringReports('2024-03-H2', find)).toEqual(['march']);
    // Twice a month, then monthly: both halves answer for the month; one half alone does not.
    expect(answeringReports('2024-05', find)).toEqual(['may-1', 'may-2']);
    expect(answeringReports('2024-06', find)).toBeNull();
    expect(answeringReports('2024-06-H1', find)).toEqual(['june-1']);
    expect(answeringReports('2024-04-H1', find)).toBeNull();
    const zeroOnTime = { zero: true, onTime: true, supplemented: false };
    expect(combinedFacts([zeroOnTime, { zero: false, onTime: false, supplemented: true }])).toEqual({ zero: false, onTime: false, supplemented: true });
    expect(combinedFacts([zeroOnTime, zeroOnTime])).toEqual(zeroOnTime);
  });

  it('should hold the due day to what fits the cadence', () => {
    expect(dueDayProblem('monthly', 28)).toBeNull();
    expect(dueDayProblem('halfMonthly', 28)).toContain('1到10天');
    expect(dueDayProblem('monthly', 0)).toContain('1到28');
    expect(dueDayProblem('monthly', 29)).toContain('1到28');
  });
});

describe('the 月报 schedule', () => {
  it('should make a month due on the township’s day of the next month, across the year end', () => {
    expect(dueDateOf('2026-10', 5)).toBe('2026-11-05');
    expect(dueDateOf('2026-12', 20)).toBe('2027-01-20');
    // The latest due day (28) is a day of every month, February included.
    expect(dueDateOf('2027-01', 28)).toBe('2027-02-28');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(monthsOf(2026)).toHaveLength(12);
    expect(isPastDue('2026-10', 5, '2026-11-05')).toBe(false);
    expect(isPastDue('2026-10', 5, '2026-11-06')).toBe(true);
  });

  it('should tell 已报 / 零报告 from 逾期 / 未报', () => {
    expect(cellState({ zero: false, onTime: true, supplemented: false }, true)).toBe('已报');
    expect(cellState({ zero: true, onTime: false, supplemented: false }, true)).toBe('零报告');
    expect(cellState(null, true)).toBe('逾期');
    expect(cellState(null, false)).toBe('未报');
  });

  it('should rate reports against those expected, none expected giving no rate', () => {
    expect(addRates([ratesOf(7, 3, 2), ratesOf(7, 7, 7), ratesOf(0, 0, 0)])).toEqual({
      expected: 14,
      reported: 10,
      onTime: 9,
      reportingRate: 10 / 14,
      onTimeRate: 9 / 14,
    });
    expect(ratesOf(0, 0, 0).reportingRate).toBeNull();
    expect(rateText(2 / 3)).toBe('66.7%');
    expect(rateText(null)).toBe('—');
  });
});

describe('the 月报 sentence', () => {
  it('should name only what happened, from the catalogue’s figures and units', () => {
    const lines = countLines({ 'outreach.events': 3, 'outreach.consultations': 5, 'mediation.accepted': 1 });
    expect(monthlySentence(lines)).toBe('本月普法活动3次、法律咨询5人次、新受理矛盾纠纷1件');
    expect(isZero(lines)).toBe(false);
    const none = countLines({});
    expect(isZero(none)).toBe(true);
    expect(monthlySentence(none)).toBe('本月无新增');
  });

  it('should want a reason to return a record', () => {
    expect(reasonProblem('  ')).toBe('请填写退回原因');
    expect(reasonProblem('x'.repeat(201))).toContain('200');
    expect(reasonProblem('请补充照片')).toBeNull();
  });
});

import { addRates, cellState, dueDateOf, isPastDue, monthsOf, nextMonth, previousMonth, rateText, ratesOf } from '@/domain/supervision/schedule';
import { countLines, isZero, monthlySentence } from '@/domain/supervision/summary';
import { reasonProblem } from '@/domain/supervision/review';

describe('the 月报 schedule', () => {
  it('should make a month due on the township’s day of the next month, across the year end', () => {
    expect(dueDateOf('2026-10', 5)).toBe('2026-11-05');
    expect(dueDateOf('2026-12', 20)).toBe('2027-01-20');
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
    expect(addRates([ratesOf(7, 3, 2), ratesOf(7, 7, 7), ratesOf(0, 0, 0)])).toEqual({ expected: 14, reported: 10, onTime: 9, reportingRate: 10 / 14, onTimeRate: 9 / 14 });
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

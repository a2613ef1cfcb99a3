/** Chart series: bars relative to the longest, totals only where a figure adds up. */
import { addsUpOverMonths, addsUpOverUnits, monthSeries, villageSeries } from '@/domain/console/series';
import type { ByMonthAnswer, ByVillageAnswer } from '@/domain/console/api';

const org = (code: string, name: string, level: '乡镇' | '村' = '村') => ({ code, name, level });

describe('which figures add up', () => {
  it('should add counts and sums over units and months', () => {
    expect(addsUpOverUnits('outreach.events')).toBe(true);
    expect(addsUpOverUnits('outreach.consultations')).toBe(true);
    expect(addsUpOverMonths('outreach.materials')).toBe(true);
  });

  it('should never add rates or distinct counts', () => {
    expect(addsUpOverUnits('mediation.success_rate')).toBe(false);
    expect(addsUpOverUnits('outreach.six_into_venues')).toBe(false);
    expect(addsUpOverMonths('mediation.success_rate')).toBe(false);
  });

  it('should add roster snapshots over units but not over months', () => {
    expect(addsUpOverUnits('roster.legal_understanding')).toBe(true);
    expect(addsUpOverMonths('roster.legal_understanding')).toBe(false);
    expect(addsUpOverMonths('enforcement.permits')).toBe(false);
  });
});

describe('villageSeries', () => {
  const answer: ByVillageAnswer = {
    org: org('500114213', '白土乡', '乡镇'),
    year: 2026,
    ids: ['outreach.events'],
    units: [
      { org: org('1', '甲村'), own: false, figures: { 'outreach.events': 4, 'mediation.success_rate': 0.5 } },
      { org: org('2', '乙村'), own: false, figures: { 'outreach.events': 2, 'mediation.success_rate': null } },
      { org: org('500114213', '白土乡', '乡镇'), own: true, figures: { 'outreach.events': 6 } },
    ],
    total: { 'outreach.events': 12 },
  };

  it('should scale bars to the longest and total additive figures', () => {
    const s = villageSeries(answer, 'outreach.events');
    expect(s.bars.map((b) => [b.label, b.text, b.share])).toEqual([
      ['甲村', '4', 4 / 6],
      ['乙村', '2', 2 / 6],
      ['乡镇本级', '6', 1],
    ]);
    expect(s.totalText).toBe('12次');
  });

  it('should print rates, with no total, and leave an empty 本级 out', () => {
    const s = villageSeries(answer, 'mediation.success_rate');
    expect(s.bars.map((b) => b.text)).toEqual(['50%', '—']);
    expect(s.total).toBeNull();
  });
});

describe('monthSeries', () => {
  it('should label months and total the year', () => {
    const answer: ByMonthAnswer = {
      org: org('500114213', '白土乡', '乡镇'),
      year: 2026,
      ids: ['outreach.events'],
      months: Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, figures: { 'outreach.events': i % 3 } })),
    };
    const s = monthSeries(answer, 'outreach.events');
    expect(s.bars[0].label).toBe('1月');
    expect(s.bars[11].label).toBe('12月');
    expect(s.total).toBe(12);
  });
});

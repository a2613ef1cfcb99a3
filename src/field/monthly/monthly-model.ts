/**
 * 月报 page: which month (or half month, for a township reporting twice a month) opens first, how
 * periods and a submitted report read. Pure.
 */
import type { ReportView } from '../../domain/supervision/api';
import { hasBegun, nextPeriod, periodLabel, periodOfDate, previousPeriod, type Cadence } from '../../domain/supervision/schedule';
import { beijingDate } from '../../domain/dates';

/** The first period past due and not reported, else the last one (last month, reported by the 5th of this one). */
export function defaultMonth(today: string, overdue: readonly string[], cadence: Cadence = 'monthly'): string {
  return overdue[0] ?? previousPeriod(periodOfDate(today, cadence));
}

/** Periods one can step to: from two years back up to the current one. */
export function canStep(month: string, today: string, direction: 1 | -1): boolean {
  const target = direction === 1 ? nextPeriod(month) : previousPeriod(month);
  return hasBegun(target, today) && target >= `${Number(today.slice(0, 4)) - 2}-01`;
}

export const monthLabel = periodLabel;

export function reportLine(report: ReportView): string {
  const when = beijingDate(new Date(report.submittedAt));
  const kind = report.zero ? '零报告' : '月报';
  const timeliness = report.onTime ? '按时报送' : '逾期报送';
  return `已报送${kind} · ${report.submittedBy} · ${when} · ${timeliness}${report.supplemented ? ' · 有补报' : ''}`;
}

export const submitLabel = (zero: boolean): string => (zero ? '报送零报告（本月无新增）' : '确认报送本月月报');

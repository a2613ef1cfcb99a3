/** 月报 page: which month opens first, how months and a submitted report read. Pure. */
import type { ReportView } from '../../domain/supervision/api';
import { previousMonth, nextMonth } from '../../domain/supervision/schedule';
import { beijingDate } from '../../domain/dates';

/** The first month past due and not reported, else last month (reported by the 5th of this one). */
export function defaultMonth(today: string, overdue: readonly string[]): string {
  return overdue[0] ?? previousMonth(today.slice(0, 7));
}

/** Months one can step to: from two years back up to the current month. */
export function canStep(month: string, today: string, direction: 1 | -1): boolean {
  const target = direction === 1 ? nextMonth(month) : previousMonth(month);
  return target <= today.slice(0, 7) && target >= `${Number(today.slice(0, 4)) - 2}-01`;
}

export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

export function reportLine(report: ReportView): string {
  const when = beijingDate(new Date(report.submittedAt));
  const kind = report.zero ? '零报告' : '月报';
  const timeliness = report.onTime ? '按时报送' : '逾期报送';
  return `已报送${kind} · ${report.submittedBy} · ${when} · ${timeliness}${report.supplemented ? ' · 有补报' : ''}`;
}

export const submitLabel = (zero: boolean): string => (zero ? '报送零报告（本月无新增）' : '确认报送本月月报');

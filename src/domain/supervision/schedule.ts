/**
 * Reporting (月报 / 半月报) schedule and completeness: when a village's period is due, what state its
 * report is in, and the reporting and on-time rates (DHIS2's "reporting rate" and "reporting rate on
 * time": reports submitted ÷ reports expected). Pure: dates are Beijing 'YYYY-MM-DD' strings.
 *
 * A reporting period is a month 'YYYY-MM' or, for a township reporting twice a month, a half month
 * 'YYYY-MM-H1' (the 1st to the 15th) or 'YYYY-MM-H2' (the 16th to the month's end). The period's key
 * says its cadence, so every rule below works from the key alone.
 */
import { addDays } from '../dates';

/**
 * The township's setting: monthly, due on `dueDay` of the next month (default the 5th); or twice a
 * month (半月报), each half due `dueDay` days after it ends (default 3).
 */
export const DEFAULT_DUE_DAY = 5;
export const MAX_DUE_DAY = 28;
export const DEFAULT_HALF_DUE_DAYS = 3;
export const MAX_HALF_DUE_DAYS = 10;
export const CADENCES = ['monthly', 'halfMonthly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = { monthly: '每月报送（月报）', halfMonthly: '每半月报送（半月报）' };

/** Why a due day does not fit the cadence, or null when it does. */
export function dueDayProblem(cadence: Cadence, dueDay: number): string | null {
  const max = cadence === 'monthly' ? MAX_DUE_DAY : MAX_HALF_DUE_DAYS;
  if (Number.isInteger(dueDay) && dueDay >= 1 && dueDay <= max) return null;
  return cadence === 'monthly' ? `报送截止日请填1到${MAX_DUE_DAY}之间的日子` : `半月报请在每半月结束后1到${MAX_HALF_DUE_DAYS}天内报送`;
}

/** What the due day means, as the settings and the field page say it. */
export const dueRuleText = (cadence: Cadence, dueDay: number): string =>
  cadence === 'monthly' ? `每月${dueDay}日前报送上月月报` : `每半月（1–15日、16日–月底）结束后${dueDay}天内报送半月报`;

/** A cell of the completeness table: 已报 / 零报告 (submitted), 逾期 (past due, not in), 未报 (not yet due). */
export const CELL_STATES = ['已报', '零报告', '逾期', '未报'] as const;
export type CellState = (typeof CELL_STATES)[number];

const pad = (n: number): string => String(n).padStart(2, '0');

export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The twelve months of a year, 'YYYY-MM'. */
export const monthsOf = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

const isHalf = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])-H[12]$/.test(text);

/** A month 'YYYY-MM' or a half month 'YYYY-MM-H1' / 'YYYY-MM-H2'. */
export const isReportPeriod = (text: string): boolean => isMonth(text) || isHalf(text);

export const cadenceOf = (period: string): Cadence => (isHalf(period) ? 'halfMonthly' : 'monthly');

/** The month a period lies in, 'YYYY-MM'. */
export const monthOfPeriod = (period: string): string => period.slice(0, 7);

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The first and last day of a period. */
export function periodRange(period: string): { start: string; end: string } {
  const month = monthOfPeriod(period);
  if (period.endsWith('-H1')) return { start: `${month}-01`, end: `${month}-15` };
  if (period.endsWith('-H2')) return { start: `${month}-16`, end: lastDayOf(month) };
  return { start: `${month}-01`, end: lastDayOf(month) };
}

/** The periods of a year under a cadence, in order: 12 months or 24 half months. */
export const periodsOf = (year: number, cadence: Cadence): string[] =>
  cadence === 'monthly' ? monthsOf(year) : monthsOf(year).flatMap((m) => [`${m}-H1`, `${m}-H2`]);

/** The period of a cadence a date falls in. */
export function periodOfDate(date: string, cadence: Cadence): string {
  const month = date.slice(0, 7);
  if (cadence === 'monthly') return month;
  return Number(date.slice(8, 10)) <= 15 ? `${month}-H1` : `${month}-H2`;
}

export function previousPeriod(period: string): string {
  if (!isHalf(period)) return previousMonth(period);
  return period.endsWith('-H2') ? `${monthOfPeriod(period)}-H1` : `${previousMonth(monthOfPeriod(period))}-H2`;
}

export function nextPeriod(period: string): string {
  if (!isHalf(period)) return nextMonth(period);
  return period.endsWith('-H1') ? `${monthOfPeriod(period)}-H2` : `${nextMonth(monthOfPeriod(period))}-H1`;
}

/** '2024年9月', '2024年9月上半月', '2024年9月下半月'. */
export function periodLabel(period: string): string {
  const month = `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  if (!isHalf(period)) return month;
  return `${month}${period.endsWith('-H1') ? '上半月' : '下半月'}`;
}

/**
 * The last day by which a period's report is on time: for a month `dueDay` of the next month, for a
 * half month `dueDay` days after its last day.
 */
export const dueDateOf = (period: string, dueDay: number): string =>
  isHalf(period) ? addDays(periodRange(period).end, dueDay) : `${nextMonth(period)}-${pad(dueDay)}`;

/** A period can be reported once it has begun (the current one too: a cadre may report on the 30th). */
export const hasBegun = (period: string, today: string): boolean => periodRange(period).start <= today;

/** Past its due date: a missing report is 逾期 and the month counts in the rates. */
export const isPastDue = (month: string, dueDay: number, today: string): boolean => today > dueDateOf(month, dueDay);

/** What the completeness table needs of a stored report. */
export interface ReportFacts {
  zero: boolean;
  onTime: boolean;
  supplemented: boolean;
}

/**
 * The reports that answer for a period: its own; or, where the township changed its cadence during
 * the year, the month's report for one of its halves, or both halves' reports for a month. Null when
 * none do. `find` looks up a village's report by period.
 */
export function answeringReports<R>(period: string, find: (period: string) => R | null | undefined): R[] | null {
  const own = find(period);
  if (own) return [own];
  if (isHalf(period)) {
    const month = find(monthOfPeriod(period));
    return month ? [month] : null;
  }
  const halves = [find(`${period}-H1`), find(`${period}-H2`)];
  return halves.every((r) => r) ? (halves as R[]) : null;
}

/** What reports answering together for one period say: 零报告 if all were, on time if all were, 补报 if any was. */
export const combinedFacts = (reports: readonly ReportFacts[]): ReportFacts => ({
  zero: reports.every((r) => r.zero),
  onTime: reports.every((r) => r.onTime),
  supplemented: reports.some((r) => r.supplemented),
});

export function cellState(report: ReportFacts | null, pastDue: boolean): CellState {
  if (report) return report.zero ? '零报告' : '已报';
  return pastDue ? '逾期' : '未报';
}

/** Reports expected (villages × months past due), submitted and submitted on time, with the rates. */
export interface Rates {
  expected: number;
  reported: number;
  onTime: number;
  /** reported ÷ expected in [0, 1]; null when nothing was expected yet. */
  reportingRate: number | null;
  onTimeRate: number | null;
}

export function ratesOf(expected: number, reported: number, onTime: number): Rates {
  return {
    expected,
    reported,
    onTime,
    reportingRate: expected === 0 ? null : reported / expected,
    onTimeRate: expected === 0 ? null : onTime / expected,
  };
}

/** Sums rates of several months or townships. */
export function addRates(list: readonly Rates[]): Rates {
  const sum = (key: 'expected' | 'reported' | 'onTime') => list.reduce((total, r) => total + r[key], 0);
  return ratesOf(sum('expected'), sum('reported'), sum('onTime'));
}

/** 86.7% style, or — when there is nothing to rate. */
export const rateText = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

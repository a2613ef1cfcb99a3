/**
 * Monthly reporting (月报) schedule and completeness: when a village's month is due, what state its
 * report is in, and the reporting and on-time rates (DHIS2's "reporting rate" and "reporting rate on
 * time": reports submitted ÷ reports expected). Pure: dates are Beijing 'YYYY-MM-DD' strings.
 */

/** The township's setting: monthly, due on `dueDay` of the next month (default the 5th). */
export const DEFAULT_DUE_DAY = 5;
export const MAX_DUE_DAY = 28;
export const CADENCES = ['monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

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

/** The last day by which a month's report is on time: `dueDay` of the next month. */
export const dueDateOf = (month: string, dueDay: number): string => `${nextMonth(month)}-${pad(dueDay)}`;

/** A month can be reported once it has begun (the current month too: a cadre may report on the 30th). */
export const hasBegun = (month: string, today: string): boolean => `${month}-01` <= today;

/** Past its due date: a missing report is 逾期 and the month counts in the rates. */
export const isPastDue = (month: string, dueDay: number, today: string): boolean => today > dueDateOf(month, dueDay);

/** What the completeness table needs of a stored report. */
export interface ReportFacts {
  zero: boolean;
  onTime: boolean;
  supplemented: boolean;
}

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

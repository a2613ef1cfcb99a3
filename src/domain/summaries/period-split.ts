/**
 * A period as summaries answer it: the calendar months it covers whole, read from the summaries, and
 * the days of months it covers only in part (a date range), read from the records themselves. Pure.
 */
import type { Period } from '../period';

export interface PeriodSplit {
  /** 'YYYY-MM' of every month inside the period, in order. */
  months: string[];
  /** Inclusive day ranges of the months the period covers in part. */
  partial: { start: string; end: string }[];
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (month: string): string => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The months from `first` to `last` ('YYYY-MM', both included). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (let month = first; month <= last; month = `${y}-${pad(m)}`) {
    out.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function splitPeriod(period: Pick<Period, 'start' | 'end'>): PeriodSplit {
  const months: string[] = [];
  const partial: PeriodSplit['partial'] = [];
  for (const month of monthsBetween(period.start.slice(0, 7), period.end.slice(0, 7))) {
    const first = `${month}-01`;
    const last = lastDay(month);
    const start = period.start > first ? period.start : first;
    const end = period.end < last ? period.end : last;
    if (start === first && end === last) months.push(month);
    else partial.push({ start, end });
  }
  return { months, partial };
}

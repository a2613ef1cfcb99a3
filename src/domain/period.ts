/**
 * Report periods: a year, a half, a quarter, a month or a date range, as the figures API, the command
 * line and the dashboard write them. A period resolves to an inclusive range of Beijing calendar dates,
 * so filtering records is a plain string comparison on their 'YYYY-MM-DD' dates.
 */
import { chineseDate, isCalendarDate } from './dates';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export interface Period {
  /** Normalised text ('2023H1', '2023-05', …): what goes back into URLs and JSON. */
  text: string;
  kind: PeriodKind;
  /** First and last day, both inclusive. */
  start: string;
  end: string;
  /** Set when the period is exactly one calendar year: only then do manual (yearly) figures apply. */
  year?: number;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string };

const FORMS = '期间格式不对：可写 2023、2023H1、2023Q1、2023-05 或 2023-01-01..2023-06-30';
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const pad = (n: number): string => String(n).padStart(2, '0');
/** Last day of month m (1-based): day 0 of the next month, in UTC so no zone can shift it. */
const lastDay = (y: number, m: number): string => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const months = (y: number, first: number, last: number) => ({ start: `${y}-${pad(first)}-01`, end: lastDay(y, last) });

function fail(message: string): PeriodResult {
  return { ok: false, message };
}

export function parsePeriod(input: string): PeriodResult {
  const text = input.trim().toUpperCase();
  let m: RegExpExecArray | null;
  const ok = (p: Omit<Period, 'year'>, year?: number): PeriodResult => ({
    ok: true,
    period: year === undefined ? p : { ...p, year },
  });
  const yearOk = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

  if ((m = /^(\d{4})$/.exec(text))) {
    const y = Number(m[1]);
    if (!yearOk(y)) return fail(`年份${y}超出范围`);
    return ok({ text, kind: 'year', ...months(y, 1, 12) }, y);
  }
  if ((m = /^(\d{4})H([12])$/.exec(text))) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    if (!yearOk(y)) return fail(`年份${y}超出范围`);
    return ok({ text, kind: 'half', ...months(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12) });
  }
  if ((m = /^(\d{4})Q([1-4])$/.exec(text))) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    if (!yearOk(y)) return fail(`年份${y}超出范围`);
    return ok({ text, kind: 'quarter', ...months(y, q * 3 - 2, q * 3) });
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(text))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!yearOk(y)) return fail(`年份${y}超出范围`);
    if (mo < 1 || mo > 12) return fail(`月份${mo}不对`);
    return ok({ text: `${y}-${pad(mo)}`, kind: 'month', ...months(y, mo, mo) });
  }
  if ((m = /^(\S+)\.\.(\S+)$/.exec(text))) {
    const [start, end] = [m[1], m[2]];
    if (!isCalendarDate(start) || !isCalendarDate(end)) return fail(`${FORMS}（日期须写成年-月-日）`);
    if (end < start) return fail('期间的结束日期不能早于开始日期');
    const y = Number(start.slice(0, 4));
    if (!yearOk(y) || !yearOk(Number(end.slice(0, 4)))) return fail('期间的年份超出范围');
    const wholeYear = start === `${y}-01-01` && end === `${y}-12-31`;
    return ok({ text: `${start}..${end}`, kind: 'range', start, end }, wholeYear ? y : undefined);
  }
  return fail(FORMS);
}

/** Like parsePeriod, for callers that already validated the text: throws the Chinese message. */
export function mustParsePeriod(text: string): Period {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

const QUARTERS = ['一', '二', '三', '四'];

/** How the report and the dashboard name the period: 2023年上半年, 2023年第一季度 … */
export function periodLabel(p: Period): string {
  const y = Number(p.start.slice(0, 4));
  const mo = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'year':
      return `${y}年`;
    case 'half':
      return `${y}年${mo === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${y}年第${QUARTERS[(mo - 1) / 3]}季度`;
    case 'month':
      return `${y}年${mo}月`;
    case 'range':
      return p.start === p.end ? chineseDate(p.start) : `${chineseDate(p.start)}至${chineseDate(p.end)}`;
  }
}

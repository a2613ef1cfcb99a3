/**
 * Moves a ledger's records into another year, so the demo township shows "this year" whatever the
 * date: every 'YYYY-MM-DD' value and every `year` moves by the same number of years.
 */
import type { LedgerDoc } from '../../src/domain/ledger/parse';
import { manualFigureId } from '../../src/domain/records/manualFigure';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function shiftDate(date: string, years: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const year = Number(m[1]) + years;
  // 29 February has no twin in a common year.
  const day = m[2] === '02' && m[3] === '29' && !isLeap(year) ? '28' : m[3];
  return `${year}-${m[2]}-${day}`;
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function shiftDoc(doc: LedgerDoc, years: number): LedgerDoc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (typeof value === 'string' && ISO_DATE.test(value)) out[key] = shiftDate(value, years);
    else if (key === 'year' && typeof value === 'number') out[key] = value + years;
    else out[key] = value;
  }
  // A 其他指标's id names its year (one figure per unit, year and code): it moves with the year, or
  // entering the same figure again in the console (or re-importing it) would make a second one.
  const figure = doc as LedgerDoc & { orgCode?: unknown; year?: unknown; code?: unknown };
  if (typeof figure.year === 'number' && typeof figure.orgCode === 'string' && typeof figure.code === 'string') {
    const was = { orgCode: figure.orgCode, year: figure.year, code: figure.code };
    if (doc._id === manualFigureId(was)) out._id = manualFigureId({ ...was, year: figure.year + years });
  }
  return out as LedgerDoc;
}

/**
 * Calendar dates in Beijing time. Records carry the Beijing calendar date of the work as
 * 'YYYY-MM-DD' strings, so that period filters are plain string ranges and never depend on the
 * server's or the phone's time zone. Pure: no platform imports.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of an instant as seen in Beijing (UTC+8, no daylight saving). */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' of an instant as seen in Beijing. */
export function beijingMinute(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Beijing calendar year of an instant. */
export function beijingYear(instant: Date): number {
  return Number(beijingDate(instant).slice(0, 4));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2023-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A calendar date as a 公文 and a report write it: 2026-12-01 → 2026年12月1日. */
export const chineseDate = (date: string): string => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The console's pages and how they are addressed: every drill-down target (a figure's records, a
 * quality check, a unit's overview) becomes one URL, and page parameters are read back with their
 * defaults. Pure: pages call Taro.navigateTo with what these build.
 */
import type { DrillTarget, QualityCheck } from '../domain/console/api';
import { QUALITY_CHECKS } from '../domain/console/api';

const query = (params: Record<string, string | number | undefined>): string => {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export type ConsolePage = 'index' | 'charts' | 'records' | 'quality' | 'report' | 'close' | 'supervision' | 'figures' | 'ledger';

export const pageUrl = (page: ConsolePage, params: Record<string, string | number | undefined> = {}) => `/console/${page}/index${query(params)}`;

export function targetUrl(target: DrillTarget): string {
  if (target.page === 'overview') return pageUrl('index', { org: target.org, year: target.year });
  return pageUrl('records', { org: target.org, period: target.period, figure: target.figure, check: target.check });
}

export interface ConsoleParams {
  org?: string;
  year: number;
}

const decode = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : decodeURIComponent(v));

/** `org` and `year` of a console page; the year defaults to the current one. */
export function consoleParams(params: Record<string, string | undefined>, currentYear: number): ConsoleParams {
  const year = Number(decode(params.year));
  const org = decode(params.org);
  return { org: org && /^\d{6,15}$/.test(org) ? org : undefined, year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : currentYear };
}

export interface RecordsParams {
  org?: string;
  period?: string;
  figure?: string;
  check?: QualityCheck;
}

export function recordsParams(params: Record<string, string | undefined>): RecordsParams {
  const check = decode(params.check);
  return {
    org: decode(params.org),
    period: decode(params.period),
    figure: decode(params.figure),
    check: (QUALITY_CHECKS as readonly string[]).includes(check ?? '') ? (check as QualityCheck) : undefined,
  };
}

/** This year and the two before it: the years a township looks at. */
export const yearChoices = (currentYear: number): number[] => [currentYear, currentYear - 1, currentYear - 2];

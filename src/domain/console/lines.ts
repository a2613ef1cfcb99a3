/**
 * How a row of a drill-down list reads: a title, its date and one line of facts, plus the unit it
 * belongs to. Record kinds read as in 我的记录 (forms/summary.ts); roster entries, yearly figures and
 * units get their own line. Never the parties' names in the list: lists are glanced at in public.
 * Pure.
 */
import { isFormKind } from '../forms/roles';
import { summaryOf } from '../forms/summary';
import { formatFigure } from '../indicators/format';
import { MANUAL_FIGURE_BY_ID } from '../indicators/manual';
import type { DrillRow } from './api';

export interface DrillLine {
  id: string;
  title: string;
  date: string;
  line: string;
  orgName: string;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function drillLine(row: DrillRow): DrillLine {
  const base = { id: row.id, orgName: row.orgName };
  if (row.kind === 'org') return { ...base, title: row.orgName, date: '', line: row.level };
  const r = row as Record<string, unknown>;
  if (isFormKind(row.kind)) {
    const summary = summaryOf(row.kind, r);
    return { ...base, title: summary.title, date: summary.date, line: summary.line.replace(/\n/g, ' · ') };
  }
  if (row.kind === 'person') {
    const served = [s(r.startDate) && `自${s(r.startDate)}`, s(r.endDate) && `至${s(r.endDate)}`].filter(Boolean).join(' ');
    return { ...base, title: `${s(r.name)} · ${s(r.role)}`, date: '', line: served || '在岗' };
  }
  const code = s(r.code);
  const known = MANUAL_FIGURE_BY_ID.get(code);
  const unit = known?.unit ?? s(r.unit);
  const value = typeof r.value === 'number' ? r.value : null;
  return { ...base, title: known?.label ?? (s(r.label) || code), date: String(r.year ?? ''), line: `填报 ${formatFigure(value, unit, { withUnit: true })}` };
}

/** "第 21–40 条，共 57 条" */
export function pageText(offset: number, count: number, total: number): string {
  if (total === 0) return '没有记录';
  return `第 ${offset + 1}–${offset + count} 条，共 ${total} 条`;
}

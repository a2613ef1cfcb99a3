/**
 * One record as the console's record page shows it: each field with its ledger label and a value a
 * person reads, and the record's history as lines. The record arrives already masked as the viewer's
 * role requires; nothing here unmasks or adds. Pure.
 */
import type { HistoryView, RecordView } from '../api';
import { KINDS } from '../records/kinds';
import { COORDINATE_LABELS, type CoordinateSystem } from '../records/fields';
import { beijingMinute } from '../dates';

/** Not for reading: who handles a case is shown by the masking, not by openids. */
const HIDDEN = new Set(['id', 'orgCode', 'handlerIds']);

export interface FieldLine {
  name: string;
  label: string;
  value: string;
}

function readable(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (name === 'photos' && Array.isArray(value)) return value.length ? `${value.length} 张` : '';
  if (name === 'parties' && Array.isArray(value)) {
    return value.map((p: Record<string, unknown>) => [p.name, p.phone, p.idNumber].filter((v) => typeof v === 'string' && v !== '').join(' ')).join('；');
  }
  if (name === 'followUps' && Array.isArray(value))
    return value.map((v: Record<string, unknown>) => `${String(v.date ?? '')} ${String(v.result ?? '')}`).join('；');
  if (name === 'location' && typeof value === 'object') {
    const p = value as { latitude?: number; longitude?: number; system?: CoordinateSystem };
    return `纬度 ${p.latitude}，经度 ${p.longitude}${p.system ? `（${COORDINATE_LABELS[p.system]}）` : ''}`;
  }
  if (Array.isArray(value)) return value.map((v) => readable('', v)).join('、');
  return JSON.stringify(value);
}

/** The kind's own fields in the order of its schema, empty ones left out. */
export function recordLines(view: RecordView): FieldLine[] {
  const { fields, labels } = KINDS[view.kind];
  return fields
    .filter((name) => !HIDDEN.has(name))
    .map((name) => ({ name, label: labels[name] ?? name, value: readable(name, view[name]) }))
    .filter((line) => line.value !== '');
}

const ACTIONS: Record<string, string> = {
  create: '登记',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  import: '导入',
  close: '结账锁定',
  reopen: '重新打开',
};

export interface HistoryLine {
  key: string;
  text: string;
}

const when = (at: string): string => (Number.isNaN(Date.parse(at)) ? at : beijingMinute(new Date(at)));

/** "2026-03-02 18:15 修改（第 2 版） · 张三" in Beijing time, oldest first. */
export function historyLines(history: readonly HistoryView[]): HistoryLine[] {
  return history.map((h) => ({
    key: `${h.version}-${h.action}`,
    text: `${when(h.at)} ${ACTIONS[h.action] ?? h.action}（第 ${h.version} 版）${h.by ? ` · ${h.by}` : ''}`,
  }));
}

/** The page of a record in the console; rows of other kinds (units) have none. */
export function recordPageUrl(kind: string, id: string): string | null {
  if (!(kind in KINDS)) return null;
  return `/console/record/index?kind=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`;
}

/**
 * Turns the rows the pipelines of pipeline.ts return into figures: `{ <id>: number | null }`. Rates are
 * fractions, null when their denominator is 0; manual figures are null when nobody entered them (or
 * the period is not a whole year), which the report shows as a gap rather than a false 0.
 */
import type { Collection } from '../records/common';
import { MANUAL_FIGURE_BY_ID, isRateUnit } from './manual';
import { partsOf, selectFigures } from './pipeline';
import type { BaseMeasure, FigureDef, Figures } from './types';

export type AggregateRow = Record<string, unknown>;
/** What each collection's pipeline returned; a collection not queried is simply absent. */
export type AggregateRows = Partial<Record<Collection, readonly AggregateRow[]>>;

interface ManualRow {
  _id: string;
  total: number;
  rows: number;
  own: number;
  ownRows: number;
  label?: string | null;
  unit?: string | null;
}

/** Sums of amounts in 元 are kept to the cent; float addition would otherwise leave 0.30000000000000004. */
const cents = (n: number): number => Math.round(n * 100) / 100;

function baseValue(m: BaseMeasure, raw: unknown): number {
  if (m.kind === 'distinct') {
    const values = Array.isArray(raw) ? raw.filter((v) => v !== null && v !== undefined) : [];
    const kept = m.among ? values.filter((v) => m.among?.includes(String(v))) : values;
    return new Set(kept.map(String)).size;
  }
  const n = typeof raw === 'number' ? raw : 0;
  return m.kind === 'sum' ? cents(n) : n;
}

function figureValue(f: FigureDef, flat: Record<string, unknown>): number | null {
  const values = partsOf(f).map((p) => baseValue(p.measure, flat[p.key]));
  switch (f.measure.kind) {
    case 'ratio':
      return values[1] === 0 ? null : values[0] / values[1];
    case 'total':
      return cents(values.reduce((a, b) => a + b, 0));
    default:
      return values[0];
  }
}

function manualValue(row: ManualRow | undefined, unit: string | undefined): number | null {
  if (!row) return null;
  if (isRateUnit(unit ?? row.unit ?? undefined)) return row.ownRows > 0 ? row.own : null;
  return row.rows > 0 ? cents(row.total) : null;
}

const manualRowsOf = (rows: AggregateRows): ManualRow[] => (rows.manual_figures ?? []) as unknown as ManualRow[];

export function assemble(rows: AggregateRows, ids?: readonly string[]): Figures {
  // The per-collection $group rows have distinct keys, so they merge into one flat row.
  const flat: Record<string, unknown> = {};
  for (const [collection, list] of Object.entries(rows)) {
    if (collection === 'manual_figures') continue;
    for (const row of list ?? []) if (row._id === null || row._id === undefined) Object.assign(flat, row);
  }
  const manual = new Map(manualRowsOf(rows).map((r) => [r._id, r]));
  const out: Figures = {};
  for (const f of selectFigures(ids)) {
    out[f.id] = f.measure.kind === 'manual' ? manualValue(manual.get(f.measure.code), f.unit) : figureValue(f, flat);
  }
  // Codes a township defined itself appear under their own code.
  for (const r of manual.values()) {
    if (MANUAL_FIGURE_BY_ID.has(r._id) || (ids && !ids.includes(r._id))) continue;
    out[r._id] = manualValue(r, undefined);
  }
  return out;
}

/** Definitions of the township-defined figures found in the rows, labelled and unitised from the data. */
export function extraManualFigures(rows: AggregateRows): FigureDef[] {
  return manualRowsOf(rows)
    .filter((r) => !MANUAL_FIGURE_BY_ID.has(r._id))
    .map((r) => ({
      id: r._id,
      label: r.label ?? r._id,
      unit: r.unit ?? '',
      group: '其他指标',
      source: 'manual_figures',
      measure: { kind: 'manual', code: r._id },
    }));
}

/**
 * The values behind a `distinct` figure, in the order of its `among` list: the 法律六进 venues behind
 * outreach.six_into_venues, which the report names ("法律进机关、进乡村") rather than counts.
 */
export function distinctValues(rows: AggregateRows, f: FigureDef): string[] {
  const m = f.measure;
  if (m.kind !== 'distinct') return [];
  const flat = Object.assign({}, ...(rows[m.source] ?? []).filter((r) => r._id === null || r._id === undefined)) as Record<string, unknown>;
  const raw = flat[partsOf(f)[0].key];
  const values = new Set((Array.isArray(raw) ? raw : []).filter((v) => v !== null && v !== undefined).map(String));
  return m.among ? m.among.filter((v) => values.has(v)) : [...values].sort();
}

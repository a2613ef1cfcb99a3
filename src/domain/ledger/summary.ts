/**
 * The export's 指标汇总 sheet (LEDGER.md "What an export adds"): the unit, the period and every figure of
 * INDICATORS.md (id, label, value, unit), then the township's own 其他指标 codes. It is for the reader
 * only; import skips the sheet.
 */
import { FIGURES, type FigureDef, type Figures } from '../indicators';
import { isRateUnit } from '../indicators/manual';
import { SERIAL_COLUMN } from './tables';
import type { OutCell } from './export';

export interface SummaryLabel {
  label: string;
  unit: string;
}

export interface SummarySheet {
  rows: OutCell[][];
  /** The 1-based row of the column names (above it: the unit and the period). */
  headerRow: number;
}

export const SUMMARY_HEADER: readonly string[] = [SERIAL_COLUMN, '分组', '指标代码', '指标名称', '数值', '单位'];

/** Rates are stored as fractions; the sheet shows them as a reader writes them (97.5 with unit %). */
function valueCell(value: number | null | undefined, unit: string): OutCell {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return isRateUnit(unit) ? Math.round(value * 1000) / 10 : value;
}

/**
 * `figures` as the figures API answers them (catalogue ids and custom codes); `custom` gives the
 * label and unit of each custom code.
 */
export function summarySheet(
  unit: { code: string; name: string },
  periodLabel: string,
  figures: Figures,
  custom: ReadonlyMap<string, SummaryLabel>,
): SummarySheet {
  const known = new Set(FIGURES.map((f) => f.id));
  const extra: Array<Pick<FigureDef, 'id' | 'label' | 'unit' | 'group'>> = Object.keys(figures)
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, label: custom.get(id)?.label ?? id, unit: custom.get(id)?.unit ?? '', group: '其他指标' }));
  const lines = [...FIGURES, ...extra].map((f, i) => [i + 1, f.group, f.id, f.label, valueCell(figures[f.id], f.unit), f.unit]);
  return {
    rows: [['单位', `${unit.name}（${unit.code}）`], ['期间', periodLabel], [], [...SUMMARY_HEADER], ...lines],
    headerRow: 4,
  };
}

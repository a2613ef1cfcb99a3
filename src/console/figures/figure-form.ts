/**
 * The 其他指标 page's logic: what the form shows for a code, how a value prints and is typed back (a
 * rate is stored as 0.98 and typed as 98%), and the problems of a refused save by field. Pure.
 */
import type { ManualFigureEntry, ManualFiguresAnswer } from '../../domain/console/ledger-api';
import type { FieldProblem } from '../../domain/records/fields';
import { isRateUnit } from '../../domain/indicators/manual';

/** The last choice: a code of the township's own. */
export const CUSTOM = '自定义指标';

export interface FigureDraft {
  /** A catalogue id, or '' for a custom code. */
  catalogueId: string;
  code: string;
  label: string;
  unit: string;
  value: string;
}

export const emptyDraft = (catalogueId = ''): FigureDraft => ({ catalogueId, code: catalogueId, label: '', unit: '', value: '' });

/** How a value reads: 98% for a rate, the number otherwise. */
export const valueText = (value: number, unit: string): string => (isRateUnit(unit) ? `${Math.round(value * 1000) / 10}%` : `${value}${unit}`);

/** The form filled from an entry, to change it. */
export function draftOf(entry: ManualFigureEntry): FigureDraft {
  const value = isRateUnit(entry.unit) ? `${Math.round(entry.value * 1000) / 10}%` : String(entry.value);
  return {
    catalogueId: entry.catalogue ? entry.code : '',
    code: entry.code,
    label: entry.catalogue ? '' : entry.label,
    unit: entry.catalogue ? '' : entry.unit,
    value,
  };
}

/** The form for a catalogue code: its entry of the year to change, or an empty one. */
export function draftFor(answer: Pick<ManualFiguresAnswer, 'entries'>, catalogueId: string): FigureDraft {
  const entry = answer.entries.find((e) => e.code === catalogueId);
  return entry ? draftOf(entry) : emptyDraft(catalogueId);
}

/** Problems by form field, the first for each. */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= p.message;
  return out;
}

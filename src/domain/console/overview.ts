/**
 * The console's 概览: the catalogue's figures grouped as INDICATORS.md groups them, this year against
 * last, with the change said the way a cadre reads it ("+12（+8.5%）", "+2.5个百分点", "持平").
 * Pure: the figures come from the console function, the page only lays these lines out.
 */
import { FIGURES } from '../indicators/catalogue';
import { formatFigure } from '../indicators/format';
import { isRateUnit } from '../indicators/manual';
import { FIGURE_GROUPS, type FigureDef, type FigureGroup } from '../indicators/types';

type Values = Readonly<Record<string, number | null | undefined>>;

export type ChangeDirection = 'up' | 'down' | 'same' | 'none';

export interface Change {
  text: string;
  direction: ChangeDirection;
}

export interface OverviewLine {
  id: string;
  label: string;
  unit: string;
  /** This year's value as printed ('—' when there is none). */
  value: string;
  lastValue: string;
  change: Change;
}

export interface OverviewGroup {
  group: FigureGroup;
  lines: OverviewLine[];
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Rounded for printing a difference: sums of 元 keep cents, everything else is whole or a rate. */
const tidy = (n: number): number => Math.round(n * 100) / 100;
const signed = (n: number, suffix = ''): string => `${n > 0 ? '+' : '−'}${Math.abs(tidy(n))}${suffix}`;

/** This year against last: percentage points for rates, the difference and its share for the rest. */
export function changeOf(value: number | null | undefined, last: number | null | undefined, unit: string): Change {
  if (!isNumber(value)) return { text: '—', direction: 'none' };
  if (!isNumber(last)) return { text: '上年无数据', direction: 'none' };
  if (isRateUnit(unit)) {
    const points = tidy((value - last) * 100);
    if (Math.abs(points) < 0.05) return { text: '持平', direction: 'same' };
    return { text: signed(Math.round(points * 10) / 10, '个百分点'), direction: points > 0 ? 'up' : 'down' };
  }
  const delta = tidy(value - last);
  if (delta === 0) return { text: '持平', direction: 'same' };
  const direction = delta > 0 ? 'up' : 'down';
  // Against a tiny base the share says nothing a cadre can use ("+26200%"): the difference alone then.
  if (last === 0 || Math.abs(delta / last) > 10) return { text: signed(delta), direction };
  const share = formatFigure(Math.abs(delta / last), '%');
  return { text: `${signed(delta)}（${delta > 0 ? '+' : '−'}${share}）`, direction };
}

/** A by-type count is shown only when it has a case in either year: fifteen rows of 0 hide the rest. */
function shown(f: FigureDef, figures: Values, lastYear: Values): boolean {
  if (!f.id.startsWith('mediation.by_type.')) return true;
  return (figures[f.id] ?? 0) !== 0 || (lastYear[f.id] ?? 0) !== 0;
}

export function overviewLine(f: Pick<FigureDef, 'id' | 'label' | 'unit'>, figures: Values, lastYear: Values): OverviewLine {
  return {
    id: f.id,
    label: f.label,
    unit: f.unit,
    value: formatFigure(figures[f.id], f.unit),
    lastValue: formatFigure(lastYear[f.id], f.unit),
    change: changeOf(figures[f.id], lastYear[f.id], f.unit),
  };
}

export function overviewGroups(figures: Values, lastYear: Values): OverviewGroup[] {
  return FIGURE_GROUPS.map((group) => ({
    group,
    lines: FIGURES.filter((f) => f.group === group && shown(f, figures, lastYear)).map((f) => overviewLine(f, figures, lastYear)),
  })).filter((g) => g.lines.length > 0);
}

/** The handful of figures the console opens with, as the report's headline sentence reads them. */
export const KEY_FIGURES: readonly string[] = [
  'outreach.events',
  'outreach.materials',
  'mediation.accepted',
  'mediation.closed',
  'petition.receptions',
  'petition.registered',
];

export function keyLines(figures: Values, lastYear: Values): OverviewLine[] {
  return KEY_FIGURES.map((id) => FIGURES.find((f) => f.id === id))
    .filter((f): f is FigureDef => f !== undefined)
    .map((f) => overviewLine(f, figures, lastYear));
}

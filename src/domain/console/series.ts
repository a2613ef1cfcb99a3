/**
 * Chart series of the console: one figure by unit (分村) or by month (分月), as bars with their printed
 * value and their length relative to the longest bar. Which figures add up across units or months is
 * decided here from the catalogue, so a total is never printed for a rate or a roster snapshot.
 * Pure: the page draws the bars; tests check the numbers.
 */
import { FIGURE_BY_ID } from '../indicators/catalogue';
import { formatFigure } from '../indicators/format';
import { isRateUnit } from '../indicators/manual';
import type { BaseMeasure, FigureDef } from '../indicators/types';
import type { ByMonthAnswer, ByVillageAnswer, TrendAnswer } from './api';

/** The figures the charts offer, in the order of the picker. */
export const CHART_FIGURES: readonly string[] = [
  'outreach.events',
  'outreach.materials',
  'outreach.attendees',
  'outreach.consultations',
  'mediation.accepted',
  'mediation.closed',
  'mediation.success_rate',
  'petition.receptions',
  'petition.registered',
];

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  text: string;
  /** Length relative to the longest bar, 0..1. */
  share: number;
}

export interface Series {
  id: string;
  label: string;
  unit: string;
  bars: Bar[];
  /** Sum of the bars when the figure adds up that way; null otherwise. */
  total: number | null;
  totalText: string | null;
}

const baseMeasures = (f: FigureDef): BaseMeasure[] => {
  const m = f.measure;
  if (m.kind === 'ratio') return [m.numerator, m.denominator];
  if (m.kind === 'total') return [...m.of];
  if (m.kind === 'manual') return [];
  return [m];
};

/** A unit's figure is the sum of its parts' figures: counts and sums, never rates or distinct counts. */
export function addsUpOverUnits(id: string): boolean {
  const f = FIGURE_BY_ID.get(id);
  if (!f || isRateUnit(f.unit)) return false;
  if (f.measure.kind === 'manual') return true;
  if (f.measure.kind === 'ratio') return false;
  return baseMeasures(f).every((m) => m.kind !== 'distinct');
}

/**
 * A figure that has a value for each month: counts, sums and rates of dated records (the summaries'
 * figures), not roster snapshots, unit counts or yearly 其他指标. The five-year trend offers these.
 */
export function isMonthlyFigure(id: string): boolean {
  const f = FIGURE_BY_ID.get(id);
  if (!f || f.measure.kind === 'manual') return false;
  return baseMeasures(f).every((m) => m.dateField !== undefined && !m.activeAtEnd);
}

/** A year's figure is the sum of its months': dated counts and sums (a roster snapshot is not). */
export function addsUpOverMonths(id: string): boolean {
  const f = FIGURE_BY_ID.get(id);
  if (!f || !addsUpOverUnits(id) || f.measure.kind === 'manual') return false;
  return baseMeasures(f).every((m) => m.dateField !== undefined && !m.activeAtEnd);
}

function seriesOf(id: string, points: { key: string; label: string; value: number | null | undefined }[], addsUp: boolean): Series {
  const f = FIGURE_BY_ID.get(id);
  const unit = f?.unit ?? '';
  const values = points.map((p) => (typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : null));
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const bars = points.map((p, i) => ({
    key: p.key,
    label: p.label,
    value: values[i],
    text: formatFigure(values[i], unit),
    share: max > 0 ? (values[i] ?? 0) / max : 0,
  }));
  const total = addsUp ? Math.round(values.reduce<number>((a, v) => a + (v ?? 0), 0) * 100) / 100 : null;
  return { id, label: f?.label ?? id, unit, bars, total, totalText: total === null ? null : formatFigure(total, unit, { withUnit: true }) };
}

/** The by-unit chart's name: a township's units are villages, a county's are townships. */
export const byUnitLabel = (level: string | undefined): string => (level === '县' ? '分乡镇' : '分村');

/** The unit's own records are labelled by what the unit is: 乡镇本级 under a township. */
export const ownLabel = (level: string): string => (level === '乡镇' ? '乡镇本级' : level === '县' ? '县本级' : '本级');

export function villageSeries(answer: ByVillageAnswer, id: string): Series {
  const points = answer.units
    // The unit's own records only show when there are any: most townships log everything in villages.
    .filter((u) => !u.own || (u.figures[id] ?? 0) !== 0)
    .map((u) => ({ key: u.org.code, label: u.own ? ownLabel(u.org.level) : u.org.name, value: u.figures[id] }));
  return seriesOf(id, points, addsUpOverUnits(id));
}

export function monthSeries(answer: ByMonthAnswer, id: string): Series {
  const points = answer.months.map((m) => ({ key: m.month, label: `${Number(m.month.slice(5, 7))}月`, value: m.figures[id] }));
  return seriesOf(id, points, addsUpOverMonths(id));
}

/** How many years the trend shows, ending with the year asked for. */
export const TREND_YEARS = 5;

/** The five-year trend: one bar a month, each January (and the first bar) named with its year. */
export function trendSeries(answer: TrendAnswer, id: string): Series {
  const points = answer.months.map((m, i) => {
    const month = Number(m.month.slice(5, 7));
    return { key: m.month, label: month === 1 || i === 0 ? `${m.month.slice(0, 4)}年${month}月` : `${month}月`, value: m.figures[id] };
  });
  return seriesOf(id, points, addsUpOverMonths(id));
}

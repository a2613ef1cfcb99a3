/**
 * The figures of INDICATORS.md's 其他指标 that a township enters by hand once a year (no field log
 * produces them). A township may add codes of its own; those carry their label and unit in the data.
 */

export interface ManualFigureInfo {
  id: string;
  label: string;
  unit: string;
}

export const MANUAL_FIGURES: readonly ManualFigureInfo[] = [
  { id: 'enforcement.permits', label: '行政许可', unit: '件' },
  { id: 'enforcement.penalties', label: '行政处罚', unit: '件' },
  { id: 'manual.responsibility_letters', label: '签订法治建设责任书', unit: '份' },
  { id: 'manual.disclosure_coverage', label: '政务公开覆盖面', unit: '%' },
];

export const MANUAL_FIGURE_BY_ID: ReadonlyMap<string, ManualFigureInfo> = new Map(MANUAL_FIGURES.map((f) => [f.id, f]));

/** Rates print as percentages and are stored as fractions in [0, 1]. */
export const isRateUnit = (unit: string | undefined): boolean => unit === '%';

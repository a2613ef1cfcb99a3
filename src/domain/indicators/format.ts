/**
 * How a figure prints in the report and on the dashboard (INDICATORS.md): rates as percentages with at
 * most one decimal and no trailing zeros (100%, 97.5%); large figures optionally in the "3000余" form
 * the reports use; amounts of 10 000 元 or more in 万元 when printed with their unit. The exact value is
 * always kept elsewhere; this is only its printed face.
 */
import { isRateUnit } from './manual';

export interface FormatOptions {
  /** Print the 余 form (3046 → 3000余) where it applies. */
  yu?: boolean;
  /** Append the unit (份, 件 …); rates always carry their %. Amounts of 10 000 元 and more print in 万元. */
  withUnit?: boolean;
}

/** Shown for a figure that has no value (a rate over nothing, a manual figure nobody entered). */
export const NO_VALUE = '—';

/**
 * Units whose figures print with 余 by default when the report asks for it (INDICATORS.md): sums of
 * materials, banners, people and money. Counts of cases and events (件, 次, 场次, 条, 期) and roster
 * snapshots (人, 个) print exactly unless the township chooses otherwise; rates never use 余.
 */
const YU_BY_DEFAULT_UNITS: ReadonlySet<string> = new Set(['份', '幅', '人次', '元']);
export const yuByDefault = (unit: string): boolean => YU_BY_DEFAULT_UNITS.has(unit);
/** Whether the 余 form can apply to a figure of this unit at all (rates never). */
export const yuApplies = (unit: string): boolean => !isRateUnit(unit);

/** At most `decimals` decimals, trailing zeros dropped: 97.50 → "97.5", 100.0 → "100". */
function plain(n: number, decimals: number): string {
  const factor = 10 ** decimals;
  // Rounding the scaled value first avoids 0.975 * 100 printing as 97.49999.
  return String(Math.round(Number((n * factor).toPrecision(12))) / factor);
}

/** n floored to `digits` significant digits (whole numbers from 10 up). */
function floorSignificant(n: number, digits: number): number {
  const factor = 10 ** Math.max(0, Math.floor(Math.log10(n)) - (digits - 1));
  return Math.floor(n / factor) * factor;
}

/**
 * The value the 余 form prints (INDICATORS.md): floored to one significant digit when that keeps at
 * least 85% of the value, otherwise to two: 3046 → 3000, 517 → 500, 23 → 20, 163 → 160, 1234 → 1200,
 * 2980 → 2900, 29 → 29. Below 10 it is the whole part.
 */
export function yuFloor(n: number): number {
  if (n < 10) return Math.floor(n);
  const one = floorSignificant(n, 1);
  return one >= 0.85 * n ? one : floorSignificant(n, 2);
}

/** The 余 form: used only from 20 upwards and only when flooring changed the value (20 stays 20). */
export function yuForm(n: number): string {
  if (n < 20) return plain(n, 2);
  const floored = yuFloor(n);
  return floored === n ? plain(n, 2) : `${floored}余`;
}

const WAN = 10000;

/**
 * An amount of 10 000 元 or more in 万元 (INDICATORS.md): one decimal, trailing zero dropped (2164239 →
 * 216.4万元); with 余, the 万 value floored by the 余 rule, and under 20万 to whole 万 (2164239 → 200万余元,
 * 1564239 → 150万余元, 164000 → 16万余元).
 */
function wanYuan(value: number, yu: boolean): string {
  const wan = value / WAN;
  if (!yu) return `${plain(wan, 1)}万元`;
  const floored = wan < 20 ? Math.floor(wan) : yuFloor(wan);
  return floored === wan ? `${plain(wan, 1)}万元` : `${floored}万余元`;
}

export function formatFigure(value: number | null | undefined, unit: string, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  if (isRateUnit(unit)) return `${plain(value * 100, 1)}%`;
  if (options.withUnit && unit === '元' && value >= WAN) return wanYuan(value, options.yu === true);
  const text = options.yu ? yuForm(value) : plain(value, 2);
  return options.withUnit ? `${text}${unit}` : text;
}

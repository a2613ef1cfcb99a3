/**
 * How a figure prints in the report and on the dashboard (INDICATORS.md): rates as percentages with at
 * most one decimal and no trailing zeros (100%, 97.5%); large counts optionally in the "3000余" form the
 * reports use. The exact value is always kept elsewhere; this is only its printed face.
 */
import { isRateUnit } from './manual';

export interface FormatOptions {
  /** Print the 余 form (3046 → 3000余) where it applies. */
  yu?: boolean;
  /** Append the unit (份, 件 …); rates always carry their %. */
  withUnit?: boolean;
}

/** Shown for a figure that has no value (a rate over nothing, a manual figure nobody entered). */
export const NO_VALUE = '—';

/** At most `decimals` decimals, trailing zeros dropped: 97.50 → "97.5", 100.0 → "100". */
function plain(n: number, decimals: number): string {
  const factor = 10 ** decimals;
  // Rounding the scaled value first avoids 0.975 * 100 printing as 97.49999.
  return String(Math.round(Number((n * factor).toPrecision(12))) / factor);
}

/**
 * The value floored to two significant digits, as INDICATORS.md defines the 余 form:
 * 3046 → 3000, 163 → 160, 517 → 510; a two-digit whole number is already its own floor (23 → 23).
 */
export function yuFloor(n: number): number {
  if (n < 10) return Math.floor(n);
  const factor = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / factor) * factor;
}

/** The 余 form: used only from 20 upwards and only when flooring changed the value (20 stays 20). */
export function yuForm(n: number): string {
  if (n < 20) return plain(n, 2);
  const floored = yuFloor(n);
  return floored === n ? plain(n, 2) : `${floored}余`;
}

export function formatFigure(value: number | null | undefined, unit: string, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  if (isRateUnit(unit)) return `${plain(value * 100, 1)}%`;
  const text = options.yu ? yuForm(value) : plain(value, 2);
  return options.withUnit ? `${text}${unit}` : text;
}

/** Number handling of the Stepper: whole numbers ≥ 0 only. Pure. */

/** What a person typed, as a count: digits only, empty is 0. */
export function parseCount(text: string): number {
  const digits = text.replace(/\D/g, '');
  if (digits === '') return 0;
  return Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
}

export function stepCount(value: number, delta: number, max?: number): number {
  const next = Math.max(0, value + delta);
  return max === undefined ? next : Math.min(next, max);
}

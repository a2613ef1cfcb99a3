/**
 * When to try a record again after a failure that retrying may cure. Growing waits keep a phone with
 * a bad signal from spending battery and data; the network coming back (or the app being shown)
 * triggers a send at once regardless. Pure.
 */
const STEPS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
export const MAX_DELAY_MS = 1_800_000;

/** The wait after the `attempts`-th failure (1 = first). */
export function retryDelayMs(attempts: number): number {
  if (attempts < 1) return 0;
  return attempts <= STEPS_MS.length ? STEPS_MS[attempts - 1] : MAX_DELAY_MS;
}

/**
 * The counters a summary keeps for each part of the catalogue (pipeline.ts `partsOf`): how many records
 * matched the part, the sum of its field, and how many matched records carry each value of a distinct
 * field. Values are counted, not just collected, so that taking a record out (an edit, a delete) is a
 * subtraction like putting it in. Pure.
 */

export interface PartCounter {
  /** Records that matched the part. */
  n: number;
  /** Sum of the part's field over them (sum parts). */
  s?: number;
  /** Records per value of the part's field (distinct parts). */
  v?: Record<string, number>;
}

/** Part key (pipeline.ts) → its counter. */
export type Counters = Record<string, PartCounter>;

/** Sums of amounts are kept to the cent, as assemble() does: float drift never survives a merge. */
const cents = (n: number): number => Math.round(n * 100) / 100;

function addValues(into: Record<string, number>, from: Record<string, number>, sign: 1 | -1): void {
  for (const [value, count] of Object.entries(from)) {
    const next = (into[value] ?? 0) + sign * count;
    if (next === 0) delete into[value];
    else into[value] = next;
  }
}

const isEmpty = (c: PartCounter): boolean => c.n === 0 && (c.s ?? 0) === 0 && Object.keys(c.v ?? {}).length === 0;

/** `into` + sign × `from`, in place; parts that come to nothing are dropped. */
export function addCounters(into: Counters, from: Readonly<Counters>, sign: 1 | -1 = 1): Counters {
  for (const [key, c] of Object.entries(from)) {
    const cur: PartCounter = into[key] ? { ...into[key], v: into[key].v ? { ...into[key].v } : undefined } : { n: 0 };
    cur.n += sign * c.n;
    if (c.s !== undefined) cur.s = cents((cur.s ?? 0) + sign * c.s);
    if (c.v) addValues((cur.v ??= {}), c.v, sign);
    if (cur.v && Object.keys(cur.v).length === 0) delete cur.v;
    if (cur.s === 0) delete cur.s;
    if (isEmpty(cur)) delete into[key];
    else into[key] = cur;
  }
  return into;
}

/** The same counters written one canonical way (sorted keys, no zero parts): what the check compares. */
export function canonicalCounters(c: Readonly<Counters>): string {
  const clean = addCounters({}, c);
  const sorted = Object.keys(clean)
    .sort()
    .map((key) => {
      const { n, s, v } = clean[key];
      return [
        key,
        n,
        s ?? 0,
        v
          ? Object.keys(v)
              .sort()
              .map((k) => [k, v[k]])
          : [],
      ];
    });
  return JSON.stringify(sorted);
}

export const hasCounts = (c: Readonly<Counters>): boolean => Object.keys(addCounters({}, c)).length > 0;

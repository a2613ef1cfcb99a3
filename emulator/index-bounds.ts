/**
 * What a filter says about single fields, for choosing an index: equality to a few values (a point
 * set: `f: v`, `$eq`, `$in`) or a range (`$gt/$gte/$lt/$lte`). Only "plain" values bound a field —
 * finite numbers, strings and valid Dates, which sort among themselves as mingo sorts them (numbers,
 * then strings, then dates). Anything else (null, booleans, regexes, objects, `$ne`, `$exists`, `$or`
 * branches …) bounds nothing: the filter is always evaluated in full on every candidate, so a bound
 * only has to be NECESSARY for a match, never sufficient.
 *
 * mingo (like MongoDB) matches `f: {$gte: a}` when any element of an array `f` is ≥ a, and tests each
 * operator on its own: `{$gte: a, $lte: b}` matches `[a - 1, b + 1]`. So a range is one bound per side,
 * and the index decides whether it may be used as an interval (compound-index.ts: only where no
 * document holds an array). Conditions on one field in several `$and` parts (the SDK sends
 * `_.gte(a).and(_.lte(b))` that way) fill in each other's missing side; otherwise the first wins.
 */
import { isPlainObject } from './ejson';

export type Plain = number | string | Date;

export interface Side {
  v: Plain;
  incl: boolean;
}

export interface Bound {
  points?: Plain[];
  lo?: Side;
  hi?: Side;
}

/** Sort class of a plain value, in mingo's order (number < string < date). */
export function rankOf(v: Plain): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

export function isPlain(v: unknown): v is Plain {
  if (typeof v === 'string') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  return v instanceof Date && !Number.isNaN(v.getTime());
}

/** Total order of plain values consistent with mingo's $sort and its range operators. */
export function comparePlain(a: Plain, b: Plain): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  const x = ra === 2 ? (a as Date).getTime() : a;
  const y = rb === 2 ? (b as Date).getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'] as const;

function boundOf(cond: unknown): Bound | undefined {
  if (isPlain(cond)) return { points: [cond] };
  if (!isPlainObject(cond)) return undefined;
  const ops = Object.keys(cond);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return undefined;
  if ('$eq' in cond) return isPlain(cond.$eq) ? { points: [cond.$eq] } : undefined;
  if ('$in' in cond) {
    const list = cond.$in;
    if (!Array.isArray(list) || list.length === 0 || !list.every(isPlain)) return undefined;
    return { points: list as Plain[] };
  }
  const b: Bound = {};
  for (const op of RANGE_OPS) {
    if (!(op in cond)) continue;
    const v = cond[op];
    if (!isPlain(v)) return undefined;
    const side = { v, incl: op.endsWith('e') };
    if (op.startsWith('$g')) b.lo = side;
    else b.hi = side;
  }
  if (!b.lo && !b.hi) return undefined;
  // mingo compares only values of the bound's own type: bounds of two types match nothing, keep one.
  if (b.lo && b.hi && rankOf(b.lo.v) !== rankOf(b.hi.v)) delete b.hi;
  return b;
}

/** Field → bound, from the top-level fields of the filter and of its (nested) `$and` parts. */
export function boundsOf(criteria: unknown, into = new Map<string, Bound>()): Map<string, Bound> {
  if (!isPlainObject(criteria)) return into;
  for (const [key, cond] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(cond)) {
      for (const part of cond) boundsOf(part, into);
      continue;
    }
    if (key.startsWith('$') || key.includes('.')) continue;
    const b = boundOf(cond);
    if (!b) continue;
    const had = into.get(key);
    if (!had) into.set(key, b);
    else if (!had.points && !b.points) {
      const rank = rankOf((had.lo ?? had.hi)!.v);
      if (!had.lo && b.lo && rankOf(b.lo.v) === rank) had.lo = b.lo;
      if (!had.hi && b.hi && rankOf(b.hi.v) === rank) had.hi = b.hi;
    }
  }
  return into;
}

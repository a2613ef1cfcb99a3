/**
 * Which documents a filter must look at: the query planner of the local store.
 *
 * In order of preference: `_id` equal to one or a few values (a key lookup); the declared index
 * (compound-index.ts) whose stretches hold the fewest entries; an equality index built on demand for
 * any top-level field (eq-index.ts); otherwise every document. An index whose stretches cover half
 * the collection or more is not worth it (the candidates must be put back in natural order), so the
 * collection is scanned instead. Candidates are a superset of the matches: callers test each with the
 * full filter, so the plan never changes an answer, only its cost (tests/unit/emulator compare them).
 */
import type { Doc } from './ejson';
import { CompoundIndex, type IndexPlan } from './compound-index';
import { EqIndexes, indexableCondition } from './eq-index';
import { boundsOf } from './index-bounds';
import type { Criteria } from './query';

interface Entry {
  readonly doc: Doc;
  readonly seq: number;
}

type Coll = Map<string, Entry>;

/** How a filter is answered: which keys (or all) and by what. */
export type Plan = { kind: 'scan' } | { kind: 'keys'; keys: Iterable<string>; by: string };

export class Planner {
  private readonly declared = new Map<string, CompoundIndex[]>();
  private readonly eq = new EqIndexes();

  /**
   * `indexShare`: an index is used when its stretches hold at most this share of the collection
   * (tests use 1: always, so small random collections exercise the indexes).
   */
  constructor(
    declared: Record<string, ReadonlyArray<{ name: string; fields: readonly string[] }>>,
    private readonly keyOf: (id: unknown) => string,
    private readonly indexShare = 0.5,
  ) {
    for (const [coll, list] of Object.entries(declared)) {
      // Dotted paths are not indexed here (a scan answers them, as before).
      const usable = list.filter((ix) => ix.fields.length > 0 && ix.fields.every((f) => !f.includes('.')));
      this.declared.set(
        coll,
        usable.map((ix) => new CompoundIndex(ix.name, ix.fields)),
      );
    }
  }

  /** Keeps every built index of the collection in step with one document change. */
  update(coll: string, key: string, before: Doc | undefined, after: Doc | undefined): void {
    this.eq.update(coll, key, before, after);
    for (const ix of this.declared.get(coll) ?? []) ix.update(key, before, after);
  }

  /**
   * The plan of the best declared index for the bounds. Building an index costs a pass over the
   * collection, so only the indexes that fit best (most leading fields bounded) are built and
   * compared by their actual stretches; `accept` filters (e.g. only indexes giving an order).
   */
  private bestPlan(name: string, coll: Coll, criteria: Criteria | undefined, accept: (p: IndexPlan) => boolean = () => true): IndexPlan | undefined {
    const bounds = boundsOf(criteria);
    if (bounds.size === 0) return undefined;
    // What a plan says about order depends on the bounds only, so `accept` can sort out unbuilt indexes.
    const fitting = (this.declared.get(name) ?? [])
      .map((ix) => ({ ix, fit: ix.fit(bounds) }))
      .filter((x) => x.fit > 0 && (x.ix.isBuilt || acceptable(x.ix.plan(bounds), accept)));
    const top = Math.max(0, ...fitting.map((x) => x.fit));
    let best: IndexPlan | undefined;
    for (const { ix, fit } of fitting) {
      // A built index is compared whatever its fit (it costs nothing more); an unbuilt one only at the top.
      if (fit < top && !ix.isBuilt) continue;
      ix.ensure(docsOf(coll));
      const p = ix.plan(bounds);
      if (p && accept(p) && (!best || p.cost < best.cost)) best = p;
    }
    return best;
  }

  /** The keys to test for `criteria`, in no particular order, or a scan. */
  plan(name: string, coll: Coll, criteria: Criteria | undefined): Plan {
    const ids = idPoints(criteria);
    if (ids) return { kind: 'keys', keys: ids.map(this.keyOf), by: '_id_' };
    const best = this.bestPlan(name, coll, criteria);
    if (best && best.cost <= coll.size * this.indexShare) {
      return { kind: 'keys', keys: concat(best.index.keys(best), best.index.irregular), by: best.index.name };
    }
    if (!best) {
      const cond = indexableCondition(criteria);
      if (cond) return { kind: 'keys', keys: this.eq.lookup(name, coll, cond.field, cond.key), by: `eq:${cond.field}` };
    }
    return { kind: 'scan' };
  }

  /**
   * The candidates of `criteria` in the order of `sort`, by walking a declared index, or undefined
   * when no index gives that order. `matches` tests the irregular documents the walk would miss: if
   * one of them matches, the order is not the index's and the caller sorts instead.
   */
  walk(name: string, coll: Coll, criteria: Criteria | undefined, sort: Array<[string, number]>, matches: (d: Doc) => boolean): Iterable<string> | undefined {
    if (sort.length === 0) return undefined;
    const best = this.bestPlan(name, coll, criteria, (p) => p.index.walksInOrder(p, sort));
    if (!best) return undefined;
    for (const key of best.index.irregular) {
      const e = coll.get(key);
      if (e && matches(e.doc)) return undefined;
    }
    return best.index.keys(best, sort[0][1] < 0);
  }
}

const acceptable = (p: IndexPlan | undefined, accept: (p: IndexPlan) => boolean): boolean => p !== undefined && accept(p);

/** `_id` pinned to one value or a list (`$in`) of strings/numbers: the keys to look up. */
export function idPoints(criteria: Criteria | undefined): unknown[] | undefined {
  if (!criteria || !('_id' in criteria)) return undefined;
  const points = boundsOf({ _id: criteria._id }).get('_id')?.points;
  if (!points || !points.every((p) => typeof p === 'string' || typeof p === 'number')) return undefined;
  return points;
}

function* docsOf(coll: Coll): Generator<[string, Doc]> {
  for (const [k, e] of coll) yield [k, e.doc];
}

function* concat<T>(a: Iterable<T>, b: Iterable<T>): Generator<T> {
  yield* a;
  yield* b;
}

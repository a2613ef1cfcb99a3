/**
 * One declared index of a collection (cloudbase/database.json), kept in memory as MongoDB keeps it:
 * entries `[v1, …, vn, key]` sorted by the declared fields and then `_id` (appended when the
 * declaration does not end with it), so equality on leading fields and a range on the next one are a
 * contiguous stretch, and a sort by the remaining fields is a walk along it.
 *
 * Only "regular" documents have entries: every indexed field a plain value (index-bounds.ts), the
 * first field may also be a non-empty array of them (multikey: one entry per distinct element, as
 * MongoDB does). Every other document (a field missing, null, an array further on …) is "irregular":
 * kept in a side set and handed out as a candidate whenever the index is used, so the index only
 * ever narrows and the full filter still decides. Built on first use, then kept current by writes.
 */
import type { Doc } from './ejson';
import { comparePlain, isPlain, rankOf, type Bound, type Plain } from './index-bounds';
import { SortedList, type Pos } from './sorted-list';

type Entry = unknown[];

// Hot paths call these millions of times: local bindings, not module property reads.
const cmpPlain = comparePlain;
const plain = isPlain;

/** Entries compare field by field; equal and string values (nearly all) take the short way. */
function entryComparator(n: number): (a: Entry, b: Entry) => number {
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : 1;
      const c = cmpPlain(x as Plain, y as Plain);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** At most this many equality combinations (e.g. `$in` × `$in`) are looked up one by one. */
const MAX_COMBOS = 256;

export interface IndexPlan {
  index: CompoundIndex;
  segments: Array<[Pos, Pos]>;
  /** Entries in the segments plus irregular documents: what using this index costs. */
  cost: number;
  /** Fields fixed to one value by the plan (no order among them). */
  fixed: Set<string>;
  /** Position of the first field not fixed by equality. */
  next: number;
}

export class CompoundIndex {
  /** Declared fields, ending with `_id`. */
  readonly fields: string[];
  private readonly list: SortedList<Entry>;
  private readonly cmp: (a: Entry, b: Entry) => number;
  readonly irregular = new Set<string>();
  /** Documents whose first field is an array: a range on that field cannot be an interval then. */
  private firstArrays = 0;
  private built = false;

  constructor(
    readonly name: string,
    declared: readonly string[],
  ) {
    this.fields = declared[declared.length - 1] === '_id' ? [...declared] : [...declared, '_id'];
    this.cmp = entryComparator(this.fields.length);
    this.list = new SortedList<Entry>(this.cmp);
  }

  /** The entries of a document, or null when it is irregular. */
  private entriesOf(doc: Doc): Entry[] | null {
    const rest: unknown[] = [];
    for (let i = 1; i < this.fields.length; i++) {
      const v = doc[this.fields[i]];
      if (!plain(v)) return null;
      rest.push(v);
    }
    const first = doc[this.fields[0]];
    if (plain(first)) return [[first, ...rest]];
    if (!Array.isArray(first) || first.length === 0 || !first.every(plain)) return null;
    const seen: Plain[] = [];
    for (const v of first as Plain[]) if (!seen.some((s) => cmpPlain(s, v) === 0)) seen.push(v);
    return seen.map((v) => [v, ...rest]);
  }

  private keyed(entries: Entry[], key: string): Entry[] {
    for (const e of entries) e.push(key);
    return entries;
  }

  /** Builds the index from every document of the collection (first use). */
  ensure(docs: Iterable<[string, Doc]>): void {
    if (this.built) return;
    const all: Entry[] = [];
    for (const [key, doc] of docs) {
      const entries = this.entriesOf(doc);
      if (!entries) this.irregular.add(key);
      else {
        if (Array.isArray(doc[this.fields[0]])) this.firstArrays++;
        for (const e of this.keyed(entries, key)) all.push(e);
      }
    }
    all.sort(this.cmp);
    this.list.load(all);
    this.built = true;
  }

  /** Keeps a built index in step with one document change. */
  update(key: string, before: Doc | undefined, after: Doc | undefined): void {
    if (!this.built) return;
    if (before) this.remove(key, before);
    if (after) this.add(key, after);
  }

  private add(key: string, doc: Doc): void {
    const entries = this.entriesOf(doc);
    if (!entries) {
      this.irregular.add(key);
      return;
    }
    if (Array.isArray(doc[this.fields[0]])) this.firstArrays++;
    for (const e of this.keyed(entries, key)) this.list.insert(e);
  }

  private remove(key: string, doc: Doc): void {
    if (this.irregular.delete(key)) return;
    const entries = this.entriesOf(doc);
    if (!entries) return;
    if (Array.isArray(doc[this.fields[0]])) this.firstArrays--;
    for (const e of entries) this.list.delete(e);
  }

  get isBuilt(): boolean {
    return this.built;
  }

  /**
   * How well this index fits the bounds before building it: fields bounded by equality from the
   * start, then one more for a range (a higher score narrows more); 0 when it does not apply.
   */
  fit(bounds: Map<string, Bound>): number {
    let score = 0;
    for (const f of this.fields) {
      const b = bounds.get(f);
      if (!b) break;
      score += 2;
      if (!b.points) {
        score -= 1;
        break;
      }
    }
    return score;
  }

  /**
   * How this index would narrow a filter with these bounds: equality on the leading fields (each
   * combination of their values one stretch), then a range on the next one. Undefined when the first
   * field is not bounded.
   */
  plan(bounds: Map<string, Bound>): IndexPlan | undefined {
    let combos: Plain[][] = [[]];
    const fixed = new Set<string>();
    let i = 0;
    for (; i < this.fields.length; i++) {
      const points = bounds.get(this.fields[i])?.points;
      if (!points || combos.length * points.length > MAX_COMBOS) break;
      combos = combos.flatMap((c) => points.map((p) => [...c, p]));
      if (points.length === 1) fixed.add(this.fields[i]);
    }
    const b = i < this.fields.length ? bounds.get(this.fields[i]) : undefined;
    const range = b && !b.points && (i > 0 || this.firstArrays === 0) ? b : undefined;
    if (i === 0 && !range) return undefined;
    const segments = combos.map((c) => this.segment(c, range));
    let cost = this.irregular.size;
    for (const [from, to] of segments) cost += this.list.count(from, to);
    return { index: this, segments, cost, fixed, next: i };
  }

  private segment(prefix: Plain[], range: Bound | undefined): [Pos, Pos] {
    const at = prefix.length;
    const prefixCmp = (e: Entry): number => {
      for (let i = 0; i < at; i++) {
        const c = comparePlain(e[i] as Plain, prefix[i]);
        if (c !== 0) return c;
      }
      return 0;
    };
    const probe = (side: Plain, byRank: boolean) => (e: Entry) =>
      prefixCmp(e) || (byRank ? rankOf(e[at] as Plain) - rankOf(side) : comparePlain(e[at] as Plain, side));
    let from: Pos;
    let to: Pos;
    if (range?.lo) from = this.list.seek(probe(range.lo.v, false), !range.lo.incl);
    else if (range?.hi) from = this.list.seek(probe(range.hi.v, true));
    else from = this.list.seek(prefixCmp);
    if (range?.hi) to = this.list.seek(probe(range.hi.v, false), range.hi.incl);
    else if (range?.lo) to = this.list.seek(probe(range.lo.v, true), true);
    else to = this.list.seek(prefixCmp, true);
    return [from, to];
  }

  /** Keys of the entries in the plan's segments (a document may appear in several). */
  *keys(plan: IndexPlan, reverse = false): Generator<string> {
    const segs = reverse ? [...plan.segments].reverse() : plan.segments;
    for (const [from, to] of segs) for (const e of this.list.range(from, to, reverse)) yield e[e.length - 1] as string;
  }

  /**
   * Whether walking the plan's single stretch gives a sort's order: the sort names, all in one
   * direction, exactly the fields after the equality-fixed ones (fixed ones may appear anywhere).
   */
  walksInOrder(plan: IndexPlan, sort: Array<[string, number]>): boolean {
    if (plan.segments.length !== 1 || sort.length === 0) return false;
    const dir = sort[0][1];
    if (!sort.every(([, d]) => d === dir)) return false;
    // A fixed field is one value in the stretch, unless it holds arrays (mingo sorts by the array).
    const constant = (f: string): boolean => plan.fixed.has(f) && (f !== this.fields[0] || this.firstArrays === 0);
    const rest = sort.map(([f]) => f).filter((f) => !constant(f));
    const tail = this.fields.slice(plan.next);
    return rest.length === tail.length && rest.every((f, k) => f === tail[k]);
  }
}

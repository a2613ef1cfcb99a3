/**
 * A sorted list of unique entries kept in blocks of a few hundred (a B-tree of height two): insert
 * and delete cost a binary search and a short splice, not a shift of the whole list, so an index of a
 * million entries stays cheap to maintain on every write. Positions are (block, offset) pairs; a
 * range is walked forwards or backwards from a position found by binary search.
 */
export type Cmp<E> = (a: E, b: E) => number;

const MAX_BLOCK = 512;

export interface Pos {
  block: number;
  at: number;
}

export class SortedList<E> {
  private blocks: E[][] = [];

  constructor(private readonly cmp: Cmp<E>) {}

  /** Replaces the content by `entries`, which must already be sorted and unique. */
  load(entries: E[]): void {
    this.blocks = [];
    for (let i = 0; i < entries.length; i += MAX_BLOCK / 2) this.blocks.push(entries.slice(i, i + MAX_BLOCK / 2));
  }

  get size(): number {
    let n = 0;
    for (const b of this.blocks) n += b.length;
    return n;
  }

  /** The first position whose entry is not below `probe` (`above`: not at or below it), by `cmp`. */
  seek(probe: (e: E) => number, above = false): Pos {
    // `probe(e)` < 0 when e sorts before the target.
    const before = (e: E): boolean => {
      const c = probe(e);
      return above ? c <= 0 : c < 0;
    };
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const b = this.blocks[mid];
      if (before(b[b.length - 1])) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.blocks.length) return { block: lo, at: 0 };
    const b = this.blocks[lo];
    let l = 0;
    let h = b.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (before(b[m])) l = m + 1;
      else h = m;
    }
    return { block: lo, at: l };
  }

  /** Entries between two positions (`from` included, `to` excluded). */
  count(from: Pos, to: Pos): number {
    if (from.block > to.block || (from.block === to.block && from.at >= to.at)) return 0;
    if (from.block === to.block) return to.at - from.at;
    let n = this.blocks[from.block].length - from.at;
    for (let i = from.block + 1; i < to.block && i < this.blocks.length; i++) n += this.blocks[i].length;
    return n + (to.block < this.blocks.length ? to.at : 0);
  }

  /** Entries from `from` (included) to `to` (excluded), ascending, or descending when `reverse`. */
  *range(from: Pos, to: Pos, reverse = false): Generator<E> {
    if (!reverse) {
      let { block, at } = from;
      while (block < this.blocks.length && (block < to.block || (block === to.block && at < to.at))) {
        const b = this.blocks[block];
        if (at >= b.length) {
          block++;
          at = 0;
          continue;
        }
        yield b[at++];
      }
      return;
    }
    // Walk backwards from the entry before `to` down to `from`.
    let block = Math.min(to.block, this.blocks.length);
    let at = block < this.blocks.length ? to.at : 0;
    for (;;) {
      if (at === 0) {
        if (block === 0) return;
        block--;
        at = this.blocks[block].length;
        continue;
      }
      at--;
      if (block < from.block || (block === from.block && at < from.at)) return;
      yield this.blocks[block][at];
    }
  }

  start(): Pos {
    return { block: 0, at: 0 };
  }

  end(): Pos {
    return { block: this.blocks.length, at: 0 };
  }

  insert(e: E): void {
    if (this.blocks.length === 0) {
      this.blocks.push([e]);
      return;
    }
    const p = this.seek((x) => this.cmp(x, e));
    const block = Math.min(p.block, this.blocks.length - 1);
    const b = this.blocks[block];
    const at = p.block === block ? p.at : b.length;
    if (at < b.length && this.cmp(b[at], e) === 0) return;
    b.splice(at, 0, e);
    if (b.length > MAX_BLOCK) this.blocks.splice(block, 1, b.slice(0, b.length >> 1), b.slice(b.length >> 1));
  }

  delete(e: E): boolean {
    const p = this.seek((x) => this.cmp(x, e));
    const b = this.blocks[p.block];
    if (!b || p.at >= b.length || this.cmp(b[p.at], e) !== 0) return false;
    b.splice(p.at, 1);
    if (b.length === 0) this.blocks.splice(p.block, 1);
    return true;
  }
}

/**
 * Long reads share the event loop: a scan or an aggregation over many documents runs in slices and
 * gives the loop back between them (`pause`), so a health check or a cheap query never waits behind
 * it for more than a slice; and it stops when its caller has gone (the SDK's request timeout closed
 * the socket): `cancel` makes the next `pause` throw, so a call nobody waits for does not keep the
 * gateway busy. A slice lasts about SLICE_MS; `workStats` counts slices and stopped reads, so
 * tests can watch a cancelled read stop.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GatewayError, Codes } from './errors';

const SLICE_MS = 10;
/** Documents handled between two looks at the clock. */
export const CHECK_EVERY = 512;

/** Slices run and reads stopped because their caller had gone, since the process started. */
export const workStats = { chunksDone: 0, cancelled: 0 };

export class Work {
  private cancelled = false;
  private sliceStart = performance.now();

  cancel(): void {
    this.cancelled = true;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** True when the current slice has used its time (cheap: call it every CHECK_EVERY documents). */
  due(): boolean {
    return this.cancelled || performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** Gives the event loop back, then throws if the caller has gone. */
  async pause(): Promise<void> {
    workStats.chunksDone++;
    if (!this.cancelled) await nextTurn();
    if (this.cancelled) workStats.cancelled++;
    if (this.cancelled) throw new GatewayError(Codes.SYS_ERR, 'request cancelled: the caller has gone');
    this.sliceStart = performance.now();
  }

  /** `pause` when the slice is used up; call every CHECK_EVERY documents. */
  async maybePause(): Promise<void> {
    if (this.due()) await this.pause();
  }

  /** Keeps the items that pass `test`, in order, pausing between slices. */
  async filter<T>(items: readonly T[], test: (item: T) => boolean): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < items.length; i += CHECK_EVERY) {
      const end = Math.min(items.length, i + CHECK_EVERY);
      for (let j = i; j < end; j++) if (test(items[j])) out.push(items[j]);
      if (end < items.length) await this.maybePause();
    }
    return out;
  }
}

/** For callers with nobody to cancel them (in-process use, tests): never cancelled. */
export const uncancellable = (): Work => new Work();

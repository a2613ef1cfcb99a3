/**
 * Rate limits kept in the database: CloudBase functions are stateless and run as many instances, so a
 * count in memory would start again with every instance. A limit counts events of one subject (an
 * openid, an address, a village …) in fixed windows; each window is one document whose count is
 * raised with an atomic increment — no transaction, so a burst of callers never conflicts.
 */
import { createHash } from 'node:crypto';
import { readOne, type Database } from './cloudbase';

export const LIMITS = 'limits';

export interface Limit {
  /** Names the counter (and its documents). */
  name: string;
  /** Events allowed per window. */
  max: number;
  windowMinutes: number;
}

interface LimitDoc {
  _id: string;
  name: string;
  n: number;
  windowStart: string;
}

function windowOf(limit: Limit, subject: string, now: Date): { id: string; windowStart: string } {
  const size = limit.windowMinutes * 60000;
  const start = Math.floor(now.getTime() / size) * size;
  // Hashed: subjects are openids and addresses, which need not show in an id.
  const who = createHash('sha256').update(subject, 'utf8').digest('hex').slice(0, 32);
  return { id: `${limit.name}:${who}:${start}`, windowStart: new Date(start).toISOString() };
}

/** How many events `subject` has had in the current window. */
export async function eventsSoFar(db: Database, limit: Limit, subject: string, now: Date): Promise<number> {
  return (await readOne<LimitDoc>(db, LIMITS, windowOf(limit, subject, now).id))?.n ?? 0;
}

/** Counts one event of `subject`; answers the window's count including it. */
export async function countEvent(db: Database, limit: Limit, subject: string, now: Date): Promise<number> {
  const { id, windowStart } = windowOf(limit, subject, now);
  const doc = db.collection(LIMITS).doc(id);
  const raise = async () => ((await doc.update({ n: db.command.inc(1) })) as { updated?: number }).updated ?? 0;
  if ((await raise()) === 0) {
    try {
      // The window's first event; a second first event at the same moment finds it taken and raises it.
      await db.collection(LIMITS).add({ _id: id, name: limit.name, n: 1, windowStart });
      return 1;
    } catch (error) {
      if ((await raise()) === 0) throw error;
    }
  }
  return eventsSoFar(db, limit, subject, now);
}

/** True when `subject` has used up the window's events. */
export async function isOverLimit(db: Database, limit: Limit, subject: string, now: Date): Promise<boolean> {
  return (await eventsSoFar(db, limit, subject, now)) >= limit.max;
}

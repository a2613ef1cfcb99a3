/**
 * The outbox queue as plain data: adding (de-duplicated by client id), choosing what to send next,
 * and the state after a send. Pure: no storage, no clock; callers pass `now`.
 */
import { retryDelayMs } from './backoff';
import { decide } from './decide';
import type { NewEntry, OutboxEntry, OutboxError } from './types';

/** Sent records are shown for a while, then forgotten (they live on the server). */
export const SENT_KEEP_COUNT = 20;
export const SENT_KEEP_MS = 7 * 24 * 3600 * 1000;

/**
 * The entry a new save makes, given what the queue already holds for that client id:
 * - nothing, or a record already sent: a new entry at the end of the queue;
 * - a record not yet sent (待发送 or 需处理): replaced in place — the person's latest version is what
 *   goes, once, keeping its place in line; a create stays a create, since the server never had it.
 */
export function upsert(existing: OutboxEntry | undefined, incoming: NewEntry, owner: string | null, now: number, nextSeq: number): OutboxEntry {
  const unsent = existing && existing.status !== 'sent';
  return {
    id: String(incoming.record.id),
    kind: incoming.kind,
    action: unsent && existing.action === 'create' ? 'create' : incoming.action,
    ...(unsent && existing.action === 'create' ? {} : incoming.baseVersion !== undefined ? { baseVersion: incoming.baseVersion } : {}),
    record: incoming.record,
    photos: mergePhotos(unsent ? existing.photos : [], incoming.photos ?? []),
    owner,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    seq: unsent ? existing.seq : nextSeq,
    createdAt: unsent ? existing.createdAt : now,
    updatedAt: now,
  };
}

/** Photos already uploaded keep their fileID when the same local file is saved again. */
function mergePhotos(before: OutboxEntry['photos'], after: OutboxEntry['photos']): OutboxEntry['photos'] {
  return after.map((p) => {
    const known = before.find((b) => b.local === p.local && b.fileID);
    return known ? { ...p, fileID: known.fileID } : { ...p };
  });
}

export const byQueueOrder = (a: OutboxEntry, b: OutboxEntry): number => a.seq - b.seq;

/**
 * The next records to send: 待发送, this person's, due (or all when the network just returned), oldest
 * first. A network failure backs off the whole queue, not just its record: the network is down for
 * all of them, and records behind it must not overtake it (a reception may name a petition saved
 * just before it).
 */
export function dueBatch(entries: readonly OutboxEntry[], owner: string | null, now: number, size: number, ignoreBackoff = false): OutboxEntry[] {
  const pending = entries.filter((e) => e.status === 'pending' && e.owner === owner);
  if (!ignoreBackoff && pending.some((e) => e.error?.code === 'NETWORK' && e.nextAttemptAt > now)) return [];
  return pending
    .filter((e) => ignoreBackoff || e.nextAttemptAt <= now)
    .sort(byQueueOrder)
    .slice(0, size);
}

export function afterSuccess(entry: OutboxEntry, version: number | undefined, now: number): OutboxEntry {
  const sent: OutboxEntry = { ...entry, status: 'sent', sentAt: now, updatedAt: now, attempts: 0 };
  delete sent.error;
  if (version !== undefined) sent.version = version;
  return sent;
}

/** Retry later with back-off, or keep for the person: decided by decide() alone. */
export function afterFailure(entry: OutboxEntry, error: OutboxError, now: number): OutboxEntry {
  if (decide(error) === 'keep') return { ...entry, status: 'failed', error, updatedAt: now };
  const attempts = entry.attempts + 1;
  return { ...entry, status: 'pending', error, attempts, nextAttemptAt: now + retryDelayMs(attempts), updatedAt: now };
}

/** The earliest moment a pending record of this person is due, if any. */
export function nextWake(entries: readonly OutboxEntry[], owner: string | null): number | undefined {
  const due = entries.filter((e) => e.status === 'pending' && e.owner === owner).map((e) => e.nextAttemptAt);
  return due.length ? Math.min(...due) : undefined;
}

/** Sent entries to forget: beyond the newest SENT_KEEP_COUNT, or older than SENT_KEEP_MS. Never unsent ones. */
export function staleSent(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  const sent = entries.filter((e) => e.status === 'sent').sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0));
  return sent.filter((e, i) => i >= SENT_KEEP_COUNT || now - (e.sentAt ?? 0) > SENT_KEEP_MS);
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

export function countsOf(entries: readonly OutboxEntry[], owner: string | null): OutboxCounts {
  const mine = entries.filter((e) => e.owner === owner);
  return {
    pending: mine.filter((e) => e.status === 'pending').length,
    sent: mine.filter((e) => e.status === 'sent').length,
    failed: mine.filter((e) => e.status === 'failed').length,
  };
}

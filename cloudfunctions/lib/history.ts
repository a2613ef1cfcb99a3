/**
 * The audit log: every change of a record kept as who, when, before and after, readable by township
 * admins. Written beside the change it describes (inside the same transaction where there is one).
 */
import type { Database, Transaction } from './cloudbase';

export type ChangeAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'import'
  | 'reopen'
  | 'close'
  // Supervision (lib/supervision): 月报 submitted or 补报, a reminder, review decisions.
  | 'submit'
  | 'supplement'
  | 'remind'
  | 'approve'
  | 'return';

export interface HistoryDoc {
  _id: string;
  collection: string;
  recordId: string;
  action: ChangeAction;
  /** openid of the person, or 'import:<file>' / 'cli' for operators' tools. */
  by: string;
  byName: string;
  at: string;
  /** The version the change produced. */
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Units the record belongs to, so an admin's scope check needs no second read. */
  orgPath: string[];
}

/** JSON with object keys sorted at every level: equal values, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a change did to a document's fields: each field that differs, as it was and as it became (a field
 * that is absent on one side is null there). A new document has no before and all its fields after.
 * The history keeps this rather than whole documents, so an entry says what the change was.
 */
export function fieldChanges(
  before: Readonly<Record<string, unknown>> | null,
  after: Readonly<Record<string, unknown>>,
): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  if (!before) return { before: null, after: { ...after } };
  const was: Record<string, unknown> = {};
  const is: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonical(before[key] ?? null) === canonical(after[key] ?? null)) continue;
    was[key] = before[key] ?? null;
    is[key] = after[key] ?? null;
  }
  return { before: was, after: is };
}

export function historyId(collection: string, recordId: string, version: number, action: ChangeAction): string {
  return `${collection}:${recordId}:v${version}:${action}`;
}

/**
 * Writes one history entry; the id makes a retried write of the same change a no-op overwrite.
 * `occasion` tells apart changes that do not make a new version (review decisions, reminders).
 */
export async function writeHistory(target: Database | Transaction, entry: Omit<HistoryDoc, '_id'>, occasion?: string): Promise<void> {
  const base = historyId(entry.collection, entry.recordId, entry.version, entry.action);
  const id = occasion ? `${base}:${occasion}` : base;
  await target.collection('history').doc(id).set(entry);
}

/**
 * Writes the entries of new versions in one insert (a transaction may insert many documents in one
 * request): each id names its record's new version, which no entry has yet, so an entry already
 * there is refused (the write fails) rather than overwritten.
 */
export async function insertHistory(tx: Transaction, entries: readonly Omit<HistoryDoc, '_id'>[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.collection('history').add(entries.map((entry) => ({ _id: historyId(entry.collection, entry.recordId, entry.version, entry.action), ...entry })));
}

export async function historyOf(db: Database, collection: string, recordId: string): Promise<HistoryDoc[]> {
  const { data } = await db.collection('history').where({ collection, recordId }).orderBy('version', 'asc').orderBy('at', 'asc').limit(1000).get();
  return data as HistoryDoc[];
}

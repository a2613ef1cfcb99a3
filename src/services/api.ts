/**
 * Typed calls to the cloud functions, one per action in src/domain/api.ts. Pages use these, never
 * the transport directly.
 */
import type { FiguresAnswer, HistoryView, Me, RecordView, TodoItem } from '../domain/api';
import type { FiguresRequest } from '../domain/contract/figures';
import type { RecordWrite, WriteAnswer } from '../domain/contract/records';
import type { RecordKind } from '../domain/records/kinds';
import { callFunction } from './transport';
import { isApiError } from './errors';
import { getDevIdentity } from './identity';
import { STORAGE_KEYS, readStored, writeStored } from './storage';

/** Who the caller is; null for a resident (no bound identity). */
export async function whoami(): Promise<Me | null> {
  const answer = await callFunction('session', { action: 'whoami' });
  return answer?.me ?? null;
}

/**
 * Who the caller is, remembered for when there is no signal: the forms and the outbox work offline
 * with the last identity this phone (this dev identity, in the browser build) had.
 */
export async function whoamiOrLast(): Promise<{ me: Me | null; offline: boolean }> {
  const owner = getDevIdentity() ?? null;
  try {
    const me = await whoami();
    writeStored(STORAGE_KEYS.lastMe, { owner, me });
    return { me, offline: false };
  } catch (error) {
    const last = readStored<{ owner: string | null; me: Me | null }>(STORAGE_KEYS.lastMe);
    if (isApiError(error) && error.code === 'NETWORK' && last && last.owner === owner) return { me: last.me, offline: true };
    throw error;
  }
}

/** Create (no baseVersion) or edit a record of any kind; a resend of the same content changes nothing. */
export async function saveRecord(kind: RecordKind, record: Record<string, unknown>, baseVersion?: number): Promise<RecordView> {
  const answer =
    baseVersion === undefined
      ? await callFunction('records', { action: 'create', kind, record })
      : await callFunction('records', { action: 'update', kind, record, baseVersion });
  return answer.record;
}

/**
 * Creates and edits, up to MAX_BATCH_WRITES, in one call: an answer per write, in order — the saved
 * record or the error that write alone would have got.
 */
export async function saveRecords(writes: RecordWrite[]): Promise<WriteAnswer[]> {
  return (await callFunction('records', { action: 'batch', writes })).results;
}

export async function getRecord(kind: RecordKind, id: string): Promise<RecordView> {
  const answer = await callFunction('records', { action: 'get', kind, id });
  return answer.record;
}

/** Who changed a record and when (township admins). */
export async function getHistory(kind: RecordKind, id: string): Promise<HistoryView[]> {
  const answer = await callFunction('records', { action: 'history', kind, id });
  return answer.history ?? [];
}

/** Soft delete (a deleted record never counts) or restore, on the version the person saw. */
export async function setRecordDeleted(kind: RecordKind, id: string, baseVersion: number, deleted: boolean): Promise<RecordView> {
  const answer = await callFunction('records', { action: deleted ? 'remove' : 'restore', kind, id, baseVersion });
  return answer.record;
}

/** The caller's own records of a kind, as the server has them. */
export async function listMine(kind: RecordKind): Promise<RecordView[]> {
  const answer = await callFunction('records', { action: 'listMine', kind });
  return answer.items ?? [];
}

/** 我的待办: open cases in the caller's scope, overdue first. */
export async function listTodo(): Promise<TodoItem[]> {
  const answer = await callFunction('records', { action: 'todo' });
  return answer.todo ?? [];
}

export function getFigures(request: FiguresRequest): Promise<FiguresAnswer> {
  return callFunction('figures', request);
}

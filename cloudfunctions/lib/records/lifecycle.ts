/**
 * Soft delete and restore (a deleted record keeps its history and never counts), and the history of
 * a record, which township admins read.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { HistoryView, RecordView } from '../../../src/domain/api';
import { inTransaction, type Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope } from '../authz';
import { AppError } from '../errors';
import { historyOf } from '../history';
import { orgNames } from '../orgs';
import { readRecord } from './docs';
import { isTownshipAdminOf, mayChange } from './policy';
import { recordView } from './views';
import { readStored, setRecordDeleted } from '../store/records';
import { withRefusalLimit } from './refusals';

export async function setDeleted(
  db: Database,
  caller: Caller,
  request: { kind: RecordKind; id: string; baseVersion: number; deleted: boolean },
  now: Date,
): Promise<RecordView> {
  return withRefusalLimit(db, caller, now, () => changeDeleted(db, caller, request, now));
}

async function changeDeleted(
  db: Database,
  caller: Caller,
  request: { kind: RecordKind; id: string; baseVersion: number; deleted: boolean },
  now: Date,
): Promise<RecordView> {
  const def = KINDS[request.kind];
  const stored = await inTransaction(db, async (tx) => {
    const existing = await readStored(tx, request.kind, request.id);
    if (!existing) throw new AppError('NOT_FOUND');
    requireInScope(caller, existing.orgPath);
    if (!mayChange(caller, def.personal, existing)) throw new AppError('FORBIDDEN');
    // Resending a delete (or restore) that already happened changes nothing.
    if (existing.deleted === request.deleted) return existing;
    if (request.baseVersion !== existing.version) throw new AppError('CONFLICT', undefined, undefined, existing.version);
    return setRecordDeleted(tx, { kind: request.kind, existing, deleted: request.deleted }, caller, now);
  });
  const names = await orgNames(db, [stored.orgCode]);
  return recordView(request.kind, stored, caller, names.get(stored.orgCode) ?? stored.orgCode);
}

export async function recordHistory(db: Database, caller: Caller, kind: RecordKind, id: string): Promise<HistoryView[]> {
  const def = KINDS[kind];
  const doc = await readRecord(db, def.collection, id);
  if (!doc) throw new AppError('NOT_FOUND');
  requireInScope(caller, doc.orgPath);
  if (!isTownshipAdminOf(caller, doc)) throw new AppError('FORBIDDEN', '只有乡镇管理员可以查看修改记录');
  return (await historyOf(db, def.collection, id)).map((entry) => ({
    action: entry.action,
    by: entry.byName,
    at: entry.at,
    version: entry.version,
    before: entry.before,
    after: entry.after,
  }));
}

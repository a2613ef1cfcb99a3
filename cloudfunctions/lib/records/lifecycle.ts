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
import { historyOf, writeHistory } from '../history';
import { orgNames } from '../orgs';
import { bodyOf, readRecord } from './docs';
import { isTownshipAdminOf, mayChange } from './policy';
import { recordView, type StoredRecord } from './views';
import { historyEntry } from './save';
import { assertPeriodsOpen } from './period-guard';
import { markSupplemented } from '../supervision/record-hooks';
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
  const stamp = now.toISOString();
  const stored = await inTransaction(db, async (tx) => {
    const existing = await readRecord(tx, def.collection, request.id);
    if (!existing) throw new AppError('NOT_FOUND');
    requireInScope(caller, existing.orgPath);
    if (!mayChange(caller, def.personal, existing)) throw new AppError('FORBIDDEN');
    // Resending a delete (or restore) that already happened changes nothing.
    if (existing.deleted === request.deleted) return existing;
    if (request.baseVersion !== existing.version) throw new AppError('CONFLICT', undefined, undefined, existing.version);
    const changed: StoredRecord = { ...existing, deleted: request.deleted, version: existing.version + 1, updatedAt: stamp };
    await assertPeriodsOpen(db, tx, request.kind, existing.orgPath, existing, changed, now);
    await tx.collection(def.collection).doc(request.id).set(bodyOf(changed));
    await writeHistory(tx, historyEntry(request.kind, changed, caller, stamp, request.deleted ? 'delete' : 'restore', existing));
    await markSupplemented(tx, request.kind, existing, changed, caller, stamp);
    return changed;
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

/**
 * Reading records: one by id, or a page of a unit's records filtered by period, state and recorder.
 * Pages go past CloudBase's 1000-per-get limit with offset + limit; `total` says how many there are.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { periodOf } from '../period';
import type { RecordPage, RecordView } from '../../../src/domain/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope } from '../authz';
import { AppError } from '../errors';
import { findOrg, orgNames } from '../orgs';
import { readRecord } from './docs';
import { isTownshipAdminOf } from './policy';
import { recordView, type StoredRecord } from './views';

export async function getRecord(db: Database, caller: Caller, kind: RecordKind, id: string): Promise<RecordView> {
  const doc = await readRecord(db, KINDS[kind].collection, id);
  if (!doc) throw new AppError('NOT_FOUND');
  requireInScope(caller, doc.orgPath);
  if (doc.deleted && !isTownshipAdminOf(caller, doc) && doc.recordedBy !== caller.openid) throw new AppError('NOT_FOUND');
  const names = await orgNames(db, [doc.orgCode]);
  return recordView(kind, doc, caller, names.get(doc.orgCode) ?? doc.orgCode);
}

export interface ListQuery {
  kind: RecordKind;
  org?: string;
  period?: string;
  state?: string;
  mine?: boolean;
  includeDeleted?: boolean;
  offset?: number;
  limit?: number;
}

export const MAX_PAGE = 100;

export async function listRecords(db: Database, caller: Caller, query: ListQuery): Promise<RecordPage> {
  const def = KINDS[query.kind];
  const code = query.org ?? caller.org.code;
  const org = await findOrg(db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const _ = db.command;
  const where: Record<string, unknown> = { orgPath: code };
  // Deleted records are shown only to the unit's admins, and only when asked for.
  if (!(query.includeDeleted && isTownshipAdminOf(caller, { orgPath: org.path }))) where.deleted = _.neq(true);
  if (query.period) {
    const period = periodOf(query.period);
    if (!def.period?.date) throw new AppError('INVALID_REQUEST', `${def.label}没有日期，不能按期间筛选`);
    where[def.period.date] = _.gte(period.start).and(_.lte(period.end));
  }
  if (query.state) {
    if (!def.stateField) throw new AppError('INVALID_REQUEST', `${def.label}没有状态，不能按状态筛选`);
    where[def.stateField] = query.state;
  }
  if (query.mine) where.recordedBy = caller.openid;

  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(MAX_PAGE, Math.max(1, query.limit ?? 20));
  const collection = db.collection(def.collection);
  const [{ total }, { data }] = await Promise.all([
    collection.where(where).count(),
    collection
      .where(where)
      .orderBy(def.period?.date ?? 'updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .skip(offset)
      .limit(limit)
      .get(),
  ]);
  const docs = data as StoredRecord[];
  const names = await orgNames(
    db,
    docs.map((doc) => doc.orgCode),
  );
  return {
    items: docs.map((doc) => recordView(query.kind, doc, caller, names.get(doc.orgCode) ?? doc.orgCode)),
    total,
    offset,
    limit,
  };
}

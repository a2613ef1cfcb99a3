/**
 * Creating and editing records of every kind, safe to resend (DESIGN.md "Records"):
 * - a new id creates the record (version 1);
 * - the same id with the same content is a success that changes nothing;
 * - different content is an edit, accepted only on the version it was made on (`baseVersion`);
 *   otherwise a CONFLICT carrying the current version — never a second record, never a lost update.
 * Each write and its history entry happen in one transaction, so racing resends and racing editors
 * are serialised by the database.
 */
import { KINDS, stateLimitOf, type RecordKind } from '../../../src/domain/records/kinds';
import type { RecordView } from '../../../src/domain/api';
import { inTransaction, type Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope, requireRole } from '../authz';
import { AppError } from '../errors';
import { findOrg } from '../orgs';
import { writeHistory } from '../history';
import { bodyOf, readRecord } from './docs';
import { mayChange, WRITE_ROLES } from './policy';
import { contentOf, recordView, sameContent, type StoredRecord } from './views';
import { checkStateChange } from './workflow-check';
import { assertPeriodsOpen } from './period-guard';
import { firstVersionMeta } from '../records-meta';
import { heldInFuture } from '../../../src/domain/records/outreach';
import { beijingDate } from '../../../src/domain/dates';
import { markSupplemented, reviewOnWrite } from '../supervision/record-hooks';
import { withRefusalLimit } from './refusals';

export interface SaveRequest {
  kind: RecordKind;
  record: unknown;
  baseVersion?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function saveRecord(db: Database, caller: Caller, request: SaveRequest, now: Date): Promise<RecordView> {
  return withRefusalLimit(db, caller, now, () => save(db, caller, request, now));
}

async function save(db: Database, caller: Caller, request: SaveRequest, now: Date): Promise<RecordView> {
  const def = KINDS[request.kind];
  requireRole(caller, WRITE_ROLES[request.kind]);
  const input = isObject(request.record) && def.prepare ? def.prepare(request.record) : request.record;
  const checked = def.validate(input);
  if (!checked.ok) throw new AppError('INVALID_RECORD', undefined, checked.problems);
  // A held 普法活动 dated after today (Beijing) has not happened: it is refused, not counted.
  const future = request.kind === 'outreach' ? heldInFuture(checked.value, beijingDate(now)) : null;
  if (future) throw new AppError('INVALID_RECORD', undefined, [future]);
  const id = def.idOf(checked.value);
  const fields = { ...checked.value };
  delete fields.id;
  const org = await findOrg(db, String(fields.orgCode));
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const stamp = now.toISOString();
  const review = await reviewOnWrite(db, request.kind, org);

  const stored = await inTransaction(db, async (tx) => {
    const existing = await readRecord(tx, def.collection, id);
    if (!existing) {
      if (request.baseVersion !== undefined) throw new AppError('NOT_FOUND');
      checkCaseState(request.kind, caller, fields, null);
      await assertPeriodsOpen(db, tx, request.kind, org.path, null, fields, now);
      const created: StoredRecord = {
        ...fields,
        _id: id,
        orgCode: org.code,
        orgPath: org.path,
        ...firstVersionMeta(caller, stamp),
        deleted: false,
        ...review,
      };
      await tx.collection(def.collection).doc(id).set(bodyOf(created));
      await writeHistory(tx, historyEntry(request.kind, created, caller, stamp, 'create', null));
      await markSupplemented(tx, request.kind, null, created, caller, stamp);
      return created;
    }
    // Who may change the record is settled before anything about it is said — before the resend
    // shortcut too: someone who may not edit it gets the same refusal whatever the content, or an
    // identical resend would confirm a guess at the masked parts (issue 12, item 3).
    requireInScope(caller, existing.orgPath);
    if (!mayChange(caller, def.personal, existing)) throw new AppError('FORBIDDEN');
    if (sameContent(request.kind, existing, fields)) return existing;
    if (existing.deleted) throw new AppError('RECORD_DELETED');
    if (request.baseVersion !== existing.version) throw new AppError('CONFLICT', undefined, undefined, existing.version);
    checkCaseState(request.kind, caller, fields, existing);
    checkStateChange(request.kind, existing, fields);
    await assertPeriodsOpen(db, tx, request.kind, [...new Set([...existing.orgPath, ...org.path])], existing, fields, now);
    const updated: StoredRecord = {
      ...fields,
      _id: id,
      orgCode: org.code,
      orgPath: org.path,
      recordedBy: existing.recordedBy,
      recorderName: existing.recorderName,
      recordedAt: existing.recordedAt,
      updatedAt: stamp,
      version: existing.version + 1,
      deleted: false,
      ...review,
    };
    await tx.collection(def.collection).doc(id).set(bodyOf(updated));
    await writeHistory(tx, historyEntry(request.kind, updated, caller, stamp, 'update', existing));
    await markSupplemented(tx, request.kind, existing, updated, caller, stamp);
    return updated;
  });
  return recordView(request.kind, stored, caller, org.name);
}

/**
 * A kind's state limits (KINDS: 法律明白人 log dispute clues in 受理 only) hold on an edit as on a new
 * record, or creating a clue and then editing its state would get round the rule.
 */
function checkCaseState(kind: RecordKind, caller: Caller, fields: Record<string, unknown>, existing: StoredRecord | null): void {
  const limit = stateLimitOf(kind, caller.role);
  if (!limit) return;
  if (!limit.states.includes(String(fields.state)) && fields.state !== existing?.state) {
    throw new AppError('FORBIDDEN', limit.refusal);
  }
}

export function historyEntry(
  kind: RecordKind,
  after: StoredRecord,
  caller: Caller,
  at: string,
  action: 'create' | 'update' | 'delete' | 'restore',
  before: StoredRecord | null,
) {
  return {
    collection: KINDS[kind].collection,
    recordId: after._id,
    action,
    by: caller.openid,
    byName: caller.name,
    at,
    version: after.version,
    before: before ? { ...contentOf(kind, before), deleted: before.deleted } : null,
    after: { ...contentOf(kind, after), deleted: after.deleted },
    orgPath: after.orgPath,
  };
}

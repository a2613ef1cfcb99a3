/**
 * Creating and editing records of every kind, safe to resend (DESIGN.md "Records"):
 * - a new id creates the record (version 1);
 * - the same id with the same content is a success that changes nothing;
 * - different content is an edit, accepted only on the version it was made on (`baseVersion`);
 *   otherwise a CONFLICT carrying the current version — never a second record, never a lost update.
 * Each write goes through the record store (../store/records.ts) in one transaction, so racing resends
 * and racing editors are serialised by the database.
 */
import { KINDS, stateLimitOf, type RecordKind } from '../../../src/domain/records/kinds';
import type { RecordView } from '../../../src/domain/api';
import { inTransaction, type Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope, requireRole } from '../authz';
import { AppError } from '../errors';
import { findOrg } from '../orgs';
import { mayChange, WRITE_ROLES } from './policy';
import { recordView, sameContent, type StoredRecord } from './views';
import { checkStateChange } from './workflow-check';
import { heldInFuture } from '../../../src/domain/records/outreach';
import { beijingDate } from '../../../src/domain/dates';
import { createRecord, readStored, updateRecord } from '../store/records';
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
  const stored = await inTransaction(db, async (tx) => {
    const existing = await readStored(tx, request.kind, id);
    if (!existing) {
      if (request.baseVersion !== undefined) throw new AppError('NOT_FOUND');
      checkCaseState(request.kind, caller, fields, null);
      return createRecord(tx, { kind: request.kind, id, fields, org }, caller, now);
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
    return updateRecord(tx, { kind: request.kind, existing, fields, org }, caller, now);
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

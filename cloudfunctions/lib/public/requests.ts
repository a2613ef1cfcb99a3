/**
 * Residents' requests (我要咨询 / 我要调解) from submission to the village's queue and into a case.
 *
 * Who is the submitter? Residents have no account, so a request is tied to them in two ways:
 * - a KEY the app makes when the form opens (24 random characters, kept in the app's storage). The
 *   request's `_id` is sha256(key), and that is all that is stored of it. Re-sending the same key is
 *   the same request (same content: the same answer; different content: DUPLICATE_ID), so a lost
 *   answer or a double tap never makes two requests, and whoever holds the key can read the state —
 *   which is what a resident in a browser (H5, no openid) has. The key never travels back from the
 *   server, so an answer intercepted later does not give it away; the human-readable reference number
 *   (ZX-20261122-0007) is for phone calls and is not enough to read anything.
 * - the caller's openid, when the platform gives one (always in the mini-program): stored as
 *   `submitterOpenid`, so "my requests" finds the caller's requests even after the app's storage was
 *   cleared, or on another phone with the same WeChat account. Identity comes from the platform
 *   only, never from the request body.
 * Either way a resident reads only RequestStatusView (ref, kind, village name, state, dates).
 *
 * Handlers (人民调解员, 村干部, 乡镇管理员) see the full request of units in their scope, and can accept
 * it, close it, or turn it into a 法律咨询 or 矛盾纠纷 record in one action — validated by the record
 * kind's schema and written by the record store (../store/records.ts), as if logged in the app.
 * Converting twice makes one case: the case id is random (never guessable from the ref, so nobody can
 * plant a record under it), it is stored on the request, and the case and the request's new state are
 * written in one transaction. A conversion only ever answers a case it created itself.
 */
import { randomBytes } from 'node:crypto';
import { inTransaction, readOne as readDoc, withoutId as bodyOf, type Database, type Transaction } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope, requireRole } from '../authz';
import { AppError } from '../errors';
import { findOrg, orgNames } from '../orgs';
import { writeHistory } from '../history';
import { createRecord, readStored } from '../store/records';
import { beijingDate } from '../../../src/domain/dates';
import { beijingDateTime } from '../../../src/domain/staff/model';
import type { AppRole, ConsultationCategory, DisputeType } from '../../../src/domain/vocab';
import { validateConsultation, type ConsultationInput } from '../../../src/domain/records/consultation';
import { validateDispute, type DisputeInput } from '../../../src/domain/records/dispute';
import { canMove, caseIdOf, defaultCaseKind, formatRef, validateResidentRequest } from '../../../src/domain/public/request';
import type { ConvertAnswer, QueueItem, QueuePage, RequestStatusView } from '../../../src/domain/public/types';
import { REF_PREFIX, type CaseKind, type RequestKind, type RequestState } from '../../../src/domain/public/vocab';
import { assertMaySubmit, countSubmit, type Submitter } from './submit-limits';
import { requestStatusView } from '../../../src/domain/public/views';
import { hashKey, type RequestDoc } from './docs';
import { WxOpenApi, subscribeTemplates, wxApiConfig } from '../wx-open-api';
import { sendNoticeOnce } from '../notices';
import { answerMessage } from '../notice-messages';

/** Who handles residents' requests: the village's mediators and cadres, and township admins. */
export const HANDLER_ROLES: readonly AppRole[] = ['人民调解员', '村干部', '乡镇管理员'];

const CONTENT_FIELDS = ['kind', 'orgCode', 'name', 'phone', 'description'] as const;
const MINE_LIMIT = 50;

export async function submitRequest(db: Database, submitter: Submitter, input: unknown, now: Date): Promise<RequestStatusView> {
  const { openid } = submitter;
  const checked = validateResidentRequest(input);
  if (!checked.ok) throw new AppError('INVALID_FORM', undefined, checked.problems);
  const { key, kind, villageCode, name, phone, description } = checked.value;
  const village = await findOrg(db, villageCode);
  if (!village || village.level !== '村') throw new AppError('VILLAGE_NOT_FOUND');

  const id = hashKey(key);
  const stamp = now.toISOString();
  // A resend of a request already made is answered as before; only new requests count against limits.
  const isNew = !(await readDoc<RequestDoc>(db, 'requests', id));
  if (isNew) await assertMaySubmit(db, submitter, village.code, now);
  const repeatOf = isNew ? await earlierSame(db, phone, description, now) : null;
  let created = false;
  const stored = await inTransaction(db, async (tx) => {
    created = false;
    const existing = await readDoc<RequestDoc>(tx, 'requests', id);
    if (existing) {
      const fresh = { kind, orgCode: village.code, name, phone, description };
      if (CONTENT_FIELDS.some((field) => existing[field] !== fresh[field])) throw new AppError('DUPLICATE_ID');
      return existing;
    }
    created = true;
    const ref = await nextRef(tx, kind, beijingDate(now));
    const doc: RequestDoc = {
      _id: id,
      ref,
      kind,
      orgCode: village.code,
      orgPath: village.path,
      name,
      phone,
      description,
      consentAt: stamp,
      ...(openid ? { submitterOpenid: openid } : {}),
      ...(repeatOf ? { repeatOf } : {}),
      tokenHash: id,
      state: '待处理',
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    };
    await tx.collection('requests').doc(id).set(bodyOf(doc));
    await writeHistory(tx, {
      collection: 'requests',
      recordId: ref,
      action: 'create',
      by: openid || 'resident',
      byName: '村民',
      at: stamp,
      version: 1,
      before: null,
      after: auditOf(doc),
      orgPath: doc.orgPath,
    });
    return doc;
  });
  if (created) await countSubmit(db, submitter, village.code, now);
  return requestStatusView(stored, village.name);
}

/** The ref of a request with the same phone and text made within the last day, if there is one. */
async function earlierSame(db: Database, phone: string, description: string, now: Date): Promise<string | null> {
  const since = new Date(now.getTime() - 86400000).toISOString();
  const { data } = await db
    .collection('requests')
    .where({ phone, description, createdAt: db.command.gte(since) })
    .orderBy('createdAt', 'asc')
    .limit(1)
    .get();
  return (data as RequestDoc[])[0]?.ref ?? null;
}

/** The day's next number for this kind, counted in the same transaction as the request it names. */
async function nextRef(tx: Transaction, kind: RequestDoc['kind'], day: string): Promise<string> {
  const counterId = `requests:${REF_PREFIX[kind]}:${day}`;
  const counter = await readDoc<{ n: number }>(tx, 'counters', counterId);
  const n = (counter?.n ?? 0) + 1;
  await tx.collection('counters').doc(counterId).set({ n });
  return formatRef(kind, day, n);
}

/** The caller's own requests: those whose key the app kept, and those made under the caller's openid. */
export async function myRequests(db: Database, openid: string, keys: readonly string[]): Promise<RequestStatusView[]> {
  const _ = db.command;
  const ids = [...new Set(keys)].map(hashKey);
  const [byKey, byOpenid] = await Promise.all([
    ids.length
      ? db
          .collection('requests')
          .where({ _id: _.in(ids) })
          .limit(MINE_LIMIT)
          .get()
      : { data: [] },
    openid ? db.collection('requests').where({ submitterOpenid: openid }).orderBy('createdAt', 'desc').limit(MINE_LIMIT).get() : { data: [] },
  ]);
  const docs = new Map<string, RequestDoc>();
  for (const doc of [...byKey.data, ...byOpenid.data] as RequestDoc[]) docs.set(doc._id, doc);
  const list = [...docs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MINE_LIMIT);
  const names = await orgNames(
    db,
    list.map((doc) => doc.orgCode),
  );
  return list.map((doc) => requestStatusView(doc, names.get(doc.orgCode) ?? ''));
}

// ---- the handlers' side ------------------------------------------------------------------------

export interface QueueQuery {
  state?: RequestState;
  kind?: RequestKind;
  /** One village of the caller's scope. */
  village?: string;
  offset?: number;
  limit?: number;
}

export const QUEUE_PAGE = 50;

/** A page of the queue, newest first, with how many there are in all: nothing drops out of sight. */
export async function requestQueue(db: Database, caller: Caller, query: QueueQuery = {}): Promise<QueuePage> {
  requireRole(caller, HANDLER_ROLES);
  let scope = caller.org.code;
  if (query.village) {
    const village = await findOrg(db, query.village);
    if (!village) throw new AppError('ORG_NOT_FOUND');
    requireInScope(caller, village.path);
    scope = village.code;
  }
  const filter: Record<string, unknown> = { orgPath: scope };
  if (query.state) filter.state = query.state;
  if (query.kind) filter.kind = query.kind;
  const offset = query.offset ?? 0;
  const limit = Math.min(100, query.limit ?? QUEUE_PAGE);
  const requests = db.collection('requests');
  const [{ total }, { data }] = await Promise.all([
    requests.where(filter).count(),
    requests.where(filter).orderBy('createdAt', 'desc').orderBy('_id', 'desc').skip(offset).limit(limit).get(),
  ]);
  const docs = data as RequestDoc[];
  const names = await orgNames(
    db,
    docs.map((doc) => doc.orgCode),
  );
  return { items: docs.map((doc) => queueItem(doc, names.get(doc.orgCode) ?? doc.orgCode)), total, offset, limit };
}

/** The request of that reference number, when the caller may handle it. */
async function handledRequest(db: Database, caller: Caller, ref: string): Promise<RequestDoc> {
  requireRole(caller, HANDLER_ROLES);
  const { data } = await db.collection('requests').where({ ref }).limit(1).get();
  const doc = (data as RequestDoc[])[0];
  if (!doc) throw new AppError('NOT_FOUND');
  requireInScope(caller, doc.orgPath);
  return doc;
}

/** 已受理 or 已办结. Asking for the state the request is already in changes nothing (a resend). */
export async function moveRequest(db: Database, caller: Caller, ref: string, to: '已受理' | '已办结', now: Date): Promise<QueueItem> {
  const found = await handledRequest(db, caller, ref);
  const moved = await inTransaction(db, async (tx) => {
    const doc = await readDoc<RequestDoc>(tx, 'requests', found._id);
    if (!doc) throw new AppError('NOT_FOUND');
    if (doc.state === to) return doc;
    if (!canMove(doc.state, to)) throw new AppError('REQUEST_STATE_CHANGED');
    return updateRequest(tx, doc, { state: to }, caller, now);
  });
  await notifyAnswered(db, moved, now);
  return itemWithName(db, moved);
}

export interface ConvertOptions {
  as?: CaseKind;
  category?: ConsultationCategory;
  disputeType?: DisputeType;
}

export async function convertRequest(db: Database, caller: Caller, ref: string, options: ConvertOptions, now: Date): Promise<ConvertAnswer> {
  const found = await handledRequest(db, caller, ref);
  const village = await findOrg(db, found.orgCode);
  if (!village) throw new AppError('ORG_NOT_FOUND');
  const result = await inTransaction(db, async (tx) => {
    const doc = await readDoc<RequestDoc>(tx, 'requests', found._id);
    if (!doc) throw new AppError('NOT_FOUND');
    // Already a case: the same answer again, whatever this call asked for.
    if (doc.caseId && doc.caseKind) return { doc, kind: doc.caseKind, id: doc.caseId };
    if (!canMove(doc.state, '已转为案件')) throw new AppError('REQUEST_STATE_CHANGED');

    const kind = options.as ?? defaultCaseKind(doc.kind);
    const { id, ...fields } = caseRecord(kind, caseIdOf(randomBytes(16).toString('hex')), doc, caller, options, now);
    // 128 random bits do not collide; if a record is there all the same, it is not this conversion's.
    if (await readStored(tx, kind, id)) throw new Error(`case id ${id} already taken`);
    // The case is written by the record store like any record logged in the app (history, closed years, review).
    await createRecord(tx, { kind, id, fields, org: village }, caller, now);
    const updated = await updateRequest(tx, doc, { state: '已转为案件', caseKind: kind, caseId: id }, caller, now);
    return { doc: updated, kind, id };
  });
  await notifyAnswered(db, result.doc, now);
  return { item: await itemWithName(db, result.doc), case: { kind: result.kind, id: result.id } };
}

/** The case record, validated by the record kind's own schema like any record logged in the app. */
function caseRecord(kind: CaseKind, id: string, doc: RequestDoc, caller: Caller, options: ConvertOptions, now: Date): ConsultationInput | DisputeInput {
  const today = beijingDate(now);
  const checked =
    kind === 'consultation'
      ? validateConsultation({ id, orgCode: doc.orgCode, date: today, category: options.category ?? '其他', people: 1, answeredBy: caller.name })
      : validateDispute({
          id,
          orgCode: doc.orgCode,
          acceptDate: today,
          disputeType: options.disputeType ?? '其他',
          source: '当事人申请',
          state: '受理',
          // The resident who asked is the applying party; the handler who converts it handles the case.
          parties: [{ name: doc.name, phone: doc.phone }],
          description: doc.description,
        });
  if (!checked.ok) throw new AppError('INVALID_RECORD', undefined, checked.problems);
  return checked.value;
}

async function updateRequest(
  tx: Transaction,
  doc: RequestDoc,
  change: Partial<Pick<RequestDoc, 'state' | 'caseKind' | 'caseId'>>,
  caller: Caller,
  now: Date,
): Promise<RequestDoc> {
  const stamp = now.toISOString();
  const next: RequestDoc = {
    ...doc,
    ...change,
    handledBy: caller.openid,
    handlerName: caller.name,
    updatedAt: stamp,
    version: doc.version + 1,
  };
  await tx.collection('requests').doc(doc._id).set(bodyOf(next));
  await writeHistory(tx, {
    collection: 'requests',
    recordId: doc.ref,
    action: 'update',
    by: caller.openid,
    byName: caller.name,
    at: stamp,
    version: next.version,
    before: auditOf(doc),
    after: auditOf(next),
    orgPath: doc.orgPath,
  });
  return next;
}

/** The history keeps the request as its handlers see it; the key's hash stays out. */
function auditOf(doc: RequestDoc): Record<string, unknown> {
  const { _id: _ignoredId, tokenHash: _ignoredHash, ...rest } = doc;
  return rest;
}

async function itemWithName(db: Database, doc: RequestDoc): Promise<QueueItem> {
  const names = await orgNames(db, [doc.orgCode]);
  return queueItem(doc, names.get(doc.orgCode) ?? doc.orgCode);
}

/** The fields a handler sees: the resident's name, phone and account in full, no key hash, no openid. */
export function queueItem(doc: RequestDoc, villageName: string): QueueItem {
  const item: QueueItem = {
    ref: doc.ref,
    kind: doc.kind,
    villageCode: doc.orgCode,
    villageName,
    name: doc.name,
    phone: doc.phone,
    description: doc.description,
    state: doc.state,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  if (doc.caseKind) item.caseKind = doc.caseKind;
  if (doc.caseId) item.caseId = doc.caseId;
  if (doc.handlerName) item.handlerName = doc.handlerName;
  if (doc.repeatOf) item.repeatOf = doc.repeatOf;
  return item;
}

/**
 * The resident who subscribed hears once that their request was taken up (accepted, made a case or
 * closed, whichever comes first). A message that cannot be sent never fails the handler's action.
 */
async function notifyAnswered(db: Database, doc: RequestDoc, now: Date): Promise<void> {
  const templateId = subscribeTemplates().answer;
  if (!doc.submitterOpenid || !templateId || doc.state === '待处理') return;
  try {
    const notice = {
      id: `answer:${doc.ref}`,
      openid: doc.submitterOpenid,
      templateId,
      page: 'resident/mine/index',
      data: answerMessage(doc.ref, doc.state, beijingDateTime(now.toISOString())),
    };
    await sendNoticeOnce(db, new WxOpenApi(db, wxApiConfig()), notice, now);
  } catch (error) {
    console.error('answer notice not sent', doc.ref, error);
  }
}

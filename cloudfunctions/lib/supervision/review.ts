/**
 * Review (审核) decisions: a township admin approves records of their villages (one, a selection, or
 * all of a village's month) or returns one with a reason, which puts it in its recorder's 需处理.
 * A decision does not make a new version of the record (the recorder's pending edit stays valid); it
 * is stated on the record and written to the history, one entry per decision.
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { inTransaction } from '../cloudbase';
import { AppError } from '../errors';
import { findOrg, orgNames } from '../orgs';
import { readAll } from '../ledger/read';
import { readRecord } from '../records/docs';
import type { StoredRecord } from '../records/views';
import { writeReviewDecision } from '../store/records';
import { isTownshipAdminOf } from '../records/policy';
import { consoleOrg, writableOrg } from '../console/access';
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { summaryOf } from '../../../src/domain/forms/summary';
import type { FormKind } from '../../../src/domain/forms/roles';
import { mustParsePeriod } from '../../../src/domain/period';
import { isMonth } from '../../../src/domain/supervision/schedule';
import { NOT_COUNTED, REVIEWED_KINDS, isReviewedKind, reasonProblem } from '../../../src/domain/supervision/review';
import type { ReviewDecisionAnswer, ReviewItem, ReviewQueueAnswer } from '../../../src/domain/supervision/api';

const QUEUE_MAX = 200;

const mainDate = (kind: RecordKind, doc: Record<string, unknown>): string => String(doc[KINDS[kind].period?.date ?? ''] ?? '');

function itemOf(kind: RecordKind, doc: StoredRecord, orgName: string): ReviewItem {
  const summary = summaryOf(kind as FormKind, doc);
  return {
    kind,
    id: doc._id,
    version: doc.version,
    orgCode: doc.orgCode,
    orgName,
    month: mainDate(kind, doc).slice(0, 7),
    state: doc.reviewState as ReviewItem['state'],
    reason: typeof doc.reviewReason === 'string' ? doc.reviewReason : null,
    recordedBy: doc.recorderName,
    summary: `${summary.title} · ${summary.date}`,
  };
}

/** Records awaiting review (and those returned, until fixed) in the admin's township, oldest first. */
export async function reviewQueue(db: Database, caller: Caller, query: { org?: string; village?: string; month?: string }): Promise<ReviewQueueAnswer> {
  const org = await writableOrg(db, caller, query.org);
  const scope = query.village ?? org.code;
  if (query.month !== undefined && !isMonth(query.month)) throw new AppError('INVALID_PERIOD', `月份“${query.month}”不对`);
  const _ = db.command;
  const lists = await Promise.all(
    REVIEWED_KINDS.map(async (kind) => {
      const dateField = KINDS[kind].period?.date as string;
      const where: Record<string, unknown> = { orgPath: scope, reviewState: _.in([...NOT_COUNTED]), deleted: _.neq(true) };
      if (query.month) {
        const period = mustParsePeriod(query.month);
        where[dateField] = _.gte(period.start).and(_.lte(period.end));
      }
      const docs = (await readAll(db, KINDS[kind].collection, where)) as unknown as StoredRecord[];
      return docs.filter((doc) => doc.orgPath.includes(org.code)).map((doc) => ({ kind, doc }));
    }),
  );
  const all = lists.flat().sort((a, b) => mainDate(a.kind, a.doc).localeCompare(mainDate(b.kind, b.doc)));
  const names = await orgNames(
    db,
    all.map(({ doc }) => doc.orgCode),
  );
  const items = all.slice(0, QUEUE_MAX).map(({ kind, doc }) => itemOf(kind, doc, names.get(doc.orgCode) ?? doc.orgCode));
  return { org: consoleOrg(org), items, total: all.length };
}

interface Decision {
  kind: RecordKind;
  id: string;
  version: number;
  verdict: 'approve' | 'return';
  reason?: string;
}

/** One decision in one transaction; a record changed since the admin looked is skipped. */
async function decide(db: Database, caller: Caller, decision: Decision, now: Date): Promise<'done' | 'skipped'> {
  const at = now.toISOString();
  if (!isReviewedKind(decision.kind)) throw new AppError('INVALID_REQUEST', '这类记录不需要审核');
  const collection = KINDS[decision.kind].collection;
  return inTransaction(db, async (tx) => {
    const doc = await readRecord(tx, collection, decision.id);
    if (!doc) throw new AppError('NOT_FOUND');
    if (!isTownshipAdminOf(caller, doc)) throw new AppError(caller.role === '乡镇管理员' ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
    if (doc.deleted) throw new AppError('RECORD_DELETED');
    if (doc.version !== decision.version) return 'skipped';
    const state = decision.verdict === 'approve' ? '已通过' : '退回';
    if (doc.reviewState === state && decision.verdict === 'approve') return 'done';
    const review = {
      reviewState: state,
      reviewReason: decision.verdict === 'return' ? (decision.reason ?? '').trim() : null,
      reviewedAt: at,
      reviewedBy: caller.openid,
      reviewedByName: caller.name,
    };
    // An approval makes the record count (a return takes it out again): the store refuses a closed year
    // and updates summaries in this transaction.
    await writeReviewDecision(tx, { kind: decision.kind, existing: doc, review, action: decision.verdict }, { openid: caller.openid, name: caller.name }, now);
    return 'done';
  });
}

function requireAdmin(caller: Caller): void {
  if (caller.role !== '乡镇管理员') throw new AppError('FORBIDDEN', '只有乡镇管理员可以审核记录');
}

export async function approve(
  db: Database,
  caller: Caller,
  items: { kind: RecordKind; id: string; version: number }[],
  now: Date,
): Promise<ReviewDecisionAnswer> {
  requireAdmin(caller);
  let approved = 0;
  let skipped = 0;
  for (const item of items) {
    if ((await decide(db, caller, { ...item, verdict: 'approve' }, now)) === 'done') approved++;
    else skipped++;
  }
  return { approved, returned: 0, skipped };
}

/** Approves every record of a village's month that awaits review (returned ones wait for their fix). */
export async function approveMonth(db: Database, caller: Caller, request: { village: string; month: string }, now: Date): Promise<ReviewDecisionAnswer> {
  requireAdmin(caller);
  const village = await findOrg(db, request.village);
  if (!village) throw new AppError('ORG_NOT_FOUND');
  if (!isTownshipAdminOf(caller, { orgPath: village.path })) throw new AppError('OUT_OF_SCOPE');
  const queue = await reviewQueue(db, caller, { village: village.code, month: request.month });
  const waiting = queue.items.filter((item) => item.state === '待审核');
  return approve(
    db,
    caller,
    waiting.map(({ kind, id, version }) => ({ kind, id, version })),
    now,
  );
}

export async function returnRecord(
  db: Database,
  caller: Caller,
  request: { kind: RecordKind; id: string; version: number; reason: string },
  now: Date,
): Promise<ReviewDecisionAnswer> {
  requireAdmin(caller);
  const problem = reasonProblem(request.reason);
  if (problem) throw new AppError('INVALID_FORM', problem);
  const outcome = await decide(db, caller, { ...request, verdict: 'return' }, now);
  if (outcome === 'skipped') throw new AppError('CONFLICT', '这条记录刚被修改过，请刷新后再审核');
  return { approved: 0, returned: 1, skipped: 0 };
}

/**
 * The record store: every write of a record goes through here — created or edited in the app, deleted
 * or restored, made from a resident's request, imported from a ledger, a roster entry's contact
 * settings changed by the township admin, a review decision (审核) — inside the caller's transaction. The store alone stamps
 * the meta (../records-meta.ts), writes the history entry (what changed), refuses a closed year
 * (./period-guard.ts), runs supervision's hooks and updates derived data (./derived.ts): all of it
 * commits with the record, or none of it does.
 *
 * Who may write what, and the resend and version rules, are the callers' business (records/save.ts,
 * records/lifecycle.ts, public/requests.ts, public/manage.ts, ./import.ts).
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { Database, Transaction } from '../cloudbase';
import { fieldChanges, insertHistory, writeHistory, type ChangeAction, type HistoryDoc } from '../history';
import { firstVersionMeta, nextVersionMeta } from '../records-meta';
import type { OrgDoc } from '../orgs';
import { bodyOf, readRecord } from '../records/docs';
import { contentOf, type StoredRecord } from '../records/views';
import { markSupplemented, reviewOnWrite } from '../supervision/record-hooks';
import { updateDerived } from './derived';
import { assertYearsOpen } from './period-guard';

/** Who makes the change: a person (openid and name), or an operator's tool ('import:<file>', 'cli'). */
export interface Author {
  openid: string;
  name: string;
}

export type RecordAction = Extract<ChangeAction, 'create' | 'update' | 'delete' | 'restore' | 'import'>;

/** A record's content: what it holds besides the meta, which the store sets whatever the content says. */
export type RecordContent = Record<string, unknown> & { _id: string; orgCode: string; orgPath: string[] };

export interface RecordWrite {
  kind: RecordKind;
  /** The stored record as read in this transaction; null when the write creates it. */
  before: StoredRecord | null;
  /** The record after the write, meta aside: its fields, `_id`, orgCode and orgPath, anything kept. */
  content: RecordContent;
  action: RecordAction;
  /** The soft-delete mark after the write; not deleted unless said. */
  deleted?: boolean;
  /** 记录人 as a ledger row names it (普法活动), instead of the author. */
  recorderName?: string;
}

/** A stored record by id, in or out of a transaction; null when there is none. */
export const readStored = (source: Database | Transaction, kind: RecordKind, id: string): Promise<StoredRecord | null> =>
  readRecord(source, KINDS[kind].collection, id);

/** The document as stored after the write: content, then the meta of its next version. */
function stamped(write: RecordWrite, author: Author, stamp: string): StoredRecord {
  const { before } = write;
  const meta = before ? nextVersionMeta(before, stamp) : firstVersionMeta(author, stamp);
  return { ...write.content, ...meta, ...(write.recorderName ? { recorderName: write.recorderName } : {}), deleted: write.deleted ?? false };
}

/** The fields a record carries besides its form's (KINDS keptFields), as stored. */
function keptOf(kind: RecordKind, doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const field of KINDS[kind].keptFields) if (doc[field] !== undefined) kept[field] = doc[field];
  return kept;
}

/** The history entry of one write: the record's own and kept fields and delete mark that changed, nothing else. */
function historyEntry(write: RecordWrite, after: StoredRecord, author: Author, at: string): Omit<HistoryDoc, '_id'> {
  const content = (doc: Record<string, unknown>) => ({ ...contentOf(write.kind, doc), ...keptOf(write.kind, doc), deleted: doc.deleted === true });
  const change = fieldChanges(write.before ? content(write.before) : null, content(after));
  return {
    collection: KINDS[write.kind].collection,
    recordId: after._id,
    action: write.action,
    by: author.openid,
    byName: author.name,
    at,
    version: after.version,
    before: change.before,
    after: change.after,
    orgPath: after.orgPath,
  };
}

/**
 * Writes records in `tx`, each as its next version: the year guards and the close check first, then
 * the documents and their history entries, then 补报 marks and derived data for all of them at once.
 * Answers the documents as stored.
 */
export async function writeRecords(tx: Transaction, writes: readonly RecordWrite[], author: Author, now: Date): Promise<StoredRecord[]> {
  const stamp = now.toISOString();
  const changes = writes.map((write) => ({ write, after: stamped(write, author, stamp) }));
  const recordChanges = changes.map(({ write, after }) => ({ kind: write.kind, before: write.before, after }));
  await assertYearsOpen(tx, recordChanges, now);
  // A transaction writes one document per update, but inserts many in one request: new records go
  // in one insert per collection (refused, not overwritten, should the id be taken after all), and
  // every history entry in one.
  const created = new Map<string, StoredRecord[]>();
  for (const { write, after } of changes) {
    const collection = KINDS[write.kind].collection;
    if (write.before) {
      await tx.collection(collection).doc(after._id).set(bodyOf(after));
      continue;
    }
    const list = created.get(collection) ?? [];
    list.push(after);
    created.set(collection, list);
  }
  for (const [collection, docs] of created) await tx.collection(collection).add(docs);
  await insertHistory(
    tx,
    changes.map(({ write, after }) => historyEntry(write, after, author, stamp)),
  );
  await markSupplemented(tx, recordChanges, author, stamp);
  await updateDerived(tx, recordChanges);
  return changes.map(({ after }) => after);
}

async function writeOne(tx: Transaction, write: RecordWrite, author: Author, now: Date): Promise<StoredRecord> {
  const [stored] = await writeRecords(tx, [write], author, now);
  return stored;
}

export interface NewRecord {
  kind: RecordKind;
  id: string;
  /** The kind's validated fields (without `id`). */
  fields: Record<string, unknown>;
  org: OrgDoc;
}

/** A record someone logs in the app (or makes from a request): version 1, 待审核 while its township reviews. */
export async function createRecord(tx: Transaction, record: NewRecord, author: Author, now: Date): Promise<StoredRecord> {
  const { kind, id, fields, org } = record;
  const review = await reviewOnWrite(tx, kind, org);
  return writeOne(tx, { kind, before: null, content: { ...fields, _id: id, orgCode: org.code, orgPath: org.path, ...review }, action: 'create' }, author, now);
}

/**
 * An edit in the app: the record becomes the given fields in `org` (what the record carried besides
 * them is not kept, as the form sent all of it, except the kind's kept fields, which the form does not
 * show), 待审核 again while its township reviews.
 */
export async function updateRecord(
  tx: Transaction,
  edit: { kind: RecordKind; existing: StoredRecord; fields: Record<string, unknown>; org: OrgDoc },
  author: Author,
  now: Date,
): Promise<StoredRecord> {
  const { kind, existing, fields, org } = edit;
  const review = await reviewOnWrite(tx, kind, org);
  const content = { ...keptOf(kind, existing), ...fields, _id: existing._id, orgCode: org.code, orgPath: org.path, ...review };
  return writeOne(tx, { kind, before: existing, content, action: 'update' }, author, now);
}

/**
 * A change of the record's kept fields alone (KINDS keptFields: a roster entry's phone consent and
 * service hours, set on the township admin's 联系方式 page); the rest stays as it is, review state
 * included, as nothing of the form changed. A value given as undefined removes the field.
 */
export async function setKeptFields(
  tx: Transaction,
  change: { kind: RecordKind; existing: StoredRecord; values: Readonly<Record<string, unknown>> },
  author: Author,
  now: Date,
): Promise<StoredRecord> {
  const { kind, existing, values } = change;
  const strays = Object.keys(values).filter((field) => !KINDS[kind].keptFields.includes(field));
  // A caller's mistake, not a user's: the form's fields change through updateRecord, with review.
  if (strays.length > 0) throw new Error(`setKeptFields: ${strays.join(', ')} of ${kind} are not kept fields`);
  const content: RecordContent = { ...existing };
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) delete content[field];
    else content[field] = value;
  }
  return writeOne(tx, { kind, before: existing, content, action: 'update', deleted: existing.deleted }, author, now);
}

/** Soft delete (a deleted record keeps its history and never counts) or restore. */
export async function setRecordDeleted(
  tx: Transaction,
  change: { kind: RecordKind; existing: StoredRecord; deleted: boolean },
  author: Author,
  now: Date,
): Promise<StoredRecord> {
  const { kind, existing, deleted } = change;
  return writeOne(tx, { kind, before: existing, content: existing, action: deleted ? 'delete' : 'restore', deleted }, author, now);
}

/** The review fields a township admin's decision sets (supervision/review.ts). */
export interface ReviewFields {
  reviewState: string;
  reviewReason: string | null;
  reviewedAt: string;
  reviewedBy: string;
  reviewedByName: string;
}

/**
 * A review decision (审核通过 / 退回) stated on the record. It is not a new version — the recorder's
 * pending edit stays valid — but it changes whether the record counts, so a closed year refuses it as
 * any other write, and summaries follow in the same transaction. History keeps the state and reason.
 */
export async function writeReviewDecision(
  tx: Transaction,
  decision: { kind: RecordKind; existing: StoredRecord; review: ReviewFields; action: Extract<ChangeAction, 'approve' | 'return'> },
  author: Author,
  now: Date,
): Promise<StoredRecord> {
  const { kind, existing, review, action } = decision;
  const decided: StoredRecord = { ...existing, ...review };
  const change = { kind, before: existing, after: decided };
  await assertYearsOpen(tx, [change], now);
  await tx.collection(KINDS[kind].collection).doc(existing._id).set(bodyOf(decided));
  await updateDerived(tx, [change]);
  const at = now.toISOString();
  await writeHistory(
    tx,
    {
      collection: KINDS[kind].collection,
      recordId: existing._id,
      action,
      by: author.openid,
      byName: author.name,
      at,
      version: existing.version,
      before: { reviewState: existing.reviewState ?? null, reviewReason: existing.reviewReason ?? null },
      after: { reviewState: review.reviewState, reviewReason: review.reviewReason },
      orgPath: existing.orgPath,
    },
    // A record may be decided on more than once at one version (returned, fixed elsewhere, approved).
    at,
  );
  return decided;
}

/**
 * 普法活动 records: creation with safe resends and the recorder's own list. Receives the database;
 * the caller has already been resolved by the entry point.
 */
import { inTransaction, type Database } from './cloudbase';
import type { OutreachView } from '../../src/domain/api';
import { validateOutreach, type OutreachInput } from '../../src/domain/records/outreach';
import type { Caller } from './caller';
import { requireInScope, requireRole, RECORDER_ROLES } from './authz';
import { AppError } from './errors';
import { findOrg } from './orgs';
import { sameFields, type RecordMeta } from './records-meta';

export type OutreachDoc = Omit<OutreachInput, 'id'> & RecordMeta;

const CONTENT_FIELDS = [
  'orgCode',
  'date',
  'type',
  'venue',
  'topic',
  'attendees',
  'materials',
  'banners',
  'consultations',
] as const satisfies readonly (keyof OutreachDoc)[];

export async function createOutreach(db: Database, caller: Caller, input: unknown, now: Date): Promise<OutreachView> {
  requireRole(caller, RECORDER_ROLES);
  const checked = validateOutreach(input);
  if (!checked.ok) throw new AppError('INVALID_RECORD', undefined, checked.problems);
  const { id, ...fields } = checked.value;
  const org = await findOrg(db, fields.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);

  const stamp = now.toISOString();
  const doc: OutreachDoc = {
    ...fields,
    _id: id,
    orgPath: org.path,
    recordedBy: caller.openid,
    recorderName: caller.name,
    recordedAt: stamp,
    updatedAt: stamp,
    version: 1,
    deleted: false,
  };
  // A transaction makes "look, then write" atomic: two resends racing each other still give one record.
  const stored = await inTransaction(db, async (tx) => {
    const { data } = await tx.collection('outreach').doc(id).get();
    const existing = (Array.isArray(data) ? data[0] : data) as OutreachDoc | undefined;
    if (existing) {
      if (!sameFields(existing, doc, CONTENT_FIELDS)) throw new AppError('DUPLICATE_ID');
      return existing;
    }
    const { _id, ...body } = doc;
    void _id;
    await tx.collection('outreach').doc(id).set(body);
    return doc;
  });
  return outreachView(stored, org.name);
}

export async function listMyOutreach(db: Database, caller: Caller): Promise<OutreachView[]> {
  const _ = db.command;
  const { data } = await db
    .collection('outreach')
    .where({ recordedBy: caller.openid, deleted: _.neq(true) })
    .orderBy('date', 'desc')
    .orderBy('recordedAt', 'desc')
    .limit(100)
    .get();
  const docs = data as OutreachDoc[];
  const names = await orgNames(db, [...new Set(docs.map((doc) => doc.orgCode))]);
  return docs.map((doc) => outreachView(doc, names.get(doc.orgCode) ?? doc.orgCode));
}

async function orgNames(db: Database, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { data } = await db.collection('orgs').where({ code: db.command.in(codes) }).limit(1000).get();
  return new Map((data as { code: string; name: string }[]).map((org) => [org.code, org.name]));
}

/** The fields an outreach record lets out: listed, never the stored document as it is. */
export function outreachView(doc: OutreachDoc, orgName: string): OutreachView {
  return {
    id: doc._id,
    orgCode: doc.orgCode,
    orgName,
    date: doc.date,
    type: doc.type,
    venue: doc.venue,
    topic: doc.topic,
    attendees: doc.attendees,
    materials: doc.materials,
    banners: doc.banners,
    consultations: doc.consultations,
    recordedBy: doc.recorderName,
    recordedAt: doc.recordedAt,
    version: doc.version,
  };
}

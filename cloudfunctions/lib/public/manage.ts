/**
 * The township admin's side of the residents' services: which roster people's phones are published
 * (with their consent) and the 法律顾问's service hours, the township's articles, and the villages'
 * mini-program codes. Only 乡镇管理员 within scope; every change is written to the history.
 */
import { inTransaction, readOne, withoutId, type Database } from '../cloudbase';
import { setKeptFields } from '../store/records';
import type { StoredRecord } from '../records/views';
import type { Caller } from '../caller';
import { requireInScope, requireRole } from '../authz';
import { AppError } from '../errors';
import { findOrg, orgNames } from '../orgs';
import { writeHistory } from '../history';
import { beijingDate } from '../../../src/domain/dates';
import { isActiveOn } from '../../../src/domain/records/roster';
import { validateArticle } from '../../../src/domain/public/article';
import type { ContactRow, ManagedArticle, VillageCodeAnswer } from '../../../src/domain/public/types';
import { PUBLIC_ROSTER_ROLES, type ArticleDoc, type PersonDoc } from './docs';
import { firstVersionMeta } from '../records-meta';
import { cloudFileStore } from '../console/storage';
import type { FileStore } from '../console/report';
import { WxOpenApi, wxApiConfig } from '../wx-open-api';

const ADMIN = ['乡镇管理员'] as const;

/** The village page's path in the app: the scene of a code image is the village code. */
export const VILLAGE_PAGE = 'pages/village/index';

export async function listContacts(db: Database, caller: Caller, orgCode: string | undefined, now: Date): Promise<ContactRow[]> {
  requireRole(caller, ADMIN);
  const code = orgCode ?? caller.org.code;
  const org = await findOrg(db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const _ = db.command;
  const { data } = await db
    .collection('people')
    .where({ orgPath: code, role: _.in([...PUBLIC_ROSTER_ROLES]) })
    .limit(1000)
    .get();
  const today = beijingDate(now);
  const people = (data as PersonDoc[]).filter((p) => p.deleted !== true && isActiveOn(p, today));
  const names = await orgNames(
    db,
    people.map((p) => p.orgCode),
  );
  return people
    .sort((a, b) => a.orgCode.localeCompare(b.orgCode) || PUBLIC_ROSTER_ROLES.indexOf(a.role) - PUBLIC_ROSTER_ROLES.indexOf(b.role))
    .map((p) => contactRow(p, names.get(p.orgCode) ?? p.orgCode));
}

/** A roster entry as stored: the record's meta and the fields this feature reads. */
type StoredPerson = PersonDoc & StoredRecord;

export interface ContactChange {
  publishPhone?: boolean;
  serviceHours?: string;
}

export async function setContact(db: Database, caller: Caller, personId: string, change: ContactChange, now: Date): Promise<ContactRow> {
  requireRole(caller, ADMIN);
  const person = await readOne<StoredPerson>(db, 'people', personId);
  if (!person || person.deleted === true) throw new AppError('NOT_FOUND');
  requireInScope(caller, person.orgPath);
  const saved = await inTransaction(db, async (tx) => {
    const doc = await readOne<StoredPerson>(tx, 'people', personId);
    if (!doc || doc.deleted === true) throw new AppError('NOT_FOUND');
    const values = contactValues(doc, change);
    // A resend of the same change is not a new version.
    if (doc.publishPhone === values.publishPhone && doc.serviceHours === values.serviceHours) return doc;
    // Through the record store, as every roster change: its history entry, year guard and derived data.
    await setKeptFields(tx, { kind: 'person', existing: doc, values }, caller, now);
    return { ...doc, ...values };
  });
  const names = await orgNames(db, [saved.orgCode]);
  return contactRow(saved, names.get(saved.orgCode) ?? saved.orgCode);
}

/** The contact settings after the change: what it leaves out stays; empty service hours remove them. */
function contactValues(person: PersonDoc, change: ContactChange): Pick<PersonDoc, 'publishPhone' | 'serviceHours'> {
  const values: Pick<PersonDoc, 'publishPhone' | 'serviceHours'> = { publishPhone: person.publishPhone, serviceHours: person.serviceHours };
  if (change.publishPhone !== undefined) values.publishPhone = change.publishPhone;
  if (change.serviceHours !== undefined) values.serviceHours = change.serviceHours.trim() || undefined;
  return values;
}

function contactRow(p: PersonDoc, orgName: string): ContactRow {
  const row: ContactRow = { personId: p._id, name: p.name, role: p.role, orgCode: p.orgCode, orgName, publishPhone: p.publishPhone === true };
  if (p.phone) row.phone = p.phone;
  if (p.serviceHours) row.serviceHours = p.serviceHours;
  return row;
}

export async function listArticles(db: Database, caller: Caller): Promise<ManagedArticle[]> {
  requireRole(caller, ADMIN);
  const { data } = await db.collection('articles').where({ orgPath: caller.org.code }).orderBy('date', 'desc').limit(200).get();
  return (data as ArticleDoc[]).map(managedArticle);
}

const ARTICLE_FIELDS = ['orgCode', 'title', 'category', 'date', 'body', 'published'] as const;

/** Creates or edits an article (its id names it); an unchanged resend changes nothing. */
export async function saveArticle(db: Database, caller: Caller, input: unknown, now: Date): Promise<ManagedArticle> {
  requireRole(caller, ADMIN);
  const checked = validateArticle(input);
  if (!checked.ok) throw new AppError('INVALID_RECORD', undefined, checked.problems);
  const { id, ...fields } = checked.value;
  const org = await findOrg(db, fields.orgCode);
  if (!org || org.level !== '乡镇') throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const stamp = now.toISOString();
  const saved = await inTransaction(db, async (tx) => {
    const existing = await readOne<ArticleDoc>(tx, 'articles', id);
    // The stored article's township is checked as well as the one the request names: ids are on
    // every village page, and another township's admin must not take an article over.
    if (existing) {
      requireInScope(caller, existing.orgPath);
      if (existing.orgCode !== fields.orgCode) throw new AppError('FORBIDDEN', '文章不能改到别的乡镇；请在本乡镇重新发一篇');
    }
    if (existing && ARTICLE_FIELDS.every((f) => existing[f] === fields[f])) return existing;
    const doc: ArticleDoc = existing
      ? { ...existing, ...fields, orgPath: org.path, updatedAt: stamp, version: existing.version + 1 }
      : {
          ...fields,
          _id: id,
          orgPath: org.path,
          ...firstVersionMeta(caller, stamp),
        };
    await tx.collection('articles').doc(id).set(withoutId(doc));
    await writeHistory(tx, {
      collection: 'articles',
      recordId: id,
      action: existing ? 'update' : 'create',
      by: caller.openid,
      byName: caller.name,
      at: stamp,
      version: doc.version,
      before: existing ? withoutId(existing) : null,
      after: withoutId(doc),
      orgPath: org.path,
    });
    return doc;
  });
  return managedArticle(saved);
}

function managedArticle(doc: ArticleDoc): ManagedArticle {
  return {
    id: doc._id,
    orgCode: doc.orgCode,
    title: doc.title,
    category: doc.category,
    date: doc.date,
    body: doc.body,
    published: doc.published,
    updatedAt: doc.updatedAt,
    version: doc.version,
  };
}

interface VillageCodeDoc {
  _id: string;
  fileID: string;
  scene: string;
  page: string;
  envVersion: string;
  createdAt: string;
}

/** Width of the code image in px: WeChat's range is 280–1280; 860 prints sharp at 7 cm. */
const CODE_WIDTH = 860;

/**
 * A village's mini-program code (wxacode.getUnlimited: scene = the village code, page = the village
 * page), made once per version it opens and kept in cloud storage; later calls answer the stored image. Only the
 * village's own township admin.
 */
export async function villageCode(db: Database, caller: Caller, code: string, now: Date, files: FileStore = cloudFileStore()): Promise<VillageCodeAnswer> {
  requireRole(caller, ADMIN);
  const village = await findOrg(db, code);
  if (!village || village.level !== '村') throw new AppError('VILLAGE_NOT_FOUND');
  requireInScope(caller, village.path);
  const codes = db.collection('village_codes');
  let stored = await readOne<VillageCodeDoc>(db, 'village_codes', village.code);
  const config = wxApiConfig();
  // A code made for the trial version before release opens the trial version: made anew for release.
  if (!stored || stored.envVersion !== config.envVersion) {
    const wx = new WxOpenApi(db, config);
    const image = await wx.unlimitedCode({ scene: village.code, page: VILLAGE_PAGE, width: CODE_WIDTH });
    const fileID = await files.upload(`village-codes/${village.code}.png`, image);
    const doc = { fileID, scene: village.code, page: VILLAGE_PAGE, envVersion: wx.config.envVersion, createdAt: now.toISOString() };
    await codes.doc(village.code).set(doc);
    stored = { _id: village.code, ...doc };
  }
  return {
    village: { code: village.code, name: village.name },
    page: stored.page,
    scene: stored.scene,
    imageUrl: await files.tempUrl(stored.fileID),
  };
}

/**
 * Test helper for the records acceptance tests (tests/integration/records): the world around the demo
 * township 白土乡 — a second township of the same county (其他乡) and a township of a second county
 * (远山镇, 其他区) with an account of every role there, written through the real SDK the way setup
 * writes them — plus builders of a valid record of every kind, and readers of what the gateway stored
 * (a record, its history, a digest of every collection). Nothing here mocks the stack.
 */
import { createHash } from 'node:crypto';
import { DEMO, type AppStack } from './app-stack';
import type { Database } from '../../cloudfunctions/lib/cloudbase';
import { COLLECTIONS } from '../../cloudfunctions/lib/collections';
import { KINDS, type RecordKind } from '../../src/domain/records/kinds';
import type { AppRole } from '../../src/domain/vocab';
import type { ErrorAnswer, RecordView } from '../../src/domain/api';
import { beijingDate } from '../../src/domain/dates';

/** Units: the demo's, and the ones this helper adds. */
export const UNIT = {
  county: '500114',
  township: '500114213',
  /** 白土村: the demo mediator's and cadre's village. */
  baituVillage: '500114213201',
  /** 沙坝村 */
  shabaVillage: '500114213202',
  /** 三塘村: the first demo 法律明白人's village. */
  santangVillage: '500114213203',
  otherTownship: '500114214',
  otherVillage: '500114214201',
  farCounty: '500115',
  farTownship: '500115101',
  farVillage: '500115101201',
} as const;

/** Accounts this helper adds (the demo's are in app-stack's DEMO). */
export const WORLD = {
  /** A second 乡镇管理员 of 白土乡. */
  secondAdmin: 'o-world-admin-2',
  /** A 人民调解员 of 三塘村, the first demo 法律明白人's village. */
  santangMediator: 'o-world-santang-mediator',
  otherFlmbr: 'o-world-other-flmbr',
  otherMediator: 'o-world-other-mediator',
  otherCadre: 'o-world-other-cadre',
  otherAdmin: 'o-world-other-admin',
  otherCounty: 'o-world-other-county',
  farAdmin: 'o-world-far-admin',
} as const;

/** The roles of the authorization matrix: a resident (no identity) and every app role. */
export const ROLES = ['村民', '法律明白人', '人民调解员', '村干部', '乡镇管理员', '县级查看'] as const;
export type Role = (typeof ROLES)[number];

/** The demo account that plays each role (a resident calls with no identity at all). */
export const ACTOR: Record<Role, string | undefined> = {
  村民: undefined,
  法律明白人: DEMO.villageWorker,
  人民调解员: DEMO.mediator,
  村干部: DEMO.cadre,
  乡镇管理员: DEMO.admin,
  县级查看: DEMO.county,
};

/** The unit of each role's demo account. */
export const HOME: Record<Role, string> = {
  村民: UNIT.baituVillage,
  法律明白人: UNIT.santangVillage,
  人民调解员: UNIT.baituVillage,
  村干部: UNIT.baituVillage,
  乡镇管理员: UNIT.township,
  县级查看: UNIT.county,
};

const ORGS = [
  { code: UNIT.otherTownship, name: '其他乡', level: '乡镇', parentCode: UNIT.county, path: [UNIT.county, UNIT.otherTownship] },
  { code: UNIT.otherVillage, name: '其他村', level: '村', parentCode: UNIT.otherTownship, path: [UNIT.county, UNIT.otherTownship, UNIT.otherVillage] },
  { code: UNIT.farCounty, name: '其他区', level: '县', parentCode: null, path: [UNIT.farCounty] },
  { code: UNIT.farTownship, name: '远山镇', level: '乡镇', parentCode: UNIT.farCounty, path: [UNIT.farCounty, UNIT.farTownship] },
  { code: UNIT.farVillage, name: '远山村', level: '村', parentCode: UNIT.farTownship, path: [UNIT.farCounty, UNIT.farTownship, UNIT.farVillage] },
];

const ACCOUNTS: { _id: string; name: string; role: AppRole; orgCode: string }[] = [
  { _id: WORLD.secondAdmin, name: '陈志强', role: '乡镇管理员', orgCode: UNIT.township },
  { _id: WORLD.santangMediator, name: '冉光荣', role: '人民调解员', orgCode: UNIT.santangVillage },
  { _id: WORLD.otherFlmbr, name: '罗春梅', role: '法律明白人', orgCode: UNIT.otherVillage },
  { _id: WORLD.otherMediator, name: '杨德富', role: '人民调解员', orgCode: UNIT.otherVillage },
  { _id: WORLD.otherCadre, name: '吴国强', role: '村干部', orgCode: UNIT.otherVillage },
  { _id: WORLD.otherAdmin, name: '何丽萍', role: '乡镇管理员', orgCode: UNIT.otherTownship },
  { _id: WORLD.otherCounty, name: '其他区查看员', role: '县级查看', orgCode: UNIT.farCounty },
  { _id: WORLD.farAdmin, name: '冉启明', role: '乡镇管理员', orgCode: UNIT.farTownship },
];

/** Adds the second township, the second county and their accounts (idempotent: `set` by id). */
export async function buildWorld(stack: AppStack): Promise<void> {
  const db = await stack.db();
  for (const { code, ...org } of ORGS)
    await db
      .collection('orgs')
      .doc(code)
      .set({ code, ...org });
  for (const { _id, ...account } of ACCOUNTS) await db.collection('accounts').doc(_id).set(account);
}

export const today = (): string => beijingDate(new Date());
export const thisYear = (): number => Number(today().slice(0, 4));

let serial = 0;
/** A fresh client id (what the app makes when a form opens). */
export function newId(prefix = 'rw'): string {
  serial += 1;
  return `${prefix}-${Date.now().toString(36)}-${serial}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A valid record of `kind` for `orgCode`, with a fresh id; `overrides` replace fields. */
export function recordOf(kind: RecordKind, orgCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = newId(kind.slice(0, 4));
  const date = today();
  const base: Record<RecordKind, Record<string, unknown>> = {
    outreach: { id, orgCode, date, type: '院坝会', venue: '乡村', topic: '民法典进院坝', attendees: 36, materials: 60, banners: 1, consultations: 4 },
    consultation: { id, orgCode, date, category: '邻里关系', people: 2, answeredBy: '许志红' },
    dispute: { id, orgCode, acceptDate: date, disputeType: '邻里', source: '排查发现', state: '受理', description: '两户因宅基地边界发生争执。' },
    petition: { id, orgCode, registerDate: date, channel: '来访', category: '土地权属', state: '登记' },
    reception: { id, orgCode, date, leader: '王书记', people: 5 },
    study: { id, orgCode, date, type: '法律知识培训', topic: '宪法', expected: 12, attended: 11, passed: 10 },
    person: { id, orgCode, name: '测试人员', role: '法律明白人', phone: '13800000000' },
    manualFigure: { orgCode, year: thisYear(), code: `manual.${id.replace(/-/g, '_')}`, label: '测试指标', unit: '件', value: 3 },
  };
  return { ...base[kind], ...overrides };
}

/** The id the server gives a record (the client's, or derived for 其他指标). */
export const idOf = (kind: RecordKind, record: Record<string, unknown>): string => KINDS[kind].idOf(record);

export type Answer = Record<string, unknown> & Partial<ErrorAnswer>;

/** Calls the records function and fails loudly on an error answer: for setting the scene. */
export async function must<T = { record: RecordView }>(stack: AppStack, openid: string | undefined, data: Record<string, unknown>): Promise<T> {
  const answer = await stack.call<Answer>('records', data, openid);
  if (answer.error) throw new Error(`records ${String(data.action)} as ${openid}: ${JSON.stringify(answer.error)}`);
  return answer as T;
}

/** Creates a record as `openid` and answers its view. */
export async function seed(stack: AppStack, openid: string, kind: RecordKind, record: Record<string, unknown>): Promise<RecordView> {
  return (await must(stack, openid, { action: 'create', kind, record })).record;
}

/** The stored document of a record, or undefined. */
export async function stored(db: Database, kind: RecordKind, id: string): Promise<Record<string, unknown> | undefined> {
  const { data } = await db.collection(KINDS[kind].collection).doc(id).get();
  return (data as Record<string, unknown>[])[0];
}

/** The stored history entries of a record, oldest first. */
export async function storedHistory(db: Database, kind: RecordKind, id: string): Promise<Record<string, unknown>[]> {
  const { data } = await db.collection('history').where({ collection: KINDS[kind].collection, recordId: id }).limit(1000).get();
  return (data as Record<string, unknown>[]).sort((a, b) => Number(a.version) - Number(b.version));
}

/** Every document of a collection, paging past the 1000-per-get limit. */
export async function readAll(db: Database, collection: string): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = [];
  for (;;) {
    const { data } = await db.collection(collection).orderBy('_id', 'asc').skip(docs.length).limit(1000).get();
    docs.push(...(data as Record<string, unknown>[]));
    if (data.length < 1000) return docs;
  }
}

/** JSON with keys sorted at every level, so equal documents give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * A digest of every collection the application uses: equal digests, unchanged data. The rate-limit
 * counters (`limits`) are left out: counting refused attempts is exactly what they are for; so are
 * caches a permitted read fills (`wx_tokens`, the WeChat access token; `village_codes`, a village's
 * mini-program code, generated on the admin's first look).
 */
const NOT_DATA = new Set<string>(['limits', 'wx_tokens', 'village_codes']);

export async function digestAll(db: Database): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const name of COLLECTIONS.filter((collection) => !NOT_DATA.has(collection))) {
    const docs = (await readAll(db, name)).map(canonical).sort();
    digests[name] = `${docs.length}:${createHash('sha256').update(docs.join('\n')).digest('hex')}`;
  }
  return digests;
}

/** Parties of the cases seeded by the masking tests, and the forms a non-handler may see. */
export const PARTIES = [
  { name: '张建明', phone: '13812345678', idNumber: '500114199001011234' },
  { name: '李秀英', phone: '13987654321', idNumber: '50011419850505432X' },
] as const;
export const MASKED = [
  { name: '张*明', phone: '138****5678', idNumber: '**************1234' },
  { name: '李*英', phone: '139****4321', idNumber: '**************432X' },
] as const;

/** Chinese text (a CJK ideograph somewhere). */
export const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

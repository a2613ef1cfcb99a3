/**
 * Typed calls behind 人员与单位, 邀请码 and the bind page: the roster through `records` (kind
 * 'person'), units and invites through `admin`, binding through `session`. The township's units come
 * from the public township list (the same one residents choose villages from).
 */
import type { Me, OrgView, RecordView } from '../domain/api';
import type { Invite } from '../domain/contract/admin';
import type { PublicOrg, TownshipChoice } from '../domain/public/types';
import type { PersonRow } from '../domain/staff/person-form';
import type { InviteRole } from '../domain/staff/model';
import { callFunction } from './transport';
import { listTownships } from './public';

/** A township and its villages, as the console's unit pickers show them. */
export type TownshipUnits = TownshipChoice;
export type { PublicOrg };

/** The townships the caller may look at: their own, or every township under their county. */
export async function townshipsOf(me: Me): Promise<TownshipUnits[]> {
  const all = await listTownships();
  return all.filter((t) => t.code === me.org.code || t.code.startsWith(me.org.code) || t.villages.some((v) => v.code === me.org.code));
}

const ROSTER_PAGE = 100;

/**
 * Every roster entry of a unit and the units below it. A township's roster is a few hundred people at
 * most, so the console reads it whole (in pages of 100) and filters and pages it on the phone.
 */
export async function listRoster(org: string): Promise<PersonRow[]> {
  const rows: PersonRow[] = [];
  for (let offset = 0; ; offset += ROSTER_PAGE) {
    const page = await callFunction('records', { action: 'list', kind: 'person', org, offset, limit: ROSTER_PAGE });
    rows.push(...page.items.map(personRow));
    if (page.items.length < ROSTER_PAGE || rows.length >= page.total) return rows;
  }
}

/** Create (no baseVersion) or edit a roster entry under the version rule. */
export async function savePerson(record: Record<string, string>, baseVersion?: number): Promise<PersonRow> {
  const answer =
    baseVersion === undefined
      ? await callFunction('records', { action: 'create', kind: 'person', record })
      : await callFunction('records', { action: 'update', kind: 'person', record, baseVersion });
  return personRow(answer.record);
}

function personRow(view: RecordView): PersonRow {
  const text = (key: string) => (typeof view[key] === 'string' && view[key] !== '' ? (view[key] as string) : undefined);
  return {
    id: view.id,
    orgCode: view.orgCode,
    orgName: view.orgName,
    version: view.version,
    name: text('name') ?? '',
    role: text('role') as PersonRow['role'],
    phone: text('phone'),
    startDate: text('startDate'),
    endDate: text('endDate'),
  };
}

export interface InviteRequest {
  name: string;
  role: InviteRole;
  orgCode: string;
  personId?: string;
}

export type { Invite };

export async function issueInvite(request: InviteRequest): Promise<Invite> {
  return (await callFunction('admin', { action: 'issueInvite', ...request })).invite;
}

/** Adds a village or renames a unit (admin.saveOrg). */
export async function saveVillage(org: { code: string; name: string; parentCode: string }): Promise<OrgView> {
  return (await callFunction('admin', { action: 'saveOrg', org: { ...org, level: '村' } })).org;
}

/** Binds this WeChat (this dev identity, in the browser build) with an invite code. */
export async function bindWithCode(code: string): Promise<Me> {
  const answer = await callFunction('session', { action: 'bind', code });
  return answer.me;
}

/**
 * Who may use the console: township admins and county viewers read the units in their scope; only a
 * township admin writes (report texts, year close), and only for their own unit.
 */
import type { AppRole } from '../../../src/domain/vocab';
import type { ConsoleOrg } from '../../../src/domain/console/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireInScope, requireRole } from '../authz';
import { AppError } from '../errors';
import { findOrg, type OrgDoc } from '../orgs';

export const CONSOLE_READERS: readonly AppRole[] = ['乡镇管理员', '县级查看'];
export const CONSOLE_WRITERS: readonly AppRole[] = ['乡镇管理员'];

export const consoleOrg = (org: OrgDoc): ConsoleOrg => ({ code: org.code, name: org.name, level: org.level });

/** The unit asked for (default: the caller's own), after the role and scope checks. */
export async function readableOrg(db: Database, caller: Caller, code?: string): Promise<OrgDoc> {
  requireRole(caller, CONSOLE_READERS);
  const org = code === undefined || code === caller.org.code ? caller.org : await findOrg(db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  return org;
}

export const mayWrite = (caller: Caller, org: Pick<OrgDoc, 'code'>): boolean => CONSOLE_WRITERS.includes(caller.role) && caller.org.code === org.code;

/** A unit the caller may write for: a township admin's own unit. */
export async function writableOrg(db: Database, caller: Caller, code?: string): Promise<OrgDoc> {
  requireRole(caller, CONSOLE_WRITERS);
  const org = await readableOrg(db, caller, code);
  if (!mayWrite(caller, org)) throw new AppError('FORBIDDEN', `只有${org.name}的乡镇管理员可以进行此操作`);
  return org;
}

/** The units directly below a unit (a township's villages), in code order. */
export async function childUnits(db: Database, code: string): Promise<OrgDoc[]> {
  const { data } = await db.collection('orgs').where({ parentCode: code }).orderBy('code', 'asc').limit(1000).get();
  return data as OrgDoc[];
}

/** The villages anywhere below a unit (or the unit itself when it is one). */
export async function villagesUnder(db: Database, code: string): Promise<OrgDoc[]> {
  const { data } = await db.collection('orgs').where({ path: code, level: '村' }).orderBy('code', 'asc').limit(1000).get();
  return data as OrgDoc[];
}

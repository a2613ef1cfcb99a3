/**
 * Who is calling: the platform's openid, resolved to a bound account (role + unit). An openid with no
 * account is a resident, who reaches only public functions.
 */
import { readOne, type Database } from './cloudbase';
import type { AppRole } from '../../src/domain/vocab';
import type { Me } from '../../src/domain/api';
import { findOrg, orgView, type OrgDoc } from './orgs';
import { ACCOUNTS } from './accounts';

export interface AccountDoc {
  /** The WeChat openid the account is bound to. */
  _id: string;
  name: string;
  role: AppRole;
  orgCode: string;
  /** The roster entry (人员名册) of the person, when there is one. */
  personId?: string;
}

/** Who makes a change, as the history names them: a person (openid) or an operator's tool. */
export interface Actor {
  openid: string;
  name: string;
}

/** The command line, acting as the operator: every change it makes is recorded under this name. */
export const CLI_OPERATOR: Actor = { openid: 'cli', name: '命令行' };

export interface Caller {
  openid: string;
  name: string;
  role: AppRole;
  org: OrgDoc;
  personId?: string;
}

export async function resolveCaller(db: Database, openid: string): Promise<Caller | null> {
  if (!openid) return null;
  const account = await readOne<AccountDoc>(db, ACCOUNTS, openid);
  if (!account) return null;
  const org = await findOrg(db, account.orgCode);
  if (!org) return null;
  return { openid, name: account.name, role: account.role, org, personId: account.personId };
}

export function meOf(caller: Caller): Me {
  return { personId: caller.personId ?? caller.openid, name: caller.name, role: caller.role, org: orgView(caller.org) };
}

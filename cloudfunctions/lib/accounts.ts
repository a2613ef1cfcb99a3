/**
 * Work accounts (a WeChat openid bound to a role and a unit): the one place they are written, each
 * change with its history entry beside it, whoever makes it — a person binding with an invite code, or
 * an operator making someone a township admin from the command line.
 */
import { inTransaction, readOne, withoutId, type Database, type Transaction } from './cloudbase';
import type { AccountDoc, Actor } from './caller';
import { AppError } from './errors';
import { writeHistory } from './history';
import { findOrg, type OrgDoc } from './orgs';

export const ACCOUNTS = 'accounts';

/**
 * Writes an account in the transaction, with its history entry. Accounts carry no version; the
 * history id only needs to tell changes apart, so the time numbers it (as for units).
 */
export async function writeAccount(tx: Transaction, account: AccountDoc, before: AccountDoc | null, org: OrgDoc, by: Actor, at: string): Promise<void> {
  await tx.collection(ACCOUNTS).doc(account._id).set(withoutId(account));
  await writeHistory(tx, {
    collection: ACCOUNTS,
    recordId: account._id,
    action: before ? 'update' : 'create',
    by: by.openid,
    byName: by.name,
    at,
    version: Date.parse(at),
    before: before ? withoutId(before) : null,
    after: withoutId(account),
    orgPath: org.path,
  });
}

export interface GrantAdmin {
  openid: string;
  orgCode: string;
  /** Kept from the existing account when left out; else “<单位>管理员”. */
  name?: string;
}

/**
 * Makes the openid a township admin of a township (or county). An existing account is promoted, and
 * keeps its link to the roster. Operators only: no function offers it.
 */
export async function grantTownshipAdmin(db: Database, request: GrantAdmin, by: Actor, now: Date): Promise<{ account: AccountDoc; org: OrgDoc }> {
  const org = await findOrg(db, request.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (org.level === '村') throw new AppError('FORBIDDEN', `“${org.name}”是村级单位；乡镇管理员须设在乡镇（或区县）一级`);
  const account = await inTransaction(db, async (tx) => {
    const existing = await readOne<AccountDoc>(tx, ACCOUNTS, request.openid);
    const next: AccountDoc = {
      _id: request.openid,
      name: request.name ?? existing?.name ?? `${org.name}管理员`,
      role: '乡镇管理员',
      orgCode: org.code,
      ...(existing?.personId ? { personId: existing.personId } : {}),
    };
    // Granted again as it stands (a rerun): nothing changes, nothing to record.
    if (existing && JSON.stringify(withoutId(existing)) === JSON.stringify(withoutId(next))) return existing;
    await writeAccount(tx, next, existing, org, by, now.toISOString());
    return next;
  });
  return { account, org };
}

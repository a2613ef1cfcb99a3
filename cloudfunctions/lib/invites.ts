/**
 * Binding a WeChat identity to a person: a township admin issues a one-time invite code that expires;
 * the person enters it in the app, and their openid (from the platform) becomes an account with the
 * invite's role and unit. Only a hash of the code is stored, so a leaked database binds nobody.
 */
import { createHash, randomInt } from 'node:crypto';
import { APP_ROLES, type AppRole } from '../../src/domain/vocab';
import { inTransaction, readOne, withoutId, type Database } from './cloudbase';
import { requireInScope, requireRole } from './authz';
import { meOf, resolveCaller, type AccountDoc, type Caller } from './caller';
import { ACCOUNTS, writeAccount } from './accounts';
import { AppError } from './errors';
import { findOrg } from './orgs';
import { countEvent, isOverLimit, type Limit } from './limits';
import type { Me } from '../../src/domain/api';

export const INVITE_DAYS = 7;

/**
 * Wrong codes (issue 12, item 13): a code is 8 of 31 characters, but unlimited guessing at 55/s still
 * tries a lot. A few per WeChat user an hour, and a ceiling over everyone, kept in the database.
 */
export const WRONG_CODES_PER_CALLER: Limit = { name: 'invite-wrong-caller', max: 10, windowMinutes: 60 };
export const WRONG_CODES_OVERALL: Limit = { name: 'invite-wrong-all', max: 100, windowMinutes: 60 };
// No 0/O, 1/I/L: codes are read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

interface InviteDoc {
  _id: string;
  name: string;
  role: AppRole;
  orgCode: string;
  personId?: string;
  issuedBy: string;
  issuedAt: string;
  expiresAt: string;
  usedBy?: string;
  usedAt?: string;
}

export const hashCode = (code: string) => createHash('sha256').update(normalise(code)).digest('hex');
const normalise = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();

export interface InviteRequest {
  name: string;
  role: AppRole;
  orgCode: string;
  personId?: string;
}

export async function issueInvite(db: Database, caller: Caller, request: InviteRequest, now: Date): Promise<{ code: string; expiresAt: string }> {
  requireRole(caller, ['乡镇管理员']);
  if (!APP_ROLES.includes(request.role)) throw new AppError('INVALID_REQUEST');
  const org = await findOrg(db, request.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86400000).toISOString();
  const invite: Omit<InviteDoc, '_id'> = {
    name: request.name,
    role: request.role,
    orgCode: org.code,
    ...(request.personId ? { personId: request.personId } : {}),
    issuedBy: caller.openid,
    issuedAt: now.toISOString(),
    expiresAt,
  };
  await db.collection('invites').doc(hashCode(code)).set(invite);
  return { code, expiresAt };
}

/** Binds the caller's openid with an invite code; the code works once, before it expires. */
export async function bindWithInvite(db: Database, openid: string, code: string, now: Date): Promise<Me> {
  if (!openid) throw new AppError('INVITE_NEEDS_WECHAT');
  if ((await isOverLimit(db, WRONG_CODES_PER_CALLER, openid, now)) || (await isOverLimit(db, WRONG_CODES_OVERALL, 'all', now))) {
    throw new AppError('TOO_MANY_ATTEMPTS', '邀请码输错次数太多，请一小时后再试；如有疑问请联系乡镇管理员');
  }
  try {
    await bindInTransaction(db, openid, code, now);
  } catch (error) {
    if (error instanceof AppError && WRONG_CODE.has(error.code)) {
      await countEvent(db, WRONG_CODES_PER_CALLER, openid, now);
      await countEvent(db, WRONG_CODES_OVERALL, 'all', now);
    }
    throw error;
  }
  const caller = await resolveCaller(db, openid);
  if (!caller) throw new AppError('INTERNAL');
  return meOf(caller);
}

const WRONG_CODE: ReadonlySet<string> = new Set(['INVITE_INVALID', 'INVITE_EXPIRED']);

async function bindInTransaction(db: Database, openid: string, code: string, now: Date): Promise<void> {
  const id = hashCode(code);
  await inTransaction(db, async (tx) => {
    // Checked inside the transaction that writes the account: two codes entered at once (a double tap,
    // two phones) must not bind one person twice, the second overwriting the first.
    const bound = await readOne<AccountDoc>(tx, ACCOUNTS, openid);
    if (bound && (await findOrg(db, bound.orgCode))) throw new AppError('ALREADY_BOUND');
    const invite = await readOne<InviteDoc>(tx, 'invites', id);
    // A used code and one that never existed get one answer: telling them apart confirms guesses.
    if (!invite || invite.usedBy) throw new AppError('INVITE_INVALID');
    if (invite.expiresAt < now.toISOString()) throw new AppError('INVITE_EXPIRED');
    const org = await findOrg(db, invite.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    await tx
      .collection('invites')
      .doc(id)
      .set({ ...withoutId(invite), usedBy: openid, usedAt: now.toISOString() });
    const account: AccountDoc = {
      _id: openid,
      name: invite.name,
      role: invite.role,
      orgCode: invite.orgCode,
      ...(invite.personId ? { personId: invite.personId } : {}),
    };
    await writeAccount(tx, account, bound, org, { openid, name: invite.name }, now.toISOString());
  });
}

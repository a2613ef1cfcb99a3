/**
 * How many requests residents may send (issue 12, item 6): an anonymous form must not let one person
 * bury a village's genuine requests. New requests are counted per caller (the openid when the platform
 * gives one, and the caller's address) and per village, per hour; a resend of the same request is not
 * a new one and is not counted. Limits are kept in the database (../limits.ts).
 */
import type { Database } from '../cloudbase';
import { AppError } from '../errors';
import { countEvent, isOverLimit, type Limit } from '../limits';

export const SUBMITS_PER_CALLER: Limit = { name: 'submit-caller', max: 10, windowMinutes: 60 };
/** Many residents can share one address (a mobile network's), so it gets more room than an openid. */
export const SUBMITS_PER_ADDRESS: Limit = { name: 'submit-address', max: 60, windowMinutes: 60 };
export const SUBMITS_PER_VILLAGE: Limit = { name: 'submit-village', max: 30, windowMinutes: 60 };

export interface Submitter {
  openid: string;
  address: string;
}

function countersOf(submitter: Submitter, villageCode: string): [Limit, string, string][] {
  const counters: [Limit, string, string][] = [];
  if (submitter.openid) counters.push([SUBMITS_PER_CALLER, submitter.openid, '您这一小时提交的求助太多了，请过一会儿再提交；急事请拨打12348公共法律服务热线']);
  if (submitter.address)
    counters.push([SUBMITS_PER_ADDRESS, submitter.address, '这一小时从您的网络提交的求助太多了，请过一会儿再提交；急事请拨打12348公共法律服务热线']);
  counters.push([SUBMITS_PER_VILLAGE, villageCode, '这个村这一小时收到的求助太多了，请过一会儿再提交；急事请拨打12348公共法律服务热线']);
  return counters;
}

/** Refuses a new request when the caller or the village has used up the hour's share. */
export async function assertMaySubmit(db: Database, submitter: Submitter, villageCode: string, now: Date): Promise<void> {
  for (const [limit, subject, message] of countersOf(submitter, villageCode)) {
    if (await isOverLimit(db, limit, subject, now)) throw new AppError('TOO_MANY_ATTEMPTS', message);
  }
}

/** Counts a request that was just made. */
export async function countSubmit(db: Database, submitter: Submitter, villageCode: string, now: Date): Promise<void> {
  for (const [limit, subject] of countersOf(submitter, villageCode)) await countEvent(db, limit, subject, now);
}

/**
 * A limit on refused writes per caller (issue 12, item 3): someone whose writes keep being refused is
 * probing records they may not change; after `max` refusals in an hour every records write of theirs
 * is refused until the hour is over. Legitimate work is refused a handful of times a day at most.
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError, type ErrorCode } from '../errors';
import { countEvent, isOverLimit, type Limit } from '../limits';

export const REFUSED_WRITES: Limit = { name: 'refused-writes', max: 60, windowMinutes: 60 };

/** The refusals that count: being refused on role or unit, not mistakes in a record one may write. */
const COUNTED: ReadonlySet<ErrorCode> = new Set(['FORBIDDEN', 'OUT_OF_SCOPE']);

export async function withRefusalLimit<T>(db: Database, caller: Caller, now: Date, write: () => Promise<T>): Promise<T> {
  if (await isOverLimit(db, REFUSED_WRITES, caller.openid, now)) {
    throw new AppError('TOO_MANY_ATTEMPTS', '您被拒绝的修改次数太多，请一小时后再试；如有疑问请联系乡镇管理员');
  }
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && COUNTED.has(error.code)) await countEvent(db, REFUSED_WRITES, caller.openid, now);
    throw error;
  }
}

/**
 * What a township's year close asks of supervision: every village's every month reported and nothing
 * awaiting review. Closing anyway takes a reason, which the close keeps in its history.
 */
import type { Database } from '../cloudbase';
import type { OrgDoc } from '../orgs';
import { AppError } from '../errors';
import { readAll } from '../ledger/read';
import { villagesUnder } from '../console/access';
import { KINDS } from '../../../src/domain/records/kinds';
import { mustParsePeriod } from '../../../src/domain/period';
import { monthsOf } from '../../../src/domain/supervision/schedule';
import { MAX_REASON, NOT_COUNTED, REVIEWED_KINDS } from '../../../src/domain/supervision/review';
import type { CloseConditions } from '../../../src/domain/console/api';
import { REPORTS } from './reports';

export async function closeConditions(db: Database, org: OrgDoc, year: number): Promise<CloseConditions> {
  const period = mustParsePeriod(String(year));
  const _ = db.command;
  const [villages, reports, pending] = await Promise.all([
    villagesUnder(db, org.code),
    readAll(db, REPORTS, { orgPath: org.code, year }),
    Promise.all(
      REVIEWED_KINDS.map(async (kind) => {
        const dateField = KINDS[kind].period?.date as string;
        const where = { orgPath: org.code, reviewState: _.in([...NOT_COUNTED]), deleted: _.neq(true), [dateField]: _.gte(period.start).and(_.lte(period.end)) };
        return (await db.collection(KINDS[kind].collection).where(where).count()).total;
      }),
    ),
  ]);
  const reported = new Set(reports.map((doc) => doc._id));
  const unreported = villages.flatMap((v) => monthsOf(year).filter((m) => !reported.has(`${v.code}:${m}`)).map((month) => ({ village: v.name, month })));
  return { unreportedMonths: unreported.length, unreportedSample: unreported.slice(0, 5), awaitingReview: pending.reduce((a, b) => a + b, 0) };
}

export const conditionsMet = (c: CloseConditions): boolean => c.unreportedMonths === 0 && c.awaitingReview === 0;

/** Refuses a close while a condition is open, unless a reason is given; answers the reason to keep. */
export async function checkYearClose(db: Database, org: OrgDoc, year: number, reason: string | undefined): Promise<string | undefined> {
  const given = reason?.trim() || undefined;
  if (given !== undefined && given.length > MAX_REASON) throw new AppError('INVALID_FORM', `结账原因不能超过${MAX_REASON}个字`);
  const conditions = await closeConditions(db, org, year);
  if (conditionsMet(conditions) || given !== undefined) return given;
  const open = [
    conditions.unreportedMonths > 0 ? `还有${conditions.unreportedMonths}个村·月未报送月报` : '',
    conditions.awaitingReview > 0 ? `还有${conditions.awaitingReview}条记录待审核` : '',
  ].filter(Boolean);
  throw new AppError('CLOSE_CONDITIONS', `${year}年度${open.join('、')}；如确需结账，请填写原因`);
}

/**
 * What a township's year close asks of supervision: every village's every month (or half month, under
 * its township's cadence) reported and nothing awaiting review where review is on. Closing anyway
 * takes a reason, which the close keeps in its history.
 */
import type { Database } from '../cloudbase';
import type { OrgDoc } from '../orgs';
import { AppError } from '../errors';
import { readAll } from '../ledger/read';
import { villagesUnder } from '../console/access';
import { KINDS } from '../../../src/domain/records/kinds';
import { mustParsePeriod } from '../../../src/domain/period';
import { periodsOf } from '../../../src/domain/supervision/schedule';
import { MAX_REASON, NOT_COUNTED, REVIEWED_KINDS } from '../../../src/domain/supervision/review';
import type { CloseConditions } from '../../../src/domain/console/api';
import { REPORTS, periodReport, type ReportDoc } from './reports';
import { closeOf, closeYear, type PeriodCloseDoc } from '../period-close';
import type { Actor } from '../caller';
import { DEFAULT_SETTINGS, settingsByTownship } from './settings';

export async function closeConditions(db: Database, org: OrgDoc, year: number): Promise<CloseConditions> {
  const [villages, reportDocs] = await Promise.all([villagesUnder(db, org.code), readAll(db, REPORTS, { orgPath: org.code, year })]);
  const reports = new Map((reportDocs as unknown as ReportDoc[]).map((doc) => [doc._id, doc]));
  const townships = [...new Set(villages.map((v) => v.parentCode).filter((c): c is string => !!c))];
  const settings = await settingsByTownship(db, townships);
  const settingsOfVillage = (v: OrgDoc) => settings.get(v.parentCode ?? '') ?? DEFAULT_SETTINGS;
  const unreported = villages.flatMap((v) =>
    periodsOf(year, settingsOfVillage(v).cadence)
      .filter((m) => periodReport(reports, v.code, m) === null)
      .map((month) => ({ village: v.name, month })),
  );
  const awaitingReview = await awaitingReviewIn(
    db,
    org,
    year,
    townships.filter((t) => settings.get(t)?.review === true),
  );
  return { unreportedMonths: unreported.length, unreportedSample: unreported.slice(0, 5), awaitingReview };
}

/**
 * Records of the year awaiting review (or returned) where their township reviews: as the figures, a
 * township that switched review off counts its records whatever state they were left in.
 */
async function awaitingReviewIn(db: Database, org: OrgDoc, year: number, reviewing: readonly string[]): Promise<number> {
  // Within one township the unit itself bounds the records; above it, each reviewing township does.
  const scopes = org.level === '乡镇' || org.level === '村' ? (reviewing.length > 0 ? [org.code] : []) : [...reviewing];
  const period = mustParsePeriod(String(year));
  const _ = db.command;
  const counts = await Promise.all(
    scopes.flatMap((scope) =>
      REVIEWED_KINDS.map(async (kind) => {
        const dateField = KINDS[kind].period?.date as string;
        const where = { orgPath: scope, reviewState: _.in([...NOT_COUNTED]), deleted: _.neq(true), [dateField]: _.gte(period.start).and(_.lte(period.end)) };
        return (await db.collection(KINDS[kind].collection).where(where).count()).total;
      }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export const conditionsMet = (c: CloseConditions): boolean => c.unreportedMonths === 0 && c.awaitingReview === 0;

/** Refuses a close while a condition is open, unless a reason is given; answers the reason to keep. */
async function checkYearClose(db: Database, org: OrgDoc, year: number, reason: string | undefined): Promise<string | undefined> {
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

/**
 * Closes a unit's year as the console and the command line both do: refused while a condition is
 * open unless a reason is given (kept with the close); a closed year answers `already` unchecked.
 */
export async function closeYearChecked(
  db: Database,
  org: OrgDoc,
  request: { year: number; reason?: string; by: Actor; now?: Date },
): Promise<{ close: PeriodCloseDoc; already: boolean }> {
  const current = await closeOf(db, org.code, request.year);
  const reason = current?.closed ? undefined : await checkYearClose(db, org, request.year, request.reason);
  return closeYear(db, { orgCode: org.code, year: request.year, by: request.by.openid, byName: request.by.name, now: request.now, reason });
}

/**
 * The field side of supervision (月报 page): the township's reminders for the caller's village and
 * the months past due that it has not reported, and the caller's records the township returned (退回),
 * which the app puts in 需处理 with the reason.
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireRole, RECORDER_ROLES } from '../authz';
import { readAll } from '../ledger/read';
import { contentOf, type StoredRecord } from '../records/views';
import { beijingDate } from '../../../src/domain/dates';
import { KINDS } from '../../../src/domain/records/kinds';
import { isPastDue, periodOfDate, previousPeriod } from '../../../src/domain/supervision/schedule';
import { REVIEWED_KINDS } from '../../../src/domain/supervision/review';
import type { ReturnedRecord, TasksAnswer } from '../../../src/domain/supervision/api';
import { REPORTS, REPORTER_ROLES, periodReport, type ReportDoc } from './reports';
import { REMINDERS, reminderView, type ReminderDoc } from './reminders';
import { settingsOf, townshipCodeOf } from './settings';

/** How far back a village is asked for periods it has not reported: three months' worth. */
const LOOK_BACK = { monthly: 3, halfMonthly: 6 } as const;

async function returnedTo(db: Database, caller: Caller): Promise<ReturnedRecord[]> {
  const _ = db.command;
  const lists = await Promise.all(
    REVIEWED_KINDS.map(async (kind) => {
      const docs = (await readAll(db, KINDS[kind].collection, {
        recordedBy: caller.openid,
        reviewState: '退回',
        deleted: _.neq(true),
      })) as unknown as StoredRecord[];
      return docs.map((doc) => ({
        kind,
        id: doc._id,
        version: doc.version,
        reason: String(doc.reviewReason ?? ''),
        returnedAt: String(doc.reviewedAt ?? ''),
        returnedBy: String(doc.reviewedByName ?? ''),
        // The recorder handles their own record: its content goes back in full, to fix.
        record: { id: doc._id, ...contentOf(kind, doc) },
      }));
    }),
  );
  return lists.flat();
}

export async function tasks(db: Database, caller: Caller, now: Date): Promise<TasksAnswer> {
  requireRole(caller, RECORDER_ROLES);
  const returned = await returnedTo(db, caller);
  if (!REPORTER_ROLES.includes(caller.role) || caller.org.level !== '村') return { reminders: [], overdueMonths: [], returned };
  const village = caller.org.code;
  const today = beijingDate(now);
  const settings = await settingsOf(db, townshipCodeOf(caller.org));
  const months: string[] = [];
  for (let month = previousPeriod(periodOfDate(today, settings.cadence)); months.length < LOOK_BACK[settings.cadence]; month = previousPeriod(month))
    months.push(month);
  const [reports, reminders] = await Promise.all([readAll(db, REPORTS, { orgCode: village }), readAll(db, REMINDERS, { orgCode: village })]);
  const byId = new Map((reports as unknown as ReportDoc[]).map((doc) => [doc._id, doc]));
  const reported = (month: string) => periodReport(byId, village, month) !== null;
  return {
    reminders: (reminders as unknown as ReminderDoc[]).filter((doc) => !reported(doc.month)).map(reminderView),
    overdueMonths: months.filter((month) => !reported(month) && isPastDue(month, settings.dueDay, today)).sort(),
    cadence: settings.cadence,
    returned,
  };
}

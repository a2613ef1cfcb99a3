/**
 * Reminders (催报): a township admin reminds a village that has not reported a month. The reminder is
 * a 待办 for the village's 法律明白人 and 村干部 (tasks.ts) until the month is reported; reminding
 * again updates it. Every reminder is in the history.
 *
 * Subscribe messages (订阅消息) are sent by whoever registers with `onReminder` — the hook for the
 * go-live reminders; nothing here talks to WeChat.
 */
import { readOne, withoutId, type Database } from '../cloudbase';
import type { Caller } from '../caller';
import { inTransaction } from '../cloudbase';
import { AppError } from '../errors';
import { writeHistory } from '../history';
import { findOrg } from '../orgs';
import { isTownshipAdminOf } from '../records/policy';
import { beijingDate } from '../../../src/domain/dates';
import { cadenceOf, dueDateOf, hasBegun, isReportPeriod, periodLabel } from '../../../src/domain/supervision/schedule';
import type { ReminderView } from '../../../src/domain/supervision/api';
import { answeringReport, reportId } from './reports';
import { settingsOf, townshipCodeOf } from './settings';
import type { VillageMonthDoc } from './reports';

export const REMINDERS = 'reminders';

export interface ReminderDoc extends VillageMonthDoc {
  dueDate: string;
  by: string;
  byName: string;
  at: string;
  /** How many times the village was reminded of this month. */
  count: number;
}

export type ReminderListener = (db: Database, reminder: ReminderDoc) => Promise<void>;
const listeners: ReminderListener[] = [];

/** Registers what else a reminder does (a subscribe message to the village's people). */
export function onReminder(listener: ReminderListener): void {
  listeners.push(listener);
}

export function reminderView(doc: ReminderDoc): ReminderView {
  const late = doc.dueDate < beijingDate(new Date(doc.at));
  return {
    id: doc._id,
    month: doc.month,
    dueDate: doc.dueDate,
    village: doc.orgName,
    by: doc.byName,
    at: doc.at,
    message: `乡镇提醒：请报送${doc.orgName}${periodLabel(doc.month)}的月报（${late ? `已逾期，截止${doc.dueDate}` : `${doc.dueDate}前`}）`,
  };
}

export async function remind(db: Database, caller: Caller, request: { village: string; month: string }, now: Date): Promise<{ reminder: ReminderView }> {
  if (caller.role !== '乡镇管理员') throw new AppError('FORBIDDEN', '只有乡镇管理员可以提醒报送');
  const village = await findOrg(db, request.village);
  if (!village || village.level !== '村') throw new AppError('ORG_NOT_FOUND', '没有找到这个村');
  if (!isTownshipAdminOf(caller, { orgPath: village.path })) throw new AppError('OUT_OF_SCOPE');
  const settings = await settingsOf(db, townshipCodeOf(village));
  const fits = isReportPeriod(request.month) && cadenceOf(request.month) === settings.cadence;
  if (!fits || !hasBegun(request.month, beijingDate(now))) throw new AppError('INVALID_PERIOD', `月份“${request.month}”不对`);
  if (await answeringReport(db, village.code, request.month))
    throw new AppError('INVALID_FORM', `${village.name}${periodLabel(request.month)}的月报已经报送，无需提醒`);
  const id = reportId(village.code, request.month);
  const at = now.toISOString();
  const doc = await inTransaction(db, async (tx) => {
    const before = await readOne<ReminderDoc>(tx, REMINDERS, id);
    const next: ReminderDoc = {
      _id: id,
      orgCode: village.code,
      orgName: village.name,
      orgPath: village.path,
      month: request.month,
      year: Number(request.month.slice(0, 4)),
      dueDate: dueDateOf(request.month, settings.dueDay),
      by: caller.openid,
      byName: caller.name,
      at,
      count: (before?.count ?? 0) + 1,
    };
    const body = withoutId(next);
    await tx.collection(REMINDERS).doc(id).set(body);
    await writeHistory(tx, {
      collection: REMINDERS,
      recordId: id,
      action: 'remind',
      by: caller.openid,
      byName: caller.name,
      at,
      version: next.count,
      before: null,
      after: body,
      orgPath: village.path,
    });
    return next;
  });
  for (const listener of listeners) await listener(db, doc);
  return { reminder: reminderView(doc) };
}

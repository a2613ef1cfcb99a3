/**
 * The subscribe message of a reminder (催报): each 法律明白人 and 村干部 bound to the village who
 * accepted the deadline template in the app hears once of each time the township reminds them. The
 * 待办 item (tasks.ts) is the reminder itself; the message only points to it, so one that cannot be
 * sent (no template, WeChat not configured, nobody subscribed) never fails the township's action.
 */
import type { Database } from '../cloudbase';
import { WxOpenApi, subscribeTemplates, wxApiConfig } from '../wx-open-api';
import { sendNoticeOnce } from '../notices';
import { reportReminderMessage } from '../notice-messages';
import { readAll } from '../ledger/read';
import { beijingDate } from '../../../src/domain/dates';
import { REPORTER_ROLES } from './reports';
import type { ReminderDoc } from './reminders';

/** The page the message opens: the 月报 of the month reminded. */
export const reportPage = (month: string): string => `field/monthly/index?month=${month}`;

export async function notifyVillage(db: Database, reminder: ReminderDoc): Promise<void> {
  const templateId = subscribeTemplates().deadline;
  if (!templateId) return;
  try {
    const people = await readAll(db, 'accounts', { orgCode: reminder.orgCode, role: db.command.in([...REPORTER_ROLES]) });
    if (people.length === 0) return;
    const wx = new WxOpenApi(db, wxApiConfig());
    const now = new Date(reminder.at);
    const late = reminder.dueDate < beijingDate(now);
    for (const person of people) {
      await sendNoticeOnce(
        db,
        wx,
        {
          // One message per reminding: the township may remind again, and each time is news.
          id: `report:${reminder._id}:${reminder.count}:${person._id}`,
          openid: person._id,
          templateId,
          page: reportPage(reminder.month),
          data: reportReminderMessage(reminder.orgName, reminder.month, reminder.dueDate, late),
        },
        now,
      );
    }
  } catch (error) {
    console.error('report reminder notice not sent', reminder._id, error);
  }
}

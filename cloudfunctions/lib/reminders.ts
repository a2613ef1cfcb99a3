/**
 * The daily deadline reminders (the `reminders` function, on a timer): every open 信访事项 due within
 * 3 days or past its due date, and every settled 矛盾纠纷 whose 回访 is due within 3 days or overdue
 * (src/domain/records/follow-up.ts), to each of its handlers (the recorder and the people assigned)
 * who subscribed in the app. Each item, threshold and person is one notice (notices.ts): however often
 * this runs, each is sent at most once. Messages name no party: only the dates of the matter.
 */
import type { Database } from './cloudbase';
import { WxOpenApi, subscribeTemplates, wxApiConfig } from './wx-open-api';
import { sendNoticesOnce, type Notice, type NoticeOutcome } from './notices';
import { deadlineMessage, followUpMessage, type DeadlineThreshold } from './notice-messages';
import { addDays, beijingDate } from '../../src/domain/dates';
import { PETITION_STATES } from '../../src/domain/vocab';
import { KINDS } from '../../src/domain/records/kinds';
import { FOLLOW_UP_DAYS, followUpDueDate } from '../../src/domain/records/follow-up';

/** A petition is reminded of this many days before its due date. */
export const DUE_REMINDER_DAYS = 3;
const PAGE_SIZE = 100;

interface PetitionDoc {
  _id: string;
  registerDate: string;
  dueDate: string;
  state: (typeof PETITION_STATES)[number];
  recordedBy?: string;
  handlerIds?: string[];
  deleted?: boolean;
}

interface DisputeDoc {
  _id: string;
  state: string;
  closeDate?: string;
  followUps?: { date: string }[];
  recordedBy?: string;
  handlerIds?: string[];
  deleted?: boolean;
}

/** A 回访 overdue this long is no longer looked for: its overdue reminder went out long before. */
const FOLLOW_UP_LOOK_BACK_DAYS = 90;

export type ReminderCounts = Record<NoticeOutcome, number>;

const handlersOf = (doc: { recordedBy?: string; handlerIds?: string[] }): string[] =>
  [...new Set([doc.recordedBy, ...(doc.handlerIds ?? [])])].filter((id): id is string => !!id);

/** Which reminder a petition is due for today, if any. */
export function thresholdOf(dueDate: string, today: string): DeadlineThreshold | null {
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, DUE_REMINDER_DAYS) ? 'due3' : null;
}

export async function sendReminders(db: Database, now: Date): Promise<ReminderCounts> {
  const counts: ReminderCounts = { sent: 0, already: 0, 'not-subscribed': 0, failed: 0 };
  const templateId = subscribeTemplates().deadline;
  if (!templateId) return counts;
  const wx = new WxOpenApi(db, wxApiConfig());
  const today = beijingDate(now);
  const _ = db.command;
  const open = [...KINDS.petition.openStates];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await db
      .collection('petitions')
      .where({ state: _.in(open), dueDate: _.lte(addDays(today, DUE_REMINDER_DAYS)) })
      .orderBy('dueDate', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE_SIZE)
      .get();
    const notices: Notice[] = [];
    for (const petition of data as PetitionDoc[]) {
      const threshold = thresholdOf(petition.dueDate, today);
      if (petition.deleted === true || !threshold) continue;
      for (const openid of handlersOf(petition)) {
        notices.push({
          id: `petition:${petition._id}:${threshold}:${openid}`,
          openid,
          templateId,
          page: 'field/todo/index',
          data: deadlineMessage(`${petition.registerDate}登记的信访事项`, petition.dueDate, threshold),
        });
      }
    }
    for (const outcome of await sendNoticesOnce(db, wx, notices, now)) counts[outcome] += 1;
    if (data.length < PAGE_SIZE) break;
  }
  await sendFollowUpReminders(db, wx, templateId, today, now, counts);
  return counts;
}

/** 回访 due within 3 days or overdue: disputes settled in the window whose due date is that near. */
async function sendFollowUpReminders(db: Database, wx: WxOpenApi, templateId: string, today: string, now: Date, counts: ReminderCounts): Promise<void> {
  const _ = db.command;
  const latestClose = addDays(today, DUE_REMINDER_DAYS - FOLLOW_UP_DAYS);
  const earliestClose = addDays(today, -FOLLOW_UP_DAYS - FOLLOW_UP_LOOK_BACK_DAYS);
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await db
      .collection('disputes')
      .where({ state: '调解成功', closeDate: _.gte(earliestClose).and(_.lte(latestClose)) })
      .orderBy('closeDate', 'asc')
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE_SIZE)
      .get();
    const notices: Notice[] = [];
    for (const dispute of data as DisputeDoc[]) {
      const due = followUpDueDate(dispute);
      const threshold = due ? thresholdOf(due, today) : null;
      if (dispute.deleted === true || !due || !threshold) continue;
      for (const openid of handlersOf(dispute)) {
        notices.push({
          id: `followUp:${dispute._id}:${threshold}:${openid}`,
          openid,
          templateId,
          page: `field/case/index?kind=dispute&id=${encodeURIComponent(dispute._id)}`,
          data: followUpMessage(`${String(dispute.closeDate)}调解成功的纠纷`, due, threshold),
        });
      }
    }
    for (const outcome of await sendNoticesOnce(db, wx, notices, now)) counts[outcome] += 1;
    if (data.length < PAGE_SIZE) return;
  }
}

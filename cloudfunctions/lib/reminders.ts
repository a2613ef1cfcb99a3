/**
 * The daily deadline reminders (the `reminders` function, on a timer): every open 信访事项 due within
 * 3 days or past its due date, to each of its handlers (the recorder and the people assigned) who
 * subscribed in the app. Each item, threshold and person is one notice (notices.ts): however often this
 * runs, each is sent at most once. Messages name no party: only the dates of the matter.
 */
import type { Database } from './cloudbase';
import { WxOpenApi, subscribeTemplates, wxApiConfig } from './wx-open-api';
import { sendNoticeOnce, type NoticeOutcome } from './notices';
import { deadlineMessage, type DeadlineThreshold } from './notice-messages';
import { addDays, beijingDate } from '../../src/domain/dates';
import { PETITION_STATES } from '../../src/domain/vocab';
import { KINDS } from '../../src/domain/records/kinds';

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

export type ReminderCounts = Record<NoticeOutcome, number>;

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
    for (const petition of data as PetitionDoc[]) {
      const threshold = thresholdOf(petition.dueDate, today);
      if (petition.deleted === true || !threshold) continue;
      const handlers = [...new Set([petition.recordedBy, ...(petition.handlerIds ?? [])])].filter((id): id is string => !!id);
      for (const openid of handlers) {
        const outcome = await sendNoticeOnce(
          db,
          wx,
          {
            id: `petition:${petition._id}:${threshold}:${openid}`,
            openid,
            templateId,
            page: 'field/todo/index',
            data: deadlineMessage(`${petition.registerDate}登记的信访事项`, petition.dueDate, threshold),
          },
          now,
        );
        counts[outcome] += 1;
      }
    }
    if (data.length < PAGE_SIZE) return counts;
  }
}

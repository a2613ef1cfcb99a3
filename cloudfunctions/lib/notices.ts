/**
 * Subscribe messages, each sent at most once. WeChat's subscriptions are one-time: every time a person
 * accepts a template in the app, one message of it may be sent to them. `subscriptions` counts those
 * acceptances per person and template; `notices` holds one document per message, its _id naming the
 * item and threshold (`petition:<id>:overdue:<openid>`). Claiming a notice (creating that document and
 * spending an acceptance) is one transaction, so however often the timer runs, and however many
 * instances run at once, a message is claimed once; it is sent after the claim (a crash in between
 * loses that one message rather than sending it twice).
 */
import { inTransaction, readMany, readOne, type Database } from './cloudbase';
import { subscribeTemplates, type WxOpenApi } from './wx-open-api';
import { AppError } from './errors';
import type { Caller } from './caller';

export interface SubscriptionDoc {
  _id: string;
  openid: string;
  templateId: string;
  /** Acceptances not yet used. */
  credits: number;
  updatedAt: string;
}

export interface Notice {
  id: string;
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export type NoticeOutcome = 'sent' | 'already' | 'not-subscribed' | 'failed';

const subscriptionId = (openid: string, templateId: string) => `${openid}:${templateId}`;

/**
 * The app's report that the person accepted a template in WeChat's dialog: one more message of it
 * may be sent to them. Deadline reminders are for signed-in staff only.
 */
export async function subscribe(db: Database, openid: string, caller: Caller | null, which: 'answer' | 'deadline', now: Date): Promise<{ credits: number }> {
  if (!openid) throw new AppError('NEEDS_WECHAT');
  if (which === 'deadline' && !caller) throw new AppError('NOT_BOUND');
  const templateId = subscribeTemplates()[which];
  if (!templateId) throw new AppError('WX_NOT_CONFIGURED', '消息提醒尚未开通，请联系管理员');
  return { credits: await addSubscription(db, openid, templateId, now) };
}

/** The person accepted `templateId` once more in the app. */
export async function addSubscription(db: Database, openid: string, templateId: string, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = subscriptionId(openid, templateId);
    const current = await readOne<SubscriptionDoc>(tx, 'subscriptions', id);
    const credits = (current?.credits ?? 0) + 1;
    await tx.collection('subscriptions').doc(id).set({ openid, templateId, credits, updatedAt: now.toISOString() });
    return credits;
  });
}

/** Claims the notice (once, spending one acceptance) and sends it. */
export async function sendNoticeOnce(db: Database, wx: WxOpenApi, notice: Notice, now: Date): Promise<NoticeOutcome> {
  const claimed = await inTransaction(db, async (tx): Promise<NoticeOutcome | 'claimed'> => {
    const noticeRef = tx.collection('notices').doc(notice.id);
    if (await readOne(tx, 'notices', notice.id)) return 'already';
    const subId = subscriptionId(notice.openid, notice.templateId);
    const subRef = tx.collection('subscriptions').doc(subId);
    const sub = await readOne<SubscriptionDoc>(tx, 'subscriptions', subId);
    if (!sub || sub.credits < 1) return 'not-subscribed';
    await subRef.set({ openid: sub.openid, templateId: sub.templateId, credits: sub.credits - 1, updatedAt: now.toISOString() });
    await noticeRef.set({
      openid: notice.openid,
      templateId: notice.templateId,
      page: notice.page,
      data: notice.data,
      status: 'claimed',
      claimedAt: now.toISOString(),
    });
    return 'claimed';
  });
  if (claimed !== 'claimed') return claimed;
  const errcode = await wx.sendSubscribeMessage({ touser: notice.openid, templateId: notice.templateId, page: notice.page, data: notice.data });
  await db
    .collection('notices')
    .doc(notice.id)
    .update({ status: errcode === 0 ? 'sent' : 'failed', errcode, sentAt: now.toISOString() });
  return errcode === 0 ? 'sent' : 'failed';
}

/**
 * Many notices at once (the timer's page of items × handlers): what is already sent or has nobody's
 * acceptance behind it is told from two reads by id, so only the notices that may go out take a
 * transaction each — most handlers of most items subscribed to nothing.
 */
export async function sendNoticesOnce(db: Database, wx: WxOpenApi, notices: readonly Notice[], now: Date): Promise<NoticeOutcome[]> {
  const [sent, subscriptions] = await Promise.all([
    readMany(
      db,
      'notices',
      notices.map((n) => n.id),
    ),
    readMany(
      db,
      'subscriptions',
      notices.map((n) => subscriptionId(n.openid, n.templateId)),
    ),
  ]);
  const outcomes: NoticeOutcome[] = [];
  for (const notice of notices) {
    const credits = Number(subscriptions.get(subscriptionId(notice.openid, notice.templateId))?.credits ?? 0);
    if (sent.has(notice.id)) outcomes.push('already');
    else if (credits < 1) outcomes.push('not-subscribed');
    else outcomes.push(await sendNoticeOnce(db, wx, notice, now));
  }
  return outcomes;
}

/**
 * reminders: run by CloudBase's timer trigger daily (cloudbaserc.json), locally by
 * `npm run cli -- reminders`. The timer's event is `{Type: 'Timer', TriggerName, Time}`; "today" is
 * the Beijing date of its Time. Never for the app: a call that carries a WeChat user is refused.
 */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { AppError } from '../lib/errors';
import { sendReminders } from '../lib/reminders';

const timerEvent = z.object({ Type: z.literal('Timer'), TriggerName: z.string().max(60), Time: z.string().datetime({ offset: true }) }).passthrough();

export const main = defineFunction(timerEvent, async (event, { db, openid }) => {
  if (openid) throw new AppError('FORBIDDEN');
  return { counts: await sendReminders(db, new Date(event.Time)) };
});

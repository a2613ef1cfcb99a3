/**
 * `reminders`: runs the daily reminders now, as CloudBase's timer trigger runs the `reminders` function
 * at 08:00 (same event, this moment as its time). Safe to repeat: each message goes out once.
 */
import { parseArgs } from './args';
import type { Command } from './io';
import { withCloudApp } from './stack';

export const run: Command = async (argv, io) => {
  parseArgs(argv, { options: [] });
  const result = await withCloudApp(io.env, async (app) => {
    const res = await app.callFunction({ name: 'reminders', data: { Type: 'Timer', TriggerName: 'daily0800', Time: new Date().toISOString() } });
    return res.result as { counts?: Record<string, number>; error?: { message: string } };
  });
  if (!result.counts) {
    io.err(`错误：${result.error?.message ?? '提醒没有运行'}`);
    return 1;
  }
  const c = result.counts;
  io.out(`已发送 ${c.sent} 条提醒；之前已发过 ${c.already} 条，未订阅 ${c['not-subscribed']} 条，发送失败 ${c.failed} 条`);
  return 0;
};

/**
 * supervision: the township's oversight of its villages' reporting — 月报 / 零报告 (a village's
 * 法律明白人 or 村干部), completeness and rates (township admins, county viewers), reminders and
 * review (审核) decisions and settings (the township's own admin), and the field's tasks (reminders,
 * returned records). Every action checks role and unit scope against the stored data.
 */
import { z } from 'zod';
import { RECORD_KINDS } from '../../src/domain/records/kinds';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { monthAnswer, submitMonth } from '../lib/supervision/reports';
import { tasks } from '../lib/supervision/tasks';
import { completeness } from '../lib/supervision/completeness';
import { remind } from '../lib/supervision/reminders';
import { approve, approveMonth, returnRecord, reviewQueue } from '../lib/supervision/review';
import { readableSettings, saveSettings } from '../lib/supervision/configure';

const org = z.string().regex(/^\d{6,15}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const year = z.number().int().min(1990).max(2100);
const kind = z.enum(RECORD_KINDS);
const id = z.string().min(1).max(128);
const version = z.number().int().min(1);

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('settings'), org: org.optional() }),
  z.object({ action: z.literal('saveSettings'), org: org.optional(), dueDay: z.number().int(), review: z.boolean(), baseVersion: z.number().int().min(0) }),
  z.object({ action: z.literal('month'), month }),
  z.object({ action: z.literal('submit'), month }),
  z.object({ action: z.literal('tasks') }),
  z.object({ action: z.literal('completeness'), org: org.optional(), year }),
  z.object({ action: z.literal('remind'), village: org, month }),
  z.object({ action: z.literal('reviewQueue'), org: org.optional(), village: org.optional(), month: month.optional() }),
  z.object({ action: z.literal('approve'), items: z.array(z.object({ kind, id, version })).min(1).max(100) }),
  z.object({ action: z.literal('approveMonth'), village: org, month }),
  z.object({ action: z.literal('return'), kind, id, version, reason: z.string().max(1000) }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }) => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'settings':
      return { settings: await readableSettings(db, me, req.org) };
    case 'saveSettings':
      return { settings: await saveSettings(db, me, req, now) };
    case 'month':
      return monthAnswer(db, me, req.month, now);
    case 'submit':
      return submitMonth(db, me, req.month, now);
    case 'tasks':
      return tasks(db, me, now);
    case 'completeness':
      return completeness(db, me, req, now);
    case 'remind':
      return remind(db, me, req, now);
    case 'reviewQueue':
      return reviewQueue(db, me, req);
    case 'approve':
      return approve(db, me, req.items, now);
    case 'approveMonth':
      return approveMonth(db, me, req, now);
    case 'return':
      return returnRecord(db, me, req, now);
  }
});

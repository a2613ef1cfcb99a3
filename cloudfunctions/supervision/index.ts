/**
 * supervision: the township's oversight of its villages' reporting — 月报 / 零报告 (a village's
 * 法律明白人 or 村干部), completeness and rates (township admins, county viewers), reminders and
 * review (审核) decisions and settings (the township's own admin), and the field's tasks (reminders,
 * returned records). Every action checks role and unit scope against the stored data.
 */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { monthAnswer, submitMonth } from '../lib/supervision/reports';
import { tasks } from '../lib/supervision/tasks';
import { completeness } from '../lib/supervision/completeness';
import { onReminder, remind } from '../lib/supervision/reminders';
import { notifyVillage } from '../lib/supervision/remind-notice';
import { approve, approveMonth, returnRecord, reviewQueue } from '../lib/supervision/review';
import { readableSettings, saveSettings } from '../lib/supervision/configure';

// A reminder is also a subscribe message to the village's people who asked for one.
onReminder(notifyVillage);

export const main = defineApi('supervision', ({ db, caller, now }) => {
  const me = requireCaller(caller);
  return {
    settings: async (req) => ({ settings: await readableSettings(db, me, req.org) }),
    saveSettings: async (req) => ({ settings: await saveSettings(db, me, req, now) }),
    month: (req) => monthAnswer(db, me, req.month, now),
    submit: (req) => submitMonth(db, me, req.month, now),
    tasks: () => tasks(db, me, now),
    completeness: (req) => completeness(db, me, req, now),
    remind: (req) => remind(db, me, req, now),
    reviewQueue: (req) => reviewQueue(db, me, req),
    approve: (req) => approve(db, me, req.items, now),
    approveMonth: (req) => approveMonth(db, me, req, now),
    return: (req) => returnRecord(db, me, req, now),
  };
});

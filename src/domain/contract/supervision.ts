/** cloudfunctions/supervision: 月报, completeness, reminders, review (审核) and the field's tasks. */
import { z } from 'zod';
import { CADENCES } from '../supervision/schedule';
import { orgCode as org, recordId as id, recordKind as kind, recordVersion as version, year } from './fields';
import type {
  CompletenessAnswer,
  MonthAnswer,
  ReminderView,
  ReviewDecisionAnswer,
  ReviewQueueAnswer,
  SupervisionSettings,
  TasksAnswer,
} from '../supervision/api';

// A month, or a half month of a township reporting twice a month ('2024-09-H1').
const month = z.string().regex(/^\d{4}-\d{2}(-H[12])?$/);

export const supervisionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('settings'), org: org.optional() }),
  z.object({
    action: z.literal('saveSettings'),
    org: org.optional(),
    cadence: z.enum(CADENCES).optional(),
    dueDay: z.number().int(),
    review: z.boolean(),
    baseVersion: z.number().int().min(0),
  }),
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

export type SupervisionRequest = z.input<typeof supervisionRequest>;

export interface SupervisionAnswers {
  settings: { settings: SupervisionSettings };
  saveSettings: { settings: SupervisionSettings };
  month: MonthAnswer;
  submit: MonthAnswer;
  tasks: TasksAnswer;
  completeness: CompletenessAnswer;
  remind: { reminder: ReminderView };
  reviewQueue: ReviewQueueAnswer;
  approve: ReviewDecisionAnswer;
  approveMonth: ReviewDecisionAnswer;
  return: ReviewDecisionAnswer;
}

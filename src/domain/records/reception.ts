/**
 * 领导接访 — a leader's reception day for petitioners: who received and how many people came.
 */
import { z } from 'zod';
import { calendarDate, clientId, count, orgCode } from './fields';
import { requiredText, validateWith, type Validation } from './common';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const RECEPTION_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  date: '接访日期',
  leader: '接访领导',
  people: '接待群众人次',
  petitionIds: '关联信访事项',
} as const;

export const receptionFields = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate(RECEPTION_LABELS.date),
    leader: requiredText(RECEPTION_LABELS.leader, 20),
    people: count(RECEPTION_LABELS.people, 10000),
    /** The 信访事项 this reception registered. */
    petitionIds: z.array(clientId).max(100, '关联信访事项最多100条').optional(),
  })
  .strict();

export type ReceptionInput = z.infer<typeof receptionFields>;

export function receptionRules(): void {}

export const receptionSchema = receptionFields;

export function validateReception(input: unknown): Validation<ReceptionInput> {
  return validateWith(receptionSchema, input);
}

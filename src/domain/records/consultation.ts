/**
 * 法律咨询 — a legal consultation (one sitting, possibly several people). Shared by the app's form,
 * the records function and ledger import, so all three accept the same records.
 */
import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from '../vocab';
import { calendarDate, clientId, count, oneOf, optionalText, orgCode } from './fields';
import { validateWith, type Validation } from './common';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const CONSULTATION_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  date: '咨询日期',
  category: '咨询类别',
  people: '咨询人次',
  answeredBy: '答复人',
} as const;

export const consultationFields = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate(CONSULTATION_LABELS.date),
    category: oneOf(CONSULTATION_LABELS.category, CONSULTATION_CATEGORIES),
    people: count(CONSULTATION_LABELS.people),
    answeredBy: optionalText(CONSULTATION_LABELS.answeredBy, 50),
  })
  .strict();

export type ConsultationInput = z.infer<typeof consultationFields>;

/** No cross-field rules; kept so every kind has the same (fields, rules) pair. */
export function consultationRules(): void {}

export const consultationSchema = consultationFields;

export function validateConsultation(input: unknown): Validation<ConsultationInput> {
  return validateWith(consultationSchema, input);
}

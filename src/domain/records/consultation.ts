/**
 * 法律咨询 — a legal consultation (one sitting, possibly several people). Shared by the app's form,
 * the records function and ledger import, so all three accept the same records.
 */
import { z } from 'zod';
import { CONSULTATION_CATEGORIES } from '../vocab';
import { calendarDate, clientId, count, oneOf, optionalText, orgCode } from './fields';
import { validateWith, type Validation } from './common';

export const consultationFields = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate('咨询日期'),
    category: oneOf('咨询类别', CONSULTATION_CATEGORIES),
    people: count('咨询人次'),
    answeredBy: optionalText('答复人', 50),
  })
  .strict();

export type ConsultationInput = z.infer<typeof consultationFields>;

/** No cross-field rules; kept so every kind has the same (fields, rules) pair. */
export function consultationRules(): void {}

export const consultationSchema = consultationFields;

export function validateConsultation(input: unknown): Validation<ConsultationInput> {
  return validateWith(consultationSchema, input);
}

export const CONSULTATION_LABELS: Record<keyof ConsultationInput, string> = {
  id: '记录编号',
  orgCode: '单位',
  date: '咨询日期',
  category: '咨询类别',
  people: '咨询人次',
  answeredBy: '答复人',
};

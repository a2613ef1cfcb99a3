/**
 * Fields of the case records (矛盾纠纷, 信访事项) that the ledger does not carry: the parties with
 * their personal data, what happened, who handles it and the follow-up visits (回访). Pure: zod only.
 */
import { z } from 'zod';
import { calendarDate, optionalText } from './fields';
import { requiredText } from './common';

/** Mainland mobile numbers, or landlines with area code; the formats people write. */
const phoneNumber = z
  .string({ invalid_type_error: '电话格式不对' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话格式不对（手机号11位，座机带区号）');

/** 18-character resident ID numbers (the last may be X); the checksum is not enforced on purpose. */
const idNumber = z
  .string({ invalid_type_error: '身份证号格式不对' })
  .trim()
  .regex(/^\d{17}[\dXx]$/, '身份证号应为18位');

export const partySchema = z
  .object({
    name: requiredText('当事人姓名', 30),
    phone: phoneNumber.optional(),
    idNumber: idNumber.optional(),
  })
  .strict();
export type Party = z.infer<typeof partySchema>;

/** A 回访's fields, as its schema's messages and the case page name them. */
export const FOLLOW_UP_LABELS = { date: '回访日期', result: '回访情况' } as const;

export const followUpSchema = z
  .object({
    date: calendarDate(FOLLOW_UP_LABELS.date),
    result: requiredText(FOLLOW_UP_LABELS.result, 500),
  })
  .strict();
export type FollowUp = z.infer<typeof followUpSchema>;

/** Openids of the accounts assigned to handle a case: they see its parties in full. */
export const handlerIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '经办人格式不对'), { invalid_type_error: '经办人格式不对' })
  .max(10, '经办人最多10人');

/** Labels of the case fields both case kinds name alike (each names its parties and narrative its own way). */
export const CASE_LABELS = {
  handlerIds: '经办人',
  followUps: '回访记录',
  closingNote: '办结情况',
  photos: '照片',
  location: '位置',
} as const;

export const caseFields = {
  parties: z.array(partySchema, { invalid_type_error: '当事人格式不对' }).max(20, '当事人最多20人').optional(),
  description: optionalText('情况说明', 2000),
  handlerIds: handlerIds.optional(),
  followUps: z.array(followUpSchema, { invalid_type_error: '回访记录格式不对' }).max(50, '回访记录最多50条').optional(),
  /** What came of the case, written when it is closed: the case's own note, not a 回访. */
  closingNote: optionalText(CASE_LABELS.closingNote, 500),
};

export const AGREEMENT_FORMS = ['书面', '口头'] as const;
export type AgreementForm = (typeof AGREEMENT_FORMS)[number];

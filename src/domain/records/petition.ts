/**
 * 信访事项 — a petition matter, from registration to closure. Rules from LEDGER.md: the due date and
 * the closing date never precede registration; 办结 needs a 办结日期 and nothing else may have one.
 */
import { z } from 'zod';
import { PETITION_CHANNELS, PETITION_CLOSED_STATES, PETITION_STATES } from '../vocab';
import { addDays, isCalendarDate } from '../dates';
import { calendarDate, clientId, oneOf, optionalText, orgCode, photoIds, geoPoint } from './fields';
import { flag, optionalDate, validateWith, type Validation } from './common';
import { CASE_LABELS, caseFields } from './case-fields';

/** 《信访工作条例》: a matter is to be handled within 60 days of being accepted. */
export const PETITION_DUE_DAYS = 60;

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const PETITION_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  registerDate: '登记日期',
  channel: '信访渠道',
  category: '事项类别',
  dueDate: '办理期限',
  state: '办理状态',
  closeDate: '办结日期',
  parties: '信访人',
  description: '信访诉求',
  ...CASE_LABELS,
} as const;

export const petitionFields = z
  .object({
    id: clientId,
    orgCode,
    registerDate: calendarDate(PETITION_LABELS.registerDate),
    channel: oneOf(PETITION_LABELS.channel, PETITION_CHANNELS),
    category: optionalText(PETITION_LABELS.category, 50),
    dueDate: calendarDate(PETITION_LABELS.dueDate),
    state: oneOf(PETITION_LABELS.state, PETITION_STATES),
    closeDate: optionalDate(PETITION_LABELS.closeDate),
    ...caseFields,
    photos: photoIds,
    location: geoPoint,
  })
  .strict();

export type PetitionInput = z.infer<typeof petitionFields>;

export function petitionRules(v: PetitionInput, ctx: z.RefinementCtx): void {
  if (v.dueDate < v.registerDate) flag(ctx, 'dueDate', '办理期限不能早于登记日期');
  const closed = PETITION_CLOSED_STATES.includes(v.state);
  if (closed && !v.closeDate) flag(ctx, 'closeDate', '状态为“办结”时须填写办结日期');
  if (!closed && v.closeDate) flag(ctx, 'closeDate', `状态为“${v.state}”时办结日期须为空`);
  if (v.closeDate && v.closeDate < v.registerDate) flag(ctx, 'closeDate', '办结日期不能早于登记日期');
  v.followUps?.forEach((visit, i) => {
    if (visit.date < v.registerDate) flag(ctx, `followUps.${i}.date`, '回访日期不能早于登记日期');
  });
}

export const petitionSchema = petitionFields.superRefine(petitionRules);

/**
 * Fills an empty 办理期限 with 登记日期 + 60 days. Applied before validation (by the form and by
 * import), never inside the schema, so a stored record always carries its due date explicitly.
 */
export function withDefaultDueDate<T extends { registerDate?: unknown; dueDate?: unknown }>(input: T): T & { dueDate?: unknown } {
  const empty = input.dueDate === undefined || input.dueDate === null || input.dueDate === '';
  if (!empty || typeof input.registerDate !== 'string' || !isCalendarDate(input.registerDate)) return input;
  return { ...input, dueDate: addDays(input.registerDate, PETITION_DUE_DAYS) };
}

export function validatePetition(input: unknown): Validation<PetitionInput> {
  return validateWith(petitionSchema, input);
}

/**
 * 人员名册 — one person serving a unit in one capacity (身份). Roster figures are snapshots, so the
 * service dates matter: an empty start means "always", an empty end means "still serving".
 */
import { z } from 'zod';
import { ROSTER_ROLES } from '../vocab';
import { clientId, oneOf, orgCode } from './fields';
import { flag, optionalDate, phone, requiredText, validateWith, type Validation } from './common';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const ROSTER_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  name: '姓名',
  role: '身份',
  phone: '联系电话',
  startDate: '开始日期',
  endDate: '结束日期',
} as const;

export const rosterFields = z
  .object({
    id: clientId,
    orgCode,
    name: requiredText(ROSTER_LABELS.name, 20),
    role: oneOf(ROSTER_LABELS.role, ROSTER_ROLES),
    phone,
    startDate: optionalDate(ROSTER_LABELS.startDate),
    endDate: optionalDate(ROSTER_LABELS.endDate),
  })
  .strict();

export type RosterInput = z.infer<typeof rosterFields>;

export function rosterRules(v: RosterInput, ctx: z.RefinementCtx): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate) flag(ctx, 'endDate', '结束日期不能早于开始日期');
}

export const rosterSchema = rosterFields.superRefine(rosterRules);

export function validateRoster(input: unknown): Validation<RosterInput> {
  return validateWith(rosterSchema, input);
}

/** Whether the person serves on a given day (the rule of every roster figure). */
export function isActiveOn(p: Pick<RosterInput, 'startDate' | 'endDate'>, day: string): boolean {
  return (!p.startDate || p.startDate <= day) && (!p.endDate || p.endDate >= day);
}

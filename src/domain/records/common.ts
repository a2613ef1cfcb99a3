/**
 * Small helpers shared by the record schemas (records/<kind>.ts): the collections records are stored
 * in, a few field schemas that fields.ts does not have, and the one way every kind runs validation.
 * Pure: depends only on zod and sibling modules.
 */
import { z } from 'zod';
import { calendarDate, problemsOf } from './fields';
import type { Validation } from './outreach';

export type { Validation } from './outreach';

/** Database collections. The names are shared with the server code; see the storage shape. */
export const COLLECTIONS = ['orgs', 'people', 'outreach', 'consultations', 'disputes', 'petitions', 'receptions', 'studies', 'manual_figures'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** Runs a schema and turns zod's error into the field problems a form shows. */
export function validateWith<S extends z.ZodTypeAny>(schema: S, input: unknown): Validation<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

export const optionalDate = (label: string) => calendarDate(label).optional();

/** A name that must be there (接访领导, 姓名 …): trimmed, not blank. */
export const requiredText = (label: string, max = 50) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是文字` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

/** Money in 元: ≥ 0, cents at most. The cap catches a slipped finger, not a policy. */
export const amount = (label: string, max = 1e10) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是数字` })
    .finite(`${label}必须是数字`)
    .min(0, `${label}不能小于0`)
    .max(max, `${label}过大`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多保留两位小数`);

/** Phone numbers as people write them: digits with the usual separators, landlines included. */
export const phone = z
  .string({ invalid_type_error: '联系电话格式不对' })
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,19}$/, '联系电话格式不对')
  .optional();

/**
 * Ids of ledger rows (编号). Townships numbered their paper ledgers their own way (2023-001, 白土-12 …),
 * so an imported id only has to be non-blank printable text; app-made ids still follow clientId.
 */
export const ledgerId = z
  .string({ required_error: '编号不能为空', invalid_type_error: '编号必须是文字' })
  .trim()
  .min(1, '编号不能为空')
  .max(64, '编号不能超过64个字')
  .regex(/^\S+$/, '编号不能含空格');

/** Adds an issue on one field; used by the cross-field rules. */
export function flag(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
}

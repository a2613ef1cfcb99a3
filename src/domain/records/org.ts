/**
 * 组织机构 — one unit of the hierarchy (县 ⊃ 乡镇 ⊃ 村). Only the unit's own fields are checked here;
 * whether its parent exists and sits above it needs the whole tree (see ledger/orgs.ts).
 */
import { z } from 'zod';
import { ORG_LEVELS } from '../vocab';
import { oneOf } from './fields';
import { flag, requiredText, validateWith, type Validation } from './common';

/** The 12-digit 统计用区划代码 where there is one; shorter codes (区县 6, 乡镇 9) are its prefixes. */
const code = (label: string) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不对` })
    .trim()
    .regex(/^\d{6,15}$/, `${label}须为6至15位数字`);

export const orgFields = z
  .object({
    code: code('代码'),
    name: requiredText('名称', 50),
    level: oneOf('层级', ORG_LEVELS),
    parentCode: code('上级代码').nullable(),
  })
  .strict();

export type OrgInput = z.infer<typeof orgFields>;

export function orgRules(v: OrgInput, ctx: z.RefinementCtx): void {
  if (v.parentCode === v.code) flag(ctx, 'parentCode', '上级代码不能是本单位的代码');
  // A village always belongs to a township: without one it would drop out of every township figure.
  if (v.level === '村' && !v.parentCode) flag(ctx, 'parentCode', '村须填写上级代码');
}

export const orgSchema = orgFields.superRefine(orgRules);

export function validateOrg(input: unknown): Validation<OrgInput> {
  return validateWith(orgSchema, input);
}

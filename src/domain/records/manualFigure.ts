/**
 * 其他指标 — a figure a township enters by hand for a year (行政许可, 行政处罚 …). Known codes take
 * their label and unit from indicators/manual.ts; a new code must bring its own. A code may not shadow
 * a figure the system computes, or the report would have two sources for one number.
 */
import { z } from 'zod';
import { orgCode } from './fields';
import { flag, validateWith, type Validation } from './common';
import { MANUAL_FIGURE_BY_ID, isRateUnit } from '../indicators/manual';
import { isComputedFigureId } from '../indicators/catalogue';

/** The fields' labels, as the ledger's 其他指标 sheet and the schema's messages name them (KINDS[kind].labels). */
export const MANUAL_FIGURE_LABELS = {
  orgCode: '单位',
  year: '年度',
  code: '指标代码',
  label: '指标名称',
  unit: '单位',
  value: '数值',
} as const;

export const manualFigureFields = z
  .object({
    orgCode,
    year: z.number({ required_error: '请填写年度', invalid_type_error: '年度必须是数字' }).int('年度必须是整数').min(1990, '年度不对').max(2100, '年度不对'),
    code: z
      .string({ required_error: '请填写指标代码', invalid_type_error: '指标代码格式不对' })
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/, '指标代码只能用字母、数字、下划线和点，如 manual.meetings'),
    label: z.string().trim().min(1, '请填写指标名称').max(50, '指标名称不能超过50个字').optional(),
    unit: z.string().trim().min(1, '请填写单位').max(10, '单位不能超过10个字').optional(),
    value: z.number({ required_error: '请填写数值', invalid_type_error: '数值必须是数字' }).finite('数值必须是数字').min(0, '数值不能小于0'),
  })
  .strict();

export type ManualFigureInput = z.infer<typeof manualFigureFields>;

export function manualFigureRules(v: ManualFigureInput, ctx: z.RefinementCtx): void {
  if (isComputedFigureId(v.code)) {
    flag(ctx, 'code', `“${v.code}”由系统根据台账自动统计，不能手工填写`);
    return;
  }
  const known = MANUAL_FIGURE_BY_ID.get(v.code);
  if (!known) {
    if (!v.label) flag(ctx, 'label', `新指标“${v.code}”须填写指标名称`);
    if (!v.unit) flag(ctx, 'unit', `新指标“${v.code}”须填写单位`);
  }
  // Rates are stored as fractions like every rate of the figures API; 98 would read as 9800%.
  if (isRateUnit(v.unit ?? known?.unit) && v.value > 1) {
    flag(ctx, 'value', '百分比请填写为 0 到 1 之间的小数或带 % 的数，如 0.98 或 98%');
  }
}

export const manualFigureSchema = manualFigureFields.superRefine(manualFigureRules);

export function validateManualFigure(input: unknown): Validation<ManualFigureInput> {
  return validateWith(manualFigureSchema, input);
}

/** The document id: one figure per unit, year and code, so re-entering a figure replaces it. */
export const manualFigureId = (v: Pick<ManualFigureInput, 'orgCode' | 'year' | 'code'>): string => `${v.orgCode}:${v.year}:${v.code}`;

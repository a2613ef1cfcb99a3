/**
 * Field schemas shared by every record kind, with the Chinese messages a cadre sees.
 * Pure: depends only on zod.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates';

export const calendarDate = (label: string) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不对` })
    .refine(isCalendarDate, { message: `${label}不是有效日期（格式：年-月-日）` });

/** Whole numbers ≥ 0, as the ledger's counts. An upper bound catches a slipped finger (10000 vs 100). */
export const count = (label: string, max = 100000) =>
  z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能小于0`)
    .max(max, `${label}不能超过${max}`);

export const oneOf = <T extends readonly [string, ...string[]]>(label: string, words: T) =>
  z.enum(words, {
    errorMap: () => ({ message: `${label}只能是：${words.join('、')}` }),
  });

export const optionalText = (label: string, max = 200) =>
  z
    .string({ invalid_type_error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .optional();

/** Client-generated record ids: what makes a resend recognisable. */
export const clientId = z.string({ required_error: '缺少记录编号', invalid_type_error: '记录编号格式不对' }).regex(/^[A-Za-z0-9_-]{6,64}$/, '记录编号格式不对');

export const orgCode = z.string({ required_error: '请选择单位', invalid_type_error: '单位代码格式不对' }).regex(/^\d{6,15}$/, '单位代码格式不对');

/** Photos of an event or a case: cloud storage fileIDs, uploaded from the phone before the record is sent. */
export const photoIds = z
  .array(z.string({ invalid_type_error: '照片格式不对' }).min(1, '照片格式不对').max(300, '照片格式不对'), { invalid_type_error: '照片格式不对' })
  .max(9, '照片最多9张')
  .optional();

/** Where an event took place, if the person chose to record it (WGS-84/GCJ-02 degrees as the phone gives them). */
export const COORDINATE_SYSTEMS = ['gcj02', 'wgs84'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];
export const COORDINATE_LABELS: Record<CoordinateSystem, string> = { gcj02: '国测局坐标 GCJ-02', wgs84: 'GPS 坐标 WGS-84' };

export const geoPoint = z
  .object(
    {
      latitude: z.number({ invalid_type_error: '位置格式不对' }).min(-90, '位置格式不对').max(90, '位置格式不对'),
      longitude: z.number({ invalid_type_error: '位置格式不对' }).min(-180, '位置格式不对').max(180, '位置格式不对'),
      /** Which coordinates: WeChat's gcj02 (China's map datum), or wgs84 (GPS) where gcj02 is not offered (the browser). */
      system: z.enum(COORDINATE_SYSTEMS, { invalid_type_error: '位置格式不对' }).optional(),
    },
    { invalid_type_error: '位置格式不对' },
  )
  .strict()
  .optional();

export interface FieldProblem {
  field: string;
  message: string;
}

/** Flattens zod issues into field-level problems the form can show beside each input. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(记录)', message: chineseMessage(issue) }));
}

/**
 * The schemas give their own Chinese messages; where zod would still say something of its own (an
 * unknown field on a strict object, an object where a list item belongs …) the person gets a Chinese
 * one instead of "Unrecognized key(s) in object". Nothing from the input is echoed back.
 */
function chineseMessage(issue: z.ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  if (issue.code === z.ZodIssueCode.unrecognized_keys) return '含有不认识的填写项，请更新小程序后重试';
  if (issue.code === z.ZodIssueCode.invalid_type) return issue.received === 'undefined' ? '请填写此项' : '格式不对';
  return '填写有误';
}

/**
 * 普法活动 — a legal outreach event. The one schema that the app's form and the records function both
 * validate with, so a record the phone accepts is a record the server accepts.
 */
import { z } from 'zod';
import { OUTREACH_TYPES, OUTREACH_VENUES } from '../vocab';
import { calendarDate, clientId, count, oneOf, optionalText, orgCode, photoIds, geoPoint, problemsOf, type FieldProblem } from './fields';

export const outreachSchema = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate('活动日期'),
    type: oneOf('活动类型', OUTREACH_TYPES),
    venue: oneOf('活动场所', OUTREACH_VENUES),
    topic: optionalText('宣传主题', 100),
    attendees: count('受众人数'),
    materials: count('发放资料份数'),
    banners: count('横幅幅数', 1000),
    consultations: count('咨询人次'),
    photos: photoIds,
    location: geoPoint,
  })
  .strict();

export type OutreachInput = z.infer<typeof outreachSchema>;

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export function validateOutreach(input: unknown): Validation<OutreachInput> {
  const parsed = outreachSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** Labels of the form fields, used by the form and by error messages. */
export const OUTREACH_LABELS: Record<keyof OutreachInput, string> = {
  id: '记录编号',
  orgCode: '单位',
  date: '活动日期',
  type: '活动类型',
  venue: '活动场所',
  topic: '宣传主题',
  attendees: '受众人数',
  materials: '发放资料份数',
  banners: '横幅幅数',
  consultations: '咨询人次',
  photos: '照片',
  location: '位置',
};

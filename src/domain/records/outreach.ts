/**
 * 普法活动 — a legal outreach event. The one schema that the app's form and the records function both
 * validate with, so a record the phone accepts is a record the server accepts.
 */
import { z } from 'zod';
import { OUTREACH_STATES, OUTREACH_TYPES, OUTREACH_VENUES, PLANNED } from '../vocab';
import { calendarDate, clientId, count, oneOf, optionalText, orgCode, photoIds, geoPoint, problemsOf, type FieldProblem } from './fields';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const OUTREACH_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  date: '活动日期',
  status: '活动状态',
  type: '活动类型',
  venue: '活动场所',
  topic: '宣传主题',
  attendees: '受众人数',
  materials: '发放资料份数',
  banners: '横幅幅数',
  consultations: '咨询人次',
  photos: '照片',
  location: '位置',
} as const;

export const outreachSchema = z
  .object({
    id: clientId,
    orgCode,
    date: calendarDate(OUTREACH_LABELS.date),
    status: oneOf(OUTREACH_LABELS.status, OUTREACH_STATES).optional(),
    type: oneOf(OUTREACH_LABELS.type, OUTREACH_TYPES),
    venue: oneOf(OUTREACH_LABELS.venue, OUTREACH_VENUES),
    topic: optionalText(OUTREACH_LABELS.topic, 100),
    attendees: count(OUTREACH_LABELS.attendees),
    materials: count(OUTREACH_LABELS.materials),
    banners: count(OUTREACH_LABELS.banners, 1000),
    consultations: count(OUTREACH_LABELS.consultations),
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

/**
 * A held event cannot be dated after today (Beijing): it has not happened yet, and counting it would
 * put planned work in this year's figures. Such an event is 计划 until it is held. Null when fine.
 */
export function heldInFuture(record: { date?: unknown; status?: unknown }, today: string): FieldProblem | null {
  if (record.status === PLANNED || typeof record.date !== 'string' || record.date <= today) return null;
  return { field: 'date', message: `活动日期${record.date}在今天之后：还没举办的活动请把状态选为“计划”，举办后再改为“已举办”并填写人数` };
}

/**
 * A planned (计划) event whose day has come: it counts nowhere until its recorder confirms it was held
 * and enters its numbers, so the app asks for that confirmation.
 */
export function awaitsHeldConfirmation(kind: string, record: { date?: unknown; status?: unknown }, today: string): boolean {
  return kind === 'outreach' && record.status === PLANNED && typeof record.date === 'string' && record.date <= today;
}

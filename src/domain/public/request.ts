/**
 * A resident's request for a consultation or a mediation (我要咨询 / 我要调解): the one schema the
 * app's form and the `public` function both validate with, the reference number, and the rule of
 * which state may follow which. Pure: depends only on zod and the domain.
 */
import { z } from 'zod';
import { oneOf, orgCode, problemsOf, type FieldProblem } from '../records/fields';
import { requiredText } from '../records/common';
import { REF_PREFIX, REQUEST_KINDS, type CaseKind, type RequestKind, type RequestState } from './vocab';

/**
 * The secret the app makes when the form opens (see cloudfunctions/lib/public/requests.ts): long enough
 * that guessing one is hopeless, and the same on every resend of the same request.
 */
export const requestKey = z
  .string({ required_error: '缺少求助编号', invalid_type_error: '求助编号格式不对' })
  .regex(/^[A-Za-z0-9_-]{20,64}$/, '求助编号格式不对');

/** Mainland mobile numbers: 11 digits starting with 1 (separators people type are dropped first). */
export const mobilePhone = z
  .string({ required_error: '请填写手机号码', invalid_type_error: '手机号码格式不对' })
  .transform((text) => text.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^1\d{10}$/, '请填写11位手机号码（以1开头）'));

export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;

export const residentRequestSchema = z
  .object({
    key: requestKey,
    kind: oneOf('求助类型', REQUEST_KINDS),
    villageCode: orgCode,
    name: requiredText('姓名', 20),
    phone: mobilePhone,
    description: z
      .string({ required_error: '请说说发生了什么', invalid_type_error: '情况说明必须是文字' })
      .trim()
      .min(DESCRIPTION_MIN, `请简单说说发生了什么（至少${DESCRIPTION_MIN}个字）`)
      .max(DESCRIPTION_MAX, `情况说明不能超过${DESCRIPTION_MAX}个字`),
    consent: z.literal(true, { errorMap: () => ({ message: '请先阅读并勾选同意个人信息使用说明' }) }),
  })
  .strict();

/**
 * The request's fields that carry the resident's personal data: only the village's handlers and the
 * township's admins read them; the privacy guide in DEPLOY.md lists them (scripts/privacy-fields.ts).
 */
export const REQUEST_PERSONAL_FIELDS = ['name', 'phone', 'description'] as const;

export type ResidentRequestInput = z.input<typeof residentRequestSchema>;
export type ResidentRequest = z.output<typeof residentRequestSchema>;

export type RequestValidation = { ok: true; value: ResidentRequest } | { ok: false; problems: FieldProblem[] };

export function validateResidentRequest(input: unknown): RequestValidation {
  const parsed = residentRequestSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error) };
}

/** ZX-20261122-0007: kind, the Beijing date of submission, the day's sequence number of that kind. */
export function formatRef(kind: RequestKind, beijingDay: string, sequence: number): string {
  return `${REF_PREFIX[kind]}-${beijingDay.replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`;
}

export const REF_PATTERN = /^(ZX|TJ)-\d{8}-\d{4,6}$/;

export function isRef(text: unknown): text is string {
  return typeof text === 'string' && REF_PATTERN.test(text);
}

const NEXT_STATES: Record<RequestState, readonly RequestState[]> = {
  待处理: ['已受理', '已转为案件', '已办结'],
  已受理: ['已转为案件', '已办结'],
  已转为案件: ['已办结'],
  已办结: [],
};

export function canMove(from: RequestState, to: RequestState): boolean {
  return NEXT_STATES[from].includes(to);
}

/** A consultation request becomes a 法律咨询, a mediation request a 矛盾纠纷, unless the handler says otherwise. */
export function defaultCaseKind(kind: RequestKind): CaseKind {
  return kind === '咨询' ? 'consultation' : 'dispute';
}

/**
 * The id of the case record made from a request, from a random nonce the server draws: an id derived
 * from the (sequential) ref could be guessed and planted beforehand. Converting twice finds the first
 * case through the link stored on the request, not through the id.
 */
export function caseIdOf(nonce: string): string {
  return `REQ-${nonce}`;
}

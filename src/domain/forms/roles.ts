/**
 * Which forms a person sees and who has 我的待办. Mirrors the server's policy
 * (cloudfunctions/lib/records/policy.ts WRITE_ROLES, records/todo.ts TODO_ROLES), which stays the
 * authority: a unit test keeps the two lists equal. Pure.
 */
import type { AppRole } from '../vocab';

export const FORM_KINDS = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

const FIELD_LOGGERS: readonly AppRole[] = ['法律明白人', '人民调解员', '村干部', '乡镇管理员'];
const CASE_WORKERS: readonly AppRole[] = ['人民调解员', '村干部', '乡镇管理员'];

export const FORM_ROLES: Record<FormKind, readonly AppRole[]> = {
  outreach: FIELD_LOGGERS,
  consultation: FIELD_LOGGERS,
  dispute: FIELD_LOGGERS,
  petition: CASE_WORKERS,
  reception: ['村干部', '乡镇管理员'],
  study: ['村干部', '乡镇管理员'],
};

export const TODO_ROLES: readonly AppRole[] = CASE_WORKERS;

export const FORM_TITLES: Record<FormKind, string> = {
  outreach: '普法活动',
  consultation: '法律咨询',
  dispute: '矛盾纠纷',
  petition: '信访事项',
  reception: '领导接访',
  study: '学法培训',
};

export const isFormKind = (value: unknown): value is FormKind =>
  typeof value === 'string' && (FORM_KINDS as readonly string[]).includes(value);

/** The forms a role may use, in the order the home page lists them. */
export function formsFor(role: AppRole): FormKind[] {
  return FORM_KINDS.filter((kind) => FORM_ROLES[kind].includes(role));
}

export const hasTodo = (role: AppRole): boolean => TODO_ROLES.includes(role);

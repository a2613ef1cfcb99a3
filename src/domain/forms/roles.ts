/**
 * Which forms a person sees and who has 我的待办: the records' role lists (records/roles.ts), which
 * the server's policy enforces, restricted to the kinds logged in the field. Pure.
 */
import type { AppRole } from '../vocab';
import { TODO_ROLES, WRITE_ROLES } from '../records/roles';
import { KINDS } from '../records/kinds';

export const FORM_KINDS = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_ROLES: Record<FormKind, readonly AppRole[]> = WRITE_ROLES;

export { TODO_ROLES };

/** The kinds' own names (KINDS), as the home page and the forms title them. */
export const FORM_TITLES = Object.fromEntries(FORM_KINDS.map((kind) => [kind, KINDS[kind].label])) as Record<FormKind, string>;

export const isFormKind = (value: unknown): value is FormKind => typeof value === 'string' && (FORM_KINDS as readonly string[]).includes(value);

/** The forms a role may use, in the order the home page lists them. */
export function formsFor(role: AppRole): FormKind[] {
  return FORM_KINDS.filter((kind) => FORM_ROLES[kind].includes(role));
}

export const hasTodo = (role: AppRole): boolean => TODO_ROLES.includes(role);

/**
 * The add/edit form of a roster person: what the inputs hold, the record sent to `records`, and the
 * field problems shown beside the inputs. Pure.
 */
import type { RosterRole } from '../vocab';
import { validateRoster, type RosterInput } from '../records/roster';

export interface PersonForm {
  id: string;
  orgCode: string;
  name: string;
  role: RosterRole;
  phone: string;
  startDate: string;
  endDate: string;
}

export interface PersonRow extends RosterInput {
  orgName: string;
  version: number;
}

export function blankPerson(id: string, orgCode: string, role: RosterRole = '法律明白人'): PersonForm {
  return { id, orgCode, name: '', role, phone: '', startDate: '', endDate: '' };
}

export function formOf(row: PersonRow): PersonForm {
  return {
    id: row.id,
    orgCode: row.orgCode,
    name: row.name,
    role: row.role,
    phone: row.phone ?? '',
    startDate: row.startDate ?? '',
    endDate: row.endDate ?? '',
  };
}

/** The record to send: empty optional fields left out. */
export function recordOf(form: PersonForm): Record<string, string> {
  const record: Record<string, string> = { id: form.id, orgCode: form.orgCode, name: form.name.trim(), role: form.role };
  if (form.phone.trim()) record.phone = form.phone.trim();
  if (form.startDate) record.startDate = form.startDate;
  if (form.endDate) record.endDate = form.endDate;
  return record;
}

export type FieldErrors = Partial<Record<keyof PersonForm, string>>;

/** Problems found before sending (the server checks the same schema again). */
export function personErrors(form: PersonForm): FieldErrors {
  const checked = validateRoster(recordOf(form));
  return checked.ok ? {} : errorsOf(checked.problems);
}

export function errorsOf(problems: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const key = p.field as keyof PersonForm;
    if (!errors[key]) errors[key] = p.message;
  }
  return errors;
}

export const CONFLICT_MESSAGE = '已被别人修改，请刷新';

/** The banner after a failed save: a stale edit says so plainly; everything else as the server said. */
export function saveFailureMessage(code: string | undefined, message: string): string {
  return code === 'CONFLICT' || code === 'DUPLICATE_ID' ? CONFLICT_MESSAGE : message;
}

/** The person marked as having left on `day` (never before they started). */
export function leftOn(row: PersonRow, day: string): Record<string, string> {
  const end = row.startDate && row.startDate > day ? row.startDate : day;
  return recordOf({ ...formOf(row), endDate: end });
}

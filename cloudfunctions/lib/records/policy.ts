/**
 * Who may do what with each record kind. Reading needs any bound role within scope; writing needs a
 * role of the kind's list; editing a case needs to be one of its handlers — the same people who see
 * its parties in full — so nobody ever saves a case from a masked copy.
 */
import type { AppRole } from '../../../src/domain/vocab';
import type { RecordKind } from '../../../src/domain/records/kinds';
import type { Caller } from '../caller';
import { isInScope } from '../authz';

const FIELD_LOGGERS: readonly AppRole[] = ['法律明白人', '人民调解员', '村干部', '乡镇管理员'];
const CASE_WORKERS: readonly AppRole[] = ['人民调解员', '村干部', '乡镇管理员'];
const TOWNSHIP_STAFF: readonly AppRole[] = ['乡镇管理员'];

export const WRITE_ROLES: Record<RecordKind, readonly AppRole[]> = {
  outreach: FIELD_LOGGERS,
  consultation: FIELD_LOGGERS,
  // 法律明白人 log dispute clues found in 排查; mediators and cadres take the case from there.
  dispute: FIELD_LOGGERS,
  petition: CASE_WORKERS,
  reception: ['村干部', '乡镇管理员'],
  study: ['村干部', '乡镇管理员'],
  person: TOWNSHIP_STAFF,
  manualFigure: TOWNSHIP_STAFF,
};

/** The stored fields the policy looks at. */
export interface PolicyDoc {
  orgPath: string[];
  recordedBy: string;
  handlerIds?: string[];
}

export const isTownshipAdminOf = (caller: Caller, doc: Pick<PolicyDoc, 'orgPath'>): boolean =>
  caller.role === '乡镇管理员' && isInScope(caller, doc.orgPath);

/** The case's handlers: its recorder, the people assigned to it, and township admins of its unit. */
export function isHandler(caller: Caller, doc: PolicyDoc): boolean {
  return doc.recordedBy === caller.openid || (doc.handlerIds ?? []).includes(caller.openid) || isTownshipAdminOf(caller, doc);
}

/** Editing, deleting and restoring an existing record. */
export function mayChange(caller: Caller, personal: boolean, doc: PolicyDoc): boolean {
  if (personal) return isHandler(caller, doc);
  return doc.recordedBy === caller.openid || isTownshipAdminOf(caller, doc);
}

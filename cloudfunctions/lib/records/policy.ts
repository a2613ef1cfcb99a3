/**
 * Who may do what with each record kind. Reading needs any bound role within scope; writing needs a
 * role of the kind's list; editing a case needs to be one of its handlers — the same people who see
 * its parties in full — so nobody ever saves a case from a masked copy.
 */
import type { Caller } from '../caller';
import { isInScope } from '../authz';

export { WRITE_ROLES } from '../../../src/domain/records/roles';

/** The stored fields the policy looks at. */
export interface PolicyDoc {
  orgPath: string[];
  recordedBy: string;
  handlerIds?: string[];
}

export const isTownshipAdminOf = (caller: Caller, doc: Pick<PolicyDoc, 'orgPath'>): boolean => caller.role === '乡镇管理员' && isInScope(caller, doc.orgPath);

/** The case's handlers: its recorder, the people assigned to it, and township admins of its unit. */
export function isHandler(caller: Caller, doc: PolicyDoc): boolean {
  return doc.recordedBy === caller.openid || (doc.handlerIds ?? []).includes(caller.openid) || isTownshipAdminOf(caller, doc);
}

/** Editing, deleting and restoring an existing record. */
export function mayChange(caller: Caller, personal: boolean, doc: PolicyDoc): boolean {
  if (personal) return isHandler(caller, doc);
  return doc.recordedBy === caller.openid || isTownshipAdminOf(caller, doc);
}

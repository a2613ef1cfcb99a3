/**
 * Authorization: role and unit scope, checked by every function before it reads or writes.
 * Scope is "own unit and below": a target is in scope when the caller's unit is on its org path.
 */
import type { AppRole } from '../../src/domain/vocab';
import type { Caller } from './caller';
import { AppError } from './errors';

/** Roles that log field work. County viewers only read. */
export const RECORDER_ROLES: readonly AppRole[] = ['法律明白人', '人民调解员', '村干部', '乡镇管理员'];
/** Roles that read a unit's figures. */
export const FIGURE_READER_ROLES: readonly AppRole[] = ['乡镇管理员', '县级查看', '村干部'];

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError('NOT_BOUND');
  return caller;
}

export function requireRole(caller: Caller, roles: readonly AppRole[]): void {
  if (!roles.includes(caller.role)) throw new AppError('FORBIDDEN');
}

export function isInScope(caller: Caller, targetPath: readonly string[]): boolean {
  return targetPath.includes(caller.org.code);
}

export function requireInScope(caller: Caller, targetPath: readonly string[]): void {
  if (!isInScope(caller, targetPath)) throw new AppError('OUT_OF_SCOPE');
}

/**
 * The ONE place deciding what a failed send means: try again later, or keep it for the person.
 * - retry: the request did not get through or the server had a passing fault (NETWORK, SERVER …);
 *   the record stays 待发送 and is tried again with back-off.
 * - keep: the server answered and retrying the same record cannot change that answer (validation,
 *   permission, scope, a closed year, a conflicting edit …); the record shows under 需处理 with the
 *   server's message until the person fixes, retries or discards it.
 * Unknown codes are kept rather than retried: a person sees them, nothing loops or vanishes.
 * The codes are the shared ones (src/domain/errors.ts): a code renamed on the server is a compile
 * error here, not a record that silently stops being retried. Pure: depends on the shape of ApiError only.
 */
import type { FieldProblem } from '../../domain/records/fields';
import type { ErrorCode } from '../../domain/errors';
import type { OutboxError } from './types';

export type Decision = 'retry' | 'keep';

/** Codes a later try may cure. */
export const RETRY_CODES: readonly ErrorCode[] = ['NETWORK', 'SERVER', 'INTERNAL', 'NOT_INITIALISED', 'UPLOAD_FAILED'];

export const UNKNOWN_FAILURE = '发送失败，请稍后重试';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  problems?: unknown;
  name?: unknown;
}

/** The code, message and problems of anything thrown. Non-ApiErrors count as a passing fault. */
export function describeError(error: unknown): OutboxError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const isApi = e.name === 'ApiError' && typeof e.code === 'string';
  return {
    // As the server sent it: a code newer than this app is still carried, and kept (decide()).
    code: isApi ? (e.code as ErrorCode) : 'SERVER',
    message: isApi && typeof e.message === 'string' && e.message ? e.message : UNKNOWN_FAILURE,
    problems: isApi && Array.isArray(e.problems) ? (e.problems as FieldProblem[]) : [],
  };
}

export function decide(error: OutboxError): Decision {
  return RETRY_CODES.includes(error.code) ? 'retry' : 'keep';
}

/** A network failure ends the sending round: the rest would fail the same way. */
export const endsRound = (error: OutboxError): boolean => error.code === 'NETWORK';

/**
 * The one error type the app's I/O throws. Views show `message` (always Chinese, actionable) and
 * put `problems` beside their fields. Depends on nothing but domain types.
 */
import type { FieldProblem } from '../domain/records/fields';
import type { ErrorCode } from '../domain/errors';

export const NETWORK_MESSAGE = '网络不可用，请稍后重试';
export const SERVER_MESSAGE = '服务出错，请稍后重试';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  /** On CONFLICT: the record's version now, to edit again from. */
  readonly currentVersion?: number;

  constructor(code: ErrorCode, message: string, problems: FieldProblem[] = [], currentVersion?: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
    this.currentVersion = currentVersion;
    // Keeps `instanceof` true even when a build transpiles classes down to functions.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError || (error instanceof Error && error.name === 'ApiError');
}

/** The message a person sees for any thrown value. */
export function messageOf(error: unknown): string {
  return isApiError(error) ? error.message : SERVER_MESSAGE;
}

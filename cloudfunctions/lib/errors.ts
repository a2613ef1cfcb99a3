/**
 * The functions' errors: the catalogue of codes and messages lives in src/domain/errors.ts, shared
 * with the app. Only the entry wrapper (handler.ts) turns an error into an answer; nothing
 * internal (stack, database message) ever reaches the caller.
 */
import type { ErrorAnswer } from '../../src/domain/api';
import { ERRORS, type ServerErrorCode as ErrorCode } from '../../src/domain/errors';
import type { FieldProblem } from '../../src/domain/records/fields';

export { ERRORS, type ServerErrorCode as ErrorCode } from '../../src/domain/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code],
    readonly problems?: FieldProblem[],
    /** On CONFLICT: the record's current version, so the app can edit again from it. */
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The answer for any error: catalogued errors as they are, anything else as INTERNAL (logged). */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof AppError) {
    const answer: ErrorAnswer = { error: { code: error.code, message: error.message } };
    if (error.problems?.length) answer.error.problems = error.problems;
    if (error.currentVersion !== undefined) answer.error.currentVersion = error.currentVersion;
    return answer;
  }
  if (isCloudError(error, 'DATABASE_COLLECTION_NOT_EXIST')) {
    return { error: { code: 'NOT_INITIALISED', message: ERRORS.NOT_INITIALISED } };
  }
  console.error('unexpected error', error);
  return { error: { code: 'INTERNAL', message: ERRORS.INTERNAL } };
}

/** CloudBase SDK errors carry a string code (TcbError). */
export function isCloudError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * Errors the gateway answers in CloudBase's shape.
 *
 * The real SDK turns an HTTP 200 JSON body `{code, message, requestId}` into a thrown TcbError whose
 * `code` callers test (for instance `runTransaction` retries only on DATABASE_TRANSACTION_CONFLICT),
 * so every failure is a GatewayError with a string code, never an HTTP error status.
 */
import { randomBytes } from 'node:crypto';

/** The string codes this gateway uses; the first block matches what the SDK or the captures name. */
export const Codes = {
  SYS_ERR: 'SYS_ERR',
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_ACTION: 'INVALID_ACTION',
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  /** Unverified against Tencent Cloud: WeChat reports duplicate keys as "[DuplicateWrite] … E11000". */
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  STORAGE_FILE_NONEXIST: 'STORAGE_FILE_NONEXIST',
  FUNCTION_NOT_FOUND: 'FUNCTIONS_NOT_FOUND',
  FUNCTION_EXECUTE_FAIL: 'FUNCTIONS_EXECUTE_FAIL',
  FUNCTION_TIMEOUT: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
} as const;

export class GatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export const collectionNotExist = (name: string): GatewayError => new GatewayError(Codes.COLLECTION_NOT_EXIST, `Db or Table not exist: ${name}`);

export const invalidParam = (message: string): GatewayError => new GatewayError(Codes.INVALID_PARAM, message);

export const txnConflict = (detail?: string): GatewayError =>
  new GatewayError(Codes.TRANSACTION_CONFLICT, detail ? `database transaction conflict: ${detail}` : 'database transaction conflict');

/** Request ids look like the captures' (16 hex digits); they only help correlate logs. */
export const newRequestId = (): string => randomBytes(8).toString('hex');

/** The message of every HTTP 500 answer: its code says what kind of failure; the details are logged only. */
export const INTERNAL_MESSAGE = 'internal error; details are in the gateway log';

/** Any thrown value → `{code, message}`; mingo's errors (unknown operator…) become SYS_ERR as in the captures. */
export function toErrorBody(err: unknown): { code: string; message: string } {
  if (err instanceof GatewayError) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: Codes.SYS_ERR, message };
}

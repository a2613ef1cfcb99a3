/** The outbox's entries: one per record (its client id), with what it takes to send it. Pure. */
import type { FieldProblem } from '../../domain/records/fields';
import type { ErrorCode } from '../../domain/errors';
import type { FormKind } from '../../domain/forms/roles';

/** 待发送 / 已发送 / 需处理 */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export const STATUS_LABELS: Record<OutboxStatus, string> = { pending: '待发送', sent: '已发送', failed: '需处理' };

export interface OutboxPhoto {
  /** The file kept on the phone until it is uploaded. */
  local: string;
  /** Set once uploaded: the upload is not repeated after that. */
  fileID?: string;
}

export interface OutboxError {
  code: ErrorCode;
  message: string;
  problems: FieldProblem[];
}

export interface OutboxEntry {
  /** The record's client id: what de-duplicates the queue and makes a resend a no-op on the server. */
  id: string;
  kind: FormKind;
  action: 'create' | 'update';
  /** For an update: the version the edit was made on. */
  baseVersion?: number;
  record: Record<string, unknown>;
  photos: OutboxPhoto[];
  /** The dev identity that made it (browser build only; null on the phone, which has one person). */
  owner: string | null;
  status: OutboxStatus;
  /** Failed sends so far; sets the back-off. */
  attempts: number;
  /** Epoch ms before which a pending entry is not tried again (unless the network just came back). */
  nextAttemptAt: number;
  /** Queue order: first saved, first sent. */
  seq: number;
  createdAt: number;
  updatedAt: number;
  sentAt?: number;
  /** The server's version after sending. */
  version?: number;
  /** needs fixing (failed), or why the last try did not get through (pending). */
  error?: OutboxError;
}

/** What a view or a caller hands to the outbox. */
export interface NewEntry {
  kind: FormKind;
  action: 'create' | 'update';
  baseVersion?: number;
  record: Record<string, unknown>;
  photos?: OutboxPhoto[];
}

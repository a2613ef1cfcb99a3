/** cloudfunctions/records: every record kind through one set of actions. */
import { z } from 'zod';
import { orgCode, pageLimit, pageOffset, recordId as id, recordKind as kind, recordVersion as version } from './fields';
import type { ErrorAnswer, HistoryView, RecordPage, RecordView, TodoItem } from '../api';

/** How many writes one `batch` call carries at most (the outbox sends this many at a time). */
export const MAX_BATCH_WRITES = 20;

const create = z.object({ action: z.literal('create'), kind, record: z.unknown() });
/** Edit under the version rule: `baseVersion` is the version the edit was made on. */
const update = z.object({ action: z.literal('update'), kind, record: z.unknown(), baseVersion: version });

/** A create or an edit, alone or in a batch. */
const write = z.discriminatedUnion('action', [create, update]);

export const recordsRequest = z.discriminatedUnion('action', [
  /** Create; a resend of the same id and content changes nothing. */
  create,
  update,
  z.object({ action: z.literal('get'), kind, id }),
  z.object({
    action: z.literal('list'),
    kind,
    org: orgCode.optional(),
    period: z.string().max(40).optional(),
    state: z.string().max(20).optional(),
    mine: z.boolean().optional(),
    includeDeleted: z.boolean().optional(),
    offset: pageOffset.optional(),
    limit: pageLimit.optional(),
  }),
  z.object({ action: z.literal('listMine'), kind }),
  z.object({ action: z.literal('remove'), kind, id, baseVersion: version }),
  z.object({ action: z.literal('restore'), kind, id, baseVersion: version }),
  z.object({ action: z.literal('history'), kind, id }),
  /** 我的待办: open cases in the caller's scope. */
  z.object({ action: z.literal('todo') }),
  /**
   * Creates and edits in one call (the outbox's sync): each saved as a single write would be and
   * answered on its own, in order, so a refused write does not sink the others. More than
   * MAX_BATCH_WRITES is refused as a whole (BATCH_TOO_LARGE) before any is saved.
   */
  z.object({ action: z.literal('batch'), writes: z.array(write).min(1) }),
]);

export type RecordsRequest = z.input<typeof recordsRequest>;
export type RecordWrite = z.input<typeof write>;

/** One write's answer in a batch: the saved record, or the error the same write alone would answer. */
export type WriteAnswer = { record: RecordView } | ErrorAnswer;

export interface RecordsAnswers {
  create: { record: RecordView };
  update: { record: RecordView };
  get: { record: RecordView };
  list: RecordPage;
  listMine: { items: RecordView[] };
  remove: { record: RecordView };
  restore: { record: RecordView };
  history: { history: HistoryView[] };
  todo: { todo: TodoItem[] };
  batch: { results: WriteAnswer[] };
}

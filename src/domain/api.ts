/**
 * The cloud functions' request and answer shapes: the contract between the app (src/services) and
 * cloudfunctions/<name>. Answers list their fields; database documents never travel as they are.
 */
import type { AppRole, OrgLevel } from './vocab';
import type { RecordKind } from './records/kinds';
import type { DeadlineMark } from './records/workflow';
import type { OutreachInput } from './records/outreach';
import type { FieldProblem } from './records/fields';
import type { ReviewState } from './supervision/review';

export interface OrgView {
  code: string;
  name: string;
  level: OrgLevel;
}

export interface Me {
  personId: string;
  name: string;
  role: AppRole;
  org: OrgView;
}

/** cloudfunctions/session */
export type SessionRequest = { action: 'whoami' } | { action: 'bind'; code: string };
export interface SessionAnswer {
  /** null: an unbound caller, i.e. a resident. */
  me: Me | null;
}

/** cloudfunctions/records — every record kind through one set of actions. */
export type RecordsRequest =
  /** Create; a resend of the same id and content changes nothing. */
  | { action: 'create'; kind: RecordKind; record: unknown }
  /** Edit under the version rule: `baseVersion` is the version the edit was made on. */
  | { action: 'update'; kind: RecordKind; record: unknown; baseVersion: number }
  | { action: 'get'; kind: RecordKind; id: string }
  | { action: 'list'; kind: RecordKind; org?: string; period?: string; state?: string; mine?: boolean; includeDeleted?: boolean; offset?: number; limit?: number }
  | { action: 'listMine'; kind: RecordKind }
  | { action: 'remove' | 'restore'; kind: RecordKind; id: string; baseVersion: number }
  | { action: 'history'; kind: RecordKind; id: string }
  /** 我的待办: open cases in the caller's scope. */
  | { action: 'todo' };

/** What every record answer carries besides the kind's own fields. */
export interface RecordMetaView {
  kind: RecordKind;
  id: string;
  orgCode: string;
  orgName: string;
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
  version: number;
  deleted: boolean;
  /** True when parties' data in this answer is masked (the caller does not handle the case). */
  masked: boolean;
  /** Review (审核) while the township reviews: 待审核 / 已通过 / 退回 and the reason of a return. */
  review?: { state: ReviewState; reason: string | null };
}

export type RecordView<T = Record<string, unknown>> = T & RecordMetaView;

export type OutreachView = RecordView<Omit<OutreachInput, 'id'>>;

export interface RecordPage<T = Record<string, unknown>> {
  items: RecordView<T>[];
  total: number;
  offset: number;
  limit: number;
}

export interface HistoryView {
  action: string;
  by: string;
  at: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface TodoItem {
  kind: 'dispute' | 'petition';
  id: string;
  orgName: string;
  state: string;
  /** 受理日期 / 登记日期 */
  since: string;
  dueDate?: string;
  mark: DeadlineMark;
  summary: string;
  /** The parties' names: in full for the case's handlers, masked (张*) for anyone else. */
  parties: string[];
  version: number;
}

export type RecordsAnswer =
  | { record: RecordView }
  | { items: RecordView[] }
  | RecordPage
  | { history: HistoryView[] }
  | { todo: TodoItem[] };

/** cloudfunctions/figures */
export interface FiguresRequest {
  action: 'get';
  /** Defaults to the caller's own unit. */
  org?: string;
  /** '2023', '2023H1', '2023Q1', '2023-05' or '2023-01-01..2023-06-30'. */
  period: string;
  ids?: string[];
}
export interface FiguresAnswer {
  org: string;
  period: string;
  figures: Record<string, number | null>;
}

/** Every function answers an error in this one shape (see cloudfunctions/lib/errors). */
export interface ErrorAnswer {
  error: {
    code: string;
    message: string;
    problems?: FieldProblem[];
    /** On CONFLICT: the version the record has now, to edit again from. */
    currentVersion?: number;
  };
}

export function isErrorAnswer(answer: unknown): answer is ErrorAnswer {
  return typeof answer === 'object' && answer !== null && 'error' in answer;
}

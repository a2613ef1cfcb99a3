/**
 * The shapes the cloud functions answer (the requests and which action answers what: ./contract).
 * Answers list their fields; database documents never travel as they are.
 */
import type { AppRole, OrgLevel } from './vocab';
import type { RecordKind } from './records/kinds';
import type { ServerErrorCode } from './errors';
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

/** cloudfunctions/session (requests: ./contract/session.ts) */
export interface SessionAnswer {
  /** null: an unbound caller, i.e. a resident. */
  me: Me | null;
}

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

/** cloudfunctions/figures (requests: ./contract/figures.ts) */
export interface FiguresAnswer {
  org: string;
  period: string;
  figures: Record<string, number | null>;
}

/** Every function answers an error in this one shape (see cloudfunctions/lib/errors). */
export interface ErrorAnswer {
  error: {
    code: ServerErrorCode;
    message: string;
    problems?: FieldProblem[];
    /** On CONFLICT: the version the record has now, to edit again from. */
    currentVersion?: number;
  };
}

export function isErrorAnswer(answer: unknown): answer is ErrorAnswer {
  return typeof answer === 'object' && answer !== null && 'error' in answer;
}

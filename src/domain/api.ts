/**
 * The cloud functions' request and answer shapes: the contract between the app (src/services) and
 * cloudfunctions/<name>. Answers list their fields; database documents never travel as they are.
 */
import type { AppRole, OrgLevel } from './vocab';
import type { OutreachInput } from './records/outreach';
import type { FieldProblem } from './records/fields';

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
export type SessionRequest = { action: 'whoami' };
export interface SessionAnswer {
  /** null: an unbound caller, i.e. a resident. */
  me: Me | null;
}

/** cloudfunctions/records */
export type RecordsRequest =
  | { action: 'create'; kind: 'outreach'; record: OutreachInput }
  | { action: 'listMine'; kind: 'outreach' };

export interface OutreachView extends OutreachInput {
  orgName: string;
  recordedBy: string;
  recordedAt: string;
  version: number;
}

export type RecordsAnswer = { record: OutreachView } | { items: OutreachView[] };

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
  error: { code: string; message: string; problems?: FieldProblem[] };
}

export function isErrorAnswer(answer: unknown): answer is ErrorAnswer {
  return typeof answer === 'object' && answer !== null && 'error' in answer;
}

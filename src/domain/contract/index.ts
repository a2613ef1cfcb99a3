/**
 * The contract between the app and the cloud functions, written once: each function's request schema
 * (which the function parses every event with) and the answer of each of its actions. The app's
 * request types are the schemas' input types and its answer types are read from here by function
 * and action (src/services/transport.ts); the functions' handlers are typed to return the same
 * answers (cloudfunctions/lib/handler.ts). A change on one side that the other does not follow is a
 * compile error. Pure.
 */
import type { z } from 'zod';
import { adminRequest, type AdminAnswers } from './admin';
import { consoleRequest, type ConsoleAnswers } from './console';
import { figuresRequest, type FiguresAnswers } from './figures';
import { publicRequest, type PublicAnswers } from './public';
import { recordsRequest, type RecordsAnswers } from './records';
import { requestsRequest, type RequestsAnswers } from './requests';
import { sessionRequest, type SessionAnswers } from './session';
import { supervisionRequest, type SupervisionAnswers } from './supervision';

/** The request schema of every function the app calls. */
export const REQUEST_SCHEMAS = {
  admin: adminRequest,
  console: consoleRequest,
  figures: figuresRequest,
  public: publicRequest,
  records: recordsRequest,
  requests: requestsRequest,
  session: sessionRequest,
  supervision: supervisionRequest,
} as const;

/** The answer of every action, by function. */
export interface Answers {
  admin: AdminAnswers;
  console: ConsoleAnswers;
  figures: FiguresAnswers;
  public: PublicAnswers;
  records: RecordsAnswers;
  requests: RequestsAnswers;
  session: SessionAnswers;
  supervision: SupervisionAnswers;
}

export type FunctionName = keyof typeof REQUEST_SCHEMAS;
/** What the app sends. */
export type RequestOf<N extends FunctionName> = z.input<(typeof REQUEST_SCHEMAS)[N]>;
/** What the function's handler gets after parsing (defaults applied, strings trimmed). */
export type ParsedRequestOf<N extends FunctionName> = z.output<(typeof REQUEST_SCHEMAS)[N]>;
export type ActionOf<N extends FunctionName> = RequestOf<N>['action'];
export type AnswerOf<N extends FunctionName, A extends ActionOf<N>> = A extends keyof Answers[N] ? Answers[N][A] : never;

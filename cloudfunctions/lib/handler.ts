/**
 * The shape of every cloud function: parse the event with one schema, establish the caller from the
 * platform, run the handler with its I/O handed in, and turn any error into the one error answer.
 */
import { z } from 'zod';
import { cloudApp, callerAddress, callerOpenid, type Database } from './cloudbase';
import { resolveCaller, type Caller } from './caller';
import { AppError, toErrorAnswer } from './errors';
import { xmlSafe } from '../../src/domain/xml-safe';
import { REQUEST_SCHEMAS, type ActionOf, type AnswerOf, type FunctionName, type ParsedRequestOf } from '../../src/domain/contract';

export interface Context {
  db: Database;
  openid: string;
  /** The caller's network address, '' when the platform gives none: for rate limits only. */
  address: string;
  caller: Caller | null;
  now: Date;
}

export type Handler<Req> = (request: Req, context: Context) => Promise<unknown>;

/** Builds the context of one invocation; exported so tests and the CLI can call handlers directly. */
export async function createContext(): Promise<Context> {
  const cloud = cloudApp();
  const db = cloud.database();
  const openid = callerOpenid(cloud);
  return { db, openid, address: callerAddress(cloud), caller: await resolveCaller(db, openid), now: new Date() };
}

export function defineFunction<S extends z.ZodTypeAny>(schema: S, handle: Handler<z.infer<S>>) {
  return async function main(event: unknown): Promise<unknown> {
    try {
      // Characters XML forbids go before anything reads the event: stored, they would break every export.
      const parsed = schema.safeParse(xmlSafe(event));
      if (!parsed.success) throw new AppError('INVALID_REQUEST');
      return await handle(parsed.data, await createContext());
    } catch (error) {
      return toErrorAnswer(error);
    }
  };
}

/** One handler per action of a function, each typed to answer what the contract says that action answers. */
export type ActionHandlers<N extends FunctionName> = {
  [A in ActionOf<N>]: (request: Extract<ParsedRequestOf<N>, { action: A }>) => Promise<AnswerOf<N, A>>;
};

/**
 * A function the app calls: its request schema is the contract's (src/domain/contract), and
 * `handlers` builds, for one invocation's context, the handler of each action.
 */
export function defineApi<N extends FunctionName>(name: N, handlers: (context: Context) => ActionHandlers<N>) {
  const schema: z.ZodType<ParsedRequestOf<N>, z.ZodTypeDef, unknown> = REQUEST_SCHEMAS[name];
  return defineFunction(schema, (request, context) => {
    const handle = handlers(context)[request.action as ActionOf<N>] as (request: ParsedRequestOf<N>) => Promise<unknown>;
    return handle(request);
  });
}

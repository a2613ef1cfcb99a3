/**
 * Test helper for the authorization matrices (tests/integration/records and tests/integration/public):
 * a table of function.action × target × the outcome for each role, turned into one test per cell; a
 * cell calls the function as the role's demo account and asserts the exact outcome — allowed with its
 * effect shown, or refused with the exact code and the stored state as it was before the call.
 */
import { ACTOR, ROLES, type Answer, type Role } from './records-world';
import type { AppStack } from './app-stack';

export const OK = 'allowed';
/** Allowed, and the out-of-scope target is not in the answer. */
export const HIDDEN = 'hidden';
export const NB = 'NOT_BOUND';
export const FB = 'FORBIDDEN';
export const OS = 'OUT_OF_SCOPE';
export const AB = 'ALREADY_BOUND';
export const NW = 'INVITE_NEEDS_WECHAT';
export const NF = 'NOT_FOUND';
/** Needs a WeChat user: a caller without an openid (a resident in the browser build). */
export const NE = 'NEEDS_WECHAT';
/** Not applicable (a resident or a county viewer has no record of their own). */
export const NA = null;
export type Outcome = typeof OK | typeof HIDDEN | typeof NB | typeof FB | typeof OS | typeof AB | typeof NW | typeof NF | typeof NE | typeof NA;

/**
 * self — the caller themselves; own — something the caller made in their own unit; in — the caller's
 * own unit; near — another village of 白土乡; out — another township (county viewer: another county).
 */
export type Target = 'self' | 'own' | 'in' | 'near' | 'out';

/** One row: the action, a kind (or ''), the target, then the outcome for each of ROLES in order. */
export type Line<Op extends string, Kind extends string> = [Op, Kind | '', Target, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

export interface Cell<Op extends string, Kind extends string> {
  title: string;
  op: Op;
  kind: Kind | '';
  target: Target;
  role: Role;
  outcome: Exclude<Outcome, null>;
}

const TARGET_TEXT: Record<Target, string> = {
  self: 'for themselves',
  own: 'on a record they logged',
  in: 'in their own unit',
  near: 'in another village of 白土乡',
  out: 'in another township (county: another county)',
};

export function cellsOf<Op extends string, Kind extends string>(table: readonly Line<Op, Kind>[]): Cell<Op, Kind>[] {
  return table.flatMap(([op, kind, target, ...outcomes]) =>
    ROLES.flatMap((role, i) => {
      const outcome = outcomes[i];
      if (outcome === NA) return [];
      const verdict = outcome === OK ? 'allow' : outcome === HIDDEN ? 'allow but hide the other unit from' : `refuse with ${outcome}`;
      const title = `should ${verdict} ${role}: ${op}${kind ? ` ${kind}` : ''} ${TARGET_TEXT[target]}`;
      return [{ title, op, kind, target, role, outcome }];
    }),
  );
}

/** What one cell calls, what an allowed answer must show, and the stored state a refusal must keep. */
export interface Scene<C> {
  fn: string;
  data: Record<string, unknown>;
  shows(answer: Answer, cell: C): Promise<void>;
  state(): Promise<unknown>;
}

/** Plays one cell: the call as the role's demo account, then the outcome's assertions. */
export async function playCell<C extends { role: Role; outcome: Exclude<Outcome, null> }>(stack: AppStack, scene: Scene<C>, cell: C): Promise<void> {
  const before = await scene.state();
  const answer = await stack.call<Answer>(scene.fn, scene.data, ACTOR[cell.role]);
  if (cell.outcome === OK || cell.outcome === HIDDEN) {
    expect(answer.error).toBeUndefined();
    await scene.shows(answer, cell);
  } else {
    expect(answer.error?.code).toBe(cell.outcome);
    expect(await scene.state()).toEqual(before);
  }
}

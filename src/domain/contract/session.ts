/** cloudfunctions/session: who the caller is, and binding by invite code. */
import { z } from 'zod';
import type { Me, SessionAnswer } from '../api';

export const sessionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('whoami') }),
  z.object({ action: z.literal('bind'), code: z.string().trim().min(4).max(20) }),
]);

export interface SessionAnswers {
  whoami: SessionAnswer;
  bind: { me: Me };
}

/** session: who the caller is (a bound worker, or null for a resident), and binding by invite code. */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { meOf } from '../lib/caller';
import { bindWithInvite } from '../lib/invites';
import type { SessionAnswer } from '../../src/domain/api';

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('whoami') }),
  z.object({ action: z.literal('bind'), code: z.string().trim().min(4).max(20) }),
]);

export const main = defineFunction(request, async (req, { db, openid, caller, now }): Promise<SessionAnswer> => {
  switch (req.action) {
    case 'whoami':
      return { me: caller ? meOf(caller) : null };
    case 'bind':
      return { me: await bindWithInvite(db, openid, req.code, now) };
  }
});

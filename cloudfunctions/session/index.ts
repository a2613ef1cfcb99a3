/** session: who the caller is (a bound worker, or null for a resident), and binding by invite code. */
import { defineApi } from '../lib/handler';
import { meOf } from '../lib/caller';
import { bindWithInvite } from '../lib/invites';

export const main = defineApi('session', ({ db, openid, caller, now }) => ({
  whoami: async () => ({ me: caller ? meOf(caller) : null }),
  bind: async (req) => ({ me: await bindWithInvite(db, openid, req.code, now) }),
}));

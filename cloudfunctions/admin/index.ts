/** admin: township administration — invite codes that bind a person's WeChat to a role and unit; units. */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { issueInvite } from '../lib/invites';
import { saveOrg } from '../lib/org-admin';

export const main = defineApi('admin', ({ db, caller, now }) => {
  const me = requireCaller(caller);
  return {
    issueInvite: async (req) => ({ invite: await issueInvite(db, me, req, now) }),
    saveOrg: async (req) => ({ org: await saveOrg(db, me, req.org, now) }),
  };
});

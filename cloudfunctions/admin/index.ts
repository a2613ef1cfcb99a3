/** admin: township administration — invite codes that bind a person's WeChat to a role and unit; units. */
import { z } from 'zod';
import { APP_ROLES } from '../../src/domain/vocab';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { issueInvite } from '../lib/invites';
import { saveOrg } from '../lib/org-admin';

const request = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('issueInvite'),
    name: z.string().trim().min(1).max(30),
    role: z.enum(APP_ROLES),
    orgCode: z.string().regex(/^\d{6,15}$/),
    personId: z.string().min(1).max(64).optional(),
  }),
  z.object({ action: z.literal('saveOrg'), org: z.unknown() }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }) => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'issueInvite':
      return { invite: await issueInvite(db, me, req, now) };
    case 'saveOrg':
      return { org: await saveOrg(db, me, req.org, now) };
  }
});

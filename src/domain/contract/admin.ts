/** cloudfunctions/admin: invite codes that bind a person's WeChat to a role and unit; units. */
import { z } from 'zod';
import { APP_ROLES } from '../vocab';
import { orgCode } from './fields';
import type { OrgView } from '../api';

export const adminRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('issueInvite'),
    name: z.string().trim().min(1).max(30),
    role: z.enum(APP_ROLES),
    orgCode,
    personId: z.string().min(1).max(64).optional(),
  }),
  z.object({ action: z.literal('saveOrg'), org: z.unknown() }),
]);

export interface Invite {
  code: string;
  expiresAt: string;
}

export interface AdminAnswers {
  issueInvite: { invite: Invite };
  saveOrg: { org: OrgView };
}

/** figures: the report's figures of a unit (default: the caller's own) for a period. */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { figuresFor } from '../lib/figures/api';

const request = z.object({
  action: z.literal('get'),
  org: z.string().regex(/^\d{6,15}$/).optional(),
  period: z.string().min(4).max(40),
  ids: z.array(z.string().max(80)).max(200).optional(),
});

export const main = defineFunction(request, async ({ org, period, ids }, { db, caller }) =>
  figuresFor(db, requireCaller(caller), { org, period, ids }),
);

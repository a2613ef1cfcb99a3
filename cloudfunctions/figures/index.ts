/** figures: the report's figures of a unit (default: the caller's own) for a period. */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { figuresFor } from '../lib/figures/api';

export const main = defineApi('figures', ({ db, caller }) => ({
  get: ({ org, period, ids }) => figuresFor(db, requireCaller(caller), { org, period, ids }),
}));

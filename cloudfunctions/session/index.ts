/** session: who the caller is (a bound worker, or null for a resident). */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { meOf } from '../lib/caller';
import type { SessionAnswer } from '../../src/domain/api';

const request = z.object({ action: z.literal('whoami') });

export const main = defineFunction(request, async (_request, { caller }): Promise<SessionAnswer> => ({
  me: caller ? meOf(caller) : null,
}));

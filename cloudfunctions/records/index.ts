/** records: field records (create with safe resends, the recorder's own list). */
import { z } from 'zod';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { createOutreach, listMyOutreach } from '../lib/outreach';
import type { RecordsAnswer } from '../../src/domain/api';

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create'), kind: z.literal('outreach'), record: z.unknown() }),
  z.object({ action: z.literal('listMine'), kind: z.literal('outreach') }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }): Promise<RecordsAnswer> => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'create':
      return { record: await createOutreach(db, me, req.record, now) };
    case 'listMine':
      return { items: await listMyOutreach(db, me) };
  }
});

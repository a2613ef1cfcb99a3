/** records: every record kind — create and edit with safe resends, read, list, delete, restore, history, 我的待办. */
import { z } from 'zod';
import { RECORD_KINDS } from '../../src/domain/records/kinds';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { saveRecord } from '../lib/records/save';
import { getRecord, listRecords } from '../lib/records/read';
import { recordHistory, setDeleted } from '../lib/records/lifecycle';
import { todoList } from '../lib/records/todo';
import type { RecordsAnswer } from '../../src/domain/api';

const kind = z.enum(RECORD_KINDS);
const id = z.string().min(1).max(128);
const version = z.number().int().min(1);

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('create'), kind, record: z.unknown() }),
  z.object({ action: z.literal('update'), kind, record: z.unknown(), baseVersion: version }),
  z.object({ action: z.literal('get'), kind, id }),
  z.object({
    action: z.literal('list'),
    kind,
    org: z.string().regex(/^\d{6,15}$/).optional(),
    period: z.string().max(40).optional(),
    state: z.string().max(20).optional(),
    mine: z.boolean().optional(),
    includeDeleted: z.boolean().optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  z.object({ action: z.literal('listMine'), kind }),
  z.object({ action: z.literal('remove'), kind, id, baseVersion: version }),
  z.object({ action: z.literal('restore'), kind, id, baseVersion: version }),
  z.object({ action: z.literal('history'), kind, id }),
  z.object({ action: z.literal('todo') }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }): Promise<RecordsAnswer> => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'create':
      return { record: await saveRecord(db, me, { kind: req.kind, record: req.record }, now) };
    case 'update':
      return { record: await saveRecord(db, me, { kind: req.kind, record: req.record, baseVersion: req.baseVersion }, now) };
    case 'get':
      return { record: await getRecord(db, me, req.kind, req.id) };
    case 'list':
      return listRecords(db, me, req);
    case 'listMine':
      return { items: (await listRecords(db, me, { kind: req.kind, mine: true, limit: 100 })).items };
    case 'remove':
    case 'restore':
      return { record: await setDeleted(db, me, { ...req, deleted: req.action === 'remove' }, now) };
    case 'history':
      return { history: await recordHistory(db, me, req.kind, req.id) };
    case 'todo':
      return { todo: await todoList(db, me, now) };
  }
});

/**
 * records: every record kind — create and edit with safe resends (one at a time or a batch), read,
 * list, delete, restore, history, 我的待办.
 */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { saveRecord } from '../lib/records/save';
import { getRecord, listRecords } from '../lib/records/read';
import { recordHistory, setDeleted } from '../lib/records/lifecycle';
import { todoList } from '../lib/records/todo';
import { saveBatch } from '../lib/records/batch';

export const main = defineApi('records', ({ db, caller, now }) => {
  const me = requireCaller(caller);
  return {
    create: async (req) => ({ record: await saveRecord(db, me, { kind: req.kind, record: req.record }, now) }),
    update: async (req) => ({ record: await saveRecord(db, me, { kind: req.kind, record: req.record, baseVersion: req.baseVersion }, now) }),
    get: async (req) => ({ record: await getRecord(db, me, req.kind, req.id) }),
    list: (req) => listRecords(db, me, req),
    listMine: async (req) => ({ items: (await listRecords(db, me, { kind: req.kind, mine: true, limit: 100 })).items }),
    remove: async (req) => ({ record: await setDeleted(db, me, { ...req, deleted: true }, now) }),
    restore: async (req) => ({ record: await setDeleted(db, me, { ...req, deleted: false }, now) }),
    history: async (req) => ({ history: await recordHistory(db, me, req.kind, req.id) }),
    todo: async () => ({ todo: await todoList(db, me, now) }),
    batch: async (req) => ({ results: await saveBatch(db, me, req.writes, now) }),
  };
});

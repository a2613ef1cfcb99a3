/**
 * Typed calls to the supervision function (src/domain/supervision/api.ts), and bringing the records the
 * township returned into the outbox's 需处理.
 */
import type { TasksAnswer } from '../domain/supervision/api';
import type { RecordKind } from '../domain/records/kinds';
import type { Cadence } from '../domain/supervision/schedule';
import { isFormKind } from '../domain/forms/roles';
import { callFunction } from './transport';
import { outbox } from './outbox';

export const getMonth = (month: string) => callFunction('supervision', { action: 'month', month });
export const submitMonth = (month: string) => callFunction('supervision', { action: 'submit', month });
export const getTasks = () => callFunction('supervision', { action: 'tasks' });
export const getCompleteness = (year: number, org?: string) => callFunction('supervision', { action: 'completeness', year, org });
export const remindVillage = (village: string, month: string) => callFunction('supervision', { action: 'remind', village, month });
export const getSettings = (org?: string) => callFunction('supervision', { action: 'settings', org });
export const saveSettings = (dueDay: number, review: boolean, baseVersion: number, cadence?: Cadence) =>
  callFunction('supervision', { action: 'saveSettings', dueDay, review, baseVersion, cadence });
export const getReviewQueue = (query: { village?: string; month?: string } = {}) => callFunction('supervision', { action: 'reviewQueue', ...query });
export const approveRecords = (items: { kind: RecordKind; id: string; version: number }[]) => callFunction('supervision', { action: 'approve', items });
export const approveMonth = (village: string, month: string) => callFunction('supervision', { action: 'approveMonth', village, month });
export const returnRecord = (item: { kind: RecordKind; id: string; version: number }, reason: string) =>
  callFunction('supervision', { action: 'return', ...item, reason });

/** Puts the caller's returned records in 需处理 with the township's reason; answers the tasks. */
export async function pullReturned(): Promise<TasksAnswer> {
  const tasks = await getTasks();
  for (const item of tasks.returned) {
    if (!isFormKind(item.kind)) continue;
    outbox().holdReturned({ kind: item.kind, id: item.id, version: item.version, record: item.record, message: `${item.reason}（${item.returnedBy}）` });
  }
  return tasks;
}

/**
 * Typed calls to the supervision function (src/domain/supervision/api.ts), and bringing the records the
 * township returned into the outbox's 需处理.
 */
import type {
  CompletenessAnswer,
  MonthAnswer,
  ReviewDecisionAnswer,
  ReviewQueueAnswer,
  ReminderView,
  SupervisionRequest,
  SupervisionSettings,
  TasksAnswer,
} from '../domain/supervision/api';
import type { RecordKind } from '../domain/records/kinds';
import { isFormKind } from '../domain/forms/roles';
import { callFunction } from './transport';
import { outbox } from './outbox';

const call = <T>(request: SupervisionRequest) => callFunction<T>('supervision', request);

export const getMonth = (month: string) => call<MonthAnswer>({ action: 'month', month });
export const submitMonth = (month: string) => call<MonthAnswer>({ action: 'submit', month });
export const getTasks = () => call<TasksAnswer>({ action: 'tasks' });
export const getCompleteness = (year: number, org?: string) => call<CompletenessAnswer>({ action: 'completeness', year, org });
export const remindVillage = (village: string, month: string) => call<{ reminder: ReminderView }>({ action: 'remind', village, month });
export const getSettings = (org?: string) => call<{ settings: SupervisionSettings }>({ action: 'settings', org });
export const saveSettings = (dueDay: number, review: boolean, baseVersion: number) => call<{ settings: SupervisionSettings }>({ action: 'saveSettings', dueDay, review, baseVersion });
export const getReviewQueue = (query: { village?: string; month?: string } = {}) => call<ReviewQueueAnswer>({ action: 'reviewQueue', ...query });
export const approveRecords = (items: { kind: RecordKind; id: string; version: number }[]) => call<ReviewDecisionAnswer>({ action: 'approve', items });
export const approveMonth = (village: string, month: string) => call<ReviewDecisionAnswer>({ action: 'approveMonth', village, month });
export const returnRecord = (item: { kind: RecordKind; id: string; version: number }, reason: string) => call<ReviewDecisionAnswer>({ action: 'return', ...item, reason });

/** Puts the caller's returned records in 需处理 with the township's reason; answers the tasks. */
export async function pullReturned(): Promise<TasksAnswer> {
  const tasks = await getTasks();
  for (const item of tasks.returned) {
    if (!isFormKind(item.kind)) continue;
    outbox().holdReturned({ kind: item.kind, id: item.id, version: item.version, record: item.record, message: `${item.reason}（${item.returnedBy}）` });
  }
  return tasks;
}

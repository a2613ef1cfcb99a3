/**
 * The app's one outbox, wired to the platform: WeChat storage (localStorage in the browser build),
 * the records function, photo uploads, and the triggers that send it — app start, app show, the
 * network coming back, and a timer for the next back-off.
 */
import Taro from '@tarojs/taro';
import { getDevIdentity } from '../identity';
import { isOnline, onNetworkChange } from '../network';
import { forgetPhoto, uploadPhoto } from '../photos';
import { platformStore } from '../storage';
import { saveRecords } from '../api';
import { apiErrorOf } from '../transport';
import { isErrorAnswer } from '../../domain/api';
import type { RecordWrite } from '../../domain/contract/records';
import type { OutboxEntry } from './types';
import { Outbox } from './outbox';
import { OutboxRepo } from './repo';

let instance: Outbox | undefined;

export function outbox(): Outbox {
  instance ??= new Outbox({
    repo: new OutboxRepo(platformStore),
    send: async (entries) => {
      const answers = await saveRecords(entries.map(writeOf));
      return answers.map((answer) => (isErrorAnswer(answer) ? { error: apiErrorOf(answer) } : { version: answer.record.version }));
    },
    upload: uploadPhoto,
    forgetPhoto,
    owner: () => getDevIdentity() ?? null,
    now: () => Date.now(),
    online: isOnline,
  });
  return instance;
}

/** An entry as the records function takes it: an edit on its base version, or a create. */
function writeOf(entry: OutboxEntry): RecordWrite {
  return entry.action === 'update' && entry.baseVersion !== undefined
    ? { action: 'update', kind: entry.kind, record: entry.record, baseVersion: entry.baseVersion }
    : { action: 'create', kind: entry.kind, record: entry.record };
}

let timer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** Sends now, then sets the timer for whatever is left waiting on back-off. */
export function sendNow(ignoreBackoff = true): void {
  void outbox()
    .flush({ ignoreBackoff })
    .catch(() => undefined)
    .finally(schedule);
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const wake = outbox().nextWakeAt();
  if (wake === undefined) return;
  timer = setTimeout(() => sendNow(false), Math.max(1000, wake - Date.now()));
}

/** Called once from app.ts. */
export function startAutoSend(): void {
  if (started) return;
  started = true;
  onNetworkChange((online) => {
    if (online) sendNow(true);
  });
  Taro.onAppShow(() => sendNow(true));
  sendNow(true);
}

export { STATUS_LABELS } from './types';
export type { OutboxEntry, OutboxStatus } from './types';
export { OutboxStorageError } from './repo';
export { RETURNED } from './outbox';

/** A test outbox: the in-memory storage twin, a fake server and fake uploads, a clock the test moves. */
import { MemoryStore } from '../../../../src/services/outbox/kv';
import { OutboxRepo } from '../../../../src/services/outbox/repo';
import { Outbox } from '../../../../src/services/outbox/outbox';
import { ApiError } from '../../../../src/services/errors';
import type { ErrorCode } from '../../../../src/domain/errors';
import type { NewEntry, OutboxEntry, OutboxPhoto } from '../../../../src/services/outbox/types';

export interface Harness {
  store: MemoryStore;
  outbox: Outbox;
  clock: { now: number };
  /** Records the fake server accepted, in the order it got them (a resend of the same id counts again). */
  received: Array<{ id: string; action: string; record: Record<string, unknown>; baseVersion?: number }>;
  /** What the fake server holds: each record's content and version. */
  saved: Map<string, { record: Record<string, unknown>; version: number }>;
  /** Each call's record ids, in order: what went over the network. */
  calls: string[][];
  /** While `held` is pending, every send waits for it (a send on its way). */
  gate: { held: Promise<void> | undefined };
  uploads: string[];
  /** What the next sends answer, by record id: an error code throws an ApiError. */
  failSend: Map<string, ErrorCode>;
  failUpload: Set<string>;
  forgotten: string[];
  online: { value: boolean };
  reopen(): Outbox;
}

export function harness(options: { limit?: number; batchSize?: number; owner?: string | null } = {}): Harness {
  const store = new MemoryStore(options.limit);
  const clock = { now: 1_700_000_000_000 };
  const received: Harness['received'] = [];
  const uploads: string[] = [];
  const failSend = new Map<string, ErrorCode>();
  const failUpload = new Set<string>();
  const forgotten: string[] = [];
  const online = { value: true };
  const saved = new Map<string, { record: Record<string, unknown>; version: number }>();
  const gate = { held: undefined as Promise<void> | undefined };
  const calls: string[][] = [];
  const make = () =>
    new Outbox({
      repo: new OutboxRepo(store, options.limit),
      send: async (entries: OutboxEntry[]) => {
        calls.push(entries.map((e) => e.id));
        await gate.held;
        // A network failure fails the whole call; any other code refuses just that record.
        if (entries.some((e) => failSend.get(e.id) === 'NETWORK')) throw new ApiError('NETWORK', '网络不可用，请稍后重试');
        return entries.map((entry) => {
          const code = failSend.get(entry.id);
          if (code)
            return {
              error: new ApiError(
                code,
                code === 'INVALID_RECORD' ? '记录填写有误，请按提示修改' : `失败：${code}`,
                code === 'INVALID_RECORD' ? [{ field: 'date', message: '请填写活动日期' }] : [],
              ),
            };
          received.push({ id: entry.id, action: entry.action, record: entry.record, baseVersion: entry.baseVersion });
          try {
            return { version: serverSave(saved, entry) };
          } catch (error) {
            return { error };
          }
        });
      },
      upload: async (photo: OutboxPhoto, cloudPath: string) => {
        if (failUpload.has(photo.local)) throw new ApiError('NETWORK', '网络不可用，请稍后重试');
        uploads.push(cloudPath);
        return `cloud://env.bucket/${cloudPath}`;
      },
      forgetPhoto: async (local: string) => void forgotten.push(local),
      owner: () => (options.owner === undefined ? null : options.owner),
      now: () => clock.now,
      online: () => online.value,
      batchSize: options.batchSize,
    });
  return { store, outbox: make(), clock, received, saved, gate, calls, uploads, failSend, failUpload, forgotten, online, reopen: make };
}

/**
 * The records function's version rule (cloudfunctions/lib/records/save.ts), which the outbox relies
 * on: the same id and content again changes nothing (same version); other content under a create is
 * DUPLICATE_ID; an edit on a version that is not the current one is a CONFLICT; otherwise the
 * version goes up by one.
 */
function serverSave(saved: Harness['saved'], entry: OutboxEntry): number {
  const existing = saved.get(entry.id);
  if (!existing) {
    if (entry.action === 'update') throw new ApiError('NOT_FOUND', '没有找到这条记录');
    saved.set(entry.id, { record: entry.record, version: 1 });
    return 1;
  }
  if (JSON.stringify(existing.record) === JSON.stringify(entry.record)) return existing.version;
  if (entry.action === 'create') throw new ApiError('DUPLICATE_ID', '这条记录已经提交过，内容不同');
  if (entry.baseVersion !== existing.version) throw new ApiError('CONFLICT', '这条记录已被别人修改过', [], existing.version);
  saved.set(entry.id, { record: entry.record, version: existing.version + 1 });
  return existing.version + 1;
}

let n = 0;
export function outreach(id = `rec${String(++n).padStart(6, '0')}`, extra: Record<string, unknown> = {}): NewEntry {
  return {
    kind: 'outreach',
    action: 'create',
    record: {
      id,
      orgCode: '500114101201',
      date: '2024-05-06',
      type: '赶集日集中宣传',
      venue: '集市',
      attendees: 80,
      materials: 200,
      banners: 1,
      consultations: 6,
      ...extra,
    },
  };
}

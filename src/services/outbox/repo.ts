/**
 * The outbox kept in key-value storage, within WeChat's limits: one key per record (a record is far
 * below 1 MB; a bigger one is refused with a message, never written), an index key for queue order,
 * and the total counted before every write so the person is warned at 80 % of 10 MB and a write that
 * would not fit is refused while the draft is kept. Entries are written before the index, so a
 * crash between the two leaves an entry that load() still finds by its key prefix.
 */
import { byteSize, KEY_LIMIT_BYTES, STORAGE_LIMIT_BYTES, type KeyValueStore } from './kv';
import type { OutboxEntry } from './types';

export const ENTRY_PREFIX = 'fazhi.outbox.e.';
export const INDEX_KEY = 'fazhi.outbox.index';
export const WARN_RATIO = 0.8;

export const TOO_LARGE_MESSAGE = '这条记录内容太多（超过1MB），手机无法保存，请精简情况说明后再保存';
export const FULL_MESSAGE = '手机上的小程序存储空间已满（10MB），请先联网发送待发送的记录，或删除不需要的记录';

export class OutboxStorageError extends Error {
  constructor(
    readonly code: 'TOO_LARGE' | 'FULL',
    message: string,
  ) {
    super(message);
    this.name = 'OutboxStorageError';
    Object.setPrototypeOf(this, OutboxStorageError.prototype);
  }
}

export type UsageLevel = 'ok' | 'warn' | 'full';

export interface Usage {
  usedBytes: number;
  limitBytes: number;
  level: UsageLevel;
}

interface Index {
  ids: string[];
  seq: number;
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<OutboxEntry> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.id === 'string' && typeof e.kind === 'string' && typeof e.record === 'object' && typeof e.seq === 'number'
  );
}

export function usageLevel(used: number, limit = STORAGE_LIMIT_BYTES): UsageLevel {
  if (used >= limit) return 'full';
  return used >= limit * WARN_RATIO ? 'warn' : 'ok';
}

/** An entry as stored, and the bytes its key takes. */
interface Cached {
  entry: OutboxEntry;
  bytes: number;
}

/**
 * Callers get their own copy, as a read from storage would give them: changing it changes nothing
 * kept. Through JSON, as storage keeps it (WeChat's JS engine has no structuredClone).
 */
const copy = (entry: OutboxEntry): OutboxEntry => JSON.parse(JSON.stringify(entry)) as OutboxEntry;

export class OutboxRepo {
  private cache: Map<string, Cached> | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly limitBytes = STORAGE_LIMIT_BYTES,
    private readonly keyLimitBytes = KEY_LIMIT_BYTES,
  ) {}

  private index(): Index {
    const raw = this.store.get(INDEX_KEY) as Partial<Index> | undefined;
    return {
      ids: Array.isArray(raw?.ids) ? raw.ids.filter((id): id is string => typeof id === 'string') : [],
      seq: typeof raw?.seq === 'number' ? raw.seq : 0,
    };
  }

  /**
   * Every entry, read from storage once and then kept in memory: this repo is the only writer of the
   * outbox's keys, so each later read is answered without going back to storage (reading the whole
   * queue on every save made queueing quadratic in storage reads).
   */
  private entries(): Map<string, Cached> {
    if (this.cache) return this.cache;
    const ids = new Set(this.index().ids);
    for (const key of this.store.keys()) if (key.startsWith(ENTRY_PREFIX)) ids.add(key.slice(ENTRY_PREFIX.length));
    const cache = new Map<string, Cached>();
    for (const id of ids) {
      const value = this.store.get(ENTRY_PREFIX + id);
      if (isEntry(value)) cache.set(id, { entry: value, bytes: byteSize(value) + ENTRY_PREFIX.length + id.length });
    }
    this.cache = cache;
    return cache;
  }

  load(): OutboxEntry[] {
    return [...this.entries().values()].map((c) => copy(c.entry)).sort((a, b) => a.seq - b.seq);
  }

  get(id: string): OutboxEntry | undefined {
    const cached = this.entries().get(id);
    return cached ? copy(cached.entry) : undefined;
  }

  /** The next queue position (persisted with the index on save). */
  nextSeq(): number {
    let highest = this.index().seq;
    for (const { entry } of this.entries().values()) highest = Math.max(highest, entry.seq);
    return highest + 1;
  }

  /** Bytes used by everything in storage (drafts and other keys included). */
  usage(): Usage {
    const used = this.usedBytes();
    return { usedBytes: used, limitBytes: this.limitBytes, level: usageLevel(used, this.limitBytes) };
  }

  private usedBytes(): number {
    const reported = this.store.usedBytes?.();
    if (typeof reported === 'number' && Number.isFinite(reported)) return reported;
    // Counted here: the outbox's own entries from memory, anything else (drafts, settings) from storage.
    const entries = this.entries();
    let total = 0;
    for (const key of this.store.keys()) {
      const cached = key.startsWith(ENTRY_PREFIX) ? entries.get(key.slice(ENTRY_PREFIX.length)) : undefined;
      total += cached ? cached.bytes : byteSize(this.store.get(key)) + key.length;
    }
    return total;
  }

  /** Writes one entry; refuses (OutboxStorageError) rather than write what the platform would reject. */
  save(entry: OutboxEntry): void {
    const key = ENTRY_PREFIX + entry.id;
    const size = byteSize(entry) + key.length;
    if (size > this.keyLimitBytes) throw new OutboxStorageError('TOO_LARGE', TOO_LARGE_MESSAGE);
    const beforeSize = this.entries().get(entry.id)?.bytes ?? 0;
    const index = this.index();
    const known = index.ids.includes(entry.id);
    const indexGrowth = known ? 0 : entry.id.length + 3 + 4;
    if (this.usedBytes() - beforeSize + size + indexGrowth > this.limitBytes) throw new OutboxStorageError('FULL', FULL_MESSAGE);
    try {
      this.store.set(key, entry);
    } catch {
      // The platform's own accounting may differ from ours: its refusal is final.
      throw new OutboxStorageError('FULL', FULL_MESSAGE);
    }
    this.entries().set(entry.id, { entry: copy(entry), bytes: size });
    if (!known || entry.seq > index.seq) {
      try {
        this.store.set(INDEX_KEY, { ids: known ? index.ids : [...index.ids, entry.id], seq: Math.max(index.seq, entry.seq) });
      } catch {
        // The entry is written; load() finds it by its prefix even without the index.
      }
    }
  }

  remove(id: string): void {
    this.store.remove(ENTRY_PREFIX + id);
    this.entries().delete(id);
    const index = this.index();
    if (index.ids.includes(id)) {
      try {
        this.store.set(INDEX_KEY, { ids: index.ids.filter((x) => x !== id), seq: index.seq });
      } catch {
        // A stale id in the index is skipped by load().
      }
    }
  }
}

import { byteSize, KEY_LIMIT_BYTES, MemoryStore } from '../../../../src/services/outbox/kv';
import { ENTRY_PREFIX, INDEX_KEY, OutboxRepo, usageLevel } from '../../../../src/services/outbox/repo';
import type { OutboxEntry } from '../../../../src/services/outbox/types';

const entry = (id: string, seq: number): OutboxEntry => ({
  id,
  kind: 'consultation',
  action: 'create',
  record: { id },
  photos: [],
  owner: null,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: 0,
  seq,
  createdAt: 0,
  updatedAt: 0,
});

describe('storage accounting', () => {
  it('should count UTF-8 bytes of the JSON (3 per Chinese character)', () => {
    expect(byteSize('abc')).toBe(5);
    expect(byteSize('法治')).toBe(8);
    expect(byteSize({ a: 1 })).toBe(7);
  });

  it('should refuse writes past the platform limits in the in-memory twin, like WeChat', () => {
    const store = new MemoryStore(100, 50);
    expect(() => store.set('k', 'x'.repeat(60))).toThrow(/size limit/);
    store.set('a', 'x'.repeat(40));
    store.set('b', 'x'.repeat(40));
    expect(() => store.set('c', 'x'.repeat(40))).toThrow(/exceed/);
    store.set('a', 'short');
    expect(store.keys()).toEqual(['a', 'b']);
  });

  it('should give levels: warn from 80 %, full at the limit', () => {
    expect(usageLevel(79, 100)).toBe('ok');
    expect(usageLevel(80, 100)).toBe('warn');
    expect(usageLevel(100, 100)).toBe('full');
  });

  it('should keep WeChat 1 MB per key as the default key limit', () => {
    expect(KEY_LIMIT_BYTES).toBe(1024 * 1024);
  });
});

describe('the outbox repository', () => {
  it('should load entries in queue order and find one whose index write was lost', () => {
    const store = new MemoryStore();
    const repo = new OutboxRepo(store);
    repo.save(entry('bbbbbb', 2));
    repo.save(entry('aaaaaa', 1));
    // A crash after an entry was written but before the index was; the app starts again.
    store.set(`${ENTRY_PREFIX}cccccc`, entry('cccccc', 3));
    const restarted = new OutboxRepo(store);
    expect(restarted.load().map((e) => e.id)).toEqual(['aaaaaa', 'bbbbbb', 'cccccc']);
    expect(restarted.nextSeq()).toBe(4);
  });

  it('should skip what is not an entry and an index naming a removed one', () => {
    const store = new MemoryStore();
    const repo = new OutboxRepo(store);
    store.set(`${ENTRY_PREFIX}junk`, { nope: true });
    store.set(INDEX_KEY, { ids: ['gone00'], seq: 9 });
    expect(repo.load()).toEqual([]);
    expect(repo.nextSeq()).toBe(10);
  });

  it('should remove an entry and its index line', () => {
    const store = new MemoryStore();
    const repo = new OutboxRepo(store);
    repo.save(entry('aaaaaa', 1));
    repo.remove('aaaaaa');
    expect(repo.load()).toEqual([]);
    expect(store.get(INDEX_KEY)).toEqual({ ids: [], seq: 1 });
  });

  it('should trust the platform usage figure when it reports one', () => {
    const store = new MemoryStore();
    const reported = Object.assign(Object.create(store) as MemoryStore, { usedBytes: () => 9 * 1024 * 1024 });
    expect(new OutboxRepo(reported).usage().level).toBe('warn');
  });
});

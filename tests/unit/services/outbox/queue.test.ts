import {
  afterFailure,
  afterSuccess,
  countsOf,
  dueBatch,
  nextWake,
  staleSent,
  upsert,
  SENT_KEEP_COUNT,
  SENT_KEEP_MS,
} from '../../../../src/services/outbox/queue';
import { retryDelayMs, MAX_DELAY_MS } from '../../../../src/services/outbox/backoff';
import type { OutboxEntry } from '../../../../src/services/outbox/types';

const NOW = 1_000_000;

function entry(id: string, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    kind: 'outreach',
    action: 'create',
    record: { id },
    photos: [],
    owner: null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: NOW,
    seq: 1,
    createdAt: NOW,
    updatedAt: NOW,
    ...patch,
  };
}

describe('queue', () => {
  it('should order a batch by when records were first saved, whatever the list order', () => {
    const list = [entry('c', { seq: 3 }), entry('a', { seq: 1 }), entry('b', { seq: 2 })];
    expect(dueBatch(list, null, NOW, 10).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(dueBatch(list, null, NOW, 2).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('should leave out sent, kept, other people and not-yet-due records', () => {
    const list = [
      entry('sent', { status: 'sent' }),
      entry('kept', { status: 'failed' }),
      entry('other', { owner: 'o-x' }),
      entry('later', { nextAttemptAt: NOW + 1, error: { code: 'SERVER', message: '', problems: [] } }),
      entry('due', { seq: 5 }),
    ];
    expect(dueBatch(list, null, NOW, 10).map((e) => e.id)).toEqual(['due']);
    expect(dueBatch(list, null, NOW, 10, true).map((e) => e.id)).toEqual(['later', 'due']);
  });

  it('should hold the whole queue while a network failure backs off', () => {
    const list = [entry('a', { nextAttemptAt: NOW + 5000, error: { code: 'NETWORK', message: '', problems: [] } }), entry('b', { seq: 2 })];
    expect(dueBatch(list, null, NOW, 10)).toEqual([]);
    expect(dueBatch(list, null, NOW + 5000, 10).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('should keep the place in line of a record saved again before sending', () => {
    const first = upsert(undefined, { kind: 'outreach', action: 'create', record: { id: 'x' } }, null, NOW, 7);
    const again = upsert({ ...first, status: 'failed', attempts: 2 }, { kind: 'outreach', action: 'create', record: { id: 'x', v: 2 } }, null, NOW + 10, 9);
    expect(again).toMatchObject({ seq: 7, status: 'pending', attempts: 0, createdAt: NOW, record: { v: 2 } });
  });

  it('should put an edit of a sent record at the end of the line', () => {
    const sent = { ...entry('x', { seq: 1 }), status: 'sent' as const };
    const edit = upsert(sent, { kind: 'outreach', action: 'update', baseVersion: 1, record: { id: 'x' } }, null, NOW, 4);
    expect(edit).toMatchObject({ seq: 4, action: 'update', baseVersion: 1 });
  });

  it('should keep fileIDs of photos already uploaded when saved again', () => {
    const before = entry('x', { photos: [{ local: 'a', fileID: 'cloud://a' }, { local: 'b' }] });
    const again = upsert(before, { kind: 'outreach', action: 'create', record: { id: 'x' }, photos: [{ local: 'a' }, { local: 'c' }] }, null, NOW, 2);
    expect(again.photos).toEqual([{ local: 'a', fileID: 'cloud://a' }, { local: 'c' }]);
  });

  it('should record success with the server version and clear the last error', () => {
    const done = afterSuccess(entry('x', { error: { code: 'NETWORK', message: 'm', problems: [] }, attempts: 2 }), 3, NOW + 1);
    expect(done).toMatchObject({ status: 'sent', version: 3, sentAt: NOW + 1, attempts: 0 });
    expect(done.error).toBeUndefined();
  });

  it('should back off or keep after a failure as decide() says', () => {
    expect(afterFailure(entry('x'), { code: 'NETWORK', message: 'm', problems: [] }, NOW)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: NOW + retryDelayMs(1),
    });
    expect(afterFailure(entry('x'), { code: 'FORBIDDEN', message: 'm', problems: [] }, NOW)).toMatchObject({ status: 'failed', attempts: 0 });
  });

  it('should tell when the next record is due', () => {
    expect(
      nextWake([entry('a', { nextAttemptAt: NOW + 9 }), entry('b', { nextAttemptAt: NOW + 3 }), entry('c', { status: 'failed', nextAttemptAt: 0 })], null),
    ).toBe(NOW + 3);
    expect(nextWake([], null)).toBeUndefined();
  });

  it('should forget only sent records beyond the newest ones or past a week', () => {
    const sent = Array.from({ length: SENT_KEEP_COUNT + 2 }, (_, i) => entry(`s${i}`, { status: 'sent', sentAt: NOW - i }));
    const old = entry('old', { status: 'sent', sentAt: NOW - SENT_KEEP_MS - 1 });
    const stale = staleSent([...sent, old, entry('p')], NOW).map((e) => e.id);
    expect(stale).toEqual(expect.arrayContaining([`s${SENT_KEEP_COUNT}`, `s${SENT_KEEP_COUNT + 1}`, 'old']));
    expect(stale).not.toContain('p');
    expect(stale).toHaveLength(3);
  });

  it('should count 待发送 / 已发送 / 需处理 of one person', () => {
    expect(countsOf([entry('a'), entry('b', { status: 'sent' }), entry('c', { status: 'failed' }), entry('d', { owner: 'o' })], null)).toEqual({
      pending: 1,
      sent: 1,
      failed: 1,
    });
  });
});

describe('back-off', () => {
  it('should grow and then stay at its cap', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]);
    expect(waits[0]).toBe(5000);
    expect(retryDelayMs(50)).toBe(MAX_DELAY_MS);
  });
});

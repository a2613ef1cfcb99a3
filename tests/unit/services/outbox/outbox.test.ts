import { harness, outreach } from './helpers';
import { retryDelayMs } from '../../../../src/services/outbox/backoff';
import { FULL_MESSAGE, TOO_LARGE_MESSAGE, OutboxStorageError } from '../../../../src/services/outbox/repo';

describe('the outbox', () => {
  it('should keep a saved record as 待发送 until it is sent', () => {
    const h = harness();
    h.outbox.add(outreach('aaaaaa01'));
    expect(h.outbox.list().map((e) => [e.id, e.status])).toEqual([['aaaaaa01', 'pending']]);
    expect(h.received).toHaveLength(0);
  });

  it('should send records oldest first and mark them 已发送', async () => {
    const h = harness();
    for (const id of ['first001', 'second01', 'third001']) h.outbox.add(outreach(id));
    const result = await h.outbox.flush();
    expect(result).toEqual({ sent: 3, kept: 0, retrying: 0 });
    expect(h.received.map((r) => r.id)).toEqual(['first001', 'second01', 'third001']);
    expect(h.outbox.list().every((e) => e.status === 'sent')).toBe(true);
  });

  it('should send in batches until nothing is due', async () => {
    const h = harness({ batchSize: 2 });
    for (let i = 0; i < 5; i++) h.outbox.add(outreach(`batch00${i}`));
    await h.outbox.flush();
    expect(h.received.map((r) => r.id)).toEqual(['batch000', 'batch001', 'batch002', 'batch003', 'batch004']);
  });

  it('should send 200 queued records in at most 10 calls', async () => {
    const h = harness();
    for (let i = 0; i < 200; i++) h.outbox.add(outreach(`many${String(i).padStart(4, '0')}`));
    const result = await h.outbox.flush();
    expect(result).toEqual({ sent: 200, kept: 0, retrying: 0 });
    expect(h.calls.length).toBeLessThanOrEqual(10);
    expect(h.calls.flat()).toEqual(h.received.map((r) => r.id));
  });

  it('should go on with the others of a call when the server refuses one of them', async () => {
    const h = harness();
    for (const id of ['okay0001', 'refused1', 'okay0002']) h.outbox.add(outreach(id));
    h.failSend.set('refused1', 'PERIOD_CLOSED');
    const result = await h.outbox.flush();
    expect(result).toEqual({ sent: 2, kept: 1, retrying: 0 });
    expect(h.calls).toEqual([['okay0001', 'refused1', 'okay0002']]);
    expect(h.outbox.list().map((e) => [e.id, e.status])).toEqual([
      ['okay0001', 'sent'],
      ['refused1', 'failed'],
      ['okay0002', 'sent'],
    ]);
  });

  it('should read storage a number of times that grows linearly with the queue', () => {
    const readsToQueue = (count: number): number => {
      const h = harness();
      let reads = 0;
      const get = h.store.get.bind(h.store);
      h.store.get = (key: string) => {
        reads++;
        return get(key);
      };
      const outbox = h.reopen();
      for (let i = 0; i < count; i++) outbox.add(outreach(`lin${String(count)}x${String(i).padStart(4, '0')}`));
      return reads;
    };
    const small = readsToQueue(50);
    const large = readsToQueue(200);
    // Four times the records, four times the reads (a quadratic queue read 16 times as many).
    expect(large).toBeLessThanOrEqual(4 * small + 10);
    expect(large).toBeLessThan(200 * 5);
  });

  it('should survive the app being killed: a new outbox on the same storage sends what was saved', async () => {
    const h = harness();
    h.online.value = false;
    h.outbox.add(outreach('killed01'));
    await h.outbox.flush();
    const revived = h.reopen();
    h.online.value = true;
    expect(revived.list().map((e) => e.status)).toEqual(['pending']);
    await revived.flush();
    expect(h.received.map((r) => r.id)).toEqual(['killed01']);
  });

  describe('de-duplication by client id', () => {
    it('should replace an unsent record in place, so only the latest version goes, once', async () => {
      const h = harness();
      h.outbox.add(outreach('dup00001', { attendees: 10 }));
      h.outbox.add(outreach('other001'));
      h.outbox.add(outreach('dup00001', { attendees: 99 }));
      expect(h.outbox.list().map((e) => e.id)).toEqual(['dup00001', 'other001']);
      await h.outbox.flush();
      expect(h.received.map((r) => [r.id, r.record.attendees])).toEqual([
        ['dup00001', 99],
        ['other001', 80],
      ]);
    });

    it('should keep a create a create when it is saved again before being sent', () => {
      const h = harness();
      h.outbox.add(outreach('create01'));
      h.outbox.add({ ...outreach('create01'), action: 'update', baseVersion: 3 });
      const [entry] = h.outbox.list();
      expect(entry.action).toBe('create');
      expect(entry.baseVersion).toBeUndefined();
    });

    it('should send an edit of a record already sent as an update on its version', async () => {
      const h = harness();
      h.outbox.add(outreach('edited01'));
      await h.outbox.flush();
      h.outbox.add({ ...outreach('edited01', { attendees: 81 }), action: 'update', baseVersion: 1 });
      await h.outbox.flush();
      expect(h.received.map((r) => [r.action, r.baseVersion ?? null])).toEqual([
        ['create', null],
        ['update', 1],
      ]);
      expect(h.outbox.list()).toHaveLength(1);
    });

    it('should send a record saved again while it was on its way, as an edit of the version just sent', async () => {
      const h = harness();
      h.outbox.add(outreach('inflight', { attendees: 10 }));
      let arrive = () => {};
      h.gate.held = new Promise<void>((resolve) => (arrive = resolve));
      const sending = h.outbox.flush();
      // The person edits the draft while the first version is still on the network.
      h.clock.now += 1000;
      h.outbox.add(outreach('inflight', { attendees: 99 }));
      arrive();
      h.gate.held = undefined;
      await sending;
      expect(h.outbox.get('inflight')).toMatchObject({ status: 'pending', action: 'update', baseVersion: 1 });
      await h.outbox.flush();
      expect(h.received.map((r) => [r.action, r.baseVersion ?? null, r.record.attendees])).toEqual([
        ['create', null, 10],
        ['update', 1, 99],
      ]);
      expect(h.saved.get('inflight')).toMatchObject({ version: 2, record: { attendees: 99 } });
      expect(h.outbox.get('inflight')).toMatchObject({ status: 'sent', version: 2 });
    });

    it('should not send a record twice when a flush is asked for while one runs', async () => {
      const h = harness();
      h.outbox.add(outreach('once0001'));
      await Promise.all([h.outbox.flush(), h.outbox.flush(), h.outbox.flush()]);
      expect(h.received.map((r) => r.id)).toEqual(['once0001']);
    });
  });

  describe('retry or keep', () => {
    it('should keep a network failure 待发送, stop the round and wait with back-off', async () => {
      // One record a call, to see the round stop before the record behind the failed one.
      const h = harness({ batchSize: 1 });
      h.outbox.add(outreach('net00001'));
      h.outbox.add(outreach('net00002'));
      h.failSend.set('net00001', 'NETWORK');
      const result = await h.outbox.flush();
      expect(result).toEqual({ sent: 0, kept: 0, retrying: 1 });
      expect(h.calls).toEqual([['net00001']]);
      const [first, second] = h.outbox.list();
      expect(first).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: h.clock.now + retryDelayMs(1) });
      expect(second).toMatchObject({ status: 'pending', attempts: 0 });
      // Not due yet: a flush does nothing until the back-off has passed.
      h.failSend.clear();
      await h.outbox.flush();
      expect(h.received).toHaveLength(0);
      h.clock.now += retryDelayMs(1);
      await h.outbox.flush();
      expect(h.received.map((r) => r.id)).toEqual(['net00001', 'net00002']);
    });

    it('should try at once, ignoring back-off, when the network comes back', async () => {
      const h = harness();
      h.outbox.add(outreach('back0001'));
      h.failSend.set('back0001', 'NETWORK');
      await h.outbox.flush();
      h.failSend.clear();
      await h.outbox.flush({ ignoreBackoff: true });
      expect(h.received.map((r) => r.id)).toEqual(['back0001']);
    });

    it('should wait longer after each failure', async () => {
      const h = harness();
      h.outbox.add(outreach('slow0001'));
      h.failSend.set('slow0001', 'NETWORK');
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        await h.outbox.flush({ ignoreBackoff: true });
        waits.push(h.outbox.list()[0].nextAttemptAt - h.clock.now);
      }
      expect(waits).toEqual([retryDelayMs(1), retryDelayMs(2), retryDelayMs(3), retryDelayMs(4)]);
      expect(waits[3]).toBeGreaterThan(waits[0]);
    });

    it('should keep a rejected record under 需处理 with the server message and go on with the others', async () => {
      const h = harness();
      h.outbox.add(outreach('bad00001'));
      h.outbox.add(outreach('good0001'));
      h.failSend.set('bad00001', 'INVALID_RECORD');
      const result = await h.outbox.flush();
      expect(result).toEqual({ sent: 1, kept: 1, retrying: 0 });
      const bad = h.outbox.get('bad00001');
      expect(bad).toMatchObject({ status: 'failed', error: { code: 'INVALID_RECORD', message: '记录填写有误，请按提示修改' } });
      expect(bad?.error?.problems).toEqual([{ field: 'date', message: '请填写活动日期' }]);
      // Never retried on its own, never dropped.
      h.clock.now += 24 * 3600 * 1000;
      await h.outbox.flush({ ignoreBackoff: true });
      expect(h.received.map((r) => r.id)).toEqual(['good0001']);
      expect(h.outbox.get('bad00001')?.status).toBe('failed');
    });

    it('should send a fixed record again under the same client id', async () => {
      const h = harness();
      h.outbox.add(outreach('fixme001'));
      h.failSend.set('fixme001', 'FORBIDDEN');
      await h.outbox.flush();
      h.failSend.clear();
      h.outbox.add(outreach('fixme001', { attendees: 5 }));
      expect(h.outbox.get('fixme001')?.status).toBe('pending');
      await h.outbox.flush();
      expect(h.received.map((r) => [r.id, r.record.attendees])).toEqual([['fixme001', 5]]);
    });

    it('should retry a passing server fault without stopping the round', async () => {
      const h = harness();
      h.outbox.add(outreach('fault001'));
      h.outbox.add(outreach('after001'));
      h.failSend.set('fault001', 'SERVER');
      const result = await h.outbox.flush();
      expect(result).toEqual({ sent: 1, kept: 0, retrying: 1 });
      expect(h.outbox.get('fault001')).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('should remove a record only when the person discards it', async () => {
      const h = harness();
      h.outbox.add({ ...outreach('drop0001'), photos: [{ local: 'p1' }] });
      h.failSend.set('drop0001', 'OUT_OF_SCOPE');
      await h.outbox.flush();
      expect(h.outbox.list()).toHaveLength(1);
      await h.outbox.discard('drop0001');
      expect(h.outbox.list()).toHaveLength(0);
      expect(h.forgotten).toEqual(['p1']);
    });

    it('should put a kept record back in line when the person asks to retry', async () => {
      const h = harness();
      h.outbox.add(outreach('again001'));
      h.failSend.set('again001', 'FORBIDDEN');
      await h.outbox.flush();
      h.failSend.clear();
      h.outbox.retry('again001');
      await h.outbox.flush();
      expect(h.outbox.get('again001')?.status).toBe('sent');
    });

    it('should not try anything while the platform says there is no network', async () => {
      const h = harness();
      h.online.value = false;
      h.outbox.add(outreach('offline1'));
      await h.outbox.flush({ ignoreBackoff: true });
      expect(h.outbox.get('offline1')).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });

  describe('photos', () => {
    it('should upload photos before the record and send their fileIDs with it', async () => {
      const h = harness();
      h.outbox.add({ ...outreach('photo001'), photos: [{ local: 'a.jpg' }, { local: 'b.jpg' }] });
      await h.outbox.flush();
      expect(h.uploads).toEqual(['photos/outreach/photo001/1.jpg', 'photos/outreach/photo001/2.jpg']);
      expect(h.received[0].record.photos).toEqual(['cloud://env.bucket/photos/outreach/photo001/1.jpg', 'cloud://env.bucket/photos/outreach/photo001/2.jpg']);
      expect(h.forgotten).toEqual(['a.jpg', 'b.jpg']);
    });

    it('should not send the record while a photo has not uploaded, and not upload a photo twice', async () => {
      const h = harness();
      h.outbox.add({ ...outreach('photo002'), photos: [{ local: 'ok.jpg' }, { local: 'flaky.jpg' }] });
      h.failUpload.add('flaky.jpg');
      await h.outbox.flush();
      expect(h.received).toHaveLength(0);
      expect(h.outbox.get('photo002')?.photos).toEqual([
        { local: 'ok.jpg', fileID: 'cloud://env.bucket/photos/outreach/photo002/1.jpg' },
        { local: 'flaky.jpg' },
      ]);
      h.failUpload.clear();
      await h.outbox.flush({ ignoreBackoff: true });
      expect(h.uploads).toEqual(['photos/outreach/photo002/1.jpg', 'photos/outreach/photo002/2.jpg']);
      expect(h.received).toHaveLength(1);
    });
  });

  describe('storage limits', () => {
    it('should refuse a record when storage is full, with a message, and keep what was there', () => {
      const h = harness({ limit: 4000 });
      let saved = 0;
      let refusal: unknown;
      try {
        for (let i = 0; i < 100; i++) {
          h.outbox.add(outreach(`full${String(i).padStart(4, '0')}`));
          saved++;
        }
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(OutboxStorageError);
      expect((refusal as Error).message).toBe(FULL_MESSAGE);
      expect(h.outbox.list()).toHaveLength(saved);
      expect(h.store.usedBytes()).toBeLessThanOrEqual(4000);
    });

    it('should never write a key over 1 MB', () => {
      const h = harness();
      expect(() => h.outbox.add(outreach('huge0001', { topic: '长'.repeat(400_000) }))).toThrow(TOO_LARGE_MESSAGE);
      expect(h.store.keys().filter((k) => k.includes('huge0001'))).toEqual([]);
    });

    it('should warn at 80 % of the storage limit', () => {
      const h = harness({ limit: 10_000 });
      expect(h.outbox.usage().level).toBe('ok');
      h.store.set('someone-else', 'x'.repeat(8_000));
      expect(h.outbox.usage()).toMatchObject({ level: 'warn', limitBytes: 10_000 });
    });

    it('should forget old sent records but never unsent ones', async () => {
      const h = harness();
      for (let i = 0; i < 25; i++) h.outbox.add(outreach(`sent${String(i).padStart(4, '0')}`));
      await h.outbox.flush();
      h.online.value = false;
      h.outbox.add(outreach('waiting1'));
      const counts = h.outbox.counts();
      expect(counts.pending).toBe(1);
      expect(counts.sent).toBe(20);
    });
  });

  it('should show and send only the records of the person signed in', async () => {
    const h = harness({ owner: 'o-a' });
    h.outbox.add(outreach('owner-a1'));
    const other = harness({ owner: 'o-b' });
    expect(other.outbox.list()).toHaveLength(0);
    await h.outbox.flush();
    expect(h.received).toHaveLength(1);
  });
});

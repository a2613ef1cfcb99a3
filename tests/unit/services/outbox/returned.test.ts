import { harness, outreach } from './helpers';
import { RETURNED } from '../../../../src/services/outbox/outbox';
import { entryNote } from '../../../../src/field/mine/mine-model';

const returned = (id: string, version: number) => ({
  kind: 'outreach' as const,
  id,
  version,
  record: { ...outreach(id).record, attendees: 400, photos: ['cloud://env/photos/1.jpg'] },
  message: '受众人数填多了（周海燕）',
});

describe('records the township returned in review', () => {
  it('should hold a returned record as 需处理 with the reason, and send the fix as an edit of that version', async () => {
    const h = harness();
    h.outbox.holdReturned(returned('back0001', 1));
    const [entry] = h.outbox.list();
    expect(entry).toMatchObject({ id: 'back0001', status: 'failed', action: 'update', baseVersion: 1, error: { code: RETURNED } });
    expect(entryNote(entry)).toBe('乡镇审核退回：受众人数填多了（周海燕）');
    // Nothing goes while it waits for the person.
    await h.outbox.flush();
    expect(h.received).toEqual([]);

    h.outbox.add({ kind: 'outreach', action: entry.action, baseVersion: entry.baseVersion, record: { ...entry.record, attendees: 40 }, photos: entry.photos });
    await h.outbox.flush();
    expect(h.received).toEqual([
      expect.objectContaining({
        id: 'back0001',
        action: 'update',
        baseVersion: 1,
        record: expect.objectContaining({ attendees: 40, photos: ['cloud://env/photos/1.jpg'] }),
      }),
    ]);
  });

  it('should leave alone a record the person is already fixing or has sent a newer version of', () => {
    const h = harness();
    h.outbox.add(outreach('busy0001'));
    h.outbox.holdReturned(returned('busy0001', 1));
    expect(h.outbox.get('busy0001')).toMatchObject({ status: 'pending', action: 'create' });
  });
});

/**
 * A 法律明白人 logs a 赶集日 event with no network in the production mini-program, with a photo
 * (chooseMedia, kept in the user data folder) and the place (getLocation, gcj02); the system kills
 * the mini-program; it starts again on the same phone and the network returns. The record reaches the
 * records function exactly once with its photo in cloud storage, and 我的记录 says 已发送.
 */
import { DEMO } from '../helpers/app-stack';
import { outboxEntries, weappStackForFile } from './helpers';
import { signedSdkHeaders } from '../helpers/gateway';

const env = weappStackForFile();

test('an event logged offline survives a kill and arrives exactly once', async () => {
  const me = DEMO.villageWorker;
  let app = await env.launch({ openid: me });
  await app.waitForText('登记普法活动');

  await app.setOnline(false);
  await app.tap('go-outreach');
  await app.waitForRoute('field/outreach/index');
  await app.tap('赶集日集中宣传');
  await app.type('field-attendees', '86');
  await app.type('field-topic', '赶集日宪法宣传');
  await app.tap('field-photos-add');
  await app.waitFor(
    () => app.text().includes('现场照片（1/9'),
    () => 'the photo',
  );
  await app.tap('field-location-take');
  await app.waitForText('纬度 29.53002');
  await app.tap('save-outreach');
  await app.waitForRoute('field/mine/index');
  await app.waitForText('待发送');
  const [entry] = outboxEntries(app);
  expect(entry).toMatchObject({ kind: 'outreach', status: 'pending' });

  // Killed by the system; started again on the same phone, still without a signal.
  const device = app.kill();
  app = await env.launch({ openid: me, device, online: false });
  await app.waitForText('登记普法活动');
  expect(outboxEntries(app).map((e) => e.status)).toEqual(['pending']);

  // The network returns: WeChat tells the app, the outbox sends.
  await app.setOnline(true);
  await app.waitFor(
    () => outboxEntries(app)[0]?.status === 'sent',
    () => 'the outbox to send',
  );
  await app.tap('go-mine');
  await app.waitForRoute('field/mine/index');
  await app.waitForText('已发送');
  expect(app.text()).not.toContain('待发送');

  // Exactly once, created once, with what was typed.
  const mine = await env.stack.call<{ items: { id: string }[] }>('records', { action: 'listMine', kind: 'outreach' }, me);
  expect(mine.items.filter((i) => i.id === entry.id)).toHaveLength(1);
  const { history } = await env.stack.call<{ history: { action: string }[] }>('records', { action: 'history', kind: 'outreach', id: entry.id }, DEMO.admin);
  expect(history.map((h) => h.action)).toEqual(['create']);
  const { record } = await env.stack.call<{ record: { attendees: number; type: string; topic: string; photos: string[] } }>(
    'records',
    { action: 'get', kind: 'outreach', id: entry.id },
    me,
  );
  expect(record).toMatchObject({ attendees: 86, type: '赶集日集中宣传', topic: '赶集日宪法宣传', location: { latitude: 29.530021, longitude: 108.789432 } });
  expect(app.callsTo('getLocation')).toEqual([]); // asked before the kill, by the first run
  expect(record.photos).toHaveLength(1);
  // The photo went to the gateway's storage with cloud.uploadFile, and the phone's copy is gone.
  const [upload] = app.callsTo('cloud.uploadFile');
  expect(upload.filePath).toMatch(/^wxfile:\/\/usr\/photo-/);
  expect([...app.device.files.keys()].filter((f) => f.startsWith('wxfile://'))).toEqual([]);
  const [url] = await tempUrls(record.photos[0]);
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
}, 60000);

/** A temporary download address of a stored file, through the CloudBase storage protocol the SDK uses. */
async function tempUrls(fileID: string): Promise<string[]> {
  const body = { action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: fileID, max_age: 600 }] };
  const res = await fetch(`${env.stack.gateway.url}/admin`, {
    method: 'POST',
    headers: signedSdkHeaders(env.stack.gateway.url, '/admin', body),
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { data: { download_list: { tempFileURL: string }[] } };
  return answer.data.download_list.map((item) => item.tempFileURL);
}

test('with WeChat storage full (10 MB), saving says so and keeps what was typed', async () => {
  const app = await env.launch({ openid: DEMO.villageWorker });
  await app.waitForText('登记普法活动');
  await app.setOnline(false);

  // Other data of the mini-program fills the phone's 10 MB up to a few hundred bytes.
  const { storage } = app.device;
  for (let i = 0; i < 10; i++) storage.set(`cache.${i}`, JSON.stringify('x'.repeat(1000 * 1000)));
  const used = [...storage].reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  storage.set('cache.last', JSON.stringify('x'.repeat(10 * 1024 * 1024 - used - 300 - 'cache.last'.length - 2)));

  await app.tap('go-outreach');
  await app.waitForRoute('field/outreach/index');
  await app.type('field-topic', '存储已满时的登记');
  await app.tap('save-outreach');
  await app.waitForText('存储空间已满（10MB）');
  expect(app.route).toBe('field/outreach/index');
  expect(app.text()).toContain('存储已满时的登记');
  expect(outboxEntries(app)).toEqual([]);
}, 60000);

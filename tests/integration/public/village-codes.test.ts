/**
 * Village mini-program codes through the real requests function (real SDK → local gateway, whose
 * /wxapi stands in for WeChat's server API): the township admin gets a code image that decodes to the
 * village code, which opens that village's page; it is made once and kept in storage; the token is
 * fetched once and shared; a token WeChat no longer accepts is renewed; nobody else gets a code.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import type { VillageAnswer, VillageCodeAnswer } from '../../../src/domain/public/types';
import { villageCodeOf } from '../../../src/pages/village/village-model';
import type { WxApiCall } from '../../../emulator/wx-open-api';

let stack: AppStack;
const BAITU = '500114213201';
const SHABA = '500114213202';

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

const villageCode = (code: string, openid: string = DEMO.admin) =>
  stack.call<VillageCodeAnswer & { error?: { code: string; message: string } }>('requests', { action: 'villageCode', code }, openid);

async function wxCalls(): Promise<WxApiCall[]> {
  return ((await (await fetch(`${stack.gateway.url}/wxapi/dev/calls`)).json()) as { calls: WxApiCall[] }).calls;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** What a phone's camera reads from the image. */
function decodeQr(image: Buffer): string | undefined {
  const png = PNG.sync.read(image);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('a village mini-program code', () => {
  it('should decode to the village code, which opens that village page', async () => {
    const answer = await villageCode(BAITU);
    expect(answer).toMatchObject({ village: { code: BAITU, name: '白土村' }, page: 'pages/village/index', scene: BAITU });
    const image = await download(answer.imageUrl);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    const scene = decodeQr(image);
    expect(scene).toBe(BAITU);

    // WeChat opens the page with the scene URL-encoded in its query; the page reads it as the village.
    const code = villageCodeOf({ scene: encodeURIComponent(scene as string) });
    const page = await stack.call<VillageAnswer>('public', { action: 'village', code });
    expect(page.village).toMatchObject({ code: BAITU, name: '白土村' });

    const asked = (await wxCalls()).filter((c) => c.api === 'getwxacodeunlimit');
    expect(asked).toEqual([
      expect.objectContaining({
        errcode: 0,
        body: expect.objectContaining({ scene: BAITU, page: 'pages/village/index', env_version: 'develop', check_path: false }),
      }),
    ]);
  });

  it('should be made once and answered from storage afterwards, with one shared token', async () => {
    const first = await download((await villageCode(BAITU)).imageUrl);
    const again = await villageCode(BAITU);
    expect(await download(again.imageUrl)).toEqual(first);
    await villageCode(SHABA);
    const calls = await wxCalls();
    expect(calls.filter((c) => c.api === 'getwxacodeunlimit').map((c) => c.body.scene)).toEqual([BAITU, SHABA]);
    expect(calls.filter((c) => c.api === 'stable_token')).toHaveLength(1);
    const db = await stack.db();
    expect((await db.collection('village_codes').doc(BAITU).get()).data[0]).toMatchObject({ scene: BAITU, fileID: expect.stringContaining('village-codes/') });
  });

  it('should be made anew when it opens another version of the mini-program than the configured one', async () => {
    const db = await stack.db();
    await db.collection('village_codes').doc(SHABA).update({ envVersion: 'trial' });
    const before = (await wxCalls()).filter((c) => c.api === 'getwxacodeunlimit').length;
    expect(decodeQr(await download((await villageCode(SHABA)).imageUrl))).toBe(SHABA);
    expect((await wxCalls()).filter((c) => c.api === 'getwxacodeunlimit')).toHaveLength(before + 1);
    expect((await db.collection('village_codes').doc(SHABA).get()).data[0].envVersion).toBe('develop');
  });

  it('should renew a stored token WeChat no longer accepts, once', async () => {
    const db = await stack.db();
    const appid = (await db.collection('wx_tokens').limit(1).get()).data[0]._id as string;
    await db
      .collection('wx_tokens')
      .doc(appid)
      .set({ accessToken: 'expired-elsewhere', expiresAt: Date.now() + 3600_000 });
    const answer = await villageCode('500114213203');
    expect(decodeQr(await download(answer.imageUrl))).toBe('500114213203');
    const calls = (await wxCalls()).slice(-3);
    expect(calls.map((c) => [c.api, c.errcode])).toEqual([
      ['getwxacodeunlimit', 40001],
      ['stable_token', 0],
      ['getwxacodeunlimit', 0],
    ]);
  });

  it("should be refused to anyone but the village's own township admin, with nothing made", async () => {
    const db = await stack.db();
    await db
      .collection('orgs')
      .doc('500114214')
      .set({ code: '500114214', name: '石家镇', level: '乡镇', parentCode: '500114', path: ['500114', '500114214'] });
    await db.collection('accounts').doc('o-itest-other-admin').set({ name: '外乡管理员', role: '乡镇管理员', orgCode: '500114214' });
    const before = (await wxCalls()).length;
    expect(await villageCode('500114213204', 'o-itest-other-admin')).toMatchObject({ error: { code: 'OUT_OF_SCOPE' } });
    expect(await villageCode('500114213204', DEMO.mediator)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await villageCode('500114213', DEMO.admin)).toMatchObject({ error: { code: 'VILLAGE_NOT_FOUND' } });
    expect(await wxCalls()).toHaveLength(before);
    expect((await db.collection('village_codes').doc('500114213204').get()).data).toEqual([]);
  });
});

/**
 * 村二维码 in the production mini-program: the township admin taps a village and sees WeChat's code
 * for it (the local gateway stands in for WeChat's server API); the image decodes to the village code,
 * and a phone that scans it (launch scene 1047, query scene=<code>) opens that village's page. Saving
 * opens WeChat's image viewer on the phone and the "save as" dialog in PC WeChat.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DEMO } from '../helpers/app-stack';
import type { ViewNode } from './runtime/render';
import { weappStackForFile } from './helpers';

const env = weappStackForFile();

function imageSrc(node: ViewNode | string, id: string): string | undefined {
  if (typeof node === 'string') return undefined;
  if (node.attr.id === id && typeof node.attr.src === 'string') return node.attr.src;
  for (const child of node.children) {
    const found = imageSrc(child, id);
    if (found) return found;
  }
  return undefined;
}

async function decode(url: string): Promise<string | undefined> {
  const png = PNG.sync.read(Buffer.from(await (await fetch(url)).arrayBuffer()));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("the admin's code of 沙坝村 opens 沙坝村's page when scanned", async () => {
  const admin = await env.launch({ openid: DEMO.admin, path: 'resident/codes/index' });
  await admin.waitForText('沙坝村');
  await admin.tap('code-500114213202');
  await admin.waitForText('保存图片');
  const src = imageSrc(admin.screen(), 'code-image') as string;
  expect(src).toMatch(/^http/);
  const scene = await decode(src);
  expect(scene).toBe('500114213202');

  await admin.tap('code-save');
  await admin.settle(200);
  expect(admin.callsTo('previewImage')).toEqual([expect.objectContaining({ urls: [src], current: src })]);

  const resident = await env.launch({
    openid: 'o-weapp-resident-codes',
    path: 'pages/village/index',
    query: { scene: encodeURIComponent(scene as string) },
    scene: 1047,
  });
  await resident.waitForText('沙坝村');
  await resident.waitForText('我要调解');
}, 60000);

test('PC WeChat saves the code image to the computer', async () => {
  const admin = await env.launch({ openid: DEMO.admin, path: 'resident/codes/index', platform: 'windows' });
  await admin.waitForText('沙坝村');
  await admin.tap('code-500114213202');
  await admin.waitForText('保存图片');
  await admin.tap('code-save');
  await admin.settle(500);
  expect(admin.callsTo('downloadFile')).toHaveLength(1);
  expect(admin.callsTo('saveFileToDisk')).toHaveLength(1);
  expect(admin.text()).not.toContain('保存失败');
}, 60000);

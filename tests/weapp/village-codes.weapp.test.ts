/**
 * 村二维码 in the production mini-program: the township admin taps a village and sees WeChat's code
 * for it (the local gateway stands in for WeChat's server API); the image decodes to the village code,
 * and a phone that scans it (launch scene 1047, query scene=<code>) opens that village's page. 保存打印图片
 * draws the print picture on WeChat's offscreen canvas (the code, the village's and township's names
 * under it; runtime/canvas.ts paints it in Node) and opens it in WeChat's image viewer on the phone, or
 * the "save as" dialog of PC WeChat under the name 白土乡-沙坝村-村二维码.png.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DEMO } from '../helpers/app-stack';
import type { ViewNode } from './runtime/render';
import type { MiniProgram } from './runtime/mini-program';
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

/** The print picture a mini-program saved: printable, its code the village's, text painted under the code. */
function expectPrintPicture(app: MiniProgram, path: string): void {
  const bytes = app.device.files.get(path);
  expect(bytes).toBeDefined();
  const png = PNG.sync.read(bytes as Buffer);
  expect(png.width).toBeGreaterThanOrEqual(1000);
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found?.data).toBe('500114213202');
  const [code] = app.callsTo('canvas.drawImage');
  const texts = app.callsTo('canvas.fillText');
  expect(texts.map((t) => t.text)).toEqual(['沙坝村', '白土乡', '微信扫码，找本村法律顾问、调解员']);
  for (const t of texts) {
    expect(t.y - 0.8 * parseFloat(/(\d+)px/.exec(t.font)?.[1] ?? '0')).toBeGreaterThanOrEqual(code.y + code.height);
    expect(t.left).toBeGreaterThanOrEqual(0);
    expect(t.left + t.width).toBeLessThanOrEqual(png.width);
  }
  // Ink under the code, and white at the picture's bottom edge.
  const dark = (top: number, bottom: number) => {
    let n = 0;
    for (let i = top * png.width * 4; i < bottom * png.width * 4; i += 4) if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 384 && png.data[i + 3] > 0) n++;
    return n;
  };
  expect(dark(code.y + code.height, png.height)).toBeGreaterThan(png.width * 20);
  expect(dark(png.height - 4, png.height)).toBe(0);
}

test("the admin's code of 沙坝村 opens 沙坝村's page when scanned", async () => {
  const admin = await env.launch({ openid: DEMO.admin, path: 'resident/codes/index' });
  await admin.waitForText('沙坝村');
  await admin.tap('code-500114213202');
  await admin.waitForText('保存打印图片');
  const src = imageSrc(admin.screen(), 'code-image') as string;
  expect(src).toMatch(/^http/);
  const scene = await decode(src);
  expect(scene).toBe('500114213202');

  // Without a network the code cannot be fetched to draw: a clear message, and the button works again.
  await admin.setOnline(false);
  await admin.tap('code-save');
  await admin.waitForText('打印图片生成失败，请检查网络后重试');
  expect(admin.callsTo('previewImage')).toEqual([]);
  await admin.setOnline(true);

  await admin.tap('code-save');
  await admin.waitForText('已生成：白土乡-沙坝村-村二维码.png');
  expect(admin.text()).not.toContain('失败');
  const picture = imageSrc(admin.screen(), 'code-print-image') as string;
  expect(picture).toMatch(/^http:\/\/tmp\/canvas-/);
  expect(admin.callsTo('previewImage')).toEqual([expect.objectContaining({ urls: [picture], current: picture })]);
  expectPrintPicture(admin, picture);

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
  await admin.waitForText('保存打印图片');
  await admin.tap('code-save');
  await admin.waitForText('已生成：白土乡-沙坝村-村二维码.png');
  await admin.settle(200);
  expect(admin.callsTo('downloadFile')).toHaveLength(1);
  expect(admin.callsTo('saveFileToDisk')).toEqual([expect.objectContaining({ filePath: 'wxfile://usr/白土乡-沙坝村-村二维码.png' })]);
  expectPrintPicture(admin, 'wxfile://usr/白土乡-沙坝村-村二维码.png');
  expect(admin.text()).not.toContain('失败');
}, 60000);

/**
 * 村二维码's print picture in real Chromium (issue 11 item 5): the township admin saves a village's
 * picture; the browser downloads a PNG named for the township and village, wide enough to print, whose
 * code still decodes to the village (the scene WeChat opens the village page with), with the names
 * written under the code. Pictures: test-artifacts/e2e/village-print-code*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ARTIFACTS, phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, signInAs } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';

const env = browserStackForFile();
const VILLAGE = '500114213202';

/** Share of the pixels in rows [top, bottom) that are dark (ink on white). */
function darkShare(png: PNG, top: number, bottom: number): number {
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 3 * 128) dark++;
    }
  }
  return dark / ((bottom - top) * png.width);
}

test('the admin downloads a print picture of 沙坝村: its code opens the village, its name is printed under it', async () => {
  const page = await phonePage(env.browser);
  await signInAs(page, env.stack.gateway.url, DEMO.admin);
  await page.locator('#go-codes').click();
  await page.locator(`#code-${VILLAGE}`).click();
  await page.locator('#code-image img').waitFor();
  const bareUrl = (await page.locator('#code-image img').getAttribute('src')) as string;
  const bare = PNG.sync.read(Buffer.from(await (await fetch(bareUrl)).arrayBuffer()));

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.locator('#code-save').click()]);
  expect(download.suggestedFilename()).toBe('白土乡-沙坝村-村二维码.png');
  const png = PNG.sync.read(readFileSync((await download.path()) as string));
  mkdirSync(ARTIFACTS, { recursive: true });
  await download.saveAs(join(ARTIFACTS, 'village-print-code-download.png'));

  // Printable: at least 1000 px wide, the code no smaller than WeChat made it, room under it for text.
  expect(png.width).toBeGreaterThanOrEqual(1000);
  expect(png.height).toBeGreaterThan(bare.height + 200);
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(found?.data).toBe(VILLAGE);
  const codeBottom = Math.ceil(Math.max(found!.location.bottomLeftCorner.y, found!.location.bottomRightCorner.y));
  const symbolWidth = (q: typeof found) => q!.location.bottomRightCorner.x - q!.location.bottomLeftCorner.x;
  expect(symbolWidth(found)).toBeGreaterThanOrEqual(symbolWidth(jsQR(new Uint8ClampedArray(bare.data), bare.width, bare.height)) - 2);

  // On white, with ink under the code: the names and the hint.
  expect(darkShare(png, 0, 4)).toBe(0);
  const band = darkShare(png, codeBottom + 4, png.height);
  expect(band).toBeGreaterThan(0.01);
  expect(band).toBeLessThan(0.3);
  expect(darkShare(png, png.height - 4, png.height)).toBe(0);

  // The page shows what was saved.
  await page.locator('#code-print-image img').waitFor();
  await page.waitForFunction(() => (document.querySelector('#code-print-image img') as HTMLImageElement | null)?.complete === true);
  // Whole, not cut by its box: as tall as the picture is for its width.
  const shown = (await page.locator('#code-print-image img').boundingBox())!;
  const frame = (await page.locator('#code-print-image').boundingBox())!;
  expect(shown.height / shown.width).toBeCloseTo(png.height / png.width, 1);
  expect(frame.height).toBeGreaterThanOrEqual(shown.height - 1);
  await expect(page.locator('#code-print-name').innerText()).resolves.toContain('白土乡-沙坝村-村二维码.png');
  await expect(page.locator('#code-save').innerText()).resolves.toBe('保存打印图片');
  // Taro's H5 button takes disabled="false" for disabled: the button must be usable again.
  await expect(page.locator('#code-save').getAttribute('disabled')).resolves.toBeNull();
  await page.locator('#code-print-name').scrollIntoViewIfNeeded();
  await screenshot(page, 'village-print-code');
}, 90000);

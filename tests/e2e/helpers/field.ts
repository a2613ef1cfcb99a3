/**
 * Steps of the field-logging browser tests: signing in, opening forms, filling the shared form
 * controls by their element ids, reading the outbox the app keeps in localStorage, and making a photo.
 */
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export { signInAs } from './stack';

/** From the home page: the form's button, then its form. */
export async function openForm(page: Page, kind: string): Promise<void> {
  await page.locator(`#go-${kind}`).click();
  await page.locator(`#${kind}-form`).waitFor();
}

export async function backHome(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/home/index`);
  await page.locator('#whoami').waitFor();
}

export async function fillCount(page: Page, field: string, value: number): Promise<void> {
  const input = page.locator(`#field-${field} input`);
  await input.fill(String(value));
  await input.blur();
}

export async function fillText(page: Page, id: string, value: string): Promise<void> {
  const box = page.locator(`#${id} input, #${id} textarea`).first();
  await box.fill(value);
  await box.blur();
}

/** Saves the open form and waits for 我的记录. */
export async function saveForm(page: Page, kind: string): Promise<void> {
  await page.locator(`#save-${kind}`).click();
  await page.locator('#mine').waitFor({ timeout: 15000 });
}

export interface StoredEntry {
  id: string;
  kind: string;
  status: 'pending' | 'sent' | 'failed';
  record: Record<string, unknown>;
  photos: { local: string; fileID?: string }[];
  error?: { code: string; message: string };
  createdAt: number;
}

/** The outbox as the app keeps it (Taro storage on H5 wraps each value as {data}). */
export async function outboxEntries(page: Page): Promise<StoredEntry[]> {
  const entries = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('fazhi.outbox.e.'))
      .map((key) => (JSON.parse(localStorage.getItem(key) as string) as { data: unknown }).data),
  );
  return (entries as StoredEntry[]).sort((a, b) => a.createdAt - b.createdAt);
}

/** A w×h PNG of noise (so the app's JPEG compression has something to do). */
export function noisePng(w: number, h: number): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = i % (w * 3 + 1) === 0 ? 0 : seed >> 16;
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** Adds a photo through the app's photo tile, answering the browser's file chooser. */
export async function addPhoto(page: Page, image: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#field-photos-add').click()]);
  await chooser.setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: image });
  await page.locator('#field-photos-0 img, #field-photos-0 taro-image-core').first().waitFor({ timeout: 10000 });
}

/**
 * Two pictures of the current page at the phone's 375×667: what the person sees first
 * (`<name>.png`), and the whole page grown to its length (`<name>-full.png`).
 */
export async function phoneShots(page: Page, name: string, save: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelectorAll('.taro_page, .taro_router').forEach((el) => (el.scrollTop = 0));
  });
  await save(page, name);
  const height = await page.evaluate(() =>
    Math.max(document.documentElement.scrollHeight, ...Array.from(document.querySelectorAll('.taro_page')).map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: 375, height: Math.max(667, height) });
  await save(page, `${name}-full`);
  await page.setViewportSize({ width: 375, height: 667 });
}

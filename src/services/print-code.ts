/**
 * The print-ready picture of a village's code (layout: src/domain/public/print-code.ts), drawn where
 * a Chinese font exists — on the phone or computer in front of the admin, with a canvas — and saved
 * there: the mini-program draws on WeChat's offscreen canvas and saves through WeChat (PC WeChat: the
 * "save as" dialog; phone: WeChat's image viewer, whose long press saves, sends or prints); the
 * browser build draws on a page canvas and downloads the PNG.
 */
import Taro from '@tarojs/taro';
import type { VillageCodeAnswer } from '../domain/public/types';
import { PRINT_COLORS, printFileName, printFont, printLayout, type PrintLayout } from '../domain/public/print-code';
import { ApiError } from './errors';
import { browserDownload, isPcWechat } from './files';

export interface PrintPicture {
  /** What an <Image> shows and what is saved: a WeChat temp file, or a blob: address in the browser. */
  src: string;
  fileName: string;
  width: number;
  height: number;
}

const COMPOSE_MESSAGE = '打印图片生成失败，请检查网络后重试';
const SAVE_MESSAGE = '打印图片保存失败，请稍后重试';

/** The part of a 2D context both canvases share, as far as the drawing uses it. */
interface Context2D {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  imageSmoothingEnabled: boolean;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

const measureWith = (ctx: Context2D) => (text: string, fontSize: number, bold: boolean) => {
  ctx.font = printFont({ fontSize, bold });
  return ctx.measureText(text).width;
};

function draw(ctx: Context2D, code: unknown, layout: PrintLayout): void {
  ctx.fillStyle = PRINT_COLORS.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  // A QR code scaled with smoothing gets grey module edges; keep them sharp.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(code, layout.code.x, layout.code.y, layout.code.size, layout.code.size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (const line of layout.lines) {
    ctx.font = printFont(line);
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.centerX, line.baseline);
  }
}

/** Draws the picture of `code` with its village's and `township`'s names under it. */
export async function composePrintPicture(code: VillageCodeAnswer, township: string): Promise<PrintPicture> {
  const text = { village: code.village.name, township };
  const fileName = printFileName(text);
  try {
    const { src, width, height } = process.env.TARO_ENV === 'weapp' ? await composeInWechat(code.imageUrl, text) : await composeInBrowser(code.imageUrl, text);
    return { src, fileName, width, height };
  } catch {
    throw new ApiError('FILE', COMPOSE_MESSAGE);
  }
}

/** Saves a composed picture where the admin can print it. */
export async function savePrintPicture(picture: PrintPicture): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      if (isPcWechat()) {
        // The "save as" dialog offers the file's own name: copy the temp file to one named for the village.
        const filePath = `${Taro.env.USER_DATA_PATH}/${picture.fileName}`;
        Taro.getFileSystemManager().copyFileSync(picture.src, filePath);
        await Taro.saveFileToDisk({ filePath });
      } else {
        await Taro.previewImage({ urls: [picture.src], current: picture.src });
      }
    } catch {
      throw new ApiError('FILE', SAVE_MESSAGE);
    }
    return;
  }
  if (!browserDownload(picture.src, picture.fileName)) throw new ApiError('FILE', SAVE_MESSAGE);
}

/** Frees a picture no longer shown: the browser keeps a blob: address's bytes until it is revoked. */
export function releasePrintPicture(picture: PrintPicture): void {
  if (picture.src.startsWith('blob:')) URL.revokeObjectURL(picture.src);
}

// ---- the mini-program: WeChat's offscreen 2D canvas -------------------------------------------

interface WechatImage {
  width: number;
  height: number;
  src: string;
  onload: (() => void) | null;
  onerror: ((e: unknown) => void) | null;
}

interface WechatCanvas {
  getContext(type: '2d'): Context2D;
  createImage(): WechatImage;
}

const offscreen = (width: number, height: number) => Taro.createOffscreenCanvas({ type: '2d', width, height }) as unknown as WechatCanvas;

async function composeInWechat(url: string, text: { village: string; township: string }) {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`download ${statusCode}`);
  // A small canvas to load the code and measure the text; the picture's size follows from both.
  const scratch = offscreen(1, 1);
  const code = scratch.createImage();
  await new Promise<void>((resolve, reject) => {
    code.onload = () => resolve();
    code.onerror = reject;
    code.src = tempFilePath;
  });
  const layout = printLayout(text, code.width, measureWith(scratch.getContext('2d')));
  const canvas = offscreen(layout.width, layout.height);
  draw(canvas.getContext('2d'), code, layout);
  const out = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
    width: layout.width,
    height: layout.height,
    destWidth: layout.width,
    destHeight: layout.height,
  });
  return { src: out.tempFilePath, width: layout.width, height: layout.height };
}

// ---- the browser build: a canvas element ----------------------------------------------------

async function composeInBrowser(url: string, text: { village: string; township: string }) {
  // fetch, not <img src>: an image from the storage's origin would taint the canvas and forbid export.
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download ${res.status}`);
  const code = await createImageBitmap(await res.blob());
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  const layout = printLayout(text, code.width, measureWith(ctx));
  canvas.width = layout.width;
  canvas.height = layout.height;
  draw(ctx, code, layout);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('canvas export failed');
  return { src: URL.createObjectURL(blob), width: layout.width, height: layout.height };
}

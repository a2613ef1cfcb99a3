/* eslint-disable @typescript-eslint/no-explicit-any -- the options cross into untyped mini-program code */
/**
 * WeChat's offscreen 2D canvas (`wx.createOffscreenCanvas({ type: '2d' })`) and its export
 * (`wx.canvasToTempFilePath({ canvas })`), as far as the app draws: filled rectangles and images are
 * really painted into pixels (nearest neighbour), so an exported PNG can be decoded; Node has no font,
 * so text is painted as one dark box per character (where WeChat puts ink) and each `fillText` is
 * recorded (`app.callsTo('canvas.fillText')`) so a test can read what was written. Images load only
 * from files on the device (a download's temp path), after a tick, as WeChat's do; drawing an image
 * before it loaded, an unknown context type, or an unknown member fails the test.
 */
import { PNG } from 'pngjs';
import type { WxHost } from './wx';
import { strict } from './wx';

interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel; a new canvas is transparent black as in WeChat. */
  data: Buffer;
}

const rasterOf = (width: number, height: number): Raster => ({ width, height, data: Buffer.alloc(Math.max(0, width * height * 4)) });

/** `#rgb`, `#rrggbb` or black: the colours the app uses. */
function parseColor(style: unknown): [number, number, number] {
  const hex = typeof style === 'string' ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(style.trim())?.[1] : undefined;
  if (!hex) return [0, 0, 0];
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function fill(raster: Raster, x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
  const x0 = Math.max(0, Math.round(x));
  const y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(raster.width, Math.round(x + w));
  const y1 = Math.min(raster.height, Math.round(y + h));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      const i = (py * raster.width + px) * 4;
      raster.data[i] = rgb[0];
      raster.data[i + 1] = rgb[1];
      raster.data[i + 2] = rgb[2];
      raster.data[i + 3] = 255;
    }
  }
}

/** The px size of a canvas font string such as `bold 90px "PingFang SC", sans-serif` (WeChat's default: 10px). */
const fontPx = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10);

/** A Chinese character (or full-width sign) as wide as the font is high; other characters about half. */
const textWidth = (text: string, px: number) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? px : 0.55 * px), 0);

export function createCanvasApi(host: WxHost) {
  const canvases = new WeakMap<object, Raster>();
  const images = new WeakMap<object, { raster?: Raster }>();
  let exported = 0;

  function createImage() {
    const state: { raster?: Raster } = {};
    let src = '';
    const image: Record<string, any> = strict(
      'Image',
      {
        width: 0,
        height: 0,
        onload: null,
        onerror: null,
        get src() {
          return src;
        },
        set src(value: string) {
          src = value;
          const bytes = host.device.files.get(value);
          host.setTimer(() => {
            if (!bytes) return image.onerror?.({ errMsg: `image load fail: ${value}` });
            const png = PNG.sync.read(bytes);
            state.raster = { width: png.width, height: png.height, data: png.data };
            image.width = png.width;
            image.height = png.height;
            image.onload?.();
          }, 0);
        },
      },
      host,
    );
    images.set(image, state);
    return image;
  }

  function context(raster: Raster) {
    const ctx: Record<string, any> = strict(
      'CanvasRenderingContext2D',
      {
        fillStyle: '#000000',
        font: '10px sans-serif',
        textAlign: 'start',
        textBaseline: 'alphabetic',
        imageSmoothingEnabled: true,
        fillRect(x: number, y: number, w: number, h: number) {
          fill(raster, x, y, w, h, parseColor(ctx.fillStyle));
        },
        drawImage(image: object, dx: number, dy: number, dw?: number, dh?: number) {
          const source = images.get(image)?.raster;
          if (!source) return host.fail('drawImage of an image that was not made by this canvas or has not loaded');
          const w = Math.round(dw ?? source.width);
          const h = Math.round(dh ?? source.height);
          host.record('canvas.drawImage', { x: dx, y: dy, width: w, height: h });
          for (let y = 0; y < h; y++) {
            const ty = Math.round(dy) + y;
            if (ty < 0 || ty >= raster.height) continue;
            const sy = Math.min(source.height - 1, Math.floor((y * source.height) / h));
            for (let x = 0; x < w; x++) {
              const tx = Math.round(dx) + x;
              if (tx < 0 || tx >= raster.width) continue;
              const sx = Math.min(source.width - 1, Math.floor((x * source.width) / w));
              source.data.copy(raster.data, (ty * raster.width + tx) * 4, (sy * source.width + sx) * 4, (sy * source.width + sx) * 4 + 4);
            }
          }
        },
        fillText(text: string, x: number, y: number) {
          const px = fontPx(ctx.font);
          const width = textWidth(String(text), px);
          const left = ctx.textAlign === 'center' ? x - width / 2 : ctx.textAlign === 'right' || ctx.textAlign === 'end' ? x - width : x;
          host.record('canvas.fillText', { text: String(text), x, y, font: ctx.font, fillStyle: ctx.fillStyle, left, width });
          // Ink stand-in: a box per character between the baseline and ~0.8 of the size above it.
          let cursor = left;
          for (const ch of String(text)) {
            const w = textWidth(ch, px);
            if (ch.trim() !== '') fill(raster, cursor + w * 0.1, y - px * 0.8, w * 0.8, px * 0.8, parseColor(ctx.fillStyle));
            cursor += w;
          }
        },
        measureText(text: string) {
          return host.fromHost({ width: textWidth(String(text), fontPx(ctx.font)) });
        },
      },
      host,
    );
    return ctx;
  }

  return {
    createOffscreenCanvas(options: any = {}) {
      host.record('createOffscreenCanvas', options);
      if (options.type !== '2d') host.fail(`createOffscreenCanvas of type ${String(options.type)}: the test runtime draws only 2d`);
      const raster = rasterOf(Math.round(options.width ?? 300), Math.round(options.height ?? 150));
      const ctx = context(raster);
      const canvas = strict(
        'OffscreenCanvas',
        {
          width: raster.width,
          height: raster.height,
          getContext(type: string) {
            if (type !== '2d') host.fail(`getContext('${type}') of a 2d offscreen canvas: WeChat does not mix types`);
            return ctx;
          },
          createImage,
        },
        host,
      );
      canvases.set(canvas, raster);
      return canvas;
    },
    /** The body of `canvasToTempFilePath` (the caller wraps it in WeChat's async style). */
    toTempFile(options: any): { tempFilePath: string } {
      const raster = options.canvas ? canvases.get(options.canvas) : undefined;
      if (!raster) throw new Error('canvasToTempFilePath: fail canvas is empty');
      if (options.fileType !== undefined && options.fileType !== 'png') throw new Error('the test runtime exports png only');
      const x = Math.round(options.x ?? 0);
      const y = Math.round(options.y ?? 0);
      const width = Math.round(options.width ?? raster.width - x);
      const height = Math.round(options.height ?? raster.height - y);
      const destWidth = Math.round(options.destWidth ?? width);
      const destHeight = Math.round(options.destHeight ?? height);
      const png = new PNG({ width: destWidth, height: destHeight });
      for (let py = 0; py < destHeight; py++) {
        const sy = y + Math.floor((py * height) / destHeight);
        for (let px = 0; px < destWidth; px++) {
          const sx = x + Math.floor((px * width) / destWidth);
          if (sx < raster.width && sy < raster.height)
            raster.data.copy(png.data, (py * destWidth + px) * 4, (sy * raster.width + sx) * 4, (sy * raster.width + sx) * 4 + 4);
        }
      }
      const tempFilePath = `http://tmp/canvas-${++exported}.png`;
      host.device.files.set(tempFilePath, PNG.sync.write(png));
      return { tempFilePath };
    },
  };
}

/**
 * A village's code image for the township console. The mini-program's own code (wxacode) needs WeChat's
 * server; here a plain QR of the village page's H5 address is drawn in pure JS (a GIF data URL, no
 * canvas), which works in the browser build and in the mini-program alike. Pure.
 */
import qrcode from 'qrcode-generator';

/** The address a village's QR leads to: the H5 app's origin plus the village page's path. */
export function villageUrl(origin: string, h5Path: string): string {
  return `${origin.replace(/\/+$/, '')}${h5Path}`;
}

export interface QrImage {
  dataUrl: string;
  /** Modules per side: a reader needs ~4 px each. */
  modules: number;
}

export function qrImage(text: string, cellSize = 6): QrImage {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return { dataUrl: qr.createDataURL(cellSize, cellSize * 4), modules: qr.getModuleCount() };
}

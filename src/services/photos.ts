/**
 * Photos of events and cases: taken or chosen, compressed, kept on the phone as files until the outbox
 * uploads them to cloud storage. Like transport.ts, this switches once on the platform:
 * - weapp: chooseMedia (compressed) + compressImage, kept in the user data folder (survives the app
 *   being killed), uploaded with Taro.cloud.uploadFile, shown through getTempFileURL;
 * - h5 (the local stack): the chosen file is shrunk on a canvas and kept in IndexedDB (a blob: URL dies
 *   with the page), uploaded with `POST /api/upload?path=…` to the local gateway, shown from
 *   signed, expiring URLs that `POST /api/file` answers (the gateway's getTempFileURL).
 * Failures are ApiErrors the outbox's decide() understands: NETWORK and UPLOAD_FAILED are retried,
 * PHOTO_MISSING (the kept file is gone) waits for the person.
 */
import Taro from '@tarojs/taro';
import { ApiError, NETWORK_MESSAGE } from './errors';
import { getDevIdentity } from './identity';
import { IDENTITY_HEADER } from './transport';
import type { OutboxPhoto } from './outbox/types';

export const MAX_PHOTOS = 9;
/** Longest side after compression: plenty for a record, about 150–300 KB as JPEG. */
const MAX_SIDE = 1280;
const QUALITY = 0.7;

export const PHOTO_MISSING_MESSAGE = '照片文件已不在手机上，请删除这张照片后重新保存';
const UPLOAD_FAILED_MESSAGE = '照片上传失败，稍后自动重试';
const PHOTO_UNSUPPORTED_MESSAGE = '这张照片的格式无法上传（只收 JPG、PNG、WebP、HEIC 照片），请删除这张照片后换一张';
const PHOTO_TAKEN_MESSAGE = '这张照片的位置已有别人上传的照片，请删除这张照片后重新添加';

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** Opens the camera or album; answers the kept copies (local references), [] when cancelled. */
export async function choosePhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  try {
    return isWeapp() ? await chooseWeapp(count) : await chooseH5(count);
  } catch (error) {
    const msg = String((error as { errMsg?: string } | null)?.errMsg ?? '');
    if (/cancel|abort/i.test(msg)) return [];
    throw new ApiError('PHOTO_FAILED', '照片没有保存成功，请重试');
  }
}

/** Something an <Image> can show for a kept photo. */
export async function photoSrc(local: string): Promise<string> {
  if (isWeapp()) return local;
  const blob = await idb('readonly', (store) => store.get(idbKey(local)));
  return blob instanceof Blob ? URL.createObjectURL(blob) : '';
}

export async function uploadPhoto(photo: OutboxPhoto, cloudPath: string): Promise<string> {
  return isWeapp() ? uploadWeapp(photo.local, cloudPath) : uploadH5(photo.local, cloudPath);
}

export async function forgetPhoto(local: string): Promise<void> {
  if (isWeapp()) {
    try {
      Taro.getFileSystemManager().unlinkSync(local);
    } catch {
      // Already gone.
    }
    return;
  }
  await idb('readwrite', (store) => store.delete(idbKey(local))).catch(() => undefined);
}

/** Viewable URLs of uploaded photos (fileIDs), in order; '' where one cannot be had. */
export async function photoUrls(fileIDs: readonly string[]): Promise<string[]> {
  if (fileIDs.length === 0) return [];
  if (!isWeapp()) return tempUrlsH5(fileIDs);
  try {
    const res = await Taro.cloud.getTempFileURL({ fileList: [...fileIDs] });
    return fileIDs.map((id) => res.fileList.find((f) => f.fileID === id)?.tempFileURL ?? '');
  } catch {
    return fileIDs.map(() => '');
  }
}

// ---- weapp -------------------------------------------------------------------------------------

async function chooseWeapp(count: number): Promise<string[]> {
  const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] });
  const fs = Taro.getFileSystemManager();
  const kept: string[] = [];
  for (const file of res.tempFiles) {
    let src = file.tempFilePath;
    try {
      src = (await Taro.compressImage({ src, quality: 60 })).tempFilePath;
    } catch {
      // The album copy is already compressed by chooseMedia; keep it as it is.
    }
    const target = `${Taro.env.USER_DATA_PATH}/photo-${Date.now()}-${kept.length}.jpg`;
    kept.push(fs.saveFileSync(src, target) as string);
  }
  return kept;
}

async function uploadWeapp(local: string, cloudPath: string): Promise<string> {
  try {
    Taro.getFileSystemManager().accessSync(local);
  } catch {
    throw new ApiError('PHOTO_MISSING', PHOTO_MISSING_MESSAGE);
  }
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: local });
    if (!res.fileID) throw new Error('no fileID');
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
}

// ---- h5 ----------------------------------------------------------------------------------------

const DB_NAME = 'fazhi-photos';
const STORE = 'files';
const IDB_PREFIX = 'idb:';
const idbKey = (local: string) => local.slice(IDB_PREFIX.length);

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function idb<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

async function chooseH5(count: number): Promise<string[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const kept: string[] = [];
  for (const file of res.tempFiles) {
    const original = (file as { originalFileObj?: Blob }).originalFileObj;
    if (!original) continue;
    const blob = await shrink(original).catch(() => original);
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    await idb('readwrite', (store) => store.put(blob, key));
    kept.push(IDB_PREFIX + key);
  }
  return kept;
}

/** Scales to MAX_SIDE and re-encodes as JPEG; the original when that would not make it smaller. */
async function shrink(file: Blob): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const el = new Image();
      el.onload = () => resolve(el);
      el.onerror = () => reject(new Error('not an image'));
      el.src = url;
    });
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    return out && out.size < file.size ? out : file;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function uploadH5(local: string, cloudPath: string): Promise<string> {
  const blob = await idb('readonly', (store) => store.get(idbKey(local))).catch(() => undefined);
  if (!(blob instanceof Blob)) throw new ApiError('PHOTO_MISSING', PHOTO_MISSING_MESSAGE);
  return postUpload(blob, cloudPath, PHOTO_REFUSALS, 'image/jpeg');
}

/** What the person is told when the gateway refuses an upload: by its status, what to do next. */
export interface UploadRefusals {
  /** Anything else (retried by the outbox for photos). */
  failed: ApiError;
  /** 415: not the kind of file the folder takes. */
  unsupported: ApiError;
  /** 403: the path belongs to someone else. */
  taken: ApiError;
}

const PHOTO_REFUSALS: UploadRefusals = {
  failed: new ApiError('UPLOAD_FAILED', UPLOAD_FAILED_MESSAGE),
  // Refusals a retry cannot change wait for the person, with what to do.
  unsupported: new ApiError('PHOTO_UNSUPPORTED', PHOTO_UNSUPPORTED_MESSAGE),
  taken: new ApiError('PHOTO_TAKEN', PHOTO_TAKEN_MESSAGE),
};

/**
 * The browser build's upload to the local gateway (`POST /api/upload`, as the signed-in person): the
 * fileID, or NETWORK (retry later) or the caller's refusal for the status. Photos and ledger files use it.
 */
export async function postUpload(blob: Blob, cloudPath: string, refusals: UploadRefusals, defaultType = 'application/octet-stream'): Promise<string> {
  const headers: Record<string, string> = { 'content-type': blob.type || defaultType };
  const openid = getDevIdentity();
  if (openid) headers[IDENTITY_HEADER] = openid;
  let res: Response;
  try {
    res = await fetch(`/api/upload?path=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: blob });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) throw new ApiError('NETWORK', NETWORK_MESSAGE);
  const body = (await res.json().catch(() => null)) as { fileID?: unknown } | null;
  if (res.ok && body && typeof body.fileID === 'string') return body.fileID;
  if (res.status === 415) throw refusals.unsupported;
  if (res.status === 403) throw refusals.taken;
  throw refusals.failed;
}

/** The gateway's getTempFileURL for the signed-in person: signed URLs that expire, '' where none. */
async function tempUrlsH5(fileIDs: readonly string[]): Promise<string[]> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const openid = getDevIdentity();
  if (openid) headers[IDENTITY_HEADER] = openid;
  try {
    const res = await fetch('/api/file', { method: 'POST', headers, body: JSON.stringify({ fileList: fileIDs }) });
    const body = (await res.json()) as { fileList?: { fileID: string; tempFileURL: string }[] };
    return fileIDs.map((id) => body.fileList?.find((f) => f.fileID === id)?.tempFileURL ?? '');
  } catch {
    return fileIDs.map(() => '');
  }
}

/** Storage through the SDK: uploadFile, getTempFileURL (+ fetching the URL), downloadFile, deleteFile. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

let gw: GatewayProcess;
let app: ReturnType<typeof sdkApp>;

beforeAll(async () => {
  gw = await startGatewayProcess({ args: ['--workers', '0:1'] });
  app = sdkApp(gw.url);
});

afterAll(async () => {
  await gw?.dispose();
});

test('upload, temp URL, fetch, download, delete round-trip the exact bytes', async () => {
  const bytes = randomBytes(300 * 1024);
  const up = await app.uploadFile({ cloudPath: 'photos/2024/村 照片 1.jpg', fileContent: bytes });
  expect(up.fileID).toBe(`cloud://${gw.envId}.local-bucket/photos/2024/村 照片 1.jpg`);
  expect(existsSync(join(gw.dataDir, 'storage', 'photos', '2024', '村 照片 1.jpg'))).toBe(true);

  const urls = await app.getTempFileURL({ fileList: [up.fileID, { fileID: 'cloud://x.y/missing.jpg', maxAge: 60 }] });
  expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, code: 'SUCCESS' });
  expect(urls.fileList[1]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' });
  const res = await fetch(encodeURI(urls.fileList[0].tempFileURL));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

  const dl = await app.downloadFile({ fileID: up.fileID });
  expect(Buffer.isBuffer(dl.fileContent) && dl.fileContent.equals(bytes)).toBe(true);

  const del = await app.deleteFile({ fileList: [up.fileID, 'cloud://x.y/never.txt'] });
  expect(del.fileList).toEqual([
    { fileID: up.fileID, code: 'SUCCESS' },
    { fileID: 'cloud://x.y/never.txt', code: 'STORAGE_FILE_NONEXIST' },
  ]);
  expect((await fetch(encodeURI(urls.fileList[0].tempFileURL))).status).toBe(404);
  await expect(app.downloadFile({ fileID: up.fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
});

test('an upload overwrites; paths escaping the storage root are refused', async () => {
  await app.uploadFile({ cloudPath: 'docs/a.txt', fileContent: Buffer.from('one') });
  const up = await app.uploadFile({ cloudPath: 'docs/a.txt', fileContent: Buffer.from('two') });
  expect((await app.downloadFile({ fileID: up.fileID })).fileContent?.toString()).toBe('two');
  await expect(app.uploadFile({ cloudPath: '../outside.txt', fileContent: Buffer.from('x') })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  expect((await fetch(`${gw.url}/__cos/..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
});

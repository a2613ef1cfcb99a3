/**
 * Contract: replays, in order, every request the real SDK sent in captures.json (skipping `mark`
 * entries) against a fresh gateway, and checks each answer has the shape the SDK accepts — and, where
 * the captured answer is deterministic (error codes, counts, ids, list lengths), the same content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedSdkHeaders, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';

interface Capture {
  mark?: string;
  method: string;
  url: string;
  body: unknown;
  status: number;
  response: unknown;
}
type Json = Record<string, unknown>;

/** A copy of /work/shared/cloudbase-protocol/captures.json, so the repository is self-contained. */
const CAPTURES = join(__dirname, 'fixtures', 'captures.json');
const captures = (JSON.parse(readFileSync(CAPTURES, 'utf8')) as Capture[]).filter((c) => !c.mark);
let gw: GatewayProcess;

beforeAll(async () => {
  gw = await startGatewayProcess({ functionsDir: join(__dirname, 'fixtures', 'functions'), args: ['--workers', '1:2'] });
});

afterAll(async () => {
  await gw?.dispose();
});

const isEjsonString = (s: unknown): boolean => {
  if (typeof s !== 'string') return false;
  const v = JSON.parse(s) as unknown;
  return v !== null && typeof v === 'object' && !Array.isArray(v);
};

/** The fields the SDK reads for each action (see PROTOCOL.md), and the captured values to match. */
function checkAnswer(action: string, got: Json, want: Json): void {
  expect(typeof got.requestId).toBe('string');
  if (typeof want.code === 'string') {
    expect({ action, code: got.code }).toEqual({ action, code: want.code });
    expect(typeof got.message).toBe('string');
    return;
  }
  expect({ action, code: got.code, message: got.message }).toEqual({ action, code: undefined, message: undefined });
  const d = got.data as Json;
  const w = want.data as Json;
  switch (action) {
    case 'database.getDocument':
    case 'database.aggregateDocuments':
      expect(Array.isArray(d.list)).toBe(true);
      expect((d.list as unknown[]).every(isEjsonString)).toBe(true);
      expect((d.list as unknown[]).length).toBe((w.list as unknown[]).length);
      break;
    case 'database.insertDocument':
      expect((d.insertedIds as unknown[]).length).toBe((w.insertedIds as unknown[]).length);
      (w.insertedIds as string[]).forEach((id, i) =>
        expect((d.insertedIds as string[])[i]).toMatch(/^[0-9a-f]{32}$/.test(id) ? /^[0-9a-f]{32}$/ : new RegExp(`^${id}$`)),
      );
      break;
    case 'database.calculateDocument':
      expect(d.total).toBe(w.total);
      break;
    case 'database.modifyDocument':
      expect(typeof d.updated).toBe('number');
      expect(d.upsert_id).toEqual(w.upsert_id);
      break;
    case 'database.modifyAndReturnDoc':
      expect(d.updated).toBe(w.updated);
      expect(isEjsonString(d.doc)).toBe(true);
      break;
    case 'database.removeDocument':
      expect(d.deleted).toBe(w.deleted);
      break;
    case 'database.startTransaction':
      expect(got.transactionId).toMatch(/^txn-/);
      break;
    case 'storage.getUploadMetadata':
      for (const k of ['url', 'token', 'authorization', 'fileId', 'cosFileId', 'download_url']) expect(typeof d[k]).toBe('string');
      expect(d.fileId).toBe(w.fileId);
      break;
    case 'storage.batchGetDownloadUrl':
      expect((d.download_list as Json[]).map((x) => [x.fileID, x.code])).toEqual((w.download_list as Json[]).map((x) => [x.fileID, x.code]));
      break;
    case 'storage.batchDeleteFile':
      expect(d.delete_list).toEqual(w.delete_list);
      break;
    case 'functions.invokeFunction':
      expect(JSON.parse(d.response_data as string)).toEqual(JSON.parse(w.response_data as string));
      break;
    default:
      expect(got).not.toHaveProperty('code');
  }
}

/**
 * Where this gateway deliberately answers differently from the probe that answered the captures
 * (PROTOCOL.md: the responses are a probe's, not Tencent Cloud's). In the "txn-conflict" capture a
 * transaction writes a document another transaction committed after it read it; the probe accepted
 * the write and refused the commit, CloudBase (MongoDB's write-conflict rule) refuses the write at
 * once. Either way the SDK's runTransaction sees DATABASE_TRANSACTION_CONFLICT and re-runs.
 */
const CLOUDBASE_ANSWERS: Record<string, Json> = {
  '/admin?env=e1&seqId=1a200e814b1_8': { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' },
};

test(`replays all ${captures.length} captured SDK requests in order`, async () => {
  const uploaded = new Map<string, Buffer>();
  // The gateway issues its own transaction and document ids: later requests use the captured ones,
  // so they are rewritten to the ids this gateway answered.
  const ids = new Map<string, string>();
  const rewrite = (text: string): string => {
    for (const [from, to] of ids) text = text.split(from).join(to);
    return text;
  };
  const actions = new Set<string>();
  // Storage URLs are signed: a PUT carries the authorization of the last upload metadata, a GET is
  // the temp URL the gateway answered for that path.
  let upload: Json = {};
  const tempUrls = new Map<string, string>();
  for (const c of captures) {
    const path = c.url;
    if (c.method === 'PUT') {
      const bytes = Buffer.from(`bytes of ${path}`);
      uploaded.set(path, bytes);
      const headers = { authorization: String(upload.authorization), 'x-cos-security-token': String(upload.token) };
      const res = await fetch(gw.url + path, { method: 'PUT', body: bytes, headers });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      continue;
    }
    if (c.method === 'GET') {
      const res = await fetch(encodeURI(tempUrls.get(decodeURI(path)) ?? gw.url + path));
      expect(res.status).toBe(c.status);
      expect(Buffer.from(await res.arrayBuffer()).equals(uploaded.get(path) as Buffer)).toBe(true);
      continue;
    }
    const body = JSON.parse(rewrite(JSON.stringify(c.body))) as Json;
    actions.add(body.action as string);
    const res = await fetch(gw.url + path, { method: 'POST', headers: signedSdkHeaders(gw.url, path, body), body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    const got = (await res.json()) as Json;
    if (body.action === 'storage.getUploadMetadata') upload = got.data as Json;
    for (const d of ((got.data as Json | undefined)?.download_list as Json[] | undefined) ?? []) {
      if (d.tempFileURL) tempUrls.set(new URL(d.tempFileURL as string).pathname, d.tempFileURL as string);
    }
    const want = CLOUDBASE_ANSWERS[c.url] ?? (c.response as Json);
    if (body.action === 'database.startTransaction') ids.set(want.transactionId as string, got.transactionId as string);
    if (body.action === 'database.insertDocument' && !want.code) {
      (want.data as { insertedIds: string[] }).insertedIds.forEach((id, i) => ids.set(id, (got.data as { insertedIds: string[] }).insertedIds[i]));
    }
    try {
      checkAnswer(body.action as string, got, want);
    } catch (err) {
      throw new Error(
        `capture ${c.url} ${JSON.stringify(body).slice(0, 300)}\n→ ${JSON.stringify(got).slice(0, 600)}\nwanted ${JSON.stringify(want).slice(0, 600)}\n${(err as Error).message}`,
      );
    }
  }
  expect(actions.size).toBeGreaterThanOrEqual(14);
}, 60000);

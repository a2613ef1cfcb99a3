/**
 * The local CloudBase-compatible gateway: one HTTP server on 127.0.0.1 with
 *   POST <any other path, e.g. /admin>  CloudBase SDK actions (`{action, …}` → `{data|code, requestId}`)
 *   GET|HEAD|PUT /__cos/<path>         storage bytes (upload target and temp download URLs)
 *   POST /api/fn/<name>                the H5 app's callFunction, identity from `x-fazhi-openid`
 *   GET /api/health                    `{ok: true}`
 *   POST /tcbapi                       the management API cloud:setup calls (management.ts)
 *   GET /api/dev/people                the dev sign-in's list of accounts, in dev mode only
 *   /wxapi/*                           the stand-in for WeChat's server API (wx-open-api.ts)
 *   GET /*                             the built H5 app when `staticDir` is set
 * Before any route: Host and Origin checks, CORS and nosniff (access.ts); SDK actions must carry the
 * SDK's signature with the data directory's credentials (sdk-auth.ts, credentials.ts).
 * Everything is wired here; the parts live in store, db-read/db-write, transactions, storage and functions/.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { databaseActions } from './db-actions';
import { Access } from './access';
import { loadOrCreateCredentials, rememberCredentials, storageKeyOf } from './credentials';
import { Codes, GatewayError, INTERNAL_MESSAGE, newRequestId, toErrorBody } from './errors';
import { FunctionHost, unwrap } from './functions/host';
import { FN_PREFIX, handleFnHttp } from './functions/http';
import { LOCAL_APP_ID } from './functions/protocol';
import { readBody, sendJson } from './http-util';
import { verifySdkSignature } from './sdk-auth';
import { sdkEnv } from './sdk-env';
import { serveStatic } from './static';
import { handleDevPeople } from './dev-people';
import { readIndexCatalog } from './index-catalog';
import { writeRunFile, removeRunFile } from './run-file';
import { COS_PREFIX, FileStorage } from './storage';
import { Store } from './store';
import { TxnManager } from './transactions';
import { handleUploadRoutes } from './upload';
import { Management, MANAGEMENT_PATH } from './management';
import { Work } from './work';
import { WX_API_PREFIX, WxOpenApiStandIn, wxOpenApiEnv } from './wx-open-api';

export interface GatewayOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  dataDir: string;
  /** Default `<cwd>/cloudfunctions`. */
  functionsDir?: string;
  /** The database declaration whose indexes the store keeps; default `<cwd>/cloudbase/database.json`. */
  databaseSpec?: string;
  staticDir?: string;
  /** Default `local-env`. */
  envId?: string;
  /** WX_APPID given to callers of /api/fn. */
  appId?: string;
  minWorkers?: number;
  maxWorkers?: number;
  /** Function time limit after cold start; CloudBase's default is 3 s, the local default 10 s. */
  functionTimeoutMs?: number;
  txnIdleMs?: number;
  /** Log every SDK action to stderr. */
  verbose?: boolean;
  /** Dev mode (`npm run dev`): the dev sign-in's routes (`/api/dev/people`) are served. */
  dev?: boolean;
  /** Origins besides its own the H5 app is served from (CORS), e.g. the dev server's. */
  appOrigins?: string[];
}

export interface Gateway {
  url: string;
  port: number;
  envId: string;
  dataDir: string;
  close(): Promise<void>;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GatewayError(Codes.INVALID_PARAM, `${what} is not valid JSON`);
  }
}

type ActionHandler = (body: Record<string, unknown>, now: number, work: Work) => Promise<Record<string, unknown>> | Record<string, unknown>;

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const envId = options.envId ?? 'local-env';
  const dataDir = resolve(options.dataDir);
  const store = new Store(dataDir, readIndexCatalog(options.databaseSpec ?? resolve(process.cwd(), 'cloudbase', 'database.json')));
  const credentials = loadOrCreateCredentials(dataDir);
  const txns = new TxnManager(store, { idleMs: options.txnIdleMs ?? 60000 });
  const management = new Management(store, dataDir, envId, credentials);
  let url = '';
  const files = new FileStorage(dataDir, () => url, storageKeyOf(credentials));
  // Created once the port is known (workers need the gateway URL); routes read it through `fn`.
  const fn: { host?: FunctionHost } = {};
  const fnHttp = { appId: options.appId ?? LOCAL_APP_ID, bodyLimit: 100 * 1024 };
  const wxApi = new WxOpenApiStandIn(dataDir, fnHttp.appId);

  const envOf = (body: Record<string, unknown>): string => (typeof body.envName === 'string' && body.envName ? body.envName : envId);
  const actions: Record<string, ActionHandler> = {
    'storage.getUploadMetadata': (b) => ({ data: files.getUploadMetadata(b, envOf(b)) }),
    'storage.batchGetDownloadUrl': async (b) => ({ data: await files.batchGetDownloadUrl(b) }),
    'storage.batchDeleteFile': async (b) => ({ data: await files.batchDeleteFile(b) }),
    'functions.invokeFunction': async (b) => {
      if (typeof b.function_name !== 'string') throw new GatewayError(Codes.INVALID_PARAM, 'function_name is required');
      const event = typeof b.request_data === 'string' && b.request_data !== '' ? b.request_data : '{}';
      parseJson(event, 'request_data');
      // Server-to-server: no caller identity, as on CloudBase.
      return { data: { response_data: unwrap(await (fn.host as FunctionHost).invoke(b.function_name, event, undefined)) } };
    },
  };
  for (const [name, fn] of Object.entries(databaseActions)) actions[name] = (b, now, work) => fn({ store, txns, work }, b, now);

  async function handleAction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    let action = '';
    // The caller gave up (the SDK's request timeout closes the socket): long reads stop (work.ts).
    const work = new Work();
    res.once('close', () => {
      if (!res.writableFinished) work.cancel();
    });
    try {
      const raw = await readBody(req, 64 * 1024 * 1024);
      const body = parseJson(raw.toString('utf8'), 'request body') as Record<string, unknown>;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new GatewayError(Codes.INVALID_PARAM, 'request body must be a JSON object');
      verifySdkSignature(req, body, credentials);
      action = typeof body.action === 'string' ? body.action : '';
      const handler = actions[action];
      if (!handler) throw new GatewayError(Codes.INVALID_ACTION, `action not supported by the local gateway: ${action || '(none)'}`);
      const out = await handler(body, Date.now(), work);
      sendJson(res, 200, { ...out, requestId });
      if (options.verbose) console.error(`[gateway] ${action} ok`);
    } catch (err) {
      const e = toErrorBody(err);
      if (options.verbose || e.code === Codes.SYS_ERR) console.error(`[gateway] ${action || 'request'} → ${e.code}: ${e.message}`);
      sendJson(res, 200, { ...e, requestId });
    }
  }

  // Created once the port is known (the gateway's own origin), before the first request.
  const guard: { access?: Access } = {};
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(guard.access as Access).admit(req, res)) return;
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/api/dev/people' && req.method === 'GET' && options.dev) {
      handleDevPeople(store, res);
    } else if (pathname === '/api/health') {
      sendJson(res, 200, { ok: true, envId });
    } else if (await handleUploadRoutes(files, envId, req, res, pathname)) {
      // H5 photo upload and download (upload.ts).
    } else if (pathname.startsWith(FN_PREFIX)) {
      await handleFnHttp(fn.host as FunctionHost, fnHttp, req, res, pathname.slice(FN_PREFIX.length));
    } else if (pathname === MANAGEMENT_PATH && req.method === 'POST') {
      await management.handle(req, res); // the management API for cloud:setup (management.ts)
    } else if (pathname.startsWith(`${WX_API_PREFIX}/`)) {
      await wxApi.handle(req, res, (req.url ?? '').slice(WX_API_PREFIX.length));
    } else if (pathname.startsWith(COS_PREFIX)) {
      await files.handleCos(req, res, pathname.slice(COS_PREFIX.length));
    } else if (pathname.startsWith('/api/')) {
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
    } else if (req.method === 'POST') {
      await handleAction(req, res);
    } else if (options.staticDir) {
      await serveStatic(options.staticDir, req, res, pathname);
    } else {
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `no route for ${req.method} ${pathname}` } });
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      // The details (paths, messages of the runtime) go to the log; the answer names only the code.
      const e = toErrorBody(err);
      console.error(`[gateway] ${req.method} ${req.url} failed: ${e.code}: ${e.message}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: e.code, message: INTERNAL_MESSAGE } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  guard.access = new Access({ port, boundHost: options.host, appOrigins: options.appOrigins });
  rememberCredentials(url, credentials);
  fn.host = new FunctionHost({
    functionsDir: options.functionsDir ?? resolve(process.cwd(), 'cloudfunctions'),
    sdkEnv: { ...sdkEnv(url, envId, credentials), ...wxOpenApiEnv(url, fnHttp.appId) },
    envId,
    minWorkers: options.minWorkers ?? 2,
    maxWorkers: options.maxWorkers ?? 4,
    timeoutMs: options.functionTimeoutMs ?? 10000,
  });

  writeRunFile(dataDir, url);
  // Documents are decoded on first read; decode the rest now, between requests.
  void store.warm();
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      await fn.host?.close();
      server.closeAllConnections();
      await stopped;
      txns.close();
      store.close();
      removeRunFile(dataDir);
    })());

  return { url, port, envId, dataDir, close };
}

/**
 * Test helper: runs the gateway as a CHILD PROCESS (as the dev script does), so tests can kill -9 it,
 * and builds real `@cloudbase/node-sdk` apps pointed at it. Nothing here mocks the SDK.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tcb from '@cloudbase/node-sdk';
import { sign } from '@cloudbase/signature-nodejs';
import { credentialsFor, readCredentials, rememberCredentials } from '../../emulator/credentials';

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'emulator', 'main.ts');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

// Without it the SDK probes a cloud metadata host before every call (PROTOCOL.md).
process.env.TENCENTCLOUD = 'true';
// The SDK's ">3 s" slow-request warning timer outlives requests that fail (e.g. after kill -9) and
// keeps Jest waiting; tests measure time themselves.
process.env.SILENCE = 'true';

export interface GatewayProcessOptions {
  dataDir?: string;
  functionsDir?: string;
  staticDir?: string;
  envId?: string;
  /** Extra CLI arguments (e.g. ['--fn-timeout', '1000']). */
  args?: string[];
  /** How long a start may take before it counts as failed (20 s; the bench loads a million records). */
  readyTimeoutMs?: number;
}

export interface GatewayProcess {
  url: string;
  port: number;
  envId: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the gateway printed so far (stdout + stderr), for failure messages. */
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit: no chance to flush or close anything. */
  kill9(): Promise<void>;
  /** Starts again on the same data directory and port (after stop or kill9). */
  restart(): Promise<void>;
  /** Stops it and deletes the data directory if this helper created it. */
  dispose(): Promise<void>;
}

export const tempDir = (prefix = 'gw-'): string => mkdtempSync(join(tmpdir(), prefix));

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => child.once('exit', () => ok()));
}

async function launch(args: string[], log: string[], readyTimeoutMs = 20000): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (c: Buffer) => log.push(c.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error(`gateway not ready after ${readyTimeoutMs / 1000} s:\n${log.join('')}`)), readyTimeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      const s = c.toString();
      log.push(s);
      buf += s;
      const m = /ready (http:\/\/[\d.]+:\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`gateway exited (${code}) before ready:\n${log.join('')}`));
    });
  });
  return { child, url };
}

/**
 * The gateway generated its SDK credentials in the data directory on first start; remember them for
 * its URL so sdkApp, withLocalSdk and sdkEnv in this process sign with them.
 */
function trustGateway(url: string, dataDir: string): void {
  const credentials = readCredentials(dataDir);
  if (!credentials) throw new Error(`gateway at ${url} wrote no credentials into ${dataDir}`);
  rememberCredentials(url, credentials);
}

export async function startGatewayProcess(opts: GatewayProcessOptions = {}): Promise<GatewayProcess> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? tempDir();
  const envId = opts.envId ?? 'test-env';
  const log: string[] = [];
  const base = ['--data', dataDir, '--env', envId, ...(opts.args ?? [])];
  if (opts.functionsDir) base.push('--functions', opts.functionsDir);
  if (opts.staticDir) base.push('--static', opts.staticDir);
  let { child, url } = await launch(['--port', '0', ...base], log, opts.readyTimeoutMs);
  trustGateway(url, dataDir);
  const gp: GatewayProcess = {
    url,
    port: Number(new URL(url).port),
    envId,
    dataDir,
    process: child,
    output: () => log.join(''),
    async stop() {
      child.kill('SIGTERM');
      await waitExit(child);
    },
    async kill9() {
      child.kill('SIGKILL');
      await waitExit(child);
    },
    async restart() {
      await waitExit(child);
      ({ child, url } = await launch(['--port', String(gp.port), ...base], log, opts.readyTimeoutMs));
      trustGateway(url, dataDir);
      gp.process = child;
      gp.url = url;
    },
    async dispose() {
      await gp.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return gp;
}

/**
 * A real SDK app talking to the gateway with its credentials (remembered when the gateway was started
 * here); `timeout` is short so a dead gateway fails fast.
 */
export function sdkApp(url: string, envId = 'test-env', timeout = 15000): tcb.CloudBase {
  const credentials = credentialsFor(url);
  if (!credentials) throw new Error(`no credentials known for the gateway at ${url}: start it with startGatewayProcess or startGateway`);
  return tcb.init({ env: envId, serviceUrl: `${url}/admin`, ...credentials, timeout });
}

/**
 * Headers that make a hand-built SDK action (`POST <url><path>` with JSON `body`) acceptable to the
 * gateway: signed as the SDK signs, with the gateway's credentials. For tests replaying raw requests.
 */
export function signedSdkHeaders(url: string, path: string, body: Record<string, unknown>): Record<string, string> {
  const credentials = credentialsFor(url);
  if (!credentials) throw new Error(`no credentials known for the gateway at ${url}`);
  const headers = { 'content-type': 'application/json', host: new URL(url).host };
  const { authorization, timestamp } = sign({
    ...credentials,
    method: 'post',
    url: url + path,
    params: body,
    headers,
    withSignedParams: true,
    timestamp: Math.floor(Date.now() / 1000),
  });
  return { ...headers, authorization, 'x-timestamp': String(timestamp), 'x-signature-expires': '600' };
}

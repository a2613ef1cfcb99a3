/**
 * The function host: runs `<functionsDir>/<name>/index.ts` in a small pool of worker processes.
 *
 * One invocation per worker at a time (identity is process-wide, see worker.ts); `minWorkers` are
 * forked at start so the first call does not pay for booting Node + tsx, more are forked up to
 * `maxWorkers` when all are busy (a function calling another function must not deadlock the pool),
 * and beyond that invocations queue; which queued one a free worker takes is scheduler.ts's rule
 * (cheap calls never wait behind heavy ones, no caller takes every worker). A worker that exceeds the time limit is killed and replaced; one
 * whose function throws survives. The timeout clock starts once the module is loaded, so a cold
 * start does not count against it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Codes, GatewayError } from '../errors';
import { IDENTITY_KEYS, identityEnv, type Identity, type InvokeMessage, type WorkerMessage } from './protocol';
import { Scheduler, SERVER_CALLER, type Ticket } from './scheduler';

export interface HostOptions {
  functionsDir: string;
  /** Variables pointing the SDK at the gateway (sdkEnv()). */
  sdkEnv: Record<string, string>;
  envId: string;
  minWorkers: number;
  maxWorkers: number;
  timeoutMs: number;
  /** A kind of call whose average run exceeds this is heavy (scheduler.ts); default 200 ms. */
  heavyMs?: number;
}

export type InvokeResult = { ok: true; json: string } | { ok: false; code: string; message: string };

interface Job extends Ticket {
  id: number;
  msg: InvokeMessage;
  done: (r: InvokeResult) => void;
  timer?: NodeJS.Timeout;
  /** When the module was loaded and the function started: its run time is timed from here. */
  startedAt?: number;
}

interface Worker {
  child: ChildProcess;
  job?: Job;
  ready: boolean;
  /** Killed (time limit) or gone: never given another job. */
  exited: boolean;
}

const WORKER_FILE = join(__dirname, 'worker.ts');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
const ENTRY_NAMES = ['index.ts', 'index.js'];

export class FunctionHost {
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly scheduler: Scheduler<Job>;
  private nextId = 1;
  private closed = false;
  /** Workers that died before saying ready, in a row: stops a respawn loop when workers cannot boot. */
  private bootFailures = 0;
  readonly dir: string;

  constructor(private readonly opts: HostOptions) {
    this.dir = resolve(opts.functionsDir);
    this.scheduler = new Scheduler<Job>(() => opts.maxWorkers, opts.heavyMs ?? 200);
    for (let i = 0; i < opts.minWorkers; i++) this.spawn();
  }

  /** `<dir>/<name>/index.ts` for a deployable function; `lib` and dot/underscore folders are not functions. */
  entryOf(name: string): string | undefined {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name) || name === 'lib') return undefined;
    for (const entry of ENTRY_NAMES) {
      const file = join(this.dir, name, entry);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  }

  list(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).filter((n) => this.entryOf(n) !== undefined);
  }

  /**
   * `caller` names who asked, for fair scheduling: the openid by default, SERVER_CALLER when there is
   * no identity (server-to-server); the H5 endpoint passes `anon:<ip>` for residents.
   */
  invoke(name: string, eventJson: string, identity: Identity | undefined, caller = identity?.openid ?? SERVER_CALLER): Promise<InvokeResult> {
    const file = this.entryOf(name);
    if (!file) return Promise.resolve({ ok: false, code: Codes.FUNCTION_NOT_FOUND, message: `function not found: ${name}` });
    if (this.closed) return Promise.resolve({ ok: false, code: Codes.SYS_ERR, message: 'gateway is shutting down' });
    const id = this.nextId++;
    const env = identityEnv(identity);
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: this.opts.timeoutMs,
      request_id: `local-${id}-${Date.now().toString(16)}`,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.opts.envId,
      environment: JSON.stringify({ ...this.opts.sdkEnv, ...env }),
    };
    return new Promise((done) => {
      this.queue.push({ id, done, kind: Scheduler.kindOf(name, eventJson), caller, msg: { type: 'invoke', id, name, file, event: eventJson, context, env } });
      this.pump();
    });
  }

  private spawn(): Worker {
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.opts.sdkEnv };
    for (const k of IDENTITY_KEYS) delete env[k];
    const child = fork(WORKER_FILE, [], {
      execPath: process.execPath,
      execArgv: ['--import', TSX_LOADER, '--enable-source-maps'],
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const w: Worker = { child, ready: false, exited: false };
    this.workers.push(w);
    child.on('message', (m: WorkerMessage) => this.onMessage(w, m));
    child.on('exit', (code, signal) => this.onExit(w, code, signal));
    child.on('error', () => undefined);
    return w;
  }

  /** Hands queued jobs to idle ready workers, and forks more (up to the max) for what is left. */
  private pump(): void {
    while (this.queue.length > 0) {
      const w = this.workers.find((x) => x.ready && !x.job && !x.exited);
      if (!w) break;
      const next = this.scheduler.pick(this.queue);
      if (next < 0) break;
      const [job] = this.queue.splice(next, 1);
      w.job = job;
      this.scheduler.started(job);
      w.child.send(job.msg);
    }
    if (this.bootFailures >= 3) {
      for (const job of this.queue.splice(0)) job.done({ ok: false, code: Codes.SYS_ERR, message: 'function workers fail to start' });
      this.bootFailures = 0;
      return;
    }
    const booting = this.workers.filter((x) => !x.ready && !x.exited).length;
    let missing = Math.min(this.queue.length - booting, this.opts.maxWorkers - this.workers.length);
    while (missing-- > 0) this.spawn();
  }

  private onMessage(w: Worker, m: WorkerMessage): void {
    const job = w.job;
    if (m.type === 'ready') {
      w.ready = true;
      this.bootFailures = 0;
      this.pump();
    } else if (m.type === 'started' && job?.id === m.id) {
      job.startedAt = Date.now();
      job.timer = setTimeout(() => this.timeout(w, job), this.opts.timeoutMs);
    } else if (m.type === 'result' && job?.id === m.id) {
      clearTimeout(job.timer);
      w.job = undefined;
      this.scheduler.finished(job, job.startedAt === undefined ? undefined : Date.now() - job.startedAt);
      if (m.ok) job.done({ ok: true, json: m.json });
      else {
        console.error(`[functions] ${job.msg.name} threw: ${m.error.stack ?? m.error.message}`);
        job.done({ ok: false, code: Codes.FUNCTION_EXECUTE_FAIL, message: m.error.message });
      }
      this.pump();
    }
  }

  private timeout(w: Worker, job: Job): void {
    if (w.job !== job) return;
    w.job = undefined;
    w.exited = true;
    this.scheduler.finished(job, this.opts.timeoutMs);
    job.done({ ok: false, code: Codes.FUNCTION_TIMEOUT, message: `Invoking task timed out after ${this.opts.timeoutMs / 1000} seconds` });
    w.child.kill('SIGKILL');
  }

  private onExit(w: Worker, code: number | null, signal: string | null): void {
    w.exited = true;
    if (!w.ready) this.bootFailures++;
    this.workers.splice(this.workers.indexOf(w), 1);
    if (w.job) {
      clearTimeout(w.job.timer);
      this.scheduler.finished(w.job, undefined);
      w.job.done({ ok: false, code: Codes.FUNCTION_EXECUTE_FAIL, message: `function process exited (${signal ?? code})` });
      w.job = undefined;
    }
    if (this.closed) return;
    if (this.workers.length < this.opts.minWorkers && this.bootFailures < 3) this.spawn();
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.done({ ok: false, code: Codes.SYS_ERR, message: 'gateway is shutting down' });
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((res) => {
            if (w.exited) return res();
            const t = setTimeout(() => w.child.kill('SIGKILL'), 2000);
            w.child.once('exit', () => {
              clearTimeout(t);
              res();
            });
            w.child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Throws the CloudBase-shaped error for a failed invocation (used by the SDK-facing action). */
export function unwrap(r: InvokeResult): string {
  if (r.ok) return r.json;
  throw new GatewayError(r.code, r.message);
}

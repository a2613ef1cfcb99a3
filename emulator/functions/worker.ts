/**
 * A function worker: one child process running one invocation at a time, as a CloudBase function
 * instance does. Loaded modules are cached (a cold start happens once per worker and function).
 *
 * The caller's identity lives in process.env (that is where the real SDK reads it), which is why a
 * worker never runs two invocations at once: the variables are set just before `main` and removed
 * right after. The SDK-pointing variables (TCB_CONTEXT_CNFG, SCF_NAMESPACE, credentials) come from
 * the host when it forks this process. Started with `--import tsx` so `index.ts` loads directly.
 */
import { pathToFileURL } from 'node:url';
import { IDENTITY_KEYS, type InvokeMessage, type WorkerMessage } from './protocol';

type Main = (event: unknown, context: unknown) => unknown;
const modules = new Map<string, Main>();

function send(msg: WorkerMessage): void {
  process.send?.(msg);
}

async function load(file: string): Promise<Main> {
  const cached = modules.get(file);
  if (cached) return cached;
  const mod = (await import(pathToFileURL(file).href)) as { main?: unknown; default?: unknown };
  const def = mod.default as { main?: unknown } | undefined;
  const main = mod.main ?? def?.main ?? (typeof mod.default === 'function' ? mod.default : undefined);
  if (typeof main !== 'function') throw new Error(`${file} does not export a main(event, context) function`);
  modules.set(file, main as Main);
  return main as Main;
}

function clearIdentity(): void {
  for (const k of IDENTITY_KEYS) delete process.env[k];
}

async function invoke(msg: InvokeMessage): Promise<void> {
  try {
    const main = await load(msg.file);
    send({ type: 'started', id: msg.id });
    clearIdentity();
    Object.assign(process.env, msg.env);
    let value: unknown;
    try {
      value = await main(JSON.parse(msg.event), msg.context);
    } finally {
      clearIdentity();
    }
    // The runtime answers JSON; `undefined` becomes null as with a JSON response body.
    send({ type: 'result', id: msg.id, ok: true, json: JSON.stringify(value) ?? 'null' });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    send({ type: 'result', id: msg.id, ok: false, error: { name: e.name, message: e.message, stack: e.stack } });
  }
}

process.on('message', (msg: InvokeMessage) => {
  if (msg?.type === 'invoke') void invoke(msg);
});

// A function's stray rejection must not kill the instance (and the invocations queued behind it).
process.on('unhandledRejection', (reason) => {
  console.error('[worker] unhandled rejection:', reason);
});

process.on('disconnect', () => process.exit(0));

clearIdentity();
send({ type: 'ready' });

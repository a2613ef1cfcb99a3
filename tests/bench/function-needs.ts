/**
 * The figures behind the functions' time limits and memory in cloudbaserc.json: runs the heavy
 * actions (figures, quality check, report preview and .docx, year close) on the demo township through
 * the local function host and prints each one's time and the workers' peak memory (VmHWM).
 * `npx tsx tests/bench/function-needs.ts` (Linux: reads /proc). Workers run TypeScript through tsx,
 * so their memory is an upper bound of the bundled function's.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startAppStack, DEMO } from '../helpers/app-stack';
import { beijingDate } from '../../src/domain/dates';

const hwm = (pid: number): string => /VmHWM:\s+(\d+ kB)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';

async function main(): Promise<void> {
  const now = new Date();
  const year = Number(beijingDate(now).slice(0, 4));
  const stack = await startAppStack(now, { functions: 'gateway' });
  const gpid = stack.gateway.process.pid as number;
  const calls: Array<[string, string, Record<string, unknown>]> = [
    ['console', 'overview', { action: 'overview', year }],
    ['console', 'quality', { action: 'quality', year }],
    ['console', 'reportPreview', { action: 'reportPreview', year }],
    ['console', 'reportDocx', { action: 'reportDocx', year }],
    ['console', 'reportDocx again', { action: 'reportDocx', year }],
    ['figures', 'get', { action: 'get', period: String(year) }],
    ['records', 'list', { action: 'list', kind: 'outreach', period: String(year) }],
    ['console', 'close', { action: 'close', year: year - 1 }],
  ];
  for (const [fn, label, data] of calls) {
    const t = Date.now();
    await stack.call(fn, data, DEMO.admin);
    console.log(`${fn}.${label}: ${Date.now() - t} ms`);
  }
  const kids = execSync(`ps -o pid=,args= --ppid ${gpid}`).toString().trim().split('\n');
  for (const k of kids) {
    const pid = Number(k.trim().split(/\s+/)[0]);
    console.log(`worker ${pid} peak RSS ${hwm(pid)} :: ${k.trim().slice(0, 80)}`);
  }
  await stack.stop();
}
void main();

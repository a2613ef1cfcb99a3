/**
 * `<dataDir>/gateway.json` = `{ url, pid }` while a gateway serves that data directory, so the command
 * line can use the running gateway instead of opening the same database a second time.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunFile {
  url: string;
  pid: number;
}

const fileOf = (dataDir: string) => join(dataDir, 'gateway.json');

export function writeRunFile(dataDir: string, url: string): void {
  writeFileSync(fileOf(dataDir), JSON.stringify({ url, pid: process.pid } satisfies RunFile));
}

export function removeRunFile(dataDir: string): void {
  rmSync(fileOf(dataDir), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The gateway recorded for a data directory, if its process is still alive. */
export function readRunFile(dataDir: string): RunFile | null {
  let run: { url?: unknown; pid?: unknown };
  try {
    run = JSON.parse(readFileSync(fileOf(dataDir), 'utf8'));
  } catch {
    return null;
  }
  if (typeof run.url !== 'string' || typeof run.pid !== 'number' || !isAlive(run.pid)) return null;
  return { url: run.url, pid: run.pid };
}

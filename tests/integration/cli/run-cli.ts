/**
 * Test helper: the command line, either spawned as the real process (`node --import tsx scripts/cli.ts`,
 * about a second each) or run in this process through the same `main` (for the many cheaper checks).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../../scripts/cli';

const ROOT = resolve(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'scripts', 'cli.ts');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: readonly string[], dataDir: string, extraEnv: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, FAZHI_DATA_DIR: dataDir, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', fail);
    child.once('close', (code) => ok({ code: code ?? -1, stdout, stderr }));
  });
}

export async function runCli(args: readonly string[], dataDir: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: { ...process.env, FAZHI_DATA_DIR: dataDir },
    cwd: ROOT,
  });
  return { code, stdout: out.map((l) => `${l}\n`).join(''), stderr: err.map((l) => `${l}\n`).join('') };
}

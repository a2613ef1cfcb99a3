/**
 * The command line for operators: `npm run cli -- <command> …` (see scripts/cli/usage.ts). A thin
 * dispatcher: each command lives in scripts/cli/<command>.ts, the work itself in cloudfunctions/lib.
 * Results go to stdout, every error to stderr in Chinese with a non-zero exit code.
 */
import { AppError } from '../cloudfunctions/lib/errors';
import { WorkbookError } from '../cloudfunctions/lib/ledger/xlsx';
import { CliError } from './cli/args';
import type { Command, Io } from './cli/io';
import { USAGE } from './cli/usage';

/** Loaded on demand, so that a typo does not pay for the gateway and the SDK. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./cli/import')).run,
  figures: async () => (await import('./cli/figures')).run,
  export: async () => (await import('./cli/export')).run,
  report: async () => (await import('./cli/report')).run,
  close: async () => (await import('./cli/close')).close,
  reopen: async () => (await import('./cli/close')).reopen,
  'grant-admin': async () => (await import('./cli/grant-admin')).run,
  reminders: async () => (await import('./cli/reminders')).run,
  summaries: async () => (await import('./cli/summaries')).run,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return 0;
  }
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    io.err(name === undefined ? '请给出要执行的命令。' : `不认识的命令：${name}`);
    io.err(USAGE);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof AppError || error instanceof WorkbookError) {
      io.err(`错误：${error.message}`);
      return error instanceof CliError ? error.code : 1;
    }
    io.err(`出错了：${error instanceof Error ? error.message : String(error)}`);
    if (io.env.FAZHI_DEBUG) io.err(String((error as Error)?.stack ?? ''));
    return 1;
  }
}

if (require.main === module) {
  // Whatever the gateway or the SDK log must not mix into results (`figures --json` is parsed).
  console.log = console.error;
  console.info = console.error;
  const io: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
  void main(process.argv.slice(2), io).then((code) => {
    // Exit once both streams are flushed: keep-alive sockets of the SDK would hold the process open.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  });
}

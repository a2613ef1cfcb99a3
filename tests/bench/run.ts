/**
 * `npm run bench [-- --records <n>] [--keep <dir>]`: every benchmark, one after another; each prints
 * its figures and ratios. `--records` sizes the synthetic county (default 200 000, a few minutes;
 * issue 14's goals are stated at 1 000 000). `--keep <dir>` keeps the generated county stores in
 * <dir> and copies them from there on the next run instead of generating them again (a 1M county
 * takes a minute or more to generate); a change to the generator makes new ones. `--only figures`
 * runs only the county's township-year figures, pipeline path and record creates (for iterating on them).
 * `--only import` runs the county's import figure alone (the county at `--records`, then the CLI
 * import; the county's own summaries are not rebuilt, as the import reads and checks only its
 * township's), for iterating on the import without the rest.
 */
import { resolve } from 'node:path';
import { benchGateway } from './gateway';
import { benchCounty, benchCountyImport } from './county/bench';

const DEFAULT_RECORDS = 200_000;

export function recordsArg(argv: readonly string[]): number {
  const at = argv.indexOf('--records');
  if (at < 0) return DEFAULT_RECORDS;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1000) throw new Error(`--records wants a whole number of at least 1000, got ${argv[at + 1]}`);
  return value;
}

/** The directory of `--keep <dir>`, if given. */
export function keepArg(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--keep');
  if (at < 0) return undefined;
  const dir = argv[at + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--keep wants a directory to keep the generated county in');
  return resolve(dir);
}

/** The part of `--only <part>`, if given. */
export function onlyArg(argv: readonly string[]): 'figures' | 'import' | undefined {
  const at = argv.indexOf('--only');
  if (at < 0) return undefined;
  const part = argv[at + 1];
  if (part !== 'figures' && part !== 'import') throw new Error(`--only wants figures or import, got ${part}`);
  return part;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const records = recordsArg(argv);
  const keep = keepArg(argv);
  const only = onlyArg(argv);
  if (only === 'import') return benchCountyImport({ records, keep });
  if (!only) {
    await benchGateway();
    console.log('');
  }
  await benchCounty({ records, keep, only });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

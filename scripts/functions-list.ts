/** The deployable cloud functions: every folder of cloudfunctions/ with an index.ts, except lib. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FUNCTIONS_DIR = join(__dirname, '..', 'cloudfunctions');

export function functionNames(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'lib' && existsSync(join(dir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

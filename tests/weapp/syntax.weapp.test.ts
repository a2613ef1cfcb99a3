/**
 * WeChat cannot polyfill syntax: on older iOS and Android engines a file with `?.`, `??`, object
 * spread or async functions leaves the page blank. Every script of the production build must parse as
 * ES2015 (project.config.json's es6/enhance are only a second net, applied at upload).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';

const DIST = join(__dirname, '..', '..', 'dist', 'weapp');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

test('every script of dist/weapp parses as ES2015', () => {
  const files = scripts(DIST);
  expect(files.length).toBeGreaterThan(20);
  const failures: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    try {
      parse(source, { ecmaVersion: 2015, sourceType: 'script' });
    } catch (error) {
      const pos = (error as { pos?: number }).pos ?? 0;
      failures.push(`${relative(DIST, file)}: ${(error as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 60), pos + 20))}`);
    }
  }
  expect(failures).toEqual([]);
});

/**
 * PC WeChat: the mini-program declares `resizable`, so the console opens in a large window the person
 * can stretch. Sizes must not grow with the window (no rpx); the console centres at its max-width and
 * takes its two-column layout on a wide window.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './runtime/mini-program';

function wxss(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return wxss(full);
    return entry.name.endsWith('.wxss') ? [full] : [];
  });
}

test('the app is resizable in PC WeChat and its styles keep their size in a wide window', () => {
  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as { resizable?: boolean };
  expect(app.resizable).toBe(true);

  const sheets = wxss(DIST);
  expect(sheets.filter((file) => readFileSync(file, 'utf8').includes('rpx'))).toEqual([]);
  const console = wxss(join(DIST, 'console'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  expect(console).toMatch(/\.console\{[^}]*max-width:1080px/);
  expect(console).toMatch(/@media \(min-width:768px\)\{\.console \.page-two\{[^}]*display:flex/);
});

/**
 * `npm run lint` also checks formatting, so a file written in another shape fails the build instead of
 * drifting. This proves the check runs from the lint command, covers the code folders, and refuses a
 * file the project's formatter settings would rewrite. Prettier's API is ESM-only at runtime in places,
 * so the probe runs in one child Node process, as the lint probe does.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

const CHECK_PROBES = `
const prettier = require('prettier');
const probes = JSON.parse(process.argv[1]);
(async () => {
  const out = [];
  for (const p of probes) {
    const options = await prettier.resolveConfig(require('path').resolve(p.file));
    out.push(await prettier.check(p.code, { ...options, filepath: p.file }));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function formatted(probes: { file: string; code: string }[]): boolean[] {
  return JSON.parse(execFileSync(process.execPath, ['-e', CHECK_PROBES, JSON.stringify(probes)], { cwd: ROOT, encoding: 'utf8' })) as boolean[];
}

describe('the formatter check', () => {
  it('should run as part of npm run lint over every code folder', () => {
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toContain('npm run format:check');
    for (const folder of ['src', 'cloudfunctions', 'emulator', 'scripts', 'tests']) expect(scripts['format:check'].split(' ')).toContain(folder);
  });

  it("should refuse code in another shape and accept the project's own", () => {
    const [doubleQuoted, squeezed, house] = formatted([
      { file: 'src/domain/probe.ts', code: 'export const a = "村";\n' },
      { file: 'cloudfunctions/lib/probe.ts', code: 'export function f(a:number){return a+1}\n' },
      { file: 'src/domain/probe.ts', code: "export const a = '村';\n" },
    ]);
    expect(doubleQuoted).toBe(false);
    expect(squeezed).toBe(false);
    expect(house).toBe(true);
  });
});

/**
 * The production mini-program build: what WeChat DevTools opens and CloudBase deploys. The dev sign-in
 * must not be in it, every cloud function must be a self-contained folder that loads and exports
 * `main`, cloudbaserc.json must deploy exactly those functions, and the main package must fit.
 * dist/weapp is the one the weapp project's global setup built; rebuilding it here (as this test once
 * did from the integration project) replaced it under the running weapp tests with a build that names
 * no CloudBase environment.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { functionNames } from '../../scripts/functions-list';

const ROOT = join(__dirname, '..', '..');
const WEAPP = join(ROOT, 'dist', 'weapp');
const FUNCTIONS = join(ROOT, 'dist', 'cloudfunctions');
let sizeReport = '';

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:functions'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 << 20,
  });
  sizeReport = execFileSync('npm', ['run', '--silent', 'size'], { cwd: ROOT, encoding: 'utf8' });
}, 300000);

describe('the production weapp build', () => {
  it('should have no dev sign-in page', () => {
    const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as { pages: string[] };
    expect(app.pages).toContain('pages/home/index');
    expect(app.pages.some((page) => page.includes('signin'))).toBe(false);
    expect(existsSync(join(WEAPP, 'pages', 'signin'))).toBe(false);
  });

  it('should bundle every cloud function into a folder that loads on its own and exports main', () => {
    const names = functionNames();
    expect(readdirSync(FUNCTIONS).sort()).toEqual(names);
    for (const name of names) {
      const manifest = JSON.parse(readFileSync(join(FUNCTIONS, name, 'package.json'), 'utf8'));
      expect(Object.keys(manifest.dependencies)).toEqual(['@cloudbase/node-sdk']);
      const source = readFileSync(join(FUNCTIONS, name, 'index.js'), 'utf8');
      // Nothing of the repository is required at run time: domain and lib are compiled in.
      expect(source).not.toMatch(/require\(["']\.\.?\//);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(join(FUNCTIONS, name, 'index.js')) as { main?: unknown };
      expect(typeof loaded.main).toBe('function');
    }
  });

  it('should deploy exactly the bundled functions with cloudbaserc.json', () => {
    const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functionRoot: string; functions: { name: string }[] };
    expect(rc.functionRoot).toBe('./dist/cloudfunctions');
    expect(rc.functions.map((fn) => fn.name).sort()).toEqual(functionNames());
  });

  it('should keep the main package within the 1.5 MB budget (WeChat allows 2 MB)', () => {
    const kb = Number(/main package:\s*([\d.]+)\s*KB/.exec(sizeReport)?.[1]);
    expect(kb).toBeGreaterThan(50);
    expect(kb).toBeLessThanOrEqual(1536);
  });
});

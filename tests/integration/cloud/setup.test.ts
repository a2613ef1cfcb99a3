/**
 * `npm run cloud:setup` for real: the script (as a process, with the real @cloudbase/manager-node)
 * against the local gateway's management API. It refuses to guess an environment, prints its plan
 * on --dry-run without changing anything, creates every declared collection, index and rule, and a
 * second run finds nothing to do.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sdkApp, startGatewayProcess, type GatewayProcess } from '../../helpers/gateway';
import { credentialsFor } from '../../../emulator/credentials';
import { loadDatabaseSpec } from '../../../scripts/cloud/database-spec';

const ROOT = resolve(__dirname, '..', '..', '..');
const SETUP = join(ROOT, 'scripts', 'cloud', 'setup.ts');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
const spec = loadDatabaseSpec();
const INDEXES = spec.collections.reduce((n, c) => n + c.indexes.length, 0);

let gw: GatewayProcess;

beforeAll(async () => {
  gw = await startGatewayProcess({ envId: 'fazhi-county-1', args: ['--workers', '0:1'] });
});
afterAll(async () => {
  await gw?.dispose();
});

function setup(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, SETUP, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TCB_BASE_URL: `${gw.url}/tcbapi`,
        TENCENTCLOUD_SECRETID: credentialsFor(gw.url)?.secretId,
        TENCENTCLOUD_SECRETKEY: credentialsFor(gw.url)?.secretKey,
        ...env,
      },
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

const missingCollections = async (): Promise<string[]> => {
  const db = sdkApp(gw.url, gw.envId).database();
  const missing: string[] = [];
  for (const c of spec.collections) {
    try {
      await db.collection(c.name).count();
    } catch {
      missing.push(c.name);
    }
  }
  return missing;
};

test('without ENV_ID it stops and says so; there is no default environment', async () => {
  const r = await setup(['--dry-run'], { ENV_ID: undefined });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('ENV_ID');
});

test('an environment that does not exist is an error, not a silent success', async () => {
  const r = await setup(['--dry-run'], { ENV_ID: 'no-such-env' });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('no-such-env');
});

test("a key that is not the environment's is refused and nothing changes", async () => {
  const r = await setup([], { ENV_ID: gw.envId, TENCENTCLOUD_SECRETID: 'AKIDsomeoneelse', TENCENTCLOUD_SECRETKEY: 'guess' });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('SecretId');
  expect((await missingCollections()).length).toBe(spec.collections.length);
});

test('--dry-run prints the whole plan and changes nothing', async () => {
  const r = await setup(['--dry-run'], { ENV_ID: gw.envId });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('- '));
  expect(lines.filter((l) => l.startsWith('- 创建集合'))).toHaveLength(spec.collections.length);
  expect(lines.filter((l) => l.startsWith('- 创建索引'))).toHaveLength(INDEXES);
  expect(lines.filter((l) => l.includes('→ ADMINONLY'))).toHaveLength(spec.collections.length);
  expect(lines.filter((l) => l.startsWith('- 设置云存储安全规则'))).toHaveLength(1);
  expect(r.stdout).toContain('requests.ref (ref:1) 唯一');
  expect(r.stdout).toContain('没有做任何改动');
  expect(await missingCollections()).toEqual(spec.collections.map((c) => c.name));
});

test('the real run creates everything; a second run finds nothing to do', async () => {
  const first = await setup([], { ENV_ID: gw.envId });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain(`共 ${spec.collections.length * 2 + INDEXES + 1} 步`);
  expect(await missingCollections()).toEqual([]);
  const again = await setup([], { ENV_ID: gw.envId });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('无需改动');
  const plan = await setup(['--dry-run'], { ENV_ID: gw.envId });
  expect(plan.stdout).toContain('无需改动');
});

/**
 * The command line against a cloud environment (ENV_ID + API key), as a county sets up production:
 * `import` and `grant-admin` write into the environment named, never into a local data directory.
 * The environment here is a gateway standing in for CloudBase (the SDK's service URL is the only
 * thing pointed at it); its collections come from setup, as in production.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sdkApp, startGatewayProcess, tempDir, type GatewayProcess } from '../../helpers/gateway';
import { credentialsFor } from '../../../emulator/credentials';
import { COLLECTIONS } from '../../../cloudfunctions/lib/collections';
import { FIXTURE, TOWNSHIP } from '../ledger/stack';
import { spawnCli } from './run-cli';

let cloud: GatewayProcess;
let localDir: string;
// The environment's API key: the stand-in checks the SDK's signature against its own pair, as CloudBase does.
const cloudEnv = (): Record<string, string | undefined> => ({
  ENV_ID: cloud.envId,
  TENCENTCLOUD_SECRETID: credentialsFor(cloud.url)?.secretId,
  TENCENTCLOUD_SECRETKEY: credentialsFor(cloud.url)?.secretKey,
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${cloud.url}/admin` }),
  TENCENTCLOUD: 'true',
});

beforeAll(async () => {
  cloud = await startGatewayProcess({ envId: 'fazhi-county-2', args: ['--workers', '0:1'] });
  const db = sdkApp(cloud.url, cloud.envId).database();
  for (const name of COLLECTIONS) await db.createCollection(name);
  localDir = tempDir('cli-local-');
}, 60000);
afterAll(async () => {
  await cloud?.dispose();
});

test('without an API key a cloud command stops and says which variables to set', async () => {
  const r = await spawnCli(['grant-admin', '--openid', 'o-x', '--org', TOWNSHIP], localDir, { ...cloudEnv(), TENCENTCLOUD_SECRETKEY: '' });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('TENCENTCLOUD_SECRETKEY');
});

test('import and grant-admin with ENV_ID write into that environment and leave the local data directory untouched', async () => {
  const imported = await spawnCli(['import', FIXTURE], localDir, cloudEnv());
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  const granted = await spawnCli(['grant-admin', '--openid', 'o-county-admin-1', '--org', TOWNSHIP, '--name', '王主任'], localDir, cloudEnv());
  expect(granted.stderr).toBe('');
  expect(granted.code).toBe(0);
  const db = sdkApp(cloud.url, cloud.envId).database();
  expect((await db.collection('accounts').doc('o-county-admin-1').get()).data[0]).toMatchObject({ role: '乡镇管理员', orgCode: TOWNSHIP, name: '王主任' });
  expect((await db.collection('outreach').count()).total).toBeGreaterThan(0);
  expect(existsSync(join(localDir, 'gateway.sqlite'))).toBe(false);
  expect(readdirSync(localDir)).toEqual([]);
}, 120000);

/**
 * The CloudBase management API (Tencent Cloud API 3.0, service `tcb`, version 2018-06-08) as far as
 * `npm run cloud:setup` uses it through the real `@cloudbase/manager-node`: the environment's
 * description, collections, their indexes, collection permissions and the storage security rule.
 *
 * The manager SDK posts `{…params}` with header `X-TC-Action` to `TCB_BASE_URL` (default
 * https://tcb.tencentcloudapi.com); pointing that variable at `<gateway>/tcbapi` makes it talk to this.
 * Answers have Tencent Cloud's shape: `{ Response: { …, RequestId } }`, an error
 * `{ Response: { Error: { Code, Message }, RequestId } }`. The signature is not checked. Collections
 * are the gateway's own (so the node SDK sees what setup created); indexes and permissions are kept
 * in `<data>/management.json` (recorded so a re-run of setup sees them, as on CloudBase; the store
 * answers queries with the indexes of cloudbase/database.json, index-catalog.ts). Error codes are unverified against Tencent Cloud.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-util';
import type { Store } from './store';
import type { Credentials } from './credentials';

export const MANAGEMENT_PATH = '/tcbapi';

interface IndexRecord {
  Name: string;
  Keys: Array<{ Name: string; Direction: string }>;
  Unique: boolean;
}

interface ManagementState {
  indexes: Record<string, IndexRecord[]>;
  permissions: Record<string, { Permission: string; SecurityRule?: string }>;
  storage: { AclTag: string; Rule?: string };
}

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, unknown>;

export class Management {
  private readonly file: string;
  private state: ManagementState;
  /** Every management call, in order (action and EnvId), for tests and the dev console. */
  readonly calls: Array<{ action: string; envId: unknown }> = [];

  constructor(
    private readonly store: Store,
    dataDir: string,
    private readonly envId: string,
    private readonly credentials: Credentials,
  ) {
    this.file = join(dataDir, 'management.json');
    this.state = existsSync(this.file)
      ? (JSON.parse(readFileSync(this.file, 'utf8')) as ManagementState)
      : { indexes: {}, permissions: {}, storage: { AclTag: 'PRIVATE' } };
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    renameSync(tmp, this.file);
  }

  private env(p: Params): void {
    if (p.EnvId !== this.envId) throw new ApiError('ResourceNotFound.Env', `environment ${String(p.EnvId)} does not exist`);
  }

  private table(p: Params): string {
    const name = p.TableName;
    if (typeof name !== 'string' || name === '') throw new ApiError('InvalidParameter.TableName', 'TableName is required');
    return name;
  }

  private existing(p: Params): string {
    const name = this.table(p);
    if (!this.store.hasCollection(name)) throw new ApiError('ResourceNotFound.TableNotExist', `collection ${name} does not exist`);
    return name;
  }

  private readonly actions: Record<string, (p: Params) => Params> = {
    DescribeEnvInfo: (p) => {
      this.env(p);
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: this.envId,
            Alias: this.envId,
            Status: 'NORMAL',
            Databases: [{ InstanceId: `${this.envId}-db`, Status: 'RUNNING', Region: 'ap-shanghai' }],
            Storages: [{ Bucket: `${this.envId}-bucket`, Region: 'ap-shanghai' }],
            Functions: [{ Namespace: this.envId, Region: 'ap-shanghai' }],
          },
        },
      };
    },
    CreateTable: (p) => {
      this.env(p);
      const name = this.table(p);
      if (this.store.hasCollection(name)) throw new ApiError('ResourceInUse.TableExist', `collection ${name} already exists`);
      this.store.createCollection(name);
      return {};
    },
    DescribeTable: (p) => {
      this.env(p);
      const name = this.existing(p);
      const declared = this.state.indexes[name] ?? [];
      const indexes = [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...declared];
      return { Indexes: indexes.map((i) => ({ ...i, Size: 0 })), IndexNum: indexes.length };
    },
    ListTables: (p) => {
      this.env(p);
      const names = this.store.collectionNames().sort();
      return { Tables: names.map((TableName) => ({ TableName, Count: this.store.collection(TableName).size })), Pager: { Total: names.length } };
    },
    UpdateTable: (p) => {
      this.env(p);
      const name = this.existing(p);
      const list = [...(this.state.indexes[name] ?? [])];
      for (const drop of (p.DropIndexes as Array<{ IndexName: string }> | undefined) ?? []) {
        const at = list.findIndex((i) => i.Name === drop.IndexName);
        if (at < 0) throw new ApiError('ResourceNotFound.IndexNotExist', `index ${drop.IndexName} does not exist`);
        list.splice(at, 1);
      }
      for (const c of (p.CreateIndexes as
        Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }> | undefined) ?? []) {
        if (c.IndexName === '_id_' || list.some((i) => i.Name === c.IndexName))
          throw new ApiError('ResourceInUse.IndexExist', `index ${c.IndexName} already exists`);
        const keys = c.MgoKeySchema?.MgoIndexKeys ?? [];
        if (keys.length === 0 || keys.some((k) => !['1', '-1', '2dsphere'].includes(k.Direction)))
          throw new ApiError('InvalidParameter.MgoKeySchema', `index ${c.IndexName}: invalid keys`);
        list.push({ Name: c.IndexName, Keys: keys.map((k) => ({ Name: k.Name, Direction: k.Direction })), Unique: Boolean(c.MgoKeySchema.MgoIsUnique) });
      }
      this.state.indexes[name] = list;
      this.save();
      return {};
    },
    ModifyResourcePermission: (p) => {
      this.env(p);
      if (p.ResourceType !== 'collection')
        throw new ApiError('UnsupportedOperation', `the local gateway keeps permissions of collections only, not ${String(p.ResourceType)}`);
      const name = this.existing({ TableName: p.Resource });
      this.state.permissions[name] = { Permission: String(p.Permission), ...(typeof p.SecurityRule === 'string' ? { SecurityRule: p.SecurityRule } : {}) };
      this.save();
      return { Data: { Success: true } };
    },
    DescribeResourcePermission: (p) => {
      this.env(p);
      const wanted = (p.Resources as string[] | undefined) ?? Object.keys(this.state.permissions);
      const PermissionList = wanted.map((Resource) => ({
        Resource,
        ResourceType: 'collection',
        // A new collection's default on CloudBase: only its creator reads and writes.
        Permission: this.state.permissions[Resource]?.Permission ?? 'PRIVATE',
        SecurityRule: this.state.permissions[Resource]?.SecurityRule,
      }));
      return { Data: { TotalCount: PermissionList.length, PermissionList } };
    },
    DescribeStorageSafeRule: (p) => {
      this.env(p);
      return { AclTag: this.state.storage.AclTag, Rule: this.state.storage.Rule };
    },
    ModifyStorageSafeRule: (p) => {
      this.env(p);
      this.state.storage = { AclTag: String(p.AclTag), ...(typeof p.Rule === 'string' ? { Rule: p.Rule } : {}) };
      this.save();
      return {};
    },
  };

  /**
   * Tencent Cloud refuses an API call whose key is not the account's (AuthFailure.SecretIdNotFound). The
   * stand-in holds management calls to the data directory's key as /admin holds SDK calls; it checks the
   * key id of the TC3 authorization, not the signature over Tencent Cloud's canonical request.
   */
  private checkKey(authorization: string): void {
    const secretId = /^TC3-HMAC-SHA256 Credential=([^/]+)\//.exec(authorization)?.[1];
    if (secretId !== this.credentials.secretId)
      throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const RequestId = randomUUID();
    const action = String(req.headers['x-tc-action'] ?? '');
    try {
      this.checkKey(String(req.headers.authorization ?? ''));
      const params = JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8') || '{}') as Params;
      this.calls.push({ action, envId: params.EnvId });
      const run = this.actions[action];
      if (!run) throw new ApiError('InvalidAction', `the local gateway does not answer the management action ${action || '(none)'}`);
      sendJson(res, 200, { Response: { ...run(params), RequestId } });
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError('InternalError', (err as Error).message);
      sendJson(res, 200, { Response: { Error: { Code: e.code, Message: e.message }, RequestId } });
    }
  }
}

/**
 * What `cloud:setup` must do to bring an environment to cloudbase/database.json, found by asking the
 * environment (reads only), and how each step is applied, through the real @cloudbase/manager-node.
 * Only what is missing is created; nothing is dropped. An index that exists under the declared name
 * with other keys is reported, not changed (dropping an index on a live database is a decision for
 * a person).
 */
import type CloudBase from '@cloudbase/manager-node';
import type { DatabaseSpec, IndexSpec } from './database-spec';

export type Step =
  | { kind: 'collection'; collection: string }
  | { kind: 'index'; collection: string; index: IndexSpec }
  | { kind: 'permission'; collection: string; acl: string; from: string }
  | { kind: 'storage-rule'; acl: string; rule: DatabaseSpec['storage']['rule']; from: string }
  | { kind: 'index-differs'; collection: string; index: IndexSpec; existing: string };

type Manager = InstanceType<typeof CloudBase>;

const keysText = (keys: Record<string, number>): string =>
  Object.entries(keys)
    .map(([f, d]) => `${f}:${d}`)
    .join(',');

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'collection':
      return `创建集合 ${step.collection}`;
    case 'index':
      return `创建索引 ${step.collection}.${step.index.name} (${keysText(step.index.keys)})${step.index.unique ? ' 唯一' : ''}`;
    case 'permission':
      return `设置集合 ${step.collection} 权限 ${step.from} → ${step.acl}`;
    case 'storage-rule':
      return `设置云存储安全规则 ${step.from} → ${step.acl} ${JSON.stringify(step.rule)}`;
    case 'index-differs':
      return `注意：集合 ${step.collection} 已有同名索引 ${step.index.name}，但键为 (${step.existing})，与声明 (${keysText(step.index.keys)}) 不同；未改动，请人工核对`;
  }
}

export async function planSetup(app: Manager, spec: DatabaseSpec): Promise<Step[]> {
  const steps: Step[] = [];
  for (const c of spec.collections) {
    const exists = (await app.database.checkCollectionExists(c.name)).Exists;
    if (!exists) steps.push({ kind: 'collection', collection: c.name });
    const existing = exists ? ((await app.database.describeCollection(c.name)).Indexes ?? []) : [];
    for (const index of c.indexes) {
      const found = existing.find((i) => i.Name === index.name);
      if (!found) {
        steps.push({ kind: 'index', collection: c.name, index });
        continue;
      }
      const have = (found.Keys ?? []).map((k) => `${k.Name}:${k.Direction}`).join(',');
      if (have !== keysText(index.keys)) steps.push({ kind: 'index-differs', collection: c.name, index, existing: have });
    }
  }
  const acl = (name: string): string => spec.rules[spec.collections.find((c) => c.name === name)?.rule ?? ''].acl;
  const { Data } = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: spec.collections.map((c) => c.name) });
  for (const c of spec.collections) {
    const current = Data.PermissionList.find((p) => p.Resource === c.name)?.Permission ?? '(无)';
    if (current !== acl(c.name)) steps.push({ kind: 'permission', collection: c.name, acl: acl(c.name), from: current });
  }
  const storage = (await app.storage.getStorageAcl({ withRule: true })) as { acl: string; rule?: unknown };
  if (storage.acl !== spec.storage.acl || JSON.stringify(storage.rule) !== JSON.stringify(spec.storage.rule)) {
    steps.push({ kind: 'storage-rule', acl: spec.storage.acl, rule: spec.storage.rule, from: storage.acl });
  }
  return steps;
}

export async function applyStep(app: Manager, step: Step): Promise<void> {
  switch (step.kind) {
    case 'collection':
      await app.database.createCollectionIfNotExists(step.collection);
      return;
    case 'index':
      await app.database.updateCollection(step.collection, {
        CreateIndexes: [
          {
            IndexName: step.index.name,
            MgoKeySchema: {
              MgoIsUnique: Boolean(step.index.unique),
              MgoIndexKeys: Object.entries(step.index.keys).map(([Name, d]) => ({ Name, Direction: String(d) })),
            },
          },
        ],
      });
      return;
    case 'permission':
      await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: step.collection, permission: step.acl as 'ADMINONLY' });
      return;
    case 'storage-rule':
      await app.storage.setStorageAcl(step.acl as 'CUSTOM', step.rule as never);
      return;
    case 'index-differs':
      return;
  }
}

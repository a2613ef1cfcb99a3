/**
 * cloudbase/database.json, read and checked: the one declaration of the database (collections, their
 * indexes, security rules) that `cloud:setup` applies and the tests hold the function queries to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DeclaredIndex } from '../../emulator/query-shape';

export const DATABASE_SPEC_FILE = join(__dirname, '..', '..', 'cloudbase', 'database.json');

/** CloudBase's simple permission tags (管理端 = the server SDK, i.e. the functions). */
const acl = z.enum(['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY', 'CUSTOM']);

const indexSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9_]+$/),
  keys: z.record(z.union([z.literal(1), z.literal(-1)])).refine((k) => Object.keys(k).length > 0, 'an index needs keys'),
  unique: z.boolean().optional(),
});

const specSchema = z.object({
  rules: z.record(z.object({ acl, why: z.string() })),
  collections: z.array(
    z.object({
      name: z.string().min(1),
      why: z.string(),
      indexes: z.array(indexSchema),
      rule: z.string(),
    }),
  ),
  storage: z.object({ acl, rule: z.object({ read: z.union([z.boolean(), z.string()]), write: z.union([z.boolean(), z.string()]) }), why: z.string() }),
});

export type DatabaseSpec = z.infer<typeof specSchema>;
export type CollectionSpec = DatabaseSpec['collections'][number];
export type IndexSpec = z.infer<typeof indexSchema>;

export function loadDatabaseSpec(file = DATABASE_SPEC_FILE): DatabaseSpec {
  const spec = specSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const c of spec.collections) {
    if (!spec.rules[c.rule]) throw new Error(`${file}: collection ${c.name} names an undeclared rule ${c.rule}`);
    const names = c.indexes.map((i) => i.name);
    if (new Set(names).size !== names.length) throw new Error(`${file}: collection ${c.name} repeats an index name`);
  }
  return spec;
}

/** The indexes of a collection in the gateway's query-shape terms. */
export function declaredIndexes(spec: DatabaseSpec, collection: string): DeclaredIndex[] {
  const c = spec.collections.find((x) => x.name === collection);
  return (c?.indexes ?? []).map((i) => ({
    name: i.name,
    unique: i.unique,
    keys: Object.entries(i.keys).map(([field, direction]) => ({ field, direction })),
  }));
}

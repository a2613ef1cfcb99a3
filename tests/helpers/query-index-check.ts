/**
 * Holds the functions' database queries to cloudbase/database.json: the gateway records the shape of
 * every query (FAZHI_QUERY_LOG, emulator/query-shape.ts), and this lists each recorded query on a
 * declared collection that no declared index (nor `_id`) serves, i.e. one that would scan the
 * collection on CloudBase.
 */
import { existsSync, readFileSync } from 'node:fs';
import { servingIndex, type QueryShape } from '../../emulator/query-shape';
import { declaredIndexes, loadDatabaseSpec } from '../../scripts/cloud/database-spec';

export function readQueryLog(file: string): QueryShape[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as QueryShape);
}

/** One line per distinct unserved query shape, e.g. `requests getDocument {state:eq} sort createdAt`. */
export function unservedQueries(shapes: readonly QueryShape[]): string[] {
  const spec = loadDatabaseSpec();
  const out = new Set<string>();
  for (const s of shapes) {
    if (!spec.collections.some((c) => c.name === s.collection)) continue;
    if (servingIndex(s, declaredIndexes(spec, s.collection))) continue;
    const fields = Object.entries(s.fields).map(([f, t]) => `${f}:${t}`);
    const or = s.or
      ? ` or[${s.or
          .map((b) =>
            Object.entries(b)
              .map(([f, t]) => `${f}:${t}`)
              .join(','),
          )
          .join(' | ')}]`
      : '';
    out.add(`${s.collection} ${s.action.replace('database.', '')} {${fields.join(',')}}${or}${s.sort.length ? ` sort ${s.sort.join(',')}` : ''}`);
  }
  return [...out].sort();
}

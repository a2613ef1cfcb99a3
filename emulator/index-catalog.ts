/**
 * The indexes the local store keeps: those `cloudbase/database.json` declares, i.e. what
 * `npm run cloud:setup` creates on CloudBase, so local queries are served (and cost) as they are
 * there. A gateway without that file (a test's own functions directory elsewhere) keeps none and
 * scans, which answers the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IndexCatalog } from './store';

interface SpecFile {
  collections?: Array<{ name?: unknown; indexes?: Array<{ name?: unknown; keys?: unknown }> }>;
}

export function readIndexCatalog(file: string): IndexCatalog {
  if (!existsSync(file)) return {};
  const spec = JSON.parse(readFileSync(file, 'utf8')) as SpecFile;
  const out: Record<string, Array<{ name: string; fields: string[] }>> = {};
  for (const c of spec.collections ?? []) {
    if (typeof c.name !== 'string') continue;
    out[c.name] = (c.indexes ?? [])
      .filter((ix) => typeof ix.name === 'string' && ix.keys !== null && typeof ix.keys === 'object')
      .map((ix) => ({ name: ix.name as string, fields: Object.keys(ix.keys as object) }));
  }
  return out;
}

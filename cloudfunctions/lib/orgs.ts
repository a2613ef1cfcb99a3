/** Org units (county ⊃ township ⊃ village): lookups for scope checks and answers. */
import { readOne, type Database } from './cloudbase';
import type { OrgLevel } from '../../src/domain/vocab';
import type { OrgView } from '../../src/domain/api';

export interface OrgDoc {
  _id: string;
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
  /** Codes from the top unit down to this one: a record's scope filter is `orgPath: code`. */
  path: string[];
}

export async function findOrg(db: Database, code: string): Promise<OrgDoc | null> {
  return readOne<OrgDoc>(db, 'orgs', code);
}

export function orgView(org: OrgDoc): OrgView {
  return { code: org.code, name: org.name, level: org.level };
}

/** Names of units by code, for answers that show where a record belongs. */
export async function orgNames(db: Database, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection('orgs')
    .where({ code: db.command.in(unique) })
    .limit(1000)
    .get();
  return new Map((data as OrgDoc[]).map((org) => [org.code, org.name]));
}

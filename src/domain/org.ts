/**
 * The unit hierarchy (县 ⊃ 乡镇 ⊃ 村) as the rest of the domain needs it: every record carries the path
 * of codes from the top unit down to its own unit, so "this unit and everything below it" is one
 * array-contains test (`orgPath: code`) in the database and here.
 */
import { ORG_LEVELS, type OrgLevel } from './vocab';

/**
 * Org codes stay plain strings: they arrive from spreadsheets, URLs and the database alike, and a
 * branded type would need a cast at each of those doors without catching a real mistake.
 */
export type OrgCode = string;

export interface OrgNode {
  code: OrgCode;
  level: OrgLevel;
  /** null for the top unit. */
  parentCode: OrgCode | null;
}

/** The `orgs` collection's document. */
export interface OrgDoc extends OrgNode {
  _id: OrgCode;
  name: string;
  /** Ancestors from the top, then the unit itself. */
  path: OrgCode[];
}

export type OrgLookup = ReadonlyMap<OrgCode, OrgNode>;

export function indexOrgs(orgs: Iterable<OrgNode>): Map<OrgCode, OrgNode> {
  const map = new Map<OrgCode, OrgNode>();
  for (const o of orgs) map.set(o.code, o);
  return map;
}

/**
 * Path of codes from the top unit down to `code` itself, or null when the unit is unknown, one of its
 * ancestors is missing, or the parent links loop.
 */
export function orgPathOf(code: OrgCode, orgsByCode: OrgLookup): OrgCode[] | null {
  const path: OrgCode[] = [];
  const seen = new Set<OrgCode>();
  let current: OrgCode | null = code;
  while (current !== null) {
    const node = orgsByCode.get(current);
    if (!node || seen.has(current)) return null;
    seen.add(current);
    path.unshift(current);
    current = node.parentCode;
  }
  return path;
}

/** Whether a record or unit with this path lies within the unit `scopeCode` (itself included). */
export function isInScope(targetPath: readonly OrgCode[], scopeCode: OrgCode): boolean {
  return targetPath.includes(scopeCode);
}

/** 县 = 0, 乡镇 = 1, 村 = 2: a parent's rank is always lower than its child's. */
export const levelRank = (level: OrgLevel): number => ORG_LEVELS.indexOf(level);

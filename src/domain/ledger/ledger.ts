/**
 * Import of a whole ledger file (an XLSX workbook or a folder of CSVs): 组织机构 first, so that the
 * other sheets may name the units it brings, then every other sheet. The caller writes nothing when
 * `problems` is not empty (all or nothing per file); a dry run shows the same problems.
 */
import { type OrgLookup, type OrgNode } from '../org';
import type { Collection } from '../records/common';
import type { Rows } from './cells';
import { parseTable, type LedgerDoc, type LedgerProblem, type ParseResult } from './parse';

export interface LedgerSheet {
  /** Sheet name, or the CSV file name without `.csv`. */
  name: string;
  rows: Rows;
}

export interface LedgerParse {
  records: Partial<Record<Collection, LedgerDoc[]>>;
  problems: LedgerProblem[];
  warnings: LedgerProblem[];
}

const ORGS_SHEET = '组织机构';

export function parseLedger(sheets: readonly LedgerSheet[], knownOrgs: OrgLookup): LedgerParse {
  const result: LedgerParse = { records: {}, problems: [], warnings: [] };
  const ordered = [...sheets].sort((a, b) => Number(b.name.trim() === ORGS_SHEET) - Number(a.name.trim() === ORGS_SHEET));
  const orgs = new Map<string, OrgNode>(knownOrgs);
  for (const sheet of ordered) {
    const parsed = parseTable(sheet.name, sheet.rows, orgs);
    mergeSheet(result, parsed);
    if (parsed.collection === 'orgs') for (const o of parsed.records) orgs.set(o._id, o as unknown as OrgNode);
  }
  return result;
}

/** Adds one sheet's records, problems and warnings to the file's. */
export function mergeSheet(result: LedgerParse, parsed: ParseResult): void {
  appendAll(result.problems, parsed.problems);
  appendAll(result.warnings, parsed.warnings);
  if (!parsed.collection) return;
  appendAll((result.records[parsed.collection] ??= []), parsed.records);
}

/** One by one: `push(...items)` passes every item as an argument, and 130,000 of them overflow the stack. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Import of 组织机构: the one table whose rows refer to each other. Rows are read first, then the tree
 * is checked as a whole (a parent may come after its child in the file): every 上级代码 must be a unit of
 * the file or of the system, links must not loop, a parent must sit above its child (县 > 乡镇 > 村), and a
 * unit the system already has keeps its parent.
 */
import { levelRank, orgPathOf, type OrgDoc, type OrgLookup, type OrgNode } from '../org';
import type { OrgInput } from '../records/org';
import { isBlank, type Rows } from './cells';
import type { TableDef } from './tables';
import { dedupe, problem, readRow, type Header, type LedgerDoc, type ParseResult } from './rows';

export function parseOrgRows(table: TableDef, header: Header, rows: Rows, knownOrgs: OrgLookup, out: ParseResult): ParseResult {
  const read: Array<{ row: number; org: OrgInput }> = [];
  const seen = new Map<string, { row: number; json: string }>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (row === 1 || cells.every(isBlank)) return;
    const org = readRow(table, header, cells, row, out) as OrgInput | null;
    if (org && dedupe(table, { _id: org.code, ...org }, row, seen, out)) read.push({ row, org });
  });

  // The file's units take precedence over what the system knew: importing a file may rename or move units.
  const merged = new Map<string, OrgNode>(knownOrgs);
  for (const { org } of read) merged.set(org.code, org);

  for (const { row, org } of read) {
    // A unit keeps its place in the tree: its records carry its path, so moving it would strand them
    // outside their township's scope (and 单位管理 refuses the same move).
    const known = knownOrgs.get(org.code);
    if (known && (known.parentCode ?? null) !== org.parentCode) {
      const was = known.parentCode === null ? '最上级单位' : `“${nameOf(knownOrgs, known.parentCode)}”（${known.parentCode}）的下级`;
      out.problems.push(
        problem(table.sheet, row, '上级代码', `“${org.name}”（${org.code}）在系统中是${was}，导入不能改变上级单位；如确需调整，请联系运维人员`),
      );
      continue;
    }
    const parent = org.parentCode === null ? undefined : merged.get(org.parentCode);
    if (org.parentCode !== null && !parent) {
      out.problems.push(problem(table.sheet, row, '上级代码', `“${org.parentCode}”不在组织机构中`));
      continue;
    }
    if (parent && levelRank(parent.level) >= levelRank(org.level)) {
      const detail = `上级单位“${parent.code}”是${parent.level}，层级须高于本单位（${org.level}）`;
      out.problems.push(problem(table.sheet, row, '层级', detail));
      continue;
    }
    const path = orgPathOf(org.code, merged);
    if (!path) {
      const detail = '上级关系有误：沿上级代码找不到最上级单位（缺少单位或形成循环）';
      out.problems.push(problem(table.sheet, row, '上级代码', detail));
      continue;
    }
    const { code, name, level, parentCode } = org;
    const doc: OrgDoc = { _id: code, code, name, level, parentCode, path };
    out.records.push(doc as unknown as LedgerDoc);
  }
  return out;
}

/** A unit's name when the lookup holds whole documents (the system's units do), else its code. */
function nameOf(orgs: OrgLookup, code: string): string {
  const org = orgs.get(code) as Partial<OrgDoc> | undefined;
  return org?.name ?? code;
}

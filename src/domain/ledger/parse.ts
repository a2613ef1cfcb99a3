/**
 * Ledger import, one table at a time: rows of cells (row 1 = column names) → records in the storage
 * shape (`_id`, orgCode, orgPath and the kind's fields), plus every problem found, each naming the sheet,
 * the Excel row number, the column and what is wrong. Import is all or nothing per file, so the caller
 * writes nothing when any problem is reported; parsing itself never stops at the first one.
 */
import { orgPathOf, type OrgLookup } from '../org';
import { manualFigureId } from '../records/manualFigure';
import { MANUAL_FIGURE_BY_ID } from '../indicators/manual';
import { cellText, isBlank, type Rows } from './cells';
import { EXPORT_ONLY_SHEETS, TABLE_BY_SHEET, type TableDef } from './tables';
import { dedupe, problem, readHeader, readRow, type LedgerDoc, type ParseResult } from './rows';
import { parseOrgRows } from './orgs';

export type { LedgerDoc, LedgerProblem, ParseResult } from './rows';

const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The storage shape of a validated row: `_id`, orgCode, orgPath, the kind's fields. */
function toDoc(table: TableDef, data: Record<string, unknown>, orgs: OrgLookup, orgPath: string[]): LedgerDoc {
  const orgCode = String(data.orgCode);
  if (table.collection === 'manual_figures') {
    // An export fills 指标名称 and 单位 of catalogue codes for the reader; they are the catalogue's, not the row's.
    const known = MANUAL_FIGURE_BY_ID.get(String(data.code));
    if (known && data.label === known.label) delete data.label;
    if (known && data.unit === known.unit) delete data.unit;
    return withoutUndefined({ ...data, _id: manualFigureId(data as { orgCode: string; year: number; code: string }), orgPath }) as LedgerDoc;
  }
  const { id, ...fields } = data;
  const doc = withoutUndefined({ _id: String(id), ...fields, orgPath });
  // Roster figures split mediators by the level of the unit they serve.
  if (table.collection === 'people') doc.orgLevel = orgs.get(orgCode)?.level;
  return doc as LedgerDoc;
}

/**
 * Parses one sheet. `knownOrgs` holds the units already in the system plus, for every sheet but
 * 组织机构 itself, the units of the same file's 组织机构 (see parseLedger).
 */
export function parseTable(sheetName: string, rows: Rows, knownOrgs: OrgLookup): ParseResult {
  const sheet = sheetName.trim();
  const table = TABLE_BY_SHEET.get(sheet);
  const out: ParseResult = { records: [], problems: [], warnings: [] };
  if (!table) {
    // The export's 指标汇总 and 月报 are for the reader: not data to import, and not a mistake either.
    if (EXPORT_ONLY_SHEETS.includes(sheet)) return out;
    out.warnings.push(problem(sheet, 1, '', '不是台账的表格，整张表已忽略'));
    return out;
  }
  out.collection = table.collection;
  const header = readHeader(table, rows[0] ?? [], out);
  if (!header) return out;
  if (table.collection === 'orgs') return parseOrgRows(table, header, rows, knownOrgs, out);

  const unitColumn = table.columns.find((c) => c.field === 'orgCode');
  const unitIndex = unitColumn ? header.get(unitColumn) : undefined;
  const seen = new Map<string, { row: number; json: string }>();
  rows.forEach((cells, i) => {
    const row = i + 1;
    if (row === 1 || cells.every(isBlank)) return;
    const data = readRow(table, header, cells, row, out);
    // Checked apart from the schema so that an unknown unit is reported even on an otherwise bad row.
    const code = unitIndex === undefined ? '' : cellText(cells[unitIndex]);
    const orgPath = code ? orgPathOf(code, knownOrgs) : null;
    if (code && !orgPath) {
      out.problems.push(problem(sheet, row, '单位代码', `“${code}”不在组织机构中，请先在组织机构表中建立该单位`));
    }
    if (!data || !orgPath) return;
    const doc = toDoc(table, data, knownOrgs, orgPath);
    if (dedupe(table, doc, row, seen, out)) out.records.push(doc);
  });
  return out;
}

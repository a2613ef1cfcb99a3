/**
 * Ledger import (LEDGER.md): sheets already read from XLSX or CSV → records in the database.
 *
 * Validation is all or nothing per file: the whole file is parsed and compared with what is stored
 * before anything is written, and any problem — a bad cell, an unknown unit, a change to a closed
 * year — means nothing is written. A row whose 编号 exists and is identical changes nothing (no
 * version, no history), so importing a file twice is harmless; a new row is a record at version 1 and
 * a differing row an edit, version + 1, each with one history entry of what it changed.
 * The writes go through the record store in batches, each batch one transaction (../store/import.ts):
 * an import that stops part-way leaves whole batches written, and running the same file again writes
 * the rest. A dry run answers the same report without writing.
 */
import { inTransaction, readMany, readOne, withoutId, type Database } from '../cloudbase';
import { insertMany } from '../bulk';
import { fieldChanges, writeHistory, type HistoryDoc } from '../history';
import { importRows, type ImportRow } from '../store/import';
import type { RecordContent } from '../store/records';
import { closeBlocking, closedYearsOn, guardedYears, loadCloses, periodClosedError, touchedDates, type PeriodCloseDoc } from '../period-close';
import { holdForImport, releaseImport, unitsOf, type UnitYear } from '../year-guards';
import { readAll, type Doc } from './read';
import { parseLedger, type LedgerSheet } from '../../../src/domain/ledger/ledger';
import type { LedgerDoc, LedgerProblem } from '../../../src/domain/ledger/parse';
import { TABLES, TABLE_BY_COLLECTION, TABLE_BY_SHEET, type TableDef } from '../../../src/domain/ledger/tables';
import { cellText, toNumber } from '../../../src/domain/ledger/cells';
import type { OrgNode } from '../../../src/domain/org';
import type { Collection } from '../../../src/domain/records/common';
import { KINDS, kindOfCollection, type RecordKind } from '../../../src/domain/records/kinds';
import { manualFigureId } from '../../../src/domain/records/manualFigure';
import { heldInFuture } from '../../../src/domain/records/outreach';
import { beijingDate } from '../../../src/domain/dates';
import { rollupIdsOf, townshipOf, unitOf } from '../../../src/domain/summaries';

export interface ImportOptions {
  /** Who imports: 'import:<file>' for the command line, an openid in a function. */
  by: string;
  byName: string;
  dryRun?: boolean;
  now?: Date;
  /**
   * A unit code: only records of this unit or below may be added or changed (a township admin's import
   * from the console). Rows left as they are may name units above it, as an export of it does.
   */
  scope?: string;
}

export interface SheetSummary {
  sheet: string;
  collection: Collection;
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  /** No problems: the file was (or, in a dry run, would be) imported. */
  ok: boolean;
  written: boolean;
  dryRun: boolean;
  sheets: SheetSummary[];
  problems: LedgerProblem[];
  warnings: LedgerProblem[];
}

/** One row's fate, decided before anything is written. */
interface Planned {
  doc: LedgerDoc;
  existing?: Doc;
}

/** The fields a ledger row sets. Everything else on a stored record (meta, photos …) is the app's. */
function ledgerFields(table: TableDef): string[] {
  const fields = table.columns.map((c) => (c.field === 'id' ? '_id' : c.field));
  if (table.collection === 'orgs') return [...fields, 'path'];
  return [...fields, 'orgPath', ...(table.collection === 'people' ? ['orgLevel'] : [])];
}

/**
 * 记录人 is both a ledger column and the record's meta `recorderName`: an empty cell keeps who recorded
 * it rather than erasing the name.
 */
const keptWhenEmpty = (collection: Collection, field: string) => collection === 'outreach' && field === 'recorderName';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The stored record as the row would leave it: the row's fields over the stored ones, the rest kept. */
function merged(table: TableDef, existing: Doc, doc: LedgerDoc): Doc {
  const out: Doc = { ...existing };
  for (const field of ledgerFields(table)) {
    if (doc[field] !== undefined) out[field] = doc[field];
    else if (!keptWhenEmpty(table.collection, field)) delete out[field];
  }
  return out;
}

const isIdentical = (table: TableDef, existing: Doc, next: Doc) => ledgerFields(table).every((f) => same(existing[f], next[f]));

/** Where each record came from in the file, so that problems found after parsing can name the row. */
function rowLocator(sheets: readonly LedgerSheet[]): (collection: Collection, id: string) => { sheet: string; row: number } {
  const rows = new Map<string, { sheet: string; row: number }>();
  for (const sheet of sheets) {
    const table = TABLE_BY_SHEET.get(sheet.name.trim());
    if (!table) continue;
    const header = (sheet.rows[0] ?? []).map(cellText);
    const cell = (cells: (typeof sheet.rows)[number], name: string) => (header.includes(name) ? cells[header.indexOf(name)] : '');
    sheet.rows.forEach((cells, i) => {
      if (i === 0) return;
      let id = cellText(cell(cells, table.columns[0].name));
      if (table.collection === 'manual_figures') {
        const year = toNumber(cell(cells, '年度'));
        const code = cellText(cell(cells, '指标代码'));
        id = year.ok ? manualFigureId({ orgCode: id, year: Number(year.value), code }) : '';
      }
      const key = `${table.collection}:${id}`;
      if (id && !rows.has(key)) rows.set(key, { sheet: table.sheet, row: i + 1 });
    });
  }
  return (collection, id) => rows.get(`${collection}:${id}`) ?? { sheet: TABLE_BY_COLLECTION.get(collection)?.sheet ?? collection, row: 0 };
}

function problemAt(at: { sheet: string; row: number }, message: string): LedgerProblem {
  return { sheet: at.sheet, row: at.row, column: '', message: `${at.sheet}第${at.row}行：${message}` };
}

/**
 * The most rows one file may bring: a year of a large county's work fits; beyond it parsing and
 * writing take minutes and the file is better split (by year or township).
 */
export const MAX_LEDGER_ROWS = 200_000;

export async function importLedger(db: Database, sheets: readonly LedgerSheet[], options: ImportOptions): Promise<ImportReport> {
  const rowCount = sheets.reduce((n, sheet) => n + Math.max(0, sheet.rows.length - 1), 0);
  if (rowCount > MAX_LEDGER_ROWS) {
    const message = `这个文件共有${rowCount}行，超过一次导入的上限${MAX_LEDGER_ROWS}行；请分成几个文件（如按年度或乡镇）分别导入`;
    return { ok: false, written: false, dryRun: options.dryRun === true, sheets: [], problems: [{ sheet: '', row: 0, column: '', message }], warnings: [] };
  }
  const knownOrgs = new Map<string, OrgNode>((await readAll(db, 'orgs')).map((o) => [o._id, o as unknown as OrgNode]));
  const parsed = parseLedger(sheets, knownOrgs);
  const problems = [...parsed.problems];
  const warnings = [...parsed.warnings];
  const locate = rowLocator(sheets);
  const closes = await loadCloses(db);
  // LEDGER.md: a 已举办 row may not be dated after the day of import (Beijing); it is 计划 until held.
  const today = beijingDate(options.now ?? new Date());
  for (const doc of parsed.records.outreach ?? []) {
    const future = heldInFuture(doc as { date?: unknown; status?: unknown }, today);
    if (future) problems.push({ ...problemAt(locate('outreach', doc._id), future.message), column: '日期' });
  }
  /** Every row that will be written, to check again against the closes once the import holds its years. */
  const writes: { collection: Collection; id: string; before: Doc | null; after: Record<string, unknown> }[] = [];

  const plans = new Map<Collection, { table: TableDef; adds: Planned[]; updates: Planned[]; unchanged: number }>();
  for (const table of TABLES) {
    const docs = parsed.records[table.collection];
    if (!docs) continue;
    const stored = await readMany(
      db,
      table.collection,
      docs.map((d) => d._id),
    );
    const plan = { table, adds: [] as Planned[], updates: [] as Planned[], unchanged: 0 };
    for (const doc of docs) {
      const existing = stored.get(doc._id);
      if (existing?.deleted === true) {
        warnings.push(problemAt(locate(table.collection, doc._id), `编号“${doc._id}”的记录已被删除，这一行没有导入`));
        continue;
      }
      const next = existing ? merged(table, existing, doc) : null;
      if (existing && next && isIdentical(table, existing, next)) {
        plan.unchanged += 1;
        continue;
      }
      const outside = outOfScope(table, options.scope, existing ?? null, next ?? doc);
      if (outside) problems.push(problemAt(locate(table.collection, doc._id), outside));
      const blocked = table.collection === 'orgs' ? null : closeFor(closes, table.collection, existing ?? null, next ?? doc);
      if (blocked) problems.push(problemAt(locate(table.collection, doc._id), periodClosedError(blocked).message));
      if (table.collection !== 'orgs') writes.push({ collection: table.collection, id: doc._id, before: existing ?? null, after: next ?? doc });
      (existing ? plan.updates : plan.adds).push({ doc, existing });
    }
    plans.set(table.collection, plan);
  }

  const sheetsOut: SheetSummary[] = [...plans.values()].map(({ table, adds, updates, unchanged }) => ({
    sheet: table.sheet,
    collection: table.collection,
    added: adds.length,
    updated: updates.length,
    unchanged,
  }));
  const report: ImportReport = { ok: problems.length === 0, written: false, dryRun: options.dryRun === true, sheets: sheetsOut, problems, warnings };
  if (!report.ok || report.dryRun) return report;

  const now = options.now ?? new Date();
  // The import holds the units and years it writes for as long as it writes: a close of them is refused
  // meanwhile (so the file goes in whole, not half before a close and half refused after), and one that
  // came first is seen here (year-guards.ts). Each batch still guards its years in its own transaction.
  const held = heldYears(writes, now);
  try {
    await holdForImport(db, held, options.by, now, async () => {
      const current = await loadCloses(db);
      const late = writes.flatMap((w) => {
        const blocked = closeFor(current, w.collection, w.before, w.after);
        return blocked ? [problemAt(locate(w.collection, w.id), periodClosedError(blocked).message)] : [];
      });
      if (late.length) throw new LateClose(late);
    });
  } catch (error) {
    if (!(error instanceof LateClose)) throw error;
    return { ...report, ok: false, problems: error.problems };
  }
  try {
    // Units first: the records written next name them.
    for (const { table, adds, updates } of plans.values()) {
      if (table.collection === 'orgs') {
        await insertMany(
          db,
          table.collection,
          adds.map(({ doc }) => doc),
        );
        for (const { doc } of updates) await updateOrg(db, table, doc, options, now.toISOString());
      } else {
        const rows = [...adds, ...updates].map(({ doc, existing }) => importRow(table, doc, existing));
        // Rows of one unit and month side by side: a batch then shares its year guards, 月报 and summaries.
        const date = KINDS[kindOf(table.collection)].period?.date;
        const order = new Map([...adds, ...updates].map(({ doc }) => [doc._id, `${String(doc.orgCode)} ${date ? String(doc[date] ?? '') : ''}`]));
        rows.sort((a, b) => (order.get(a.id) ?? '').localeCompare(order.get(b.id) ?? '') || a.id.localeCompare(b.id));
        await importRows(db, rows, { openid: options.by, name: options.byName }, now);
      }
    }
  } finally {
    await releaseImport(db, held, options.by);
  }
  report.written = true;
  return report;
}

/** A close that came while the import was being planned: the rows it blocks, as the import's problems. */
class LateClose extends Error {
  constructor(readonly problems: LedgerProblem[]) {
    super('period closed while importing');
  }
}

/** The units and years the rows touch, each once. */
function heldYears(writes: readonly { collection: Collection; before: Doc | null; after: Record<string, unknown> }[], now: Date): UnitYear[] {
  const held = new Map<string, UnitYear>();
  for (const w of writes) {
    for (const orgCode of unitsOf(w.before, w.after)) {
      for (const year of guardedYears(w.collection, w.before, w.after, now)) held.set(`${orgCode}:${year}`, { orgCode, year });
    }
  }
  return [...held.values()];
}

/** Why a change lies outside the importer's unit, or null: both the stored record and the row must be in it. */
function outOfScope(table: TableDef, scope: string | undefined, before: Doc | null, after: Record<string, unknown>): string | null {
  if (!scope) return null;
  const pathOf = (d: Record<string, unknown>) => (table.collection === 'orgs' ? d.path : d.orgPath);
  const inside = [before, after].every((d) => !d || (Array.isArray(pathOf(d)) && (pathOf(d) as unknown[]).includes(scope)));
  return inside ? null : '这一行属于本单位以外的单位，只能导入本单位及下级单位的记录';
}

function closeFor(closes: readonly PeriodCloseDoc[], collection: Collection, before: Doc | null, after: Record<string, unknown>): PeriodCloseDoc | null {
  if (closes.length === 0) return null;
  const paths = [before?.orgPath, after.orgPath].filter((p): p is string[] => Array.isArray(p));
  return closeBlocking(closes, paths, touchedDates(collection, before, after, closedYearsOn(closes, paths)));
}

/** The record kind a table's rows are. */
function kindOf(collection: Collection): RecordKind {
  const def = kindOfCollection(collection);
  if (!def) throw new Error(`no record kind is stored in ${collection}`);
  return def.kind;
}

/**
 * One row as the record store writes it: merged onto the record as stored at that moment (a record
 * someone made identical meanwhile, or deleted, is left alone), or a new record.
 */
function importRow(table: TableDef, doc: LedgerDoc, existing: Doc | undefined): ImportRow {
  const recorderName = keptWhenEmpty(table.collection, 'recorderName') && typeof doc.recorderName === 'string' ? doc.recorderName : undefined;
  return {
    kind: kindOf(table.collection),
    id: doc._id,
    units: unitsOf(doc, existing ?? null),
    rollups: [...new Set([...rollupIdsOf(table.collection, doc), ...rollupIdsOf(table.collection, existing ?? null)])],
    township: townshipOf(unitOf(doc))?.orgCode ?? String(doc.orgCode ?? ''),
    apply(current) {
      if (!current) return { content: doc as RecordContent, recorderName };
      if (current.deleted === true) return null;
      const next = merged(table, current, doc);
      return isIdentical(table, current, next) ? null : { content: next as RecordContent, recorderName };
    },
  };
}

/**
 * One edit of a unit, in a transaction so that the stored unit replaced is the one read. The row is
 * merged onto the unit as it is at that moment; if someone made it identical meanwhile, nothing is written.
 */
async function updateOrg(db: Database, table: TableDef, doc: LedgerDoc, options: ImportOptions, stamp: string): Promise<void> {
  const collection = table.collection;
  // Units carry no version; their history entries are numbered by how many came before.
  const version = (await db.collection('history').where({ collection, recordId: doc._id }).count()).total + 1;
  await inTransaction(db, async (tx) => {
    const current = await readOne<Doc>(tx, collection, doc._id);
    if (!current) return;
    const next = merged(table, current, doc);
    if (isIdentical(table, current, next)) return;
    const body = withoutId(next);
    await tx.collection(collection).doc(next._id).set(body);
    const change = fieldChanges(withoutId(current), body);
    const entry: Omit<HistoryDoc, '_id'> = {
      collection,
      recordId: next._id,
      action: 'import',
      by: options.by,
      byName: options.byName,
      at: stamp,
      version,
      before: change.before,
      after: change.after,
      orgPath: (next.path as string[] | undefined) ?? [],
    };
    await writeHistory(tx, entry);
  });
}

/**
 * Ledger export (LEDGER.md): a unit's ledger for a period as the workbook the format describes, one
 * sheet per table after a 指标汇总 sheet of the period's figures — the units in scope (with the units
 * above it, so the file imports into an empty system), the roster serving during the period, the records of the unit and every unit below it
 * dated in the period, and the year's 其他指标. Records that carry photos or a narrative get the
 * `照片` (links) and `情况说明` columns, which import ignores.
 */
import { readMany, type CloudApp, type Database } from '../cloudbase';
import { AppError } from '../errors';
import { findOrg } from '../orgs';
import { readAll, type Doc } from './read';
import { writeWorkbook, type OutSheet, type OutXCell } from './xlsx';
import { figuresWithClose } from '../period-close';
import { exportTable, maskedFreeText } from '../../../src/domain/ledger/export';
import { summarySheet, type SummaryLabel } from '../../../src/domain/ledger/summary';
import { SUMMARY_SHEET, TABLES, type TableDef } from '../../../src/domain/ledger/tables';
import { periodLabel, type Period } from '../../../src/domain/period';
import type { Collection } from '../../../src/domain/records/common';
import { periodDatesOf } from '../../../src/domain/records/kinds';
import { monthlySheet } from '../supervision/ledger-sheet';

export interface ExportOptions {
  /**
   * Turns stored photo file ids into links a reader can open (temporary URLs on CloudBase). Without it
   * the file ids are written as they are.
   */
  photoLinks?: (fileIds: string[]) => Promise<Map<string, string>>;
}

/**
 * Photo links through the storage's temporary URLs (CloudBase allows 50 files per request). Links of
 * files that cannot be resolved fall back to the file id, which at least names the file.
 */
export function tempUrlLinks(app: CloudApp, maxAgeSeconds = 7 * 24 * 3600): (fileIds: string[]) => Promise<Map<string, string>> {
  return async (fileIds) => {
    const links = new Map<string, string>();
    const cloudIds = fileIds.filter((id) => id.startsWith('cloud://'));
    for (let start = 0; start < cloudIds.length; start += 50) {
      const fileList = cloudIds.slice(start, start + 50).map((fileID) => ({ fileID, maxAge: maxAgeSeconds }));
      const { fileList: answers } = await app.getTempFileURL({ fileList });
      for (const a of answers) if (a.tempFileURL) links.set(a.fileID, a.tempFileURL);
    }
    return links;
  };
}

/**
 * Where records keep what the app adds to a ledger row (not part of the import format): photo fileIDs,
 * and the case records' 情况说明 (records/case-fields.ts).
 */
const PHOTOS = 'photos';
const NARRATIVE = 'description';

async function docsOf(db: Database, table: TableDef, orgCode: string, path: readonly string[], period: Period): Promise<Doc[]> {
  const _ = db.command;
  const scope = { orgPath: orgCode, deleted: _.neq(true) };
  switch (table.collection) {
    case 'orgs': {
      const above = await readMany(db, 'orgs', path.slice(0, -1));
      const below = await readAll(db, 'orgs', { path: orgCode });
      const ordered = [
        ...path
          .slice(0, -1)
          .map((code) => above.get(code))
          .filter((o): o is Doc => !!o),
        ...below,
      ];
      return ordered.sort((a, b) => (a.path as string[]).length - (b.path as string[]).length || a._id.localeCompare(b._id));
    }
    case 'people': {
      // Serving at some time during the period.
      const people = await readAll(db, 'people', scope);
      return people.filter((p) => String(p.startDate ?? '') <= period.end && (!p.endDate || String(p.endDate) >= period.start));
    }
    case 'manual_figures': {
      const years = _.gte(Number(period.start.slice(0, 4))).and(_.lte(Number(period.end.slice(0, 4))));
      return sortBy(await readAll(db, 'manual_figures', { ...scope, year: years }), ['year', 'orgCode', 'code']);
    }
    default: {
      // A case counts in the year it was accepted and in the year it was closed (INDICATORS.md), so it
      // is exported with either: otherwise a December case closed in January would fall out of the
      // next year's file and its figures.
      const fields = periodDatesOf(table.collection);
      const found = new Map<string, Doc>();
      for (const field of fields) {
        const range = _.gte(period.start).and(_.lte(period.end));
        for (const doc of await readAll(db, table.collection, { ...scope, [field]: range })) found.set(doc._id, doc);
      }
      return sortBy([...found.values()], [fields[0] ?? '_id', '_id']);
    }
  }
}

function sortBy(docs: Doc[], fields: readonly string[]): Doc[] {
  return docs.sort((a, b) => {
    for (const f of fields) {
      const [x, y] = [a[f] ?? '', b[f] ?? ''];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}

const photosOf = (doc: Doc): string[] =>
  Array.isArray(doc[PHOTOS]) ? (doc[PHOTOS] as unknown[]).filter((p): p is string => typeof p === 'string' && p !== '') : [];
/** The narrative masked like every answer to someone outside the case (an inspector is). */
const narrativeOf = (doc: Doc): string => (typeof doc[NARRATIVE] === 'string' ? maskedFreeText(doc[NARRATIVE] as string, doc) : '');

/** One link is a clickable cell; several are listed one per line (a cell holds one hyperlink). */
function photoCell(ids: string[], links: Map<string, string>): OutXCell {
  const urls = ids.map((id) => links.get(id) ?? id);
  if (urls.length === 1) return { text: urls[0], hyperlink: urls[0] };
  return urls.join('\n');
}

async function sheetOf(table: TableDef, docs: Doc[], unitNames: ReadonlyMap<string, string>, options: ExportOptions): Promise<OutSheet> {
  const rows: OutXCell[][] = exportTable(table.collection, docs, unitNames);
  const withPhotos = docs.some((d) => photosOf(d).length > 0);
  const withNarrative = docs.some((d) => narrativeOf(d) !== '');
  if (!withPhotos && !withNarrative) return { name: table.sheet, rows };
  const ids = [...new Set(docs.flatMap(photosOf))];
  const links = withPhotos && options.photoLinks ? await options.photoLinks(ids) : new Map<string, string>();
  if (withPhotos) rows[0].push('照片');
  if (withNarrative) rows[0].push('情况说明');
  docs.forEach((doc, i) => {
    const photos = photosOf(doc);
    if (withPhotos) rows[i + 1].push(photos.length ? photoCell(photos, links) : '');
    if (withNarrative) rows[i + 1].push(narrativeOf(doc));
  });
  return { name: table.sheet, rows };
}

/**
 * The 指标汇总 sheet: the figures as the figures API gives them (a closed year's frozen figures), custom
 * 其他指标 codes labelled from the exported rows that bring them.
 */
async function summaryOf(db: Database, org: { code: string; name: string }, period: Period, manual: readonly Doc[]): Promise<OutSheet> {
  const custom = new Map<string, SummaryLabel>();
  for (const m of manual) if (typeof m.label === 'string') custom.set(String(m.code), { label: m.label, unit: String(m.unit ?? '') });
  const figures = await figuresWithClose(db, org.code, period);
  return { name: SUMMARY_SHEET, ...summarySheet(org, periodLabel(period), figures, custom) };
}

/**
 * The sheets of the export: 指标汇总 first, then the tables in the order of the format, then the
 * villages' 月报 (supervision). Import skips the sheets that are not tables (EXPORT_ONLY_SHEETS).
 */
export async function ledgerSheets(db: Database, orgCode: string, period: Period, options: ExportOptions = {}): Promise<OutSheet[]> {
  const org = await findOrg(db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const docs = new Map<Collection, Doc[]>();
  for (const table of TABLES) docs.set(table.collection, await docsOf(db, table, org.code, org.path, period));
  // 组织机构 holds every unit a row can name: the ones in scope and the ones above.
  const unitNames = new Map((docs.get('orgs') ?? []).map((o) => [o._id, String(o.name ?? '')]));
  const sheets: OutSheet[] = [await summaryOf(db, org, period, docs.get('manual_figures') ?? [])];
  for (const table of TABLES) sheets.push(await sheetOf(table, docs.get(table.collection) ?? [], unitNames, options));
  sheets.push(await monthlySheet(db, org, period));
  return sheets;
}

/** The export as an .xlsx file's bytes. */
export async function exportLedger(db: Database, orgCode: string, period: Period, options: ExportOptions = {}): Promise<Buffer> {
  return writeWorkbook(await ledgerSheets(db, orgCode, period, options));
}

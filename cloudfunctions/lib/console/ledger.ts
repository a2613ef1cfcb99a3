/**
 * The console's ledger actions: a township's 其他指标 per year, and its ledger file imported and
 * exported. Every write goes through the ledger import the command line uses (lib/ledger/import.ts):
 * the same validation, all or nothing, versions and history, closed years refused — a 其他指标 saved in
 * the console is a one-row 其他指标 sheet. Only a township admin writes, and only within their unit.
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { importLedger, type ImportReport } from '../ledger/import';
import { ledgerSheets, tempUrlLinks } from '../ledger/export';
import { readAll } from '../ledger/read';
import { readWorkbook, writeWorkbook, WorkbookError } from '../ledger/xlsx';
import { cloudApp } from '../cloudbase';
import { safeFileName, type FileStore } from './report';
import { consoleOrg, mayWrite, readableOrg, writableOrg } from './access';
import { periodOf, yearPeriod } from '../period';
import { MANUAL_FIGURES, MANUAL_FIGURE_BY_ID } from '../../../src/domain/indicators/manual';
import { TABLE_BY_COLLECTION } from '../../../src/domain/ledger/tables';
import type { LedgerSheet } from '../../../src/domain/ledger/ledger';
import type { FieldProblem } from '../../../src/domain/records/fields';
import { periodLabel } from '../../../src/domain/period';
import {
  importFolder,
  type LedgerFileAnswer,
  type LedgerImportAnswer,
  type ManualFigureEntry,
  type ManualFiguresAnswer,
} from '../../../src/domain/console/ledger-api';

const MANUAL = TABLE_BY_COLLECTION.get('manual_figures');

export async function manualFigures(db: Database, caller: Caller, query: { org?: string; year: number }): Promise<ManualFiguresAnswer> {
  const org = await readableOrg(db, caller, query.org);
  yearPeriod(query.year);
  // Read by the unit's path (the indexed way, cloudbase/database.json); the unit's own are those it entered.
  const docs = (await readAll(db, 'manual_figures', { orgPath: org.code, year: query.year })).filter((d) => d.orgCode === org.code);
  const entries: ManualFigureEntry[] = docs.map((d) => {
    const known = MANUAL_FIGURE_BY_ID.get(String(d.code));
    return {
      code: String(d.code),
      label: String(d.label ?? known?.label ?? d.code),
      unit: String(d.unit ?? known?.unit ?? ''),
      value: Number(d.value),
      catalogue: known !== undefined,
      version: Number(d.version ?? 1),
      updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : null,
      recorderName: typeof d.recorderName === 'string' ? d.recorderName : null,
    };
  });
  return { org: consoleOrg(org), year: query.year, catalogue: MANUAL_FIGURES, entries, canWrite: mayWrite(caller, org) };
}

/** The form field behind a 其他指标 column, so a problem shows beside its input. */
const fieldOf = (column: string): string => MANUAL?.columns.find((c) => c.name === column)?.field ?? '';

/** What is wrong with a row, without the "其他指标第2行「数值」：" a file's report needs. */
const detail = (message: string): string => message.replace(/^[^：]*第\d+行(「[^」]*」)?：/, '');

export async function saveManualFigure(
  db: Database,
  caller: Caller,
  request: { org?: string; year: number; code: string; label?: string; unit?: string; value: string },
  now: Date,
): Promise<ManualFiguresAnswer> {
  const org = await writableOrg(db, caller, request.org);
  yearPeriod(request.year);
  if (!MANUAL) throw new Error('no 其他指标 table');
  // The catalogue's codes take their label and unit from the catalogue, whatever the form sent.
  const known = MANUAL_FIGURE_BY_ID.has(request.code.trim());
  const row = [org.code, request.year, request.code, known ? '' : (request.label ?? ''), known ? '' : (request.unit ?? ''), request.value];
  const sheet: LedgerSheet = { name: MANUAL.sheet, rows: [['单位代码', '年度', '指标代码', '指标名称', '单位', '数值'], row] };
  const report = await importLedger(db, [sheet], { by: caller.openid, byName: caller.name, now, scope: org.code });
  if (!report.ok) {
    const problems: FieldProblem[] = report.problems.map((p) => ({ field: fieldOf(p.column) || 'value', message: detail(p.message) }));
    const code = problems.some((p) => /已结账/.test(p.message)) ? 'PERIOD_CLOSED' : 'INVALID_FORM';
    throw new AppError(code, code === 'PERIOD_CLOSED' ? problems[0].message : `填写有误：${problems.map((p) => p.message).join('；')}`, problems);
  }
  return manualFigures(db, caller, { org: org.code, year: request.year });
}

const answerOf = (report: ImportReport): LedgerImportAnswer => ({
  ok: report.ok,
  dryRun: report.dryRun,
  written: report.written,
  sheets: report.sheets.map(({ sheet, added, updated, unchanged }) => ({ sheet, added, updated, unchanged })),
  problems: report.problems,
  warnings: report.warnings,
});

/** The largest ledger file the console takes (the command line has no such limit). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Imports a ledger file uploaded to the unit's folder (importFolder), into the caller's own unit:
 * a dry run answers the report by sheet, row and column without writing; then the same file for real.
 */
export async function importLedgerFile(
  db: Database,
  caller: Caller,
  request: { fileID: string; dryRun: boolean },
  read: (fileID: string) => Promise<Buffer>,
  now: Date,
): Promise<LedgerImportAnswer> {
  const org = await writableOrg(db, caller);
  const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(request.fileID)?.[1] ?? '';
  if (!path.startsWith(importFolder(org.code)) || path.includes('..')) throw new AppError('FORBIDDEN', '只能导入为本单位上传的文件');
  let bytes: Buffer;
  try {
    bytes = await read(request.fileID);
  } catch (error) {
    console.error('ledger download failed', error);
    throw new AppError('FILE_FAILED', '读取上传的文件失败，请重新选择文件');
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('INVALID_FORM', '文件太大（超过 10 MB），请按年度分开导入');
  let sheets: LedgerSheet[];
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookError) throw new AppError('INVALID_FORM', error.message);
    throw error;
  }
  const report = await importLedger(db, sheets, { by: caller.openid, byName: caller.name, now, dryRun: request.dryRun, scope: org.code });
  return answerOf(report);
}

/** The unit's ledger for a period as an .xlsx in storage, with a download address (as the report's .docx). */
export async function exportLedgerFile(
  db: Database,
  caller: Caller,
  query: { org?: string; period: string },
  files: FileStore,
  now: Date,
): Promise<LedgerFileAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const period = periodOf(query.period);
  const sheets = await ledgerSheets(db, org.code, period, { photoLinks: tempUrlLinks(cloudApp()) });
  const content = await writeWorkbook(sheets);
  // The file keeps the name the reader sees, as the report's .docx does: the download is saved under it.
  const fileName = safeFileName(`${org.name}${periodLabel(period)}台账`, 'xlsx');
  const cloudPath = `ledgers/${org.code}/${period.text}/${now.getTime()}/${fileName}`;
  try {
    const fileID = await files.upload(cloudPath, content);
    return { fileName, fileID, url: await files.tempUrl(fileID) };
  } catch (error) {
    console.error('ledger upload failed', error);
    throw new AppError('FILE_FAILED');
  }
}

/** Reads an uploaded file from CloudBase storage. */
export async function downloadFromStorage(fileID: string): Promise<Buffer> {
  const { fileContent } = await cloudApp().downloadFile({ fileID });
  return fileContent as Buffer;
}

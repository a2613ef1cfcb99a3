/**
 * console: the township console's reads and writes — figures this year against last, by unit and by
 * month, the records behind any figure, data-quality warnings, the report draft (texts, preview,
 * .docx) and the year close. 乡镇管理员 and 县级查看 read within their scope; only a 乡镇管理员 writes, for
 * their own unit.
 */
import { defineApi } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { byMonth, byVillage, overview } from '../lib/console/figures';
import { trend } from '../lib/console/trend';
import { drillRecords } from '../lib/console/drill';
import { quality } from '../lib/console/quality';
import { getReportTexts, reportDocx, reportPreview, saveReportTexts } from '../lib/console/report';
import { cloudFileStore } from '../lib/console/storage';
import { close, closeState, reopen } from '../lib/console/close';
import { downloadFromStorage, exportLedgerFile, importLedgerFile, manualFigures, saveManualFigure } from '../lib/console/ledger';

export const main = defineApi('console', ({ db, caller, now }) => {
  const me = requireCaller(caller);
  return {
    overview: (req) => overview(db, me, req),
    byVillage: (req) => byVillage(db, me, req),
    byMonth: (req) => byMonth(db, me, req),
    trend: (req) => trend(db, me, req),
    records: (req) => drillRecords(db, me, req, now),
    quality: (req) => quality(db, me, req, now),
    reportTexts: (req) => getReportTexts(db, me, req),
    saveReportTexts: (req) => saveReportTexts(db, me, req, now),
    reportPreview: (req) => reportPreview(db, me, req),
    reportDocx: (req) => reportDocx(db, me, req, cloudFileStore(), now),
    closeState: (req) => closeState(db, me, req),
    close: (req) => close(db, me, req, now),
    reopen: (req) => reopen(db, me, req, now),
    manualFigures: (req) => manualFigures(db, me, req),
    saveManualFigure: (req) => saveManualFigure(db, me, req, now),
    importLedger: (req) => importLedgerFile(db, me, req, downloadFromStorage, now),
    exportLedger: (req) => exportLedgerFile(db, me, req, cloudFileStore(), now),
  };
});

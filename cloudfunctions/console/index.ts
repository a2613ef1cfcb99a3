/**
 * console: the township console's reads and writes — figures this year against last, by unit and by
 * month, the records behind any figure, data-quality warnings, the report draft (texts, preview,
 * .docx) and the year close. 乡镇管理员 and 县级查看 read within their scope; only a 乡镇管理员 writes, for
 * their own unit.
 */
import { z } from 'zod';
import { QUALITY_CHECKS } from '../../src/domain/console/api';
import { defineFunction } from '../lib/handler';
import { requireCaller } from '../lib/authz';
import { byMonth, byVillage, overview } from '../lib/console/figures';
import { drillRecords } from '../lib/console/drill';
import { quality } from '../lib/console/quality';
import { getReportTexts, reportDocx, reportPreview, saveReportTexts } from '../lib/console/report';
import { cloudFileStore } from '../lib/console/storage';
import { close, closeState, reopen } from '../lib/console/close';
import { downloadFromStorage, exportLedgerFile, importLedgerFile, manualFigures, saveManualFigure } from '../lib/console/ledger';

const org = z.string().regex(/^\d{6,15}$/).optional();
const year = z.number().int().min(1990).max(2100);
const ids = z.array(z.string().min(1).max(80)).min(1).max(50);
const text = z.string().max(20000).optional();

const request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('overview'), org, year }),
  z.object({ action: z.literal('byVillage'), org, year, ids }),
  z.object({ action: z.literal('byMonth'), org, year, ids }),
  z.object({
    action: z.literal('records'),
    org,
    period: z.string().max(40).optional(),
    figure: z.string().min(1).max(80).optional(),
    check: z.enum(QUALITY_CHECKS).optional(),
    part: z.number().int().min(0).max(10).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  z.object({ action: z.literal('quality'), org, year }),
  z.object({ action: z.literal('reportTexts'), org, year }),
  z.object({
    action: z.literal('saveReportTexts'),
    org,
    year,
    texts: z.object({ opening: text, extraMeasures: text, shortcomings: text, leaderDuty: text, nextYear: text }).strict(),
    settings: z
      .object({
        yuChoices: z.record(z.string().min(1).max(80), z.boolean()).refine((c) => Object.keys(c).length <= 200, '选择太多').optional(),
        addressee: z.string().max(100).optional(),
        signer: z.string().max(100).optional(),
        signDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式不对').optional(),
      })
      .strict()
      .optional(),
    baseVersion: z.number().int().min(0).optional(),
  }),
  z.object({ action: z.literal('reportPreview'), org, year, yu: z.boolean().optional() }),
  z.object({ action: z.literal('reportDocx'), org, year, yu: z.boolean().optional() }),
  z.object({ action: z.literal('closeState'), org, year }),
  z.object({ action: z.literal('close'), org, year, reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('reopen'), org, year }),
  z.object({ action: z.literal('manualFigures'), org, year }),
  z.object({
    action: z.literal('saveManualFigure'),
    org,
    year,
    code: z.string().max(80),
    label: z.string().max(50).optional(),
    unit: z.string().max(10).optional(),
    // As typed (98% for a rate): the ledger import reads it as it reads a cell.
    value: z.string().max(30),
  }),
  z.object({ action: z.literal('importLedger'), fileID: z.string().min(1).max(500), dryRun: z.boolean() }),
  z.object({ action: z.literal('exportLedger'), org, period: z.string().min(4).max(40) }),
]);

export const main = defineFunction(request, async (req, { db, caller, now }) => {
  const me = requireCaller(caller);
  switch (req.action) {
    case 'overview':
      return overview(db, me, req);
    case 'byVillage':
      return byVillage(db, me, req);
    case 'byMonth':
      return byMonth(db, me, req);
    case 'records':
      return drillRecords(db, me, req, now);
    case 'quality':
      return quality(db, me, req, now);
    case 'reportTexts':
      return getReportTexts(db, me, req);
    case 'saveReportTexts':
      return saveReportTexts(db, me, req, now);
    case 'reportPreview':
      return reportPreview(db, me, req);
    case 'reportDocx':
      return reportDocx(db, me, req, cloudFileStore(), now);
    case 'closeState':
      return closeState(db, me, req);
    case 'close':
      return close(db, me, req, now);
    case 'reopen':
      return reopen(db, me, req, now);
    case 'manualFigures':
      return manualFigures(db, me, req);
    case 'saveManualFigure':
      return saveManualFigure(db, me, req, now);
    case 'importLedger':
      return importLedgerFile(db, me, req, downloadFromStorage, now);
    case 'exportLedger':
      return exportLedgerFile(db, me, req, cloudFileStore(), now);
  }
});

/** cloudfunctions/console: the township console's reads and writes. */
import { z } from 'zod';
import { QUALITY_CHECKS } from '../console/api';
import { orgCode, pageLimit, pageOffset, year } from './fields';
import type {
  ByMonthAnswer,
  TrendAnswer,
  ByVillageAnswer,
  CloseAnswer,
  DrillAnswer,
  OverviewAnswer,
  QualityAnswer,
  ReportDocxAnswer,
  ReportPreviewAnswer,
  ReportTextsAnswer,
} from '../console/api';
import type { LedgerFileAnswer, LedgerImportAnswer, ManualFiguresAnswer } from '../console/ledger-api';

const org = orgCode.optional();
const ids = z.array(z.string().min(1).max(80)).min(1).max(50);
const text = z.string().max(20000).optional();

/** Which records to list: those behind a figure (its `part` for rates and totals) or a quality check. */
const records = z.object({
  action: z.literal('records'),
  org,
  period: z.string().max(40).optional(),
  figure: z.string().min(1).max(80).optional(),
  check: z.enum(QUALITY_CHECKS).optional(),
  part: z.number().int().min(0).max(10).optional(),
  offset: pageOffset.optional(),
  limit: pageLimit.optional(),
});

export const consoleRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('overview'), org, year }),
  z.object({ action: z.literal('byVillage'), org, year, ids }),
  z.object({ action: z.literal('byMonth'), org, year, ids }),
  z.object({ action: z.literal('trend'), org, year, ids }),
  records,
  z.object({ action: z.literal('quality'), org, year }),
  z.object({ action: z.literal('reportTexts'), org, year }),
  z.object({
    action: z.literal('saveReportTexts'),
    org,
    year,
    texts: z.object({ opening: text, extraMeasures: text, shortcomings: text, leaderDuty: text, nextYear: text }).strict(),
    settings: z
      .object({
        yuChoices: z
          .record(z.string().min(1).max(80), z.boolean())
          .refine((c) => Object.keys(c).length <= 200, '选择太多')
          .optional(),
        addressee: z.string().max(100).optional(),
        signer: z.string().max(100).optional(),
        signDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, '成文日期格式不对')
          .optional(),
      })
      .strict()
      .optional(),
    baseVersion: z.number().int().min(0).optional(),
  }),
  z.object({ action: z.literal('reportPreview'), org, year, yu: z.boolean().optional() }),
  z.object({ action: z.literal('reportDocx'), org, year, yu: z.boolean().optional() }),
  z.object({ action: z.literal('closeState'), org, year }),
  /** `reason`: closing while months are unreported or records await review (kept in the history). */
  z.object({ action: z.literal('close'), org, year, reason: z.string().max(500).optional() }),
  z.object({ action: z.literal('reopen'), org, year }),
  // The ledger actions (issue 15 item 4, src/domain/console/ledger-api.ts).
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

export type ConsoleRequest = z.input<typeof consoleRequest>;
export type DrillQuery = Omit<z.input<typeof records>, 'action'>;

export interface ConsoleAnswers {
  overview: OverviewAnswer;
  byVillage: ByVillageAnswer;
  byMonth: ByMonthAnswer;
  trend: TrendAnswer;
  records: DrillAnswer;
  quality: QualityAnswer;
  reportTexts: ReportTextsAnswer;
  saveReportTexts: ReportTextsAnswer;
  reportPreview: ReportPreviewAnswer;
  reportDocx: ReportDocxAnswer;
  closeState: CloseAnswer;
  close: CloseAnswer;
  reopen: CloseAnswer;
  manualFigures: ManualFiguresAnswer;
  saveManualFigure: ManualFiguresAnswer;
  importLedger: LedgerImportAnswer;
  exportLedger: LedgerFileAnswer;
}

/**
 * The tables of the ledger format (shared/LEDGER.md, a public contract): sheet name, columns in
 * export order with the record field each one fills, and the collection the rows go to. Import
 * (parse.ts) and export (export.ts) both read these, which is what keeps them each other's inverse.
 */
import { z } from 'zod';
import {
  CONSULTATION_CATEGORIES,
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TYPES,
  ORG_LEVELS,
  OUTREACH_STATES,
  OUTREACH_TYPES,
  OUTREACH_VENUES,
  PETITION_CHANNELS,
  PETITION_STATES,
  ROSTER_ROLES,
  STUDY_TYPES,
} from '../vocab';
import type { Collection } from '../records/common';
import { ledgerId } from '../records/common';
import { optionalText } from '../records/fields';
import { outreachSchema } from '../records/outreach';
import { consultationFields } from '../records/consultation';
import { disputeFields, disputeRules } from '../records/dispute';
import { petitionFields, petitionRules } from '../records/petition';
import { receptionFields } from '../records/reception';
import { studyFields, studyRules } from '../records/study';
import { rosterFields, rosterRules } from '../records/roster';
import { orgSchema } from '../records/org';
import { manualFigureSchema } from '../records/manualFigure';

export type ColumnKind = 'text' | 'date' | 'count' | 'amount' | 'vocab' | 'number';

export interface ColumnDef {
  /** Column name in row 1, exactly. */
  name: string;
  /** The record field (schema name; `id` is stored as `_id`). */
  field: string;
  kind: ColumnKind;
  /** The cell must hold a value. Required columns, and count columns, must be present in row 1. */
  required: boolean;
  words?: readonly string[];
  /**
   * Free text a person typed (主题, 事项类别): it may name people or write their numbers, so the export
   * masks it like every answer to someone outside the case.
   */
  freeText?: true;
}

export interface TableDef {
  sheet: string;
  collection: Collection;
  columns: readonly ColumnDef[];
  /** Validates one row's values; the kind's schema with 编号 relaxed to ledger ids. */
  schema: z.ZodTypeAny;
}

const col = (name: string, field: string, kind: ColumnKind, required = true, words?: readonly string[]): ColumnDef =>
  words ? { name, field, kind, required, words } : { name, field, kind, required };
const id = col('编号', 'id', 'text');
const unit = col('单位代码', 'orgCode', 'text');
const freeText = (name: string, field: string): ColumnDef => ({ ...col(name, field, 'text', false), freeText: true });

/**
 * Columns the XLSX export adds for the reader (LEDGER.md "What an export adds": row numbers, unit
 * names, photo links, narratives): ignored on import without a warning.
 */
export const SERIAL_COLUMN = '序号';
export const UNIT_NAME_COLUMN = '单位名称';
export const EXPORT_ONLY_COLUMNS: readonly string[] = [SERIAL_COLUMN, UNIT_NAME_COLUMN, '照片', '情况说明'];

/** The export's sheet of the period's figures, first in the workbook. */
export const SUMMARY_SHEET = '指标汇总';
/** The export's sheet of villages' 月报 states (supervision): a record of reporting. */
export const MONTHLY_SHEET = '月报';
/** Sheets the XLSX export adds for the reader: ignored on import without a warning. */
export const EXPORT_ONLY_SHEETS: readonly string[] = [SUMMARY_SHEET, MONTHLY_SHEET];

export const TABLES: readonly TableDef[] = [
  {
    sheet: '组织机构',
    collection: 'orgs',
    columns: [
      col('代码', 'code', 'text'),
      col('名称', 'name', 'text'),
      col('层级', 'level', 'vocab', true, ORG_LEVELS),
      col('上级代码', 'parentCode', 'text', false),
    ],
    schema: orgSchema,
  },
  {
    sheet: '人员名册',
    collection: 'people',
    columns: [
      id,
      col('姓名', 'name', 'text'),
      unit,
      col('身份', 'role', 'vocab', true, ROSTER_ROLES),
      col('联系电话', 'phone', 'text', false),
      col('开始日期', 'startDate', 'date', false),
      col('结束日期', 'endDate', 'date', false),
    ],
    schema: rosterFields.extend({ id: ledgerId }).superRefine(rosterRules),
  },
  {
    sheet: '普法活动',
    collection: 'outreach',
    columns: [
      id,
      unit,
      col('日期', 'date', 'date'),
      col('类型', 'type', 'vocab', true, OUTREACH_TYPES),
      col('场所', 'venue', 'vocab', true, OUTREACH_VENUES),
      freeText('主题', 'topic'),
      col('受众人数', 'attendees', 'count'),
      col('发放资料份数', 'materials', 'count'),
      col('横幅幅数', 'banners', 'count'),
      col('咨询人次', 'consultations', 'count'),
      col('状态', 'status', 'vocab', false, OUTREACH_STATES),
      col('记录人', 'recorderName', 'text', false),
    ],
    // The app's outreach form does not ask for 记录人 (it knows who records); ledgers carry the name.
    schema: outreachSchema.extend({ id: ledgerId, recorderName: optionalText('记录人', 50) }),
  },
  {
    sheet: '法律咨询',
    collection: 'consultations',
    columns: [
      id,
      unit,
      col('日期', 'date', 'date'),
      col('咨询类别', 'category', 'vocab', true, CONSULTATION_CATEGORIES),
      col('人次', 'people', 'count'),
      col('答复人', 'answeredBy', 'text', false),
    ],
    schema: consultationFields.extend({ id: ledgerId }),
  },
  {
    sheet: '矛盾纠纷',
    collection: 'disputes',
    columns: [
      id,
      unit,
      col('受理日期', 'acceptDate', 'date'),
      col('纠纷类型', 'disputeType', 'vocab', true, DISPUTE_TYPES),
      col('来源', 'source', 'vocab', true, DISPUTE_SOURCES),
      col('状态', 'state', 'vocab', true, DISPUTE_STATES),
      col('办结日期', 'closeDate', 'date', false),
      col('协议金额', 'amount', 'amount', false),
      col('调解员', 'mediatorName', 'text', false),
    ],
    schema: disputeFields.extend({ id: ledgerId }).superRefine(disputeRules),
  },
  {
    sheet: '信访事项',
    collection: 'petitions',
    columns: [
      id,
      unit,
      col('登记日期', 'registerDate', 'date'),
      col('渠道', 'channel', 'vocab', true, PETITION_CHANNELS),
      freeText('事项类别', 'category'),
      // Optional in the file: an empty 办理期限 gets the statutory default (petition.ts).
      col('办理期限', 'dueDate', 'date', false),
      col('状态', 'state', 'vocab', true, PETITION_STATES),
      col('办结日期', 'closeDate', 'date', false),
    ],
    schema: petitionFields.extend({ id: ledgerId }).superRefine(petitionRules),
  },
  {
    sheet: '领导接访',
    collection: 'receptions',
    columns: [id, unit, col('日期', 'date', 'date'), col('接访领导', 'leader', 'text'), col('接待群众人次', 'people', 'count')],
    schema: receptionFields.extend({ id: ledgerId }),
  },
  {
    sheet: '学法培训',
    collection: 'studies',
    columns: [
      id,
      unit,
      col('日期', 'date', 'date'),
      col('类型', 'type', 'vocab', true, STUDY_TYPES),
      freeText('主题', 'topic'),
      col('应参加人数', 'expected', 'count'),
      col('实际参加人数', 'attended', 'count'),
      col('合格人数', 'passed', 'count'),
    ],
    schema: studyFields.extend({ id: ledgerId }).superRefine(studyRules),
  },
  {
    sheet: '其他指标',
    collection: 'manual_figures',
    columns: [
      unit,
      col('年度', 'year', 'number'),
      col('指标代码', 'code', 'text'),
      col('指标名称', 'label', 'text', false),
      col('单位', 'unit', 'text', false),
      col('数值', 'value', 'number'),
    ],
    schema: manualFigureSchema,
  },
];

export const TABLE_BY_SHEET: ReadonlyMap<string, TableDef> = new Map(TABLES.map((t) => [t.sheet, t]));
export const TABLE_BY_COLLECTION: ReadonlyMap<Collection, TableDef> = new Map(TABLES.map((t) => [t.collection, t]));

/** Columns that row 1 must name. Optional columns may be left out entirely. */
export const mustBePresent = (c: ColumnDef): boolean => c.required || c.kind === 'count';

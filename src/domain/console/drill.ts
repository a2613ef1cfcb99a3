/**
 * The records behind a figure (drill-down), as data: which collection, which records (the measure's
 * period and conditions, read from the catalogue, so a list can never disagree with its figure), and
 * the database pipeline that pages through them. A rate lists its numerator's and its denominator's
 * records; a total lists each of its parts. Quality checks (overdue petitions …) are listed the same way.
 * Pure: the server runs the pipelines; unit tests run them with mingo.
 */
import { addDays } from '../dates';
import { FIGURE_BY_ID } from '../indicators/catalogue';
import { isRateUnit } from '../indicators/manual';
import type { BaseMeasure, Condition, FigureDef } from '../indicators/types';
import type { Period } from '../period';
import type { Collection } from '../records/common';
import { KINDS, kindOfCollection, type RecordKind } from '../records/kinds';
import { TABLE_BY_COLLECTION } from '../ledger/tables';
import { reviewMatch } from '../indicators/pipeline';
import type { ReviewFilter } from '../supervision/review';
import type { QualityCheck } from './api';

export type Stage = Record<string, unknown>;

export interface DrillSpec {
  label: string;
  kind: RecordKind | 'org';
  collection: Collection;
  /** The date that must fall in the period. */
  dateField?: string;
  where: readonly Condition[];
  /** Roster snapshot: serving on the period's last day. */
  activeAtEnd?: boolean;
  /** Plain query values added to the match (manual figures' code and year, quality checks' cut-offs). */
  extra?: Record<string, unknown>;
  /** Newest first by default. */
  sort: { field: string; order: 1 | -1 };
}

export interface DrillPlan {
  label: string;
  parts: DrillSpec[];
  message: string | null;
}

/** The kind a figure's records are of (KINDS); units are not a record kind. */
const kindOf = (collection: Collection): RecordKind | 'org' => kindOfCollection(collection)?.kind ?? 'org';

/**
 * How a condition's field reads to a cadre: as its column in the ledger (tables.ts), or — for the unit
 * level the roster keeps beside each person, which no column carries — 所属层级.
 */
function fieldLabel(collection: Collection, field: string): string {
  if (field === 'orgLevel') return '所属层级';
  return TABLE_BY_COLLECTION.get(collection)?.columns.find((c) => c.field === field)?.name ?? field;
}

const kindLabel = (kind: RecordKind | 'org'): string => (kind === 'org' ? '行政村（社区）' : KINDS[kind].label);

function conditionText(collection: Collection, c: Condition): string {
  if ('eq' in c) return `${fieldLabel(collection, c.field)}为${c.eq}`;
  if ('in' in c) return `${fieldLabel(collection, c.field)}为${c.in.join('/')}`;
  if ('ne' in c) return c.field === 'status' ? '已举办' : `${fieldLabel(collection, c.field)}不为${c.ne}`;
  return '按期办结';
}

function measureLabel(m: BaseMeasure, among?: readonly string[]): string {
  const kind = kindOf(m.source);
  const conditions = m.where?.map((c) => conditionText(m.source, c)) ?? [];
  if (among && m.kind === 'distinct') conditions.push(`${fieldLabel(m.source, m.field)}为${among.join('/')}`);
  if (m.activeAtEnd) conditions.push('期末在岗');
  return conditions.length ? `${kindLabel(kind)}（${conditions.join('，')}）` : kindLabel(kind);
}

function specOf(m: BaseMeasure, label?: string): DrillSpec {
  const kind = kindOf(m.source);
  const among = m.kind === 'distinct' ? m.among : undefined;
  const where: Condition[] = [...(m.where ?? [])];
  // 法律六进 counts the venue classes among the six: the events held at one of them are behind it.
  if (among && m.kind === 'distinct') where.push({ field: m.field, in: among });
  const sortField = m.dateField ?? (m.source === 'people' ? 'name' : m.source === 'orgs' ? 'code' : '_id');
  return {
    label: label ?? measureLabel(m, among),
    kind,
    collection: m.source,
    dateField: m.dateField,
    where,
    activeAtEnd: m.activeAtEnd,
    sort: { field: sortField, order: m.dateField ? -1 : 1 },
  };
}

const sameRecords = (a: DrillSpec, b: DrillSpec): boolean =>
  a.collection === b.collection && a.dateField === b.dateField && a.activeAtEnd === b.activeAtEnd && JSON.stringify(a.where) === JSON.stringify(b.where);

function ratioPlan(f: FigureDef, numerator: BaseMeasure, denominator: BaseMeasure): DrillPlan {
  const top = specOf(numerator);
  const bottom = specOf(denominator);
  if (sameRecords(top, bottom)) {
    // 法治考试参考率/合格率: both sums run over the same exam records.
    return { label: f.label, parts: [top], message: `${f.label}由这些记录的人数计算：${rateWords(f.id)}` };
  }
  return {
    label: f.label,
    parts: [
      { ...top, label: `分子：${top.label}` },
      { ...bottom, label: `分母：${bottom.label}` },
    ],
    message: `${f.label}是比率，等于分子记录数（或人数）除以分母记录数`,
  };
}

function rateWords(id: string): string {
  if (id === 'study.exam_participation_rate') return '实际参加人数之和 ÷ 应参加人数之和';
  if (id === 'study.exam_pass_rate') return '合格人数之和 ÷ 实际参加人数之和';
  return '分子 ÷ 分母';
}

/** What lists the records behind a figure; null for an id the catalogue does not know. */
export function drillPlan(figureId: string): DrillPlan | null {
  const f = FIGURE_BY_ID.get(figureId);
  if (!f) return null;
  const m = f.measure;
  switch (m.kind) {
    case 'manual':
      return {
        label: f.label,
        parts: [
          {
            label: `其他指标（${f.label}）`,
            kind: 'manualFigure',
            collection: 'manual_figures',
            where: [{ field: 'code', eq: m.code }],
            sort: { field: 'orgCode', order: 1 },
          },
        ],
        message: `${f.label}没有台账记录，由乡镇按年度在“其他指标”中填报${isRateUnit(f.unit) ? '（比率不向上汇总）' : '，下级单位的填报数相加'}`,
      };
    case 'ratio':
      return ratioPlan(f, m.numerator, m.denominator);
    case 'total':
      return {
        label: f.label,
        parts: m.of.map((part) => specOf(part)),
        message: `${f.label}是以下各类记录中人次之和`,
      };
    case 'distinct':
      return { label: f.label, parts: [specOf(m, f.label)], message: `${f.label}按这些活动的场所类别去重计数` };
    default:
      return {
        label: f.label,
        parts: [specOf(m, f.label)],
        message: m.activeAtEnd ? '名册中在统计期末在岗的人员' : null,
      };
  }
}

/** Open cases past the point where someone should look at them. */
export const STALE_DISPUTE_DAYS = 60;

export const CHECK_LABELS: Record<QualityCheck, string> = {
  overdue_petitions: '超期未办结的信访事项',
  stale_disputes: `受理超过${STALE_DISPUTE_DAYS}天未办结的矛盾纠纷`,
};

/** The cases a quality check is about, as of `today` (any year: an open case is open). */
export function checkPlan(check: QualityCheck, today: string): DrillPlan {
  if (check === 'overdue_petitions') {
    return {
      label: CHECK_LABELS[check],
      parts: [
        {
          label: CHECK_LABELS[check],
          kind: 'petition',
          collection: 'petitions',
          where: [{ field: 'state', in: KINDS.petition.openStates }],
          extra: { dueDate: { $lt: today } },
          sort: { field: 'dueDate', order: 1 },
        },
      ],
      message: `截至${today}，办理期限已过仍未办结`,
    };
  }
  return {
    label: CHECK_LABELS[check],
    parts: [
      {
        label: CHECK_LABELS[check],
        kind: 'dispute',
        collection: 'disputes',
        where: [{ field: 'state', in: KINDS.dispute.openStates }],
        extra: { acceptDate: { $lt: addDays(today, -STALE_DISPUTE_DAYS) } },
        sort: { field: 'acceptDate', order: 1 },
      },
    ],
    message: `截至${today}，受理已超过${STALE_DISPUTE_DAYS}天仍未办结`,
  };
}

/** The records of the unit and below, never the soft-deleted ones (the figures' own scope rule). */
function scopeOf(collection: Collection, orgCode: string): Stage {
  return collection === 'orgs' ? { path: orgCode } : { orgPath: orgCode, deleted: { $ne: true } };
}

const missingOr = (field: string, test: Stage): Stage => ({
  $or: [{ [field]: { $exists: false } }, { [field]: null }, { [field]: '' }, { [field]: test }],
});

/**
 * The $match of a part: scope, period, the measure's plain conditions — and, while townships review,
 * the same review condition as the figures, so a figure lists exactly the records it counts.
 */
export function drillMatch(spec: DrillSpec, orgCode: string, period: Period | null, review?: ReviewFilter): Stage {
  const match: Stage = { ...scopeOf(spec.collection, orgCode), ...reviewMatch(spec.collection, review) };
  if (spec.dateField && period) match[spec.dateField] = { $gte: period.start, $lte: period.end };
  for (const c of spec.where) {
    if ('eq' in c) match[c.field] = c.eq;
    else if ('in' in c) match[c.field] = { $in: [...c.in] };
    else if ('ne' in c) match[c.field] = { $ne: c.ne };
  }
  if (spec.activeAtEnd && period) {
    match.$and = [missingOr('startDate', { $lte: period.end }), missingOr('endDate', { $gte: period.end })];
  }
  if (spec.kind === 'manualFigure') {
    // Yearly figures: only a whole year has them.
    match.year = period?.year ?? -1;
  }
  return { ...match, ...spec.extra };
}

/** Field-to-field tests (办结日期 ≤ 办理期限) need an expression, so they run as a second stage. */
function compareStages(spec: DrillSpec): Stage[] {
  const compares = spec.where.filter((c): c is { field: string; lteField: string } => 'lteField' in c);
  if (compares.length === 0) return [];
  const flags = Object.fromEntries(compares.map((c, i) => [`__drill${i}`, { $lte: [`$${c.field}`, `$${c.lteField}`] }]));
  return [{ $addFields: flags }, { $match: Object.fromEntries(Object.keys(flags).map((k) => [k, true])) }];
}

/** How many records the part lists. */
export function drillCountPipeline(spec: DrillSpec, orgCode: string, period: Period | null, review?: ReviewFilter): Stage[] {
  return [{ $match: drillMatch(spec, orgCode, period, review) }, ...compareStages(spec), { $count: 'total' }];
}

/** One page of the part's records, in a stable order. */
export function drillPagePipeline(spec: DrillSpec, orgCode: string, period: Period | null, offset: number, limit: number, review?: ReviewFilter): Stage[] {
  return [
    { $match: drillMatch(spec, orgCode, period, review) },
    ...compareStages(spec),
    { $sort: { [spec.sort.field]: spec.sort.order, _id: spec.sort.order } },
    { $skip: offset },
    { $limit: limit },
  ];
}

/**
 * Turns the catalogue into database aggregation pipelines: plain JSON that the server hands to
 * CloudBase (MongoDB dialect) and tests hand to mingo. One pipeline per collection computes all of that
 * collection's figures in a single pass: `$match` the scope (and the period where every figure of the
 * collection is dated), then one `$group: { _id: null }` with a `$cond` per figure. Only stages
 * CloudBase supports are used ($match, $group; no $facet).
 */
import type { Period } from '../period';
import type { Collection } from '../records/common';
import { FIGURES } from './catalogue';
import type { BaseMeasure, Condition, FigureDef } from './types';
import { NOT_COUNTED, REVIEWED_COLLECTIONS, type ReviewFilter } from '../supervision/review';

export type Stage = Record<string, unknown>;

/**
 * CloudBase's aggregate answers 20 rows unless the pipeline has a `$limit`: every pipeline that can
 * group into more rows (one per unit, per code) ends with this one, far above any township's size.
 */
export const GROUP_ROWS_LIMIT = 1000;
export interface CollectionPipeline {
  collection: Collection;
  pipeline: Stage[];
}

/** One accumulator of a collection's $group, and the measure it computes. */
export interface Part {
  key: string;
  measure: BaseMeasure;
}

/** $group output keys cannot contain dots; ids become e.g. outreach_events, with __n/__d/__0 suffixes. */
const keyOf = (id: string): string => id.replace(/\./g, '_');

export function partsOf(f: FigureDef): Part[] {
  const k = keyOf(f.id);
  const m = f.measure;
  if (m.kind === 'manual') return [];
  if (m.kind === 'ratio')
    return [
      { key: `${k}__n`, measure: m.numerator },
      { key: `${k}__d`, measure: m.denominator },
    ];
  if (m.kind === 'total') return m.of.map((measure, i) => ({ key: `${k}__${i}`, measure }));
  return [{ key: k, measure: m }];
}

/** Figures asked for; none asked means all. Unknown ids are left to the manual figures. */
export function selectFigures(ids?: readonly string[]): readonly FigureDef[] {
  return ids ? FIGURES.filter((f) => ids.includes(f.id)) : FIGURES;
}

const field = (name: string) => `$${name}`;
/** Missing and null dates read as '' — before any real date, so they never fall in a period. */
const dateOf = (name: string) => ({ $ifNull: [field(name), ''] });

function conditionExpr(c: Condition): Stage {
  if ('eq' in c) return { $eq: [field(c.field), c.eq] };
  if ('in' in c) return { $in: [field(c.field), [...c.in]] };
  if ('ne' in c) return { $ne: [field(c.field), c.ne] };
  return { $lte: [field(c.field), field(c.lteField)] };
}

function whenExpr(m: BaseMeasure, period: Period): Stage[] {
  const parts: Stage[] = [];
  if (m.dateField) {
    parts.push({ $gte: [dateOf(m.dateField), period.start] }, { $lte: [dateOf(m.dateField), period.end] });
  }
  if (m.activeAtEnd) {
    // Serving on the last day: no start or start ≤ end; no end or end ≥ end.
    parts.push({ $lte: [dateOf('startDate'), period.end] });
    parts.push({ $or: [{ $eq: [dateOf('endDate'), ''] }, { $gte: [dateOf('endDate'), period.end] }] });
  }
  return [...parts, ...(m.where ?? []).map(conditionExpr)];
}

function accumulator(m: BaseMeasure, period: Period, countRecords = false): Stage {
  const tests = whenExpr(m, period);
  const test = tests.length === 0 ? true : tests.length === 1 ? tests[0] : { $and: tests };
  if (countRecords) return { $sum: { $cond: [test, 1, 0] } };
  switch (m.kind) {
    case 'count':
      return { $sum: { $cond: [test, 1, 0] } };
    case 'sum':
      return { $sum: { $cond: [test, { $ifNull: [field(m.field), 0] }, 0] } };
    case 'distinct':
      // Non-matching records add null, which assemble() discards.
      return { $addToSet: { $cond: [test, field(m.field), null] } };
  }
}

/**
 * Whose records a figure counts: the unit and every unit below it (`tree`), or the unit's own only
 * (`own`, 乡镇本级: work logged at the township itself, not in a village).
 */
export type FigureScope = 'tree' | 'own';

/** Records of the scope, never the soft-deleted ones. */
function scopeMatch(collection: Collection, orgCode: string, scope: FigureScope = 'tree'): Stage {
  const field = scope === 'own' ? (collection === 'orgs' ? 'code' : 'orgCode') : collection === 'orgs' ? 'path' : 'orgPath';
  return { [field]: orgCode, deleted: { $ne: true } };
}

/** When every figure of a collection is dated, fetch only records dated in the period. */
function periodMatch(parts: readonly Part[], period: Period): Stage {
  const dateFields = [...new Set(parts.map((p) => p.measure.dateField))];
  if (dateFields.some((f) => f === undefined)) return {};
  const ranges = dateFields.map((f) => ({ [f as string]: { $gte: period.start, $lte: period.end } }));
  return ranges.length === 1 ? ranges[0] : { $or: ranges };
}

/**
 * Review (审核): while a township reviews, its records awaiting review (or returned) do not count —
 * `counted` leaves them out, `pending` keeps only them. Townships without review are unaffected.
 */
export function reviewMatch(collection: Collection, review: ReviewFilter | undefined): Stage {
  if (!review || review.townships.length === 0 || !REVIEWED_COLLECTIONS.includes(collection)) return {};
  const held = { reviewState: { $in: [...NOT_COUNTED] }, orgPath: { $in: [...review.townships] } };
  // Pending mode's township test goes under $and: as a plain key it would replace the scope's orgPath.
  return review.mode === 'counted' ? { $nor: [held] } : { reviewState: held.reviewState, $and: [{ orgPath: held.orgPath }] };
}

export function manualPipeline(orgCode: string, year: number, scope: FigureScope = 'tree'): CollectionPipeline {
  const own = { $eq: ['$orgCode', orgCode] };
  return {
    collection: 'manual_figures',
    pipeline: [
      { $match: { ...scopeMatch('manual_figures', orgCode, scope), year } },
      {
        $group: {
          _id: '$code',
          total: { $sum: '$value' },
          rows: { $sum: 1 },
          // Rates are not rolled up: only the unit's own entry counts for them.
          own: { $sum: { $cond: [own, '$value', 0] } },
          ownRows: { $sum: { $cond: [own, 1, 0] } },
          label: { $max: '$label' },
          unit: { $max: '$unit' },
        },
      },
      { $limit: GROUP_ROWS_LIMIT },
    ],
  };
}

export interface PipelineOptions {
  review?: ReviewFilter;
  scope?: FigureScope;
}

/**
 * The pipelines that compute the figures `ids` (all when omitted) for a unit and a period. Manual
 * figures are yearly, so they are read only when the period is one whole calendar year.
 */
export function pipelinesFor(orgCode: string, period: Period, ids?: readonly string[], options: PipelineOptions = {}): CollectionPipeline[] {
  const { review, scope } = options;
  const figures = selectFigures(ids);
  const pending = review?.mode === 'pending';
  const byCollection = new Map<Collection, Part[]>();
  for (const part of figures.flatMap(partsOf)) {
    // Records awaiting review are only ever the reviewed kinds'.
    if (pending && !REVIEWED_COLLECTIONS.includes(part.measure.source)) continue;
    const list = byCollection.get(part.measure.source) ?? [];
    list.push(part);
    byCollection.set(part.measure.source, list);
  }
  const out: CollectionPipeline[] = [...byCollection].map(([collection, parts]) => ({
    collection,
    pipeline: [
      { $match: { ...scopeMatch(collection, orgCode, scope), ...periodMatch(parts, period), ...reviewMatch(collection, review) } },
      // Pending mode counts the records behind each part (a sum's records, not its amount).
      { $group: Object.fromEntries([['_id', null], ...parts.map((p) => [p.key, accumulator(p.measure, period, pending)])]) },
    ],
  }));
  if (pending) return out;
  const wantsManual = !ids || ids.some((id) => !figures.some((f) => f.id === id && f.measure.kind !== 'manual'));
  if (period.year !== undefined && wantsManual) out.push(manualPipeline(orgCode, period.year, scope));
  return out;
}

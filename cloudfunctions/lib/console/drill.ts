/**
 * The records behind a figure or a quality check, a page at a time. The plan (which records) comes
 * from the catalogue (src/domain/console/drill.ts); the count and the page are aggregated in the
 * database, and every record goes out through recordView, so parties stay masked for non-handlers.
 */
import { checkPlan, drillCountPipeline, drillPagePipeline, drillPlan, type DrillPlan, type DrillSpec } from '../../../src/domain/console/drill';
import type { DrillAnswer, DrillRow } from '../../../src/domain/console/api';
import type { DrillQuery } from '../../../src/domain/contract/console';
import { beijingDate } from '../../../src/domain/dates';
import type { Period } from '../../../src/domain/period';
import { periodOf } from '../period';
import type { OrgLevel } from '../../../src/domain/vocab';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { orgNames } from '../orgs';
import { recordView, type StoredRecord } from '../records/views';
import { consoleOrg, readableOrg } from './access';
import { reviewTownships } from '../supervision/settings';
import type { ReviewFilter } from '../../../src/domain/supervision/review';

export type { DrillQuery };

export const DRILL_PAGE_MAX = 100;

type Row = Record<string, unknown> & { _id: string };

async function aggregate(db: Database, collection: string, pipeline: object[]): Promise<Row[]> {
  const answer = await db.collection(collection).options({ raw: true }).aggregate(pipeline).end();
  return (answer as { data: Row[] }).data;
}

export async function countOf(db: Database, spec: DrillSpec, orgCode: string, period: Period | null, review?: ReviewFilter): Promise<number> {
  const rows = await aggregate(db, spec.collection, drillCountPipeline(spec, orgCode, period, review));
  return typeof rows[0]?.total === 'number' ? rows[0].total : 0;
}

export async function pageOf(
  db: Database,
  spec: DrillSpec,
  orgCode: string,
  period: Period | null,
  offset: number,
  limit: number,
  review?: ReviewFilter,
): Promise<Row[]> {
  return aggregate(db, spec.collection, drillPagePipeline(spec, orgCode, period, offset, limit, review));
}

function planOf(query: DrillQuery, now: Date): { plan: DrillPlan; period: Period | null; target: string } {
  if (query.figure !== undefined) {
    const plan = drillPlan(query.figure);
    if (!plan) throw new AppError('UNKNOWN_FIGURE', `没有这个指标：${query.figure}`);
    return { plan, period: periodOf(query.period ?? ''), target: query.figure };
  }
  if (query.check !== undefined) return { plan: checkPlan(query.check, beijingDate(now)), period: null, target: query.check };
  throw new AppError('INVALID_REQUEST', '请指明要查看哪个指标的记录');
}

export async function drillRecords(db: Database, caller: Caller, query: DrillQuery, now: Date): Promise<DrillAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const { plan, period, target } = planOf(query, now);
  // A figure's records are those it counts: while townships review, the approved ones.
  const review: ReviewFilter | undefined = query.figure !== undefined ? { mode: 'counted', townships: await reviewTownships(db) } : undefined;
  const totals = await Promise.all(plan.parts.map((spec) => countOf(db, spec, org.code, period, review)));
  const part = Math.min(Math.max(0, query.part ?? 0), plan.parts.length - 1);
  const spec = plan.parts[part];
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(DRILL_PAGE_MAX, Math.max(1, query.limit ?? 20));
  const docs = totals[part] > offset ? await pageOf(db, spec, org.code, period, offset, limit, review) : [];
  const names = await orgNames(
    db,
    docs.map((doc) => String(doc.orgCode ?? doc.code)),
  );
  const items: DrillRow[] = docs.map((doc) =>
    spec.kind === 'org'
      ? { kind: 'org', id: doc._id, orgName: String(doc.name), level: doc.level as OrgLevel }
      : recordView(spec.kind, doc as StoredRecord, caller, names.get(String(doc.orgCode)) ?? String(doc.orgCode)),
  );
  let message = plan.message;
  if (spec.kind === 'manualFigure' && period?.year === undefined) message = '其他指标按年度填报，请按整年查看';
  return {
    org: consoleOrg(org),
    period: period?.text ?? '',
    target,
    label: plan.label,
    parts: plan.parts.map((p, i) => ({ label: p.label, kind: p.kind, total: totals[i] })),
    part,
    items,
    total: totals[part],
    offset,
    limit,
    message,
  };
}

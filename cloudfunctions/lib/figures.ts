/**
 * Figures of a unit and period, computed in the database: one aggregation per source collection
 * (from the indicator catalogue's pipelines), never by reading the records into the function.
 */
import type { Database } from './cloudbase';
import type { FiguresAnswer } from '../../src/domain/api';
import { parsePeriod, type Period } from '../../src/domain/period';
import { assemble, pipelinesFor, type AggregateRows, type CollectionPipeline } from '../../src/domain/indicators';
import type { Caller } from './caller';
import { requireInScope, requireRole, FIGURE_READER_ROLES } from './authz';
import { AppError } from './errors';
import { findOrg } from './orgs';
import { figuresWithClose } from './period-close';
import { reviewTownships } from './supervision/settings';

export interface FiguresQuery {
  org?: string;
  period: string;
  ids?: string[];
}

export async function figuresFor(db: Database, caller: Caller, query: FiguresQuery): Promise<FiguresAnswer> {
  requireRole(caller, FIGURE_READER_ROLES);
  const code = query.org ?? caller.org.code;
  const org = await findOrg(db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  const parsed = parsePeriod(query.period);
  if (!parsed.ok) throw new AppError('INVALID_PERIOD', parsed.message);
  return { org: code, period: parsed.period.text, figures: await figuresWithClose(db, code, parsed.period, query.ids) };
}

/**
 * The figures themselves, without authorization: for callers that have already checked (CLI, report).
 * Records awaiting review in townships that review do not count (`everything`: a village's own 月报,
 * which states what was logged, counts them).
 */
export async function computeFigures(
  db: Database,
  orgCode: string,
  period: Period,
  ids?: readonly string[],
  options: { everything?: boolean } = {},
): Promise<Record<string, number | null>> {
  const pipelines = options.everything ? pipelinesFor(orgCode, period, ids) : await countedPipelines(db, orgCode, period, ids);
  return assemble(await runPipelines(db, pipelines), ids);
}

/** The catalogue's pipelines of what counts: records awaiting review in reviewing townships left out. */
export async function countedPipelines(db: Database, orgCode: string, period: Period, ids?: readonly string[]): Promise<CollectionPipeline[]> {
  return pipelinesFor(orgCode, period, ids, { mode: 'counted', townships: await reviewTownships(db) });
}

/** Runs the catalogue's pipelines in the database: the rows assemble() and its helpers read. */
export async function runPipelines(db: Database, pipelines: readonly CollectionPipeline[]): Promise<AggregateRows> {
  const rows: AggregateRows = {};
  await Promise.all(
    pipelines.map(async ({ collection, pipeline }) => {
      // Without `raw` the SDK silently drops a pipeline given as plain stages.
      const answer = await db.collection(collection).options({ raw: true }).aggregate(pipeline).end();
      rows[collection] = (answer as { data: Record<string, unknown>[] }).data;
    }),
  );
  return rows;
}

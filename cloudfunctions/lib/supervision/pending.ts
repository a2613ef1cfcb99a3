/**
 * How many records await review behind each figure of a unit and period: the catalogue's pipelines in
 * `pending` mode (the same computation as the figures, with the review condition turned round).
 */
import type { Database } from '../cloudbase';
import { pipelinesFor, type AggregateRows, type Figures } from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import { pendingByFigure } from '../../../src/domain/supervision/pending';
import { reviewTownships } from './settings';

export async function pendingFigures(db: Database, orgCode: string, period: Period, ids?: readonly string[]): Promise<Figures> {
  const townships = await reviewTownships(db);
  if (townships.length === 0) return {};
  const rows: AggregateRows = {};
  await Promise.all(
    pipelinesFor(orgCode, period, ids, { mode: 'pending', townships }).map(async ({ collection, pipeline }) => {
      const answer = await db.collection(collection).options({ raw: true }).aggregate(pipeline).end();
      rows[collection] = (answer as { data: Record<string, unknown>[] }).data;
    }),
  );
  return pendingByFigure(rows, ids);
}

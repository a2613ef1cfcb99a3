/**
 * Data-quality facts of a unit for a year, gathered in the database (figures per child unit, counts of
 * overdue and stale cases, each village's latest record date by one $group per collection), then
 * judged by the pure rules of src/domain/console/quality.ts.
 */
import { checkPlan } from '../../../src/domain/console/drill';
import { qualityWarnings, type UnitLastRecord } from '../../../src/domain/console/quality';
import type { QualityAnswer } from '../../../src/domain/console/api';
import { beijingDate } from '../../../src/domain/dates';
import { KINDS } from '../../../src/domain/records/kinds';
import { GROUP_ROWS_LIMIT } from '../../../src/domain/indicators/pipeline';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { computeFigures } from '../figures/compute';
import { childUnits, consoleOrg, readableOrg, villagesUnder } from './access';
import { countOf, pageOf } from './drill';
import { yearPeriod } from '../period';

const MEDIATION = ['mediation.accepted', 'mediation.closed'];
const MAX_IDS = 100;

/** The latest main date of any record, per unit (orgCode), over every dated kind. */
async function lastRecordDates(db: Database, code: string, today: string): Promise<Map<string, string>> {
  const dated = Object.values(KINDS).filter((k) => k.period !== null);
  const latest = new Map<string, string>();
  await Promise.all(
    dated.map(async (kind) => {
      const field = kind.period?.date as string;
      const pipeline = [
        { $match: { orgPath: code, deleted: { $ne: true }, [field]: { $lte: today } } },
        { $group: { _id: '$orgCode', last: { $max: `$${field}` } } },
        { $limit: GROUP_ROWS_LIMIT },
      ];
      const answer = await db.collection(kind.collection).options({ raw: true }).aggregate(pipeline).end();
      for (const row of (answer as { data: { _id: string; last: string | null }[] }).data) {
        if (typeof row.last === 'string' && row.last > (latest.get(row._id) ?? '')) latest.set(row._id, row.last);
      }
    }),
  );
  return latest;
}

export async function quality(db: Database, caller: Caller, query: { org?: string; year: number }, now: Date): Promise<QualityAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const period = yearPeriod(query.year);
  const today = beijingDate(now);
  const children = await childUnits(db, org.code);
  const units = children.length > 0 ? children : [org];
  const overdue = checkPlan('overdue_petitions', today).parts[0];
  const stale = checkPlan('stale_disputes', today).parts[0];
  const [mediation, overdueCount, overdueDocs, staleCount, villages, latest] = await Promise.all([
    Promise.all(units.map((unit) => computeFigures(db, unit.code, period, MEDIATION))),
    countOf(db, overdue, org.code, null),
    pageOf(db, overdue, org.code, null, 0, MAX_IDS),
    countOf(db, stale, org.code, null),
    villagesUnder(db, org.code),
    lastRecordDates(db, org.code, today),
  ]);
  const lastRecords: UnitLastRecord[] = villages.map((v) => ({ org: consoleOrg(v), last: latest.get(v.code) ?? null }));
  const warnings = qualityWarnings({
    scope: consoleOrg(org),
    year: query.year,
    today,
    mediation: units.map((unit, i) => ({
      org: consoleOrg(unit),
      accepted: mediation[i]['mediation.accepted'],
      closed: mediation[i]['mediation.closed'],
    })),
    overduePetitions: overdueCount,
    staleDisputes: staleCount,
    lastRecords,
  });
  return {
    org: consoleOrg(org),
    year: query.year,
    asOf: today,
    warnings,
    overduePetitionIds: overdueDocs.map((doc) => doc._id),
    overduePetitions: overdueCount,
    staleDisputes: staleCount,
  };
}

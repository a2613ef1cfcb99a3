/**
 * Completeness (报送情况): per village and month 已报 / 零报告 / 逾期 / 未报, and the reporting and
 * on-time rates per month and for the year — for a township its villages, for a county each of its
 * townships. Rates count the months past their due date (a month still open is not yet expected).
 * A township reporting twice a month has a column per half month; the county sees each township's
 * rates by month (a month's two halves added up).
 */
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { readAll } from '../ledger/read';
import type { OrgDoc } from '../orgs';
import { consoleOrg, mayWrite, readableOrg, villagesUnder } from '../console/access';
import { yearPeriod } from '../period';
import { beijingDate } from '../../../src/domain/dates';
import { addRates, cellState, dueDateOf, isPastDue, monthOfPeriod, monthsOf, periodsOf, ratesOf, type Rates } from '../../../src/domain/supervision/schedule';
import type { CompletenessAnswer, CompletenessCell, SupervisionSettings, TownshipCompleteness, VillageRow } from '../../../src/domain/supervision/api';
import { REPORTS, periodReport, type ReportDoc } from './reports';
import { REMINDERS } from './reminders';
import { DEFAULT_SETTINGS, settingsByTownship, settingsOf, townshipCodeOf } from './settings';

type MonthRates = { month: string; dueDate: string; rates: Rates };

interface Grid {
  rows: VillageRow[];
  months: MonthRates[];
  year: Rates;
}

/** The villages' grid of one township under its settings. */
function gridOf(
  villages: readonly OrgDoc[],
  year: number,
  settings: SupervisionSettings,
  reports: ReadonlyMap<string, ReportDoc>,
  reminded: Set<string>,
  today: string,
): Grid {
  const months = periodsOf(year, settings.cadence);
  const rows: VillageRow[] = villages.map((village) => {
    const cells: CompletenessCell[] = months.map((month) => {
      const report = periodReport(reports, village.code, month);
      return {
        month,
        state: cellState(report, isPastDue(month, settings.dueDay, today)),
        late: report !== null && !report.onTime,
        supplemented: report?.supplemented === true,
        submittedAt: report?.submittedAt ?? null,
        submittedBy: report?.submittedByName ?? null,
        reminded: reminded.has(`${village.code}:${month}`),
      };
    });
    const rates = months.map((month, i) => monthRates([cells[i]], month, settings, today));
    return { village: consoleOrg(village), cells, year: addRates(rates) };
  });
  const monthly = months.map((month, i) => ({
    month,
    dueDate: dueDateOf(month, settings.dueDay),
    rates: monthRates(
      rows.map((row) => row.cells[i]),
      month,
      settings,
      today,
    ),
  }));
  return { rows, months: monthly, year: addRates(monthly.map((m) => m.rates)) };
}

/** A grid's periods' rates added up by month: the county compares townships of either cadence. */
function byMonth(periods: readonly MonthRates[], year: number): MonthRates[] {
  return monthsOf(year).map((month) => {
    const own = periods.filter((p) => monthOfPeriod(p.month) === month);
    return { month, dueDate: own.length === 1 ? own[0].dueDate : '', rates: addRates(own.map((p) => p.rates)) };
  });
}

function monthRates(cells: readonly CompletenessCell[], month: string, settings: SupervisionSettings, today: string): Rates {
  if (!isPastDue(month, settings.dueDay, today)) return ratesOf(0, 0, 0);
  const reported = cells.filter((c) => c.state === '已报' || c.state === '零报告');
  return ratesOf(cells.length, reported.length, reported.filter((c) => !c.late).length);
}

export async function completeness(db: Database, caller: Caller, query: { org?: string; year: number }, now: Date): Promise<CompletenessAnswer> {
  const org = await readableOrg(db, caller, query.org);
  yearPeriod(query.year);
  const today = beijingDate(now);
  const [villages, reportDocs, reminderDocs] = await Promise.all([
    villagesUnder(db, org.code),
    readAll(db, REPORTS, { orgPath: org.code, year: query.year }),
    readAll(db, REMINDERS, { orgPath: org.code, year: query.year }),
  ]);
  const reports = new Map((reportDocs as unknown as ReportDoc[]).map((doc) => [doc._id, doc]));
  const reminded = new Set(reminderDocs.map((doc) => doc._id));
  const base = { org: consoleOrg(org), year: query.year, asOf: today, canWrite: mayWrite(caller, org) };

  if (org.level !== '县') {
    const own = await settingsOf(db, townshipCodeOf(org));
    const grid = gridOf(villages, query.year, own, reports, reminded, today);
    return { ...base, villages: grid.rows, months: grid.months, yearRates: grid.year, townships: [], settings: own };
  }
  const { data } = await db.collection('orgs').where({ parentCode: org.code, level: '乡镇' }).orderBy('code', 'asc').limit(1000).get();
  const townshipDocs = data as OrgDoc[];
  const settings = await settingsByTownship(
    db,
    townshipDocs.map((t) => t.code),
  );
  const townships: TownshipCompleteness[] = townshipDocs.map((township) => {
    const own = settings.get(township.code) ?? DEFAULT_SETTINGS;
    const grid = gridOf(
      villages.filter((v) => v.parentCode === township.code),
      query.year,
      own,
      reports,
      reminded,
      today,
    );
    return { org: consoleOrg(township), months: byMonth(grid.months, query.year), year: grid.year };
  });
  const months = monthsOf(query.year).map((month, i) => ({ month, dueDate: '', rates: addRates(townships.map((t) => t.months[i].rates)) }));
  return { ...base, villages: [], months, yearRates: addRates(townships.map((t) => t.year)), townships, settings: null };
}

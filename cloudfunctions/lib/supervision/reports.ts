/**
 * 月报 (monthly_reports, one document per village and month): a village's 法律明白人 or 村干部 confirms
 * the month's counts in one step — a 零报告 when nothing was logged. The counts are the catalogue's
 * figures of the village and month. A record logged for the month afterwards marks the report 补报
 * (record-hooks.ts). Every submission and 补报 is in the history.
 */
import { readMany, withoutId, type Database, type Transaction } from '../cloudbase';
import type { Caller } from '../caller';
import { inTransaction } from '../cloudbase';
import { requireRole } from '../authz';
import { AppError } from '../errors';
import { writeHistory } from '../history';
import { computeFigures } from '../figures/compute';
import { consoleOrg } from '../console/access';
import type { OrgDoc } from '../orgs';
import type { AppRole } from '../../../src/domain/vocab';
import { beijingDate } from '../../../src/domain/dates';
import { mustParsePeriod } from '../../../src/domain/period';
import { periodOf } from '../period';
import {
  CADENCE_LABELS,
  answeringReports,
  cadenceOf,
  combinedFacts,
  dueDateOf,
  hasBegun,
  isReportPeriod,
  monthOfPeriod,
  periodLabel,
  periodRange,
  type Cadence,
} from '../../../src/domain/supervision/schedule';
import { MONTHLY_FIGURE_IDS, countLines, isZero, monthlySentence } from '../../../src/domain/supervision/summary';
import type { MonthAnswer, ReportView } from '../../../src/domain/supervision/api';
import { settingsOf, townshipCodeOf } from './settings';

export const REPORTS = 'monthly_reports';

/** Who confirms a village's month. */
export const REPORTER_ROLES: readonly AppRole[] = ['法律明白人', '村干部'];

/** What every document about one village's month carries (月报, 催报). */
export interface VillageMonthDoc {
  /** `${villageCode}:${month}` */
  _id: string;
  orgCode: string;
  orgName: string;
  orgPath: string[];
  month: string;
  year: number;
}

export interface ReportDoc extends VillageMonthDoc {
  zero: boolean;
  sentence: string;
  counts: { id: string; value: number }[];
  submittedAt: string;
  submittedBy: string;
  submittedByName: string;
  dueDate: string;
  onTime: boolean;
  supplemented: boolean;
  supplementedAt: string | null;
  version: number;
}

export const reportId = (villageCode: string, month: string): string => `${villageCode}:${month}`;

/**
 * The report of a village's period among `reports` (by id): the period's own, or — after the township
 * changed its cadence — the last of those filed under the earlier one (answeringReports), saying what
 * they say together. Null when the period is unreported.
 */
export function periodReport(reports: ReadonlyMap<string, ReportDoc>, village: string, period: string): ReportDoc | null {
  const found = answeringReports(period, (p) => reports.get(reportId(village, p)));
  if (!found) return null;
  const last = found.reduce((a, b) => (b.submittedAt > a.submittedAt ? b : a));
  return { ...last, ...combinedFacts(found) };
}

/** The stored reports that may answer for a village's period: the period, its month and the month's halves. */
async function reportsAround(source: Database | Transaction, village: string, period: string): Promise<Map<string, ReportDoc>> {
  const month = monthOfPeriod(period);
  const ids = [period, month, `${month}-H1`, `${month}-H2`].map((p) => reportId(village, p));
  return readMany<ReportDoc>(source, REPORTS, ids);
}

/** The report of a village's period as stored now (periodReport). */
export const answeringReport = async (source: Database | Transaction, village: string, period: string): Promise<ReportDoc | null> =>
  periodReport(await reportsAround(source, village, period), village, period);

export function reportView(doc: ReportDoc, village: Pick<OrgDoc, 'code' | 'name' | 'level'>): ReportView {
  return {
    village: consoleOrg(village as OrgDoc),
    month: doc.month,
    zero: doc.zero,
    sentence: doc.sentence,
    submittedAt: doc.submittedAt,
    submittedBy: doc.submittedByName,
    dueDate: doc.dueDate,
    onTime: doc.onTime,
    supplemented: doc.supplemented === true,
    supplementedAt: doc.supplementedAt ?? null,
  };
}

/** The caller's own village, when they are one of its reporters. */
function reporterVillage(caller: Caller): OrgDoc {
  requireRole(caller, REPORTER_ROLES);
  if (caller.org.level !== '村') throw new AppError('FORBIDDEN', '月报由村（社区）的法律明白人或村干部报送');
  return caller.org;
}

/** A month (or half month) of the township's cadence that has begun. */
function checkMonth(month: string, cadence: Cadence, now: Date): void {
  if (!isReportPeriod(month)) throw new AppError('INVALID_PERIOD', `月份“${month}”不对，请写成 2023-05 这样`);
  if (cadenceOf(month) !== cadence) throw new AppError('INVALID_PERIOD', `本乡镇${CADENCE_LABELS[cadence]}，不能报送“${periodLabel(month)}”`);
  // A month the period rules refuse (e.g. a year before records are kept) is the caller's mistake too.
  periodOf(monthOfPeriod(month));
  if (!hasBegun(month, beijingDate(now))) throw new AppError('INVALID_PERIOD', `${periodLabel(month)}还没到，不能报送`);
}

/** The figures' period of a reporting period: the month itself, or the half month's dates. */
function figuresPeriod(month: string) {
  const { start, end } = periodRange(month);
  return mustParsePeriod(cadenceOf(month) === 'monthly' ? month : `${start}..${end}`);
}

async function monthCounts(db: Database, village: OrgDoc, month: string) {
  // The 月报 states what the village logged: records awaiting review count here.
  const figures = await computeFigures(db, village.code, figuresPeriod(month), MONTHLY_FIGURE_IDS, { records: 'everything' });
  const lines = countLines(figures);
  return { lines, zero: isZero(lines), sentence: monthlySentence(lines) };
}

export async function monthAnswer(db: Database, caller: Caller, month: string, now: Date): Promise<MonthAnswer> {
  const village = reporterVillage(caller);
  const settings = await settingsOf(db, townshipCodeOf(village));
  checkMonth(month, settings.cadence, now);
  const [counts, report] = await Promise.all([monthCounts(db, village, month), answeringReport(db, village.code, month)]);
  return {
    village: consoleOrg(village),
    month,
    dueDate: dueDateOf(month, settings.dueDay),
    ...counts,
    report: report ? reportView(report, village) : null,
    canSubmit: report === null,
  };
}

/** Submits the month (a 零报告 when nothing was logged); a second submission, or one of a period already answered for, changes nothing. */
export async function submitMonth(db: Database, caller: Caller, month: string, now: Date): Promise<MonthAnswer> {
  const village = reporterVillage(caller);
  const settings = await settingsOf(db, townshipCodeOf(village));
  checkMonth(month, settings.cadence, now);
  const counts = await monthCounts(db, village, month);
  const id = reportId(village.code, month);
  const at = now.toISOString();
  const dueDate = dueDateOf(month, settings.dueDay);
  await inTransaction(db, async (tx) => {
    // Reported already, under this cadence or the township's earlier one: nothing to file.
    if (await answeringReport(tx, village.code, month)) return;
    const doc: ReportDoc = {
      _id: id,
      orgCode: village.code,
      orgName: village.name,
      orgPath: village.path,
      month,
      year: Number(month.slice(0, 4)),
      zero: counts.zero,
      sentence: counts.sentence,
      counts: counts.lines.map((line) => ({ id: line.id, value: line.value })),
      submittedAt: at,
      submittedBy: caller.openid,
      submittedByName: caller.name,
      dueDate,
      onTime: beijingDate(now) <= dueDate,
      supplemented: false,
      supplementedAt: null,
      version: 1,
    };
    const body = withoutId(doc);
    await tx.collection(REPORTS).doc(id).set(body);
    await writeHistory(tx, {
      collection: REPORTS,
      recordId: id,
      action: 'submit',
      by: caller.openid,
      byName: caller.name,
      at,
      version: 1,
      before: null,
      after: body,
      orgPath: village.path,
    });
  });
  return monthAnswer(db, caller, month, now);
}

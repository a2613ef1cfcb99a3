/**
 * The ledger export's sheet 月报: every village month of the period that has begun, with its state
 * (已报 / 零报告 / 逾期 / 未报, 迟报 and 补报 noted), who submitted it and when. It travels with the ledger
 * for the record; import ignores it (src/domain/ledger/parse.ts).
 */
import type { Database } from '../cloudbase';
import type { OrgDoc } from '../orgs';
import type { OutSheet, OutXCell } from '../ledger/xlsx';
import { readAll } from '../ledger/read';
import { villagesUnder } from '../console/access';
import { beijingDate } from '../../../src/domain/dates';
import type { Period } from '../../../src/domain/period';
import { MONTHLY_SHEET } from '../../../src/domain/ledger/tables';
import { cellState, hasBegun, isPastDue, periodLabel, periodRange, periodsOf, type Cadence } from '../../../src/domain/supervision/schedule';
import { REPORTS, periodReport, type ReportDoc } from './reports';
import { settingsByTownship, DEFAULT_SETTINGS } from './settings';

export const MONTHLY_COLUMNS = ['村（社区）代码', '村（社区）', '月份', '状态', '报送人', '报送时间'] as const;

/** The reporting periods of a cadence that lie in a period (whole or partial): months or half months. */
function periodsIn(period: Period, cadence: Cadence): string[] {
  const years = Array.from({ length: Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4)) + 1 }, (_, i) => Number(period.start.slice(0, 4)) + i);
  return years.flatMap((year) => periodsOf(year, cadence)).filter((p) => periodRange(p).end >= period.start && periodRange(p).start <= period.end);
}

const beijingTime = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');

export async function monthlySheet(db: Database, org: OrgDoc, period: Period, now = new Date()): Promise<OutSheet> {
  const today = beijingDate(now);
  const villages = await villagesUnder(db, org.code);
  const reports = new Map(((await readAll(db, REPORTS, { orgPath: org.code })) as unknown as ReportDoc[]).map((doc) => [doc._id, doc]));
  const settings = await settingsByTownship(db, [...new Set(villages.map((v) => v.parentCode).filter((c): c is string => !!c))]);
  const rows: OutXCell[][] = [[...MONTHLY_COLUMNS]];
  for (const village of villages) {
    const { cadence, dueDay } = settings.get(village.parentCode ?? '') ?? DEFAULT_SETTINGS;
    for (const month of periodsIn(period, cadence).filter((m) => hasBegun(m, today))) {
      const report = periodReport(reports, village.code, month);
      const notes = [report && !report.onTime ? '迟报' : '', report?.supplemented ? '补报' : ''].filter(Boolean);
      const state = `${cellState(report, isPastDue(month, dueDay, today))}${notes.length ? `（${notes.join('、')}）` : ''}`;
      rows.push([
        village.code,
        village.name,
        cadence === 'monthly' ? month : periodLabel(month),
        state,
        report?.submittedByName ?? '',
        report ? beijingTime(report.submittedAt) : '',
      ]);
    }
  }
  return { name: MONTHLY_SHEET, rows };
}

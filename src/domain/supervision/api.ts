/**
 * The supervision function's answer shapes (cloudfunctions/supervision; requests: ../contract): 月报
 * and 零报告, completeness and rates, reminders, review (审核) and the township's settings. Pure types.
 */
import type { ConsoleOrg } from '../console/api';
import type { RecordKind } from '../records/kinds';
import type { Cadence, CellState, Rates } from './schedule';
import type { ReviewState } from './review';
import type { CountLine } from './summary';

export interface SupervisionSettings {
  cadence: Cadence;
  /** Monthly: the day of the next month by which a month's report is on time; twice a month: the days after each half. */
  dueDay: number;
  /** Review (审核) on: records count once approved. */
  review: boolean;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface ReportView {
  village: ConsoleOrg;
  month: string;
  zero: boolean;
  /** The sentence as submitted ("本月普法活动3次…" / "本月无新增"). */
  sentence: string;
  submittedAt: string;
  submittedBy: string;
  dueDate: string;
  onTime: boolean;
  /** A record of the month was logged or changed after the report: 补报. */
  supplemented: boolean;
  supplementedAt: string | null;
}

/** 月报 of one month of the caller's village, as the field page shows it before and after submitting. */
export interface MonthAnswer {
  village: ConsoleOrg;
  month: string;
  dueDate: string;
  lines: CountLine[];
  sentence: string;
  zero: boolean;
  report: ReportView | null;
  /** Whether the caller may submit it (法律明白人 / 村干部 of the village, month begun). */
  canSubmit: boolean;
}

export interface ReminderView {
  id: string;
  month: string;
  dueDate: string;
  village: string;
  by: string;
  at: string;
  message: string;
}

/** A record the township sent back to the caller (需处理). */
export interface ReturnedRecord {
  kind: RecordKind;
  id: string;
  version: number;
  reason: string;
  returnedAt: string;
  returnedBy: string;
  /** The record's own fields and unit, to reopen the form with. */
  record: Record<string, unknown>;
}

export interface TasksAnswer {
  /** Reminders for months of the caller's village still not reported. */
  reminders: ReminderView[];
  /** Periods (months, or half months) of the last three months, past due and not reported. */
  overdueMonths: string[];
  /** The village's township's cadence: which periods the 月报 page steps through. */
  cadence?: Cadence;
  returned: ReturnedRecord[];
}

export interface CompletenessCell {
  month: string;
  state: CellState;
  /** Submitted after its due date (迟报). */
  late: boolean;
  supplemented: boolean;
  submittedAt: string | null;
  submittedBy: string | null;
  reminded: boolean;
}

export interface VillageRow {
  village: ConsoleOrg;
  cells: CompletenessCell[];
  year: Rates;
}

export interface TownshipCompleteness {
  org: ConsoleOrg;
  months: { month: string; dueDate: string; rates: Rates }[];
  year: Rates;
}

export interface CompletenessAnswer {
  org: ConsoleOrg;
  year: number;
  asOf: string;
  /** A township: its villages month by month. */
  villages: VillageRow[];
  months: { month: string; dueDate: string; rates: Rates }[];
  yearRates: Rates;
  /** A county (or above): each township's rates. */
  townships: TownshipCompleteness[];
  settings: SupervisionSettings | null;
  /** The caller may remind villages and change settings (the township's own admin). */
  canWrite: boolean;
}

export interface ReviewItem {
  kind: RecordKind;
  id: string;
  version: number;
  orgCode: string;
  orgName: string;
  month: string;
  state: ReviewState;
  reason: string | null;
  recordedBy: string;
  summary: string;
}

export interface ReviewQueueAnswer {
  org: ConsoleOrg;
  items: ReviewItem[];
  total: number;
}

export interface ReviewDecisionAnswer {
  approved: number;
  returned: number;
  /** Records that changed since the admin looked (a newer version): left alone. */
  skipped: number;
}

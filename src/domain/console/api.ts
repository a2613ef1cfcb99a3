/**
 * The console function's answer shapes (its requests and which action answers what:
 * ../contract/console.ts). Answers list their fields; no database document travels as it is. Pure.
 */
import type { OrgLevel } from '../vocab';
import type { RecordKind } from '../records/kinds';
import type { RecordView } from '../api';
import type { ReportModel, ReportSettings, ReportTexts } from '../report/types';

export type Figures = Record<string, number | null>;

export interface ConsoleOrg {
  code: string;
  name: string;
  level: OrgLevel;
}

/** Quality checks whose cases can be listed (the records behind a warning that is not a figure). */
export const QUALITY_CHECKS = ['overdue_petitions', 'stale_disputes'] as const;
export type QualityCheck = (typeof QUALITY_CHECKS)[number];

/** Whether a year is closed, and when and by whom (a closed year answers frozen figures). */
export interface CloseState {
  year: number;
  closed: boolean;
  closedAt: string | null;
  closedBy: string | null;
  reopenedAt: string | null;
  reopenedBy: string | null;
  /** Why the year was closed with conditions open (月报 missing, records awaiting review). */
  closeReason?: string | null;
}

/** What supervision asks before a year close (lib/supervision/year-close.ts). */
export interface CloseConditions {
  /** Village × month 月报 not submitted in the year. */
  unreportedMonths: number;
  /** The first few of them, to name. */
  unreportedSample: { village: string; month: string }[];
  awaitingReview: number;
}

export interface OverviewAnswer {
  org: ConsoleOrg;
  year: number;
  figures: Figures;
  lastYear: Figures;
  closed: boolean;
  /** Whether the caller may write here (report texts, close): township admins of this very unit. */
  canWrite: boolean;
  /** Records awaiting review (审核) behind each figure, where the township reviews; absent ids: none. */
  awaitingReview?: Figures;
}

export interface UnitFigures {
  /** A child unit, or the unit's own records ("本级", `own: true`). */
  org: ConsoleOrg;
  own: boolean;
  figures: Figures;
}

export interface ByVillageAnswer {
  org: ConsoleOrg;
  year: number;
  ids: string[];
  units: UnitFigures[];
  /** The whole unit, for comparing. */
  total: Figures;
}

export interface ByMonthAnswer {
  org: ConsoleOrg;
  year: number;
  ids: string[];
  /** Twelve entries, January first: `YYYY-MM` and the month's figures. */
  months: { month: string; figures: Figures }[];
}

/** Five years of a unit's figures, month by month: the year asked for and the four before it. */
export interface TrendAnswer {
  org: ConsoleOrg;
  /** The last year shown. */
  year: number;
  ids: string[];
  /** Sixty entries, oldest first: `YYYY-MM` and the month's figures. */
  months: { month: string; figures: Figures }[];
}

/** A unit listed behind a figure that counts units (行政村, coverage denominators). */
export interface OrgRow {
  kind: 'org';
  id: string;
  orgName: string;
  level: OrgLevel;
}

export type DrillRow = RecordView | OrgRow;

/** One list of records behind a figure: a rate has its numerator's and its denominator's. */
export interface DrillPartView {
  label: string;
  kind: RecordKind | 'org';
  total: number;
}

export interface DrillAnswer {
  org: ConsoleOrg;
  period: string;
  /** The figure's id or the quality check asked for. */
  target: string;
  label: string;
  parts: DrillPartView[];
  part: number;
  items: DrillRow[];
  total: number;
  offset: number;
  limit: number;
  /** Said when the figure has no records behind it (a figure entered elsewhere, a rate's meaning …). */
  message: string | null;
}

export type WarningLevel = 'error' | 'warning' | 'info';

/** Where a warning leads: the records behind a figure or check, or a unit's own overview. */
export type DrillTarget =
  { page: 'records'; org: string; period: string; figure?: string; check?: QualityCheck } | { page: 'overview'; org: string; year: number };

export interface QualityWarning {
  /** Stable within an answer: `<rule>:<org>`. */
  id: string;
  rule: 'closed_over_accepted' | 'overdue_petitions' | 'stale_disputes' | 'no_records_this_month';
  level: WarningLevel;
  orgName: string;
  message: string;
  target: DrillTarget;
}

export interface QualityAnswer {
  org: ConsoleOrg;
  year: number;
  /** The Beijing date the checks were run for. */
  asOf: string;
  warnings: QualityWarning[];
  /** Ids of the overdue petitions (at most 100). */
  overduePetitionIds: string[];
  overduePetitions: number;
  staleDisputes: number;
}

export interface ReportTextsAnswer {
  org: ConsoleOrg;
  year: number;
  texts: ReportTexts;
  /** The choice of 余 per figure, 主送机关 and 落款. */
  settings: ReportSettings;
  /** 0 while nothing was saved. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Whether the caller may change them (the unit's own township admin). */
  canWrite: boolean;
}

export interface ReportPreviewAnswer {
  org: ConsoleOrg;
  year: number;
  yu: boolean;
  closed: boolean;
  model: ReportModel;
}

export interface ReportDocxAnswer {
  fileName: string;
  fileID: string;
  /** A temporary download address. */
  url: string;
}

export interface CloseAnswer {
  org: ConsoleOrg;
  state: CloseState;
  /** Closing a closed year changes nothing. */
  already?: boolean;
  /** Supervision's conditions (township units, while the year is open). */
  conditions?: CloseConditions;
}

/**
 * Data-quality warnings of the console, from facts the server gathered in the database: units that
 * closed more disputes than they accepted, overdue petitions, disputes open too long, villages with
 * nothing logged this month. Each warning says in Chinese what is wrong and where to look (a drill-down
 * target). Pure: the rules live here so they are tested without a database.
 */
import type { ConsoleOrg, QualityWarning } from './api';
import { STALE_DISPUTE_DAYS } from './drill';

export interface UnitMediation {
  org: ConsoleOrg;
  accepted: number | null;
  closed: number | null;
}

export interface UnitLastRecord {
  org: ConsoleOrg;
  /** The latest date of any record of the unit; null when it has none. */
  last: string | null;
}

export interface QualityFacts {
  scope: ConsoleOrg;
  year: number;
  today: string;
  /** Per unit checked (the scope's children, or the scope itself when it has none). */
  mediation: readonly UnitMediation[];
  overduePetitions: number;
  staleDisputes: number;
  /** The villages in scope and their latest record; checked only in the current year. */
  lastRecords: readonly UnitLastRecord[];
}

const ORDER: Record<QualityWarning['level'], number> = { error: 0, warning: 1, info: 2 };

export function qualityWarnings(facts: QualityFacts): QualityWarning[] {
  const { scope, year, today } = facts;
  const period = String(year);
  const warnings: QualityWarning[] = [];

  for (const unit of facts.mediation) {
    const accepted = unit.accepted ?? 0;
    const closed = unit.closed ?? 0;
    if (closed <= accepted) continue;
    warnings.push({
      id: `closed_over_accepted:${unit.org.code}`,
      rule: 'closed_over_accepted',
      level: 'warning',
      orgName: unit.org.name,
      message: `${unit.org.name}${year}年办结矛盾纠纷${closed}件，多于受理的${accepted}件：请核对是否漏登了受理，或受理日期、办结日期填错（上年受理、今年办结的除外）`,
      target: { page: 'records', org: unit.org.code, period, figure: 'mediation.closed' },
    });
  }

  if (facts.overduePetitions > 0) {
    warnings.push({
      id: `overdue_petitions:${scope.code}`,
      rule: 'overdue_petitions',
      level: 'error',
      orgName: scope.name,
      message: `有${facts.overduePetitions}件信访事项已超过办理期限仍未办结，请督促办理`,
      target: { page: 'records', org: scope.code, period, check: 'overdue_petitions' },
    });
  }

  if (facts.staleDisputes > 0) {
    warnings.push({
      id: `stale_disputes:${scope.code}`,
      rule: 'stale_disputes',
      level: 'warning',
      orgName: scope.name,
      message: `有${facts.staleDisputes}件矛盾纠纷受理已超过${STALE_DISPUTE_DAYS}天仍未办结，请跟进调解进度`,
      target: { page: 'records', org: scope.code, period, check: 'stale_disputes' },
    });
  }

  // "This month" exists only in the current year; a past year's months are all over.
  if (Number(today.slice(0, 4)) === year) {
    const monthStart = `${today.slice(0, 7)}-01`;
    const month = Number(today.slice(5, 7));
    for (const unit of facts.lastRecords) {
      if (unit.last !== null && unit.last >= monthStart) continue;
      const since = unit.last ? `，最近一条记录是${unit.last}` : '，今年还没有任何记录';
      warnings.push({
        id: `no_records_this_month:${unit.org.code}`,
        rule: 'no_records_this_month',
        level: 'info',
        orgName: unit.org.name,
        message: `${unit.org.name}本月（${month}月）还没有登记任何记录${since}`,
        target: { page: 'overview', org: unit.org.code, year },
      });
    }
  }

  return warnings.sort((a, b) => ORDER[a.level] - ORDER[b.level]);
}

export const LEVEL_LABELS: Record<QualityWarning['level'], string> = { error: '紧急', warning: '需核对', info: '提醒' };

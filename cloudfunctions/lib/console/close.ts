/** 年度结账 in the console: a township admin closes or reopens their unit's year (period-close.ts keeps the rule). */
import type { CloseAnswer, CloseState } from '../../../src/domain/console/api';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { closeOf, reopenYear, type PeriodCloseDoc } from '../period-close';
import { consoleOrg, readableOrg, writableOrg } from './access';
import { yearPeriod } from '../period';
import { closeConditions, closeYearChecked } from '../supervision/year-close';

function stateOf(year: number, doc: PeriodCloseDoc | null): CloseState {
  return {
    year,
    closed: doc?.closed === true,
    closedAt: doc?.closedAt ?? null,
    closedBy: doc?.closedByName ?? null,
    reopenedAt: doc?.reopenedAt ?? null,
    reopenedBy: doc?.reopenedByName ?? null,
    closeReason: doc?.closeReason ?? null,
  };
}

export async function closeState(db: Database, caller: Caller, query: { org?: string; year: number }): Promise<CloseAnswer> {
  const org = await readableOrg(db, caller, query.org);
  yearPeriod(query.year);
  const doc = await closeOf(db, org.code, query.year);
  const conditions = org.level === '乡镇' && !doc?.closed ? await closeConditions(db, org, query.year) : undefined;
  return { org: consoleOrg(org), state: stateOf(query.year, doc), conditions };
}

export async function close(db: Database, caller: Caller, request: { org?: string; year: number; reason?: string }, now: Date): Promise<CloseAnswer> {
  const org = await writableOrg(db, caller, request.org);
  yearPeriod(request.year);
  const { close: doc, already } = await closeYearChecked(db, org, { year: request.year, reason: request.reason, by: caller, now });
  return { org: consoleOrg(org), state: stateOf(request.year, doc), already };
}

export async function reopen(db: Database, caller: Caller, request: { org?: string; year: number }, now: Date): Promise<CloseAnswer> {
  const org = await writableOrg(db, caller, request.org);
  const doc = await reopenYear(db, { orgCode: org.code, year: request.year, by: caller.openid, byName: caller.name, now });
  return { org: consoleOrg(org), state: stateOf(request.year, doc) };
}

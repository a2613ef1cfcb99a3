/** The figures API: a unit's figures for a period, for a caller allowed to read them (frozen when the year is closed). */
import type { Database } from '../cloudbase';
import type { FiguresAnswer } from '../../../src/domain/api';
import type { Caller } from '../caller';
import { requireInScope, requireRole, FIGURE_READER_ROLES } from '../authz';
import { AppError } from '../errors';
import { findOrg } from '../orgs';
import { periodOf } from '../period';
import { figuresWithClose, frozenFor } from '../period-close';

export interface FiguresQuery {
  org?: string;
  period: string;
  ids?: string[];
}

export async function figuresFor(db: Database, caller: Caller, query: FiguresQuery): Promise<FiguresAnswer> {
  requireRole(caller, FIGURE_READER_ROLES);
  const code = query.org ?? caller.org.code;
  const period = periodOf(query.period);
  // The year's close is read alongside the unit (neither needs the other), and the caller's own unit
  // was read with the caller: a call waits for one read before its figures, not three.
  const closed = frozenFor(db, code, period);
  // Awaited below unless the unit is refused first: then its failure must not go unhandled.
  closed.catch(() => undefined);
  const org = code === caller.org.code ? caller.org : await findOrg(db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  requireInScope(caller, org.path);
  return { org: code, period: period.text, figures: await figuresWithClose(db, code, period, query.ids, org.path, closed) };
}

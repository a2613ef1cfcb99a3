/**
 * Year-end close (结账): a unit closes a calendar year, its figures for that year are frozen as they
 * stand, and no record dated in that year, of that unit or any unit below it, may change until the
 * year is reopened (反结账). Closing and reopening are written to the history like any other change.
 *
 * Who may close is the entry point's business (township admins; the command line as operator); this
 * module only keeps the rule. Frozen figures are stored as a list of pairs, not an object, because
 * figure ids contain dots, which document databases read as paths.
 */
import { inTransaction, readOne, withoutId, type Database, type Transaction } from './cloudbase';
import { computeFigures } from './figures/compute';
import { writeHistory } from './history';
import { AppError } from './errors';
import { findOrg } from './orgs';
import { readAll } from './ledger/read';
import type { Figures } from '../../src/domain/indicators';
import type { Period } from '../../src/domain/period';
import { yearPeriod } from './period';
import type { Collection } from '../../src/domain/records/common';
import { PERIODS } from '../../src/domain/records/periods';
import { beijingDate } from '../../src/domain/dates';
import { guardClose, unitsUnder } from './year-guards';

export const CLOSES = 'period_closes';

export interface FrozenFigure {
  id: string;
  value: number | null;
}

export interface PeriodCloseDoc {
  /** `${orgCode}:${year}`. */
  _id: string;
  orgCode: string;
  orgName: string;
  orgPath: string[];
  year: number;
  closed: boolean;
  /** The year's figures as they stood at close; null while open (or for the moment of closing). */
  figures: FrozenFigure[] | null;
  closedAt?: string;
  closedBy?: string;
  closedByName?: string;
  /** Why it was closed although supervision's conditions were open (months unreported, review). */
  closeReason?: string | null;
  reopenedAt?: string;
  reopenedBy?: string;
  reopenedByName?: string;
  /** Counts closes and reopens; names the history entries. */
  version: number;
}

export interface CloseRequest {
  orgCode: string;
  year: number;
  /** openid of the admin, or 'cli'. */
  by: string;
  byName: string;
  now?: Date;
  /** Closing despite open supervision conditions: the reason, kept with the close and its history. */
  reason?: string;
}

export const closeId = (orgCode: string, year: number): string => `${orgCode}:${year}`;

const readClose = (source: Transaction | Database, id: string) => readOne<PeriodCloseDoc>(source, CLOSES, id);

/** What the history keeps of a close: everything but the figures, which are the close's own record. */
const auditOf = (doc: PeriodCloseDoc): Record<string, unknown> => {
  const { figures, ...rest } = doc;
  return { ...rest, frozenFigures: figures?.length ?? 0 };
};

/**
 * Closes the year: marks it closed first (from then on no change gets through), then computes and
 * stores the frozen figures. Closing a closed year changes nothing and answers `already: true`.
 */
export async function closeYear(db: Database, request: CloseRequest): Promise<{ close: PeriodCloseDoc; already: boolean }> {
  const period = yearPeriod(request.year);
  const org = await findOrg(db, request.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const id = closeId(org.code, request.year);
  const at = (request.now ?? new Date()).toISOString();
  const units = await unitsUnder(db, org.code);

  const marked = await inTransaction(db, async (tx) => {
    const before = await readClose(tx, id);
    if (before?.closed) return { close: before, already: true };
    // Conflicts with any write of the year still in flight (year-guards.ts): one of the two re-runs.
    await guardClose(tx, units, request.year, at);
    const close: PeriodCloseDoc = {
      ...(before ?? {}),
      _id: id,
      orgCode: org.code,
      orgName: org.name,
      orgPath: org.path,
      year: request.year,
      closed: true,
      figures: null,
      closedAt: at,
      closedBy: request.by,
      closedByName: request.byName,
      closeReason: request.reason ?? null,
      version: (before?.version ?? 0) + 1,
    };
    await tx.collection(CLOSES).doc(id).set(withoutId(close));
    await writeHistory(tx, {
      collection: CLOSES,
      recordId: id,
      action: 'close',
      by: request.by,
      byName: request.byName,
      at,
      version: close.version,
      before: before ? auditOf(before) : null,
      after: auditOf(close),
      orgPath: org.path,
    });
    return { close, already: false };
  });
  if (marked.already && marked.close.figures) return marked;

  const figures = await computeFigures(db, org.code, period);
  const frozen: FrozenFigure[] = Object.entries(figures).map(([fid, value]) => ({ id: fid, value }));
  const stored = await inTransaction(db, async (tx) => {
    const current = await readClose(tx, id);
    // Reopened (or closed again) while the figures were being computed: that change wins.
    if (!current?.closed || current.version !== marked.close.version) return current ?? marked.close;
    const close = { ...current, figures: frozen };
    await tx.collection(CLOSES).doc(id).set(withoutId(close));
    return close;
  });
  return { close: stored, already: marked.already };
}

/** Reopens a closed year; the frozen figures are dropped (the history keeps the close). */
export async function reopenYear(db: Database, request: CloseRequest): Promise<PeriodCloseDoc> {
  yearPeriod(request.year);
  const org = await findOrg(db, request.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const id = closeId(org.code, request.year);
  const at = (request.now ?? new Date()).toISOString();
  return inTransaction(db, async (tx) => {
    const before = await readClose(tx, id);
    if (!before?.closed) throw new AppError('PERIOD_NOT_CLOSED', `${request.year}年度${org.name}尚未结账，无需反结账`);
    const close: PeriodCloseDoc = {
      ...before,
      closed: false,
      figures: null,
      reopenedAt: at,
      reopenedBy: request.by,
      reopenedByName: request.byName,
      version: before.version + 1,
    };
    await tx.collection(CLOSES).doc(id).set(withoutId(close));
    await writeHistory(tx, {
      collection: CLOSES,
      recordId: id,
      action: 'reopen',
      by: request.by,
      byName: request.byName,
      at,
      version: close.version,
      before: auditOf(before),
      after: auditOf(close),
      orgPath: before.orgPath,
    });
    return close;
  });
}

/** The close of a unit's year as stored (open, closed or never closed: null). */
export async function closeOf(db: Database, orgCode: string, year: number): Promise<PeriodCloseDoc | null> {
  return readClose(db, closeId(orgCode, year));
}

/** The unit's frozen figures for a closed year; null when the year is open. */
export async function frozenFigures(db: Database, orgCode: string, year: number): Promise<Figures | null> {
  const close = await closeOf(db, orgCode, year);
  if (!close?.closed || !close.figures) return null;
  return Object.fromEntries(close.figures.map((f) => [f.id, f.value]));
}

/**
 * The figures callers should see: a closed whole year answers its frozen figures, anything else is
 * computed from the records. Quarters and months of a closed year are computed, which gives the same
 * numbers because the records cannot change.
 */
export async function figuresWithClose(
  db: Database,
  orgCode: string,
  period: Period,
  ids?: readonly string[],
  orgPath?: readonly string[],
  closed: Promise<Figures | null> = frozenFor(db, orgCode, period),
): Promise<Figures> {
  const frozen = await closed;
  if (!frozen) return computeFigures(db, orgCode, period, ids, { orgPath });
  return ids ? pick(frozen, ids) : frozen;
}

/**
 * The frozen figures figuresWithClose answers for the period, if any: a caller may start this read
 * early (alongside reading the unit) and pass it on.
 */
export const frozenFor = (db: Database, orgCode: string, period: Period): Promise<Figures | null> =>
  period.year === undefined ? Promise.resolve(null) : frozenFigures(db, orgCode, period.year);

/** The figures `ids` of those given (frozen ones keep only what they hold). */
export const pick = (figures: Figures, ids: readonly string[]): Figures => Object.fromEntries(ids.filter((id) => id in figures).map((id) => [id, figures[id]]));

// ---- Which changes a close forbids -------------------------------------------------------------

/** The closes in force, read once by callers that check many changes (ledger import). */
export async function loadCloses(db: Database): Promise<PeriodCloseDoc[]> {
  return (await readAll(db, CLOSES, { closed: true })) as unknown as PeriodCloseDoc[];
}

/** The close that forbids a change dated `dates` on any of these unit paths, if there is one. */
export function closeBlocking(closes: readonly PeriodCloseDoc[], orgPaths: ReadonlyArray<readonly string[]>, dates: readonly string[]): PeriodCloseDoc | null {
  const years = new Set(dates.filter(Boolean).map((d) => Number(d.slice(0, 4))));
  return closes.find((c) => c.closed && years.has(c.year) && orgPaths.some((p) => p.includes(c.orgCode))) ?? null;
}

/** The years closed by any unit on these paths: the roster rule below needs them. */
export function closedYearsOn(closes: readonly PeriodCloseDoc[], orgPaths: ReadonlyArray<readonly string[]>): number[] {
  return [...new Set(closes.filter((c) => c.closed && orgPaths.some((p) => p.includes(c.orgCode))).map((c) => c.year))];
}

export function periodClosedError(close: PeriodCloseDoc): AppError {
  return new AppError('PERIOD_CLOSED', `${close.year}年度已由${close.orgName}结账，不能再修改；如需修改请由乡镇管理员先反结账`);
}

/** Throws PERIOD_CLOSED when any unit on `orgPath` has closed the year of any of `dates`. */
export async function assertOpen(db: Database, orgPath: readonly string[], dates: readonly string[]): Promise<void> {
  if (orgPath.length === 0 || dates.length === 0) return;
  const _ = db.command;
  const closes = (await readAll(db, CLOSES, { orgCode: _.in([...orgPath]), closed: true })) as unknown as PeriodCloseDoc[];
  const blocking = closeBlocking(closes, [orgPath], dates);
  if (blocking) throw periodClosedError(blocking);
}

type Fields = Readonly<Record<string, unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changedFields(before: Fields | null, after: Fields | null, ignore: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !ignore.has(k) && (before === null || after === null || !same(before[k], after[k])));
}

/**
 * Bookkeeping that changes with every write and says nothing about the year the record counts in.
 * `deleted` is not among them: a soft delete takes a record out of its year's figures.
 */
const META = new Set(['_id', 'recordedBy', 'recorderName', 'recordedAt', 'updatedAt', 'version']);

/** Serving on the last day of `year`, as the roster snapshot counts (INDICATORS.md "Roster figures"). */
function rosterSnapshot(doc: Fields | null, year: number): string | null {
  if (!doc || doc.deleted === true) return null;
  const end = `${year}-12-31`;
  const start = typeof doc.startDate === 'string' ? doc.startDate : '';
  const stop = typeof doc.endDate === 'string' ? doc.endDate : '';
  if (start > end || (stop !== '' && stop < end)) return null;
  return JSON.stringify([doc.role, doc.orgCode, doc.orgLevel]);
}

/**
 * The dates whose years a change of a record touches: creating, editing or deleting it (`before` or
 * `after` null for the first and last). A change is refused when a close covers any of them.
 * Roster entries touch a closed year only when they change who was serving at its end; units are
 * not dated and are not checked.
 */
export function touchedDates(collection: Collection, before: Fields | null, after: Fields | null, closedYears: readonly number[] = []): string[] {
  const changed = changedFields(before, after, META);
  if (changed.length === 0) return [];
  const valuesOf = (field: string) => [before?.[field], after?.[field]].filter((v): v is string => typeof v === 'string' && v !== '');
  if (collection === 'manual_figures') {
    return [before?.year, after?.year].filter((y): y is number => typeof y === 'number').map((y) => `${y}-12-31`);
  }
  if (collection === 'people') {
    return closedYears.filter((y) => rosterSnapshot(before, y) !== rosterSnapshot(after, y)).map((y) => `${y}-12-31`);
  }
  // The kinds' description (records/periods.ts) says which dates place a record, and a case's outcome.
  const period = PERIODS[collection];
  if (!period) return [];
  const outcome = period.outcome;
  if (!outcome) return valuesOf(period.date);
  const opening = changed.some((f) => !outcome.fields.includes(f)) ? valuesOf(period.date) : [];
  return [...opening, ...valuesOf(outcome.date)];
}

/** How far back a roster change can matter to a year's snapshot that someone might close. */
const ROSTER_YEARS = 30;

/** The years whose close a change of a record would have to respect. */
export function guardedYears(collection: Collection, before: Fields | null, after: Fields | null, now: Date): number[] {
  const current = Number(beijingDate(now).slice(0, 4));
  const rosterYears = collection === 'people' ? Array.from({ length: ROSTER_YEARS + 1 }, (_, i) => current - i) : [];
  return [...new Set(touchedDates(collection, before, after, rosterYears).map((date) => Number(date.slice(0, 4))))];
}

/**
 * A year's close and the writes dated in that year serialise (issue 12, item 5). Under CloudBase's
 * snapshot isolation only two writes of one document conflict: a write that merely READ the close
 * state could still commit after a close it did not see. So every record write writes, in its own
 * transaction and before it reads the close state, the guard document of its unit and year; and the
 * close writes, in the transaction that marks the year closed, the guards of every unit it covers.
 * Whichever commits second conflicts and is re-run by the SDK — and then sees the other's result: the
 * write is refused as PERIOD_CLOSED, or the close's figures (computed after marking) include it.
 * Writes of one village's year serialise among themselves too, which costs nothing at field pace.
 */
import { inTransaction, readMany, readOne, withoutId, type Database, type Transaction } from './cloudbase';
import { AppError } from './errors';
import { readAll } from './ledger/read';

export const YEAR_GUARDS = 'year_guards';

type Fields = Readonly<Record<string, unknown>> | null;

const guardId = (orgCode: string, year: number): string => `${orgCode}:${year}`;

/** The units a change of a record belongs to: where it was and where it goes. */
export function unitsOf(before: Fields, after: Fields): string[] {
  return [...new Set([before?.orgCode, after?.orgCode].filter((code): code is string => typeof code === 'string' && code !== ''))];
}

interface GuardDoc {
  orgCode: string;
  year: number;
  at: string;
  by: string;
  /** While a ledger import writes rows of this unit and year: until when it holds them, and who. */
  importUntil?: string | null;
  importBy?: string;
}

/** How long an import holds its years at most; a crashed import stops blocking closes after that. */
export const IMPORT_LEASE_MINUTES = 30;

async function readGuard(tx: Transaction, id: string): Promise<GuardDoc | null> {
  const doc = await readOne<GuardDoc & { _id?: string }>(tx, YEAR_GUARDS, id);
  return doc ? withoutId(doc) : null;
}

/**
 * In a write's transaction, before the close state is read: writes the guard of each unit and year
 * (read all at once, each kept as it was besides who wrote it last).
 */
export async function guardWrite(tx: Transaction, guards: readonly UnitYear[], at: string): Promise<void> {
  const ids = guards.map(({ orgCode, year }) => guardId(orgCode, year));
  const held = await readMany<GuardDoc & { _id: string }>(tx, YEAR_GUARDS, ids);
  for (const [i, { orgCode, year }] of guards.entries()) {
    const doc = held.get(ids[i]);
    await tx
      .collection(YEAR_GUARDS)
      .doc(ids[i])
      .set({ ...(doc ? withoutId(doc) : {}), orgCode, year, at, by: 'write' });
  }
}

const rosterGuardId = (orgCode: string): string => `${orgCode}:roster`;

/**
 * In a roster write's transaction, before the close state is read: the roster guard of each unit. A
 * roster change can change who served at the end of any of many past years, so instead of a guard per
 * unit and year it writes one per unit, which every close covering the unit writes too: roster writes
 * and closes serialise whatever the year. Closes are rare, so the extra conflicts cost nothing.
 */
export async function guardRosterWrite(tx: Transaction, units: readonly string[], at: string): Promise<void> {
  for (const orgCode of units) await tx.collection(YEAR_GUARDS).doc(rosterGuardId(orgCode)).set({ orgCode, roster: true, at, by: 'write' });
}

/** The units a close of `orgCode` covers: itself and every unit below it. Read before the close's transaction. */
export async function unitsUnder(db: Database, orgCode: string): Promise<string[]> {
  return [...new Set([orgCode, ...(await readAll(db, 'orgs', { path: orgCode })).map((org) => org._id)])];
}

/**
 * In the close's transaction: writes the guard of every covered unit for the year, and its roster
 * guard (see guardRosterWrite). A ledger import
 * writes batch by batch, so it also holds its years for its whole run: the close then waits for it,
 * and a file goes in whole rather than half before a close and half refused after it.
 */
export async function guardClose(tx: Transaction, units: readonly string[], year: number, at: string): Promise<void> {
  for (const orgCode of units) {
    const id = guardId(orgCode, year);
    const held = await readGuard(tx, id);
    if (held?.importUntil && held.importUntil > at) throw new AppError('PERIOD_BUSY');
    await tx
      .collection(YEAR_GUARDS)
      .doc(id)
      .set({ ...held, orgCode, year, at, by: 'close' });
    await tx.collection(YEAR_GUARDS).doc(rosterGuardId(orgCode)).set({ orgCode, roster: true, at, by: 'close' });
  }
}

export interface UnitYear {
  orgCode: string;
  year: number;
}

/**
 * Before an import writes: holds each unit and year it touches (a close of them is refused until
 * released), then runs `check` — the close state read after the hold, so a close that committed
 * first is seen and one that comes later conflicts or finds the hold.
 */
export async function holdForImport(db: Database, held: readonly UnitYear[], by: string, now: Date, check: () => Promise<void>): Promise<void> {
  const until = new Date(now.getTime() + IMPORT_LEASE_MINUTES * 60000).toISOString();
  await inTransaction(db, async (tx) => {
    const guards = await readMany<GuardDoc & { _id: string }>(
      tx,
      YEAR_GUARDS,
      held.map(({ orgCode, year }) => guardId(orgCode, year)),
    );
    for (const { orgCode, year } of held) {
      const id = guardId(orgCode, year);
      const stored = guards.get(id);
      const guard = stored ? withoutId(stored) : null;
      await tx
        .collection(YEAR_GUARDS)
        .doc(id)
        .set({ ...guard, orgCode, year, at: now.toISOString(), by: 'import', importUntil: until, importBy: by });
    }
    await check();
  });
}

/** After an import wrote (or failed to): lets closes of its years through again. */
export async function releaseImport(db: Database, held: readonly UnitYear[], by: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const guards = await readMany<GuardDoc & { _id: string }>(
      tx,
      YEAR_GUARDS,
      held.map(({ orgCode, year }) => guardId(orgCode, year)),
    );
    for (const { orgCode, year } of held) {
      const id = guardId(orgCode, year);
      const stored = guards.get(id);
      const guard = stored ? withoutId(stored) : null;
      if (guard?.importBy === by)
        await tx
          .collection(YEAR_GUARDS)
          .doc(id)
          .set({ ...guard, importUntil: null });
    }
  });
}

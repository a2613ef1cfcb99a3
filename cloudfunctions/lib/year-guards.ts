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
import type { Database, Transaction } from './cloudbase';
import { readAll } from './ledger/read';

export const YEAR_GUARDS = 'year_guards';

type Fields = Readonly<Record<string, unknown>> | null;

const guardId = (orgCode: string, year: number): string => `${orgCode}:${year}`;

/** The units a change of a record belongs to: where it was and where it goes. */
export function unitsOf(before: Fields, after: Fields): string[] {
  return [...new Set([before?.orgCode, after?.orgCode].filter((code): code is string => typeof code === 'string' && code !== ''))];
}

/** In a write's transaction, before the close state is read: writes the guard of each unit and year. */
export async function guardWrite(tx: Transaction, units: readonly string[], years: readonly number[], at: string): Promise<void> {
  for (const orgCode of units) {
    for (const year of years) await tx.collection(YEAR_GUARDS).doc(guardId(orgCode, year)).set({ orgCode, year, at, by: 'write' });
  }
}

/** The units a close of `orgCode` covers: itself and every unit below it. Read before the close's transaction. */
export async function unitsUnder(db: Database, orgCode: string): Promise<string[]> {
  return [...new Set([orgCode, ...(await readAll(db, 'orgs', { path: orgCode })).map((org) => org._id)])];
}

/** In the close's transaction: writes the guard of every covered unit for the year. */
export async function guardClose(tx: Transaction, units: readonly string[], year: number, at: string): Promise<void> {
  for (const orgCode of units) await tx.collection(YEAR_GUARDS).doc(guardId(orgCode, year)).set({ orgCode, year, at, by: 'close' });
}

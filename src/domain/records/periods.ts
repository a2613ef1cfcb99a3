/**
 * When a record counts (INDICATORS.md): the date that places it in a period and, for the cases, the
 * date of their outcome. Part of each kind's description — kinds.ts reads it into KINDS — kept in a
 * module that imports nothing at run time because the indicator catalogue reads it too, and a kind's
 * schema (其他指标) reads the catalogue: through kinds.ts the two would import each other.
 */
import type { Collection } from './common';

export interface RecordPeriod {
  /** The date that places a record in a period: list filters, figures, period close, export. */
  date: string;
  /**
   * A case counts in two periods: the one it was taken up in (its type, source … count there) and the
   * one it was closed in, by this date. `fields` are those of the outcome: changing only them touches
   * only the outcome's year (closing a December case in January touches only January).
   */
  outcome?: { date: string; fields: readonly string[] };
}

export const PERIODS: Readonly<Record<Collection, RecordPeriod | null>> = {
  orgs: null,
  people: null,
  outreach: { date: 'date' },
  consultations: { date: 'date' },
  disputes: { date: 'acceptDate', outcome: { date: 'closeDate', fields: ['state', 'closeDate', 'amount', 'mediatorName'] } },
  petitions: { date: 'registerDate', outcome: { date: 'closeDate', fields: ['state', 'closeDate', 'dueDate'] } },
  receptions: { date: 'date' },
  studies: { date: 'date' },
  manual_figures: null,
};

/** Every date that places a record in a period: the main date, then the outcome's. */
export const periodDates = (period: RecordPeriod | null): string[] => (period ? [period.date, ...(period.outcome ? [period.outcome.date] : [])] : []);

/**
 * What the report draft reads besides the figures and the township's texts, from the database: the
 * township's own 其他指标 codes with their label and unit (so "<名称><数值><单位>" can be printed) and the
 * 法律六进 venues of the year (so they are named, not counted). One place for the console and the CLI.
 */
import type { Database } from '../cloudbase';
import { figureRows } from '../figures/compute';
import { FIGURE_BY_ID, distinctValues, extraManualFigures } from '../../../src/domain/indicators';
import type { Period } from '../../../src/domain/period';
import type { CustomFigure } from '../../../src/domain/report';

const SIX_INTO = 'outreach.six_into_venues';

export interface ReportExtras {
  customFigures: CustomFigure[];
  sixIntoVenues: string[];
}

export async function reportExtras(db: Database, orgCode: string, period: Period): Promise<ReportExtras> {
  const six = FIGURE_BY_ID.get(SIX_INTO);
  const rows = await figureRows(db, orgCode, period, [SIX_INTO], { allManual: true });
  return {
    customFigures: extraManualFigures(rows).map(({ id, label, unit }) => ({ id, label, unit })),
    sixIntoVenues: six ? distinctValues(rows, six) : [],
  };
}

/**
 * Periods as the functions take them: the domain's parsing, with a refusal the app shows in Chinese
 * (INVALID_PERIOD). One place for the year every console view, close and report is asked for.
 */
import { parsePeriod, type Period } from '../../src/domain/period';
import { AppError } from './errors';

/** A period written as text ('2023', '2023Q1', …), or INVALID_PERIOD with the domain's message. */
export function periodOf(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new AppError('INVALID_PERIOD', parsed.message);
  return parsed.period;
}

/** A calendar year within the periods' range (1990–2100), or INVALID_PERIOD. */
export function yearPeriod(year: number): Period {
  const parsed = Number.isInteger(year) ? parsePeriod(String(year)) : null;
  if (!parsed?.ok) throw new AppError('INVALID_PERIOD', `年度“${year}”不对，请写四位年份，如 2023`);
  return parsed.period;
}

/**
 * What a village's 月报 says: the month's counts from the one figures catalogue, in the words a cadre
 * reads ("本月普法活动3次、法律咨询5人次、新受理矛盾纠纷1件"), and whether it is a 零报告. The numbers
 * are the catalogue's figures for the village and month; this only picks which and names them short.
 * Pure.
 */
import { FIGURE_BY_ID } from '../indicators/catalogue';

/** The figures a 月报 shows, in order, with the short words of the monthly sentence. */
export const MONTHLY_FIGURES: readonly { id: string; words: string }[] = [
  { id: 'outreach.events', words: '普法活动' },
  { id: 'outreach.consultations', words: '法律咨询' },
  { id: 'mediation.accepted', words: '新受理矛盾纠纷' },
  { id: 'mediation.closed', words: '办结矛盾纠纷' },
  { id: 'petition.registered', words: '信访事项' },
  { id: 'petition.receptions', words: '领导接访' },
  { id: 'study.center_group', words: '中心组学法' },
  { id: 'study.lecture', words: '法治讲座' },
  { id: 'study.training', words: '法律培训' },
];

export const MONTHLY_FIGURE_IDS: readonly string[] = MONTHLY_FIGURES.map((f) => f.id);

export interface CountLine {
  id: string;
  words: string;
  value: number;
  unit: string;
}

export const ZERO_SENTENCE = '本月无新增';

/** The month's counts as lines (every figure of the 月报, zeros included). */
export function countLines(figures: Readonly<Record<string, number | null>>): CountLine[] {
  return MONTHLY_FIGURES.map(({ id, words }) => ({ id, words, value: figures[id] ?? 0, unit: FIGURE_BY_ID.get(id)?.unit ?? '' }));
}

/** Nothing logged in the month: the report is a 零报告. */
export const isZero = (lines: readonly CountLine[]): boolean => lines.every((line) => line.value === 0);

/** "本月普法活动3次、法律咨询5人次…" naming only what happened, or "本月无新增". */
export function monthlySentence(lines: readonly CountLine[]): string {
  const parts = lines.filter((line) => line.value > 0).map((line) => `${line.words}${line.value}${line.unit}`);
  return parts.length === 0 ? ZERO_SENTENCE : `本月${parts.join('、')}`;
}

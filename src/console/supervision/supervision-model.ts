/** 报送与审核: how the completeness table, rates and review items read. Pure. */
import type { CompletenessAnswer, CompletenessCell, ReviewItem } from '../../domain/supervision/api';
import { hasBegun, rateText, type Rates } from '../../domain/supervision/schedule';

/** A column's head: '9月', or '9月上' / '9月下' for a township reporting twice a month. */
export const monthLabel = (month: string): string => `${Number(month.slice(5, 7))}月${month.endsWith('-H1') ? '上' : month.endsWith('-H2') ? '下' : ''}`;

/** Short text of a cell in the year grid, and its class. */
export function cellText(cell: CompletenessCell): { text: string; className: string } {
  const extra = `${cell.late ? '·迟' : ''}${cell.supplemented ? '·补' : ''}`;
  switch (cell.state) {
    case '已报':
      return { text: `已报${extra}`, className: 'cell-done' };
    case '零报告':
      return { text: `零报${extra}`, className: 'cell-zero' };
    case '逾期':
      return { text: cell.reminded ? '逾期·已催' : '逾期', className: 'cell-overdue' };
    default:
      return { text: cell.reminded ? '未报·已催' : '未报', className: 'cell-open' };
  }
}

export const ratesLine = (rates: Rates): string =>
  rates.expected === 0
    ? '未到截止日'
    : `报送率 ${rateText(rates.reportingRate)}（${rates.reported}/${rates.expected}） · 按时报送率 ${rateText(rates.onTimeRate)}`;

/** The month the page opens on: the latest month past its due date, else January. */
export function focusMonth(answer: CompletenessAnswer): string {
  const due = answer.months.filter((m) => m.rates.expected > 0);
  return (due[due.length - 1] ?? answer.months[0]).month;
}

/** Whether a village's month can be reminded: not reported, and begun. */
export const canRemind = (cell: CompletenessCell, asOf: string): boolean => (cell.state === '逾期' || cell.state === '未报') && hasBegun(cell.month, asOf);

/** Review items grouped by village and month (what 全部通过 approves at once). */
export function reviewGroups(items: readonly ReviewItem[]): { key: string; orgCode: string; orgName: string; month: string; items: ReviewItem[] }[] {
  const groups = new Map<string, { key: string; orgCode: string; orgName: string; month: string; items: ReviewItem[] }>();
  for (const item of items) {
    const key = `${item.orgCode}-${item.month}`;
    const group = groups.get(key) ?? { key, orgCode: item.orgCode, orgName: item.orgName, month: item.month, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

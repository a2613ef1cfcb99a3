/** 年度结账: how a year's close state reads and what the confirmation says. Pure. */
import type { CloseAnswer } from '../../domain/console/api';

const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');

export function closeLines(answer: CloseAnswer): string[] {
  const { state, org } = answer;
  if (state.closed) {
    return [`${org.name}${state.year}年度已结账`, `${state.closedBy ?? ''} 于 ${day(state.closedAt)} 结账`, '该年度的数据已冻结，记录不能再修改。'];
  }
  const lines = [`${org.name}${state.year}年度尚未结账`, '结账后，该年度的数据冻结，本单位及下级单位该年度的记录不能再新增、修改或删除。'];
  if (state.reopenedAt) lines.push(`${state.reopenedBy ?? ''} 于 ${day(state.reopenedAt)} 反结账`);
  return lines;
}

export function confirmText(orgName: string, year: number, closing: boolean): { title: string; content: string; button: string } {
  return closing
    ? { title: `确认结账${year}年度？`, content: `${orgName}${year}年度的数据将冻结，记录不能再修改；如需修改须先反结账。`, button: '结账' }
    : { title: `确认反结账${year}年度？`, content: `反结账后${orgName}${year}年度的记录可以再修改，数据按记录重新统计。`, button: '反结账' };
}

/** What supervision still asks before the close (月报 missing, records awaiting review); empty: nothing. */
export function conditionLines(answer: CloseAnswer): string[] {
  const c = answer.conditions;
  if (!c || answer.state.closed) return [];
  const lines: string[] = [];
  if (c.unreportedMonths > 0) {
    const named = c.unreportedSample.map((u) => `${u.village}${u.month}`).join('、');
    lines.push(`还有${c.unreportedMonths}个村·月未报送月报（如${named}）`);
  }
  if (c.awaitingReview > 0) lines.push(`还有${c.awaitingReview}条记录待审核`);
  return lines;
}

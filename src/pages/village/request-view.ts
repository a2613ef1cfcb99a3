/**
 * How a request's state and times read on the resident's and the handlers' lists. Pure.
 */
import type { RequestState } from '../../domain/public/vocab';

const STATE_CLASS: Record<RequestState, string> = {
  待处理: 'state-pending',
  已受理: 'state-accepted',
  已转为案件: 'state-converted',
  已办结: 'state-done',
};

export function stateClass(state: RequestState): string {
  return `state-tag ${STATE_CLASS[state] ?? ''}`.trim();
}

/** What the state means to the resident who asked. */
export const STATE_HINT: Record<RequestState, string> = {
  待处理: '已收到，村里的调解员会尽快与您联系',
  已受理: '已受理，工作人员正在处理',
  已转为案件: '已登记为正式的咨询或调解案件，正在办理',
  已办结: '已办结',
};

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant as Beijing 'YYYY-MM-DD HH:mm'; the text itself when it is not one. */
export function beijingStamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 我的待办: how an open case reads in the list. Pure. */
import type { TodoItem } from '../../domain/api';
import { MARK_LABELS } from '../../domain/forms/case';

export interface TodoLine {
  title: string;
  detail: string;
  mark: string | null;
  markClass: string;
}

export function todoLine(item: TodoItem): TodoLine {
  const since = item.kind === 'dispute' ? `受理 ${item.since}` : `登记 ${item.since}`;
  const due = item.dueDate ? ` · 期限 ${item.dueDate}` : '';
  return {
    title: item.parties?.length ? `${item.summary} · ${item.parties.join('、')}` : item.summary,
    detail: `${item.orgName} · ${item.state} · ${since}${due}`,
    mark: item.mark ? MARK_LABELS[item.mark] : null,
    markClass: item.mark === 'overdue' ? 'mark-overdue' : item.mark === 'dueSoon' ? 'mark-soon' : '',
  };
}

export const caseUrl = (item: Pick<TodoItem, 'kind' | 'id'>): string => `/field/case/index?kind=${item.kind}&id=${encodeURIComponent(item.id)}`;

/** A township's reminder (催报) opens the 月报 of the month it names. */
export const reminderUrl = (month: string): string => `/field/monthly/index?month=${encodeURIComponent(month)}`;

/** 我的待办's footer count: open cases and reminders, each named as such. */
export function todoCount(cases: number, reminders: number): string {
  const parts = [cases > 0 ? `${cases} 件未办结` : '', reminders > 0 ? `${reminders} 条催报` : ''].filter(Boolean);
  return `共 ${parts.join('、')}`;
}

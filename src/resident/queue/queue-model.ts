/**
 * The handlers' request queue without the view: which actions a request offers, and the convert
 * request a choice makes. Pure.
 */
import { CONSULTATION_CATEGORIES, DISPUTE_TYPES, type ConsultationCategory, type DisputeType } from '../../domain/vocab';
import type { QueueItem } from '../../domain/public/types';
import type { RequestsRequest } from '../../domain/contract/requests';
import { canMove, defaultCaseKind } from '../../domain/public/request';
import { CASE_KIND_LABELS, type CaseKind, type RequestState } from '../../domain/public/vocab';

export interface QueueActions {
  accept: boolean;
  convert: boolean;
  close: boolean;
}

export function actionsFor(state: RequestState): QueueActions {
  return { accept: canMove(state, '已受理'), convert: canMove(state, '已转为案件'), close: canMove(state, '已办结') };
}

export const FILTERS: readonly (RequestState | '全部')[] = ['待处理', '已受理', '已转为案件', '已办结', '全部'];

export function typeOptions(kind: CaseKind): readonly string[] {
  return kind === 'consultation' ? CONSULTATION_CATEGORIES : DISPUTE_TYPES;
}

export interface ConvertChoice {
  kind: CaseKind;
  /** Index into typeOptions(kind); 其他 by default. */
  typeIndex: number;
}

export function choiceFor(kind: CaseKind): ConvertChoice {
  return { kind, typeIndex: typeOptions(kind).indexOf('其他') };
}

/** A 咨询 request becomes a 法律咨询, a 调解 request a 矛盾纠纷, of category 其他 until chosen. */
export function defaultChoice(item: Pick<QueueItem, 'kind'>): ConvertChoice {
  return choiceFor(defaultCaseKind(item.kind));
}

export function otherKind(kind: CaseKind): CaseKind {
  return kind === 'consultation' ? 'dispute' : 'consultation';
}

export function convertLabel(kind: CaseKind): string {
  return `转为${CASE_KIND_LABELS[kind]}`;
}

/** What a converted request became: 已转为矛盾纠纷：<case id>. */
export function convertedLine(item: Pick<QueueItem, 'caseKind' | 'caseId'>): string {
  return `已转为${CASE_KIND_LABELS[item.caseKind ?? 'consultation']}：${item.caseId ?? ''}`;
}

/** The link that switches what a request becomes: 改为法律咨询 (not 改为转为…). */
export function switchLabel(kind: CaseKind): string {
  return `改为${CASE_KIND_LABELS[kind]}`;
}

export function convertRequestOf(ref: string, choice: ConvertChoice): Extract<RequestsRequest, { action: 'convert' }> {
  const type = typeOptions(choice.kind)[choice.typeIndex] ?? '其他';
  return choice.kind === 'consultation'
    ? { action: 'convert', ref, as: 'consultation', category: type as ConsultationCategory }
    : { action: 'convert', ref, as: 'dispute', disputeType: type as DisputeType };
}

/** Replaces one item of the list by its new version, keeping the order. */
export function replaceItem(items: readonly QueueItem[], next: QueueItem): QueueItem[] {
  return items.map((item) => (item.ref === next.ref ? next : item));
}

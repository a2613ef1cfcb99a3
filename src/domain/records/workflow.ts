/**
 * Case workflows: which state may follow which, and the marks derived from dates (never stored).
 *   矛盾纠纷: 受理 → 调解中 → 调解成功 / 调解不成功 / 终止 / 移交 (a case may also close straight from 受理)
 *   信访事项: 登记 → 办理中 → 办结 / 不予受理 (likewise straight from 登记)
 * A closed case stays closed: correcting one is an edit of its fields, not a state change.
 */
import { addDays } from '../dates';
import type { DisputeState, PetitionState } from '../vocab';

const DISPUTE_NEXT: Record<DisputeState, readonly DisputeState[]> = {
  受理: ['调解中', '调解成功', '调解不成功', '终止', '移交'],
  调解中: ['调解成功', '调解不成功', '终止', '移交'],
  调解成功: [],
  调解不成功: [],
  终止: [],
  移交: [],
};

const PETITION_NEXT: Record<PetitionState, readonly PetitionState[]> = {
  登记: ['办理中', '办结', '不予受理'],
  办理中: ['办结', '不予受理'],
  办结: [],
  不予受理: [],
};

export function disputeNextStates(from: DisputeState): readonly DisputeState[] {
  return DISPUTE_NEXT[from];
}

export function petitionNextStates(from: PetitionState): readonly PetitionState[] {
  return PETITION_NEXT[from];
}

/** Staying in the same state is always allowed (an edit of other fields). */
export function isAllowedDisputeChange(from: DisputeState, to: DisputeState): boolean {
  return from === to || DISPUTE_NEXT[from].includes(to);
}

export function isAllowedPetitionChange(from: PetitionState, to: PetitionState): boolean {
  return from === to || PETITION_NEXT[from].includes(to);
}

export const isOpenDispute = (state: DisputeState): boolean => DISPUTE_NEXT[state].length > 0;
export const isOpenPetition = (state: PetitionState): boolean => PETITION_NEXT[state].length > 0;

/** A matter is due soon when its deadline is within this many days. */
export const DUE_SOON_DAYS = 7;

export type DeadlineMark = 'overdue' | 'dueSoon' | null;

/** Overdue: still open after its due date. Due soon: open and due within DUE_SOON_DAYS (today included). */
export function deadlineMark(state: PetitionState, dueDate: string, today: string): DeadlineMark {
  if (!isOpenPetition(state)) return null;
  if (today > dueDate) return 'overdue';
  return dueDate <= addDays(today, DUE_SOON_DAYS) ? 'dueSoon' : null;
}

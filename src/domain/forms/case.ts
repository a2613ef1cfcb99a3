/**
 * Following a case from 我的待办: moving it to its next state, closing it with the result, adding a
 * 回访. Each step makes the edited record the records function takes (with the version it was made on).
 * The workflow rules themselves are the domain's (records/workflow.ts); this only builds edits. Pure.
 */
import { KINDS, type RecordKind } from '../records/kinds';
import { disputeNextStates, petitionNextStates } from '../records/workflow';
import type { DisputeState, PetitionState } from '../vocab';
import type { FollowUp } from '../records/case-fields';

export type CaseKind = 'dispute' | 'petition';

export const isCaseKind = (value: unknown): value is CaseKind => value === 'dispute' || value === 'petition';

/** States a case may move to from where it is. */
export function nextStates(kind: CaseKind, state: string): readonly string[] {
  return kind === 'dispute' ? disputeNextStates(state as DisputeState) : petitionNextStates(state as PetitionState);
}

/** A state the case leaves the open ones (KINDS) for: it is closed with it. */
export function isClosingState(kind: CaseKind, state: string): boolean {
  return !KINDS[kind].openStates.includes(state);
}

/** Whether the state needs a 办结日期 (KINDS; LEDGER.md: petitions only for 办结). */
export function needsCloseDate(kind: CaseKind, state: string): boolean {
  return KINDS[kind].closeDateStates.includes(state);
}

/** The record's own fields from a record answer (no meta), ready to be edited and sent back. */
export function editableRecord(kind: RecordKind, view: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = { id: view.id, orgCode: view.orgCode };
  for (const field of KINDS[kind].fields) if (view[field] !== undefined) record[field] = view[field];
  return record;
}

export interface StateChange {
  state: string;
  closeDate?: string;
  /** 调解成功 only. */
  agreementForm?: string;
  amount?: number;
  /** What came of it, on closing: kept as the case's 办结情况 (not as a 回访). */
  note?: string;
}

export function changeState(kind: CaseKind, record: Record<string, unknown>, change: StateChange, today: string): Record<string, unknown> {
  const next: Record<string, unknown> = { ...record, state: change.state };
  delete next.closeDate;
  if (needsCloseDate(kind, change.state)) next.closeDate = change.closeDate || today;
  if (kind === 'dispute') {
    delete next.agreementForm;
    if (change.state === '调解成功') {
      if (change.agreementForm) next.agreementForm = change.agreementForm;
      if (change.amount !== undefined) next.amount = change.amount;
    }
  }
  delete next.closingNote;
  if (isClosingState(kind, change.state) && change.note?.trim()) next.closingNote = change.note.trim();
  return next;
}

export function addFollowUp(record: Record<string, unknown>, visit: FollowUp): Record<string, unknown> {
  const visits = Array.isArray(record.followUps) ? (record.followUps as FollowUp[]) : [];
  return { ...record, followUps: [...visits, { date: visit.date, result: visit.result.trim() }] };
}

export const MARK_LABELS: Record<'overdue' | 'dueSoon', string> = { overdue: '已逾期', dueSoon: '即将到期' };

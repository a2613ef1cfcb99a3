/**
 * When a mediated dispute's 回访 (follow-up visit) is due. A dispute settled (调解成功) is visited
 * to see that the agreement is kept; DESIGN.md has case records carry 回访 but names no period, and
 * 《人民调解工作若干规定》 asks the committee to follow the agreement's performance without one. Our
 * rule, stated here once: the 回访 is due 30 days after the 办结日期, and it is done by any 回访 logged
 * on or after that day. Pure.
 */
import { addDays } from '../dates';
import type { DisputeState } from '../vocab';

export const FOLLOW_UP_DAYS = 30;

export interface FollowUpFacts {
  state: DisputeState | string;
  closeDate?: string | null;
  followUps?: readonly { date: string }[] | null;
}

/** The date the dispute's 回访 is due by, or null when none is owed (not settled, or visited). */
export function followUpDueDate(dispute: FollowUpFacts): string | null {
  if (dispute.state !== '调解成功' || !dispute.closeDate) return null;
  const closed = dispute.closeDate;
  if ((dispute.followUps ?? []).some((visit) => visit.date >= closed)) return null;
  return addDays(closed, FOLLOW_UP_DAYS);
}

/**
 * Review (审核) of records, a township setting: while it is on, a new or edited record of the
 * township's villages is 待审核 and counts in the figures only once 已通过; 退回 sends it back to its
 * recorder with a reason. Pure: the states, which kinds are reviewed, and the reason's rule.
 */
import type { RecordKind } from '../records/kinds';
import type { Collection } from '../records/common';

export const REVIEW_STATES = ['待审核', '已通过', '退回'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** States that keep a record out of the figures while its township reviews. */
export const NOT_COUNTED: readonly ReviewState[] = ['待审核', '退回'];

/** The field work a village logs; the roster and 其他指标 are the township's own and never reviewed. */
export const REVIEWED_KINDS: readonly RecordKind[] = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study'];
export const REVIEWED_COLLECTIONS: readonly Collection[] = ['outreach', 'consultations', 'disputes', 'petitions', 'receptions', 'studies'];

export const isReviewedKind = (kind: RecordKind): boolean => REVIEWED_KINDS.includes(kind);

export const MAX_REASON = 200;

/** A return needs a reason the recorder can act on; answers the problem, or null. */
export function reasonProblem(reason: string | undefined, what = '退回原因'): string | null {
  const text = (reason ?? '').trim();
  if (text.length === 0) return `请填写${what}`;
  if (text.length > MAX_REASON) return `${what}不能超过${MAX_REASON}个字`;
  return null;
}

/**
 * The figures' filter, handed to the catalogue's pipelines: `counted` leaves out the records awaiting
 * review in the townships listed (those with review on); `pending` keeps only them (how many records
 * wait behind each figure).
 */
export interface ReviewFilter {
  mode: 'counted' | 'pending';
  /** Townships whose review is on. */
  townships: readonly string[];
}

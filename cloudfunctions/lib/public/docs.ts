/**
 * Stored shapes of the residents' legal services (articles, requests, the roster fields they add) and
 * the small helpers their modules share.
 */
import { createHash } from 'node:crypto';
import type { RecordMeta } from '../records-meta';
import type { ArticleInput } from '../../../src/domain/public/article';
import type { CaseKind, RequestKind, RequestState } from '../../../src/domain/public/vocab';
import type { RosterRole } from '../../../src/domain/vocab';
import type { RosterPerson } from '../../../src/domain/public/views';

/**
 * A roster entry (`people`) as this feature reads it. `publishPhone` (the person agreed to show their
 * phone to residents) and `serviceHours` (法律顾问) are the roster's kept fields (KINDS.person
 * keptFields): neither the form nor the ledger's 人员名册 has them, so an edit or an import leaves them
 * as they are, and only setContact (manage.ts) changes them, through the record store.
 */
export interface PersonDoc extends RosterPerson {
  _id: string;
  role: RosterRole;
  orgCode: string;
  orgPath: string[];
  version?: number;
  updatedAt?: string;
}

/** An article: its fields and a record's meta, without the delete mark (an article is unpublished instead). */
export type ArticleDoc = Omit<ArticleInput, 'id'> & Omit<RecordMeta, 'deleted'>;

/** A resident's request. Party data: only its village's handlers and township admins read it. */
export interface RequestDoc {
  /** sha256 of the key the app made (see requests.ts): never the key itself, never let out. */
  _id: string;
  ref: string;
  kind: RequestKind;
  orgCode: string;
  orgPath: string[];
  name: string;
  phone: string;
  description: string;
  consentAt: string;
  /** The WeChat openid of the submitter, when the platform gave one. */
  submitterOpenid?: string;
  tokenHash: string;
  /** The ref of an earlier request with the same phone and text within a day: flagged as a repeat. */
  repeatOf?: string;
  state: RequestState;
  caseKind?: CaseKind;
  caseId?: string;
  handledBy?: string;
  handlerName?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The roster roles residents see on a village page. */
export const PUBLIC_ROSTER_ROLES: readonly RosterRole[] = ['法律顾问', '人民调解员', '法律明白人'];

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

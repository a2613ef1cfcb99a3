/**
 * Answer shapes of the residents' legal services (requests: ../contract): `public` (anyone, no sign-in) and
 * `requests` (signed-in staff: the request queue, and township admins' articles, contacts and
 * village codes). Every answer lists its fields; the public ones carry no person ids, no openids,
 * no unpublished phones and nobody's request but the caller's own. Pure types.
 */
import type { RosterRole } from '../vocab';
import type { ArticleInput } from './article';
import type { ArticleCategory, CaseKind, RequestKind, RequestState } from './vocab';

// ---- cloudfunctions/public -------------------------------------------------------------------

/** What a person may subscribe to: a resident to their request's answer, staff to deadline reminders. */
export type SubscribeTopic = 'answer' | 'deadline';

export interface PublicOrg {
  code: string;
  name: string;
}

export interface TownshipChoice extends PublicOrg {
  villages: PublicOrg[];
}

export interface TownshipsAnswer {
  townships: TownshipChoice[];
}

/** A person a resident may turn to: a phone only when the person agreed to publish it. */
export interface PublicContact {
  name: string;
  phone?: string;
  /** 法律顾问 only. */
  serviceHours?: string;
}

export interface PublicEvent {
  date: string;
  type: string;
  /** Where: the unit that holds it and the kind of place (白土乡 · 集市). */
  place: string;
  topic?: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  category: ArticleCategory;
  date: string;
}

export interface ArticleView extends ArticleSummary {
  body: string;
  townshipName: string;
}

export interface VillageAnswer {
  village: PublicOrg;
  township: PublicOrg;
  hotline: string;
  advisers: PublicContact[];
  mediators: PublicContact[];
  legalPersons: PublicContact[];
  events: PublicEvent[];
  articles: ArticleSummary[];
}

export interface ArticleAnswer {
  article: ArticleView;
}

/** All a resident ever learns of a request, their own included. */
export interface RequestStatusView {
  ref: string;
  kind: RequestKind;
  villageName: string;
  state: RequestState;
  createdAt: string;
  updatedAt: string;
}

export interface SubmitAnswer {
  request: RequestStatusView;
}

export interface MineAnswer {
  items: RequestStatusView[];
}

// ---- cloudfunctions/requests -----------------------------------------------------------------

/** A request as its handlers see it: the resident's name, phone and account of what happened. */
export interface QueueItem {
  ref: string;
  kind: RequestKind;
  villageCode: string;
  villageName: string;
  name: string;
  phone: string;
  description: string;
  state: RequestState;
  caseKind?: CaseKind;
  caseId?: string;
  handlerName?: string;
  /** The ref of an earlier request with the same phone and text within a day: probably the same matter. */
  repeatOf?: string;
  createdAt: string;
  updatedAt: string;
}

export interface QueueAnswer {
  items: QueueItem[];
}

/** A page of the handlers' queue: `total` says how many match, so older requests are never out of reach. */
export interface QueuePage extends QueueAnswer {
  total: number;
  offset: number;
  limit: number;
}

export interface QueueItemAnswer {
  item: QueueItem;
}

export interface ConvertAnswer {
  item: QueueItem;
  case: { kind: CaseKind; id: string };
}

/** A roster entry as a township admin manages its publication. */
export interface ContactRow {
  personId: string;
  name: string;
  role: RosterRole;
  orgCode: string;
  orgName: string;
  phone?: string;
  publishPhone: boolean;
  serviceHours?: string;
}

export interface ContactsAnswer {
  items: ContactRow[];
}

export interface ContactAnswer {
  item: ContactRow;
}

export interface ManagedArticle extends ArticleInput {
  updatedAt: string;
  version: number;
}

export interface ArticlesAnswer {
  items: ManagedArticle[];
}

export interface ArticleSavedAnswer {
  item: ManagedArticle;
}

/**
 * A village's mini-program code for the township console: WeChat's code image (wxacode.getUnlimited,
 * kept in cloud storage) that opens `page` with `scene` = the village code.
 */
export interface VillageCodeAnswer {
  village: PublicOrg;
  page: string;
  scene: string;
  /** A temporary download address of the PNG (an hour). */
  imageUrl: string;
}

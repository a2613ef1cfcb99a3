/**
 * What of a stored roster entry, outreach event or request may be shown to anyone: the masking rules
 * of the public answers, kept pure so that they are tested without a database. A field is let out
 * only when it is listed here; a phone only when its owner agreed to publish it (publishPhone).
 */
import { isActiveOn } from '../records/roster';
import { PLANNED } from '../vocab';
import type { PublicContact, PublicEvent, RequestStatusView } from './types';
import type { RequestKind, RequestState } from './vocab';

/** The parts of a roster entry (`people`) the public answers read. */
export interface RosterPerson {
  name: string;
  role: string;
  phone?: string;
  /** The person's consent to show the phone to residents; absent means no. */
  publishPhone?: boolean;
  /** 法律顾问: when they can be reached, as the township wrote it. */
  serviceHours?: string;
  startDate?: string;
  endDate?: string;
  deleted?: boolean;
}

export function publicContact(person: RosterPerson): PublicContact {
  const contact: PublicContact = { name: person.name };
  if (person.publishPhone === true && typeof person.phone === 'string' && person.phone.trim()) contact.phone = person.phone.trim();
  if (person.role === '法律顾问' && person.serviceHours?.trim()) contact.serviceHours = person.serviceHours.trim();
  return contact;
}

export interface VillageContacts {
  advisers: PublicContact[];
  mediators: PublicContact[];
  legalPersons: PublicContact[];
}

const byName = (a: PublicContact, b: PublicContact) => a.name.localeCompare(b.name, 'zh-CN');

/** The village's people who serve today, by role; published phones first within a role. */
export function villageContacts(people: readonly RosterPerson[], today: string): VillageContacts {
  const serving = people.filter((p) => p.deleted !== true && isActiveOn(p, today));
  const of = (role: string) =>
    serving
      .filter((p) => p.role === role)
      .map(publicContact)
      .sort((a, b) => Number(Boolean(b.phone)) - Number(Boolean(a.phone)) || byName(a, b));
  return { advisers: of('法律顾问'), mediators: of('人民调解员'), legalPersons: of('法律明白人') };
}

export interface EventLike {
  date: string;
  type: string;
  venue: string;
  topic?: string;
  status?: string;
  deleted?: boolean;
}

/**
 * What residents see as coming: planned (计划) events from today on that say what they are about,
 * soonest first, at most `limit`. An event logged as held today has already happened, and one without
 * a topic tells a resident nothing.
 */
export function comingEvents<E extends EventLike>(events: readonly E[], today: string, limit = 10): E[] {
  return events
    .filter((e) => e.deleted !== true && e.status === PLANNED && e.date >= today && (e.topic ?? '').trim() !== '')
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, limit);
}

export function publicEvent(event: EventLike, unitName: string): PublicEvent {
  const view: PublicEvent = { date: event.date, type: event.type, place: `${unitName} · ${event.venue}` };
  if (event.topic?.trim()) view.topic = event.topic.trim();
  return view;
}

export interface RequestLike {
  ref: string;
  kind: RequestKind;
  state: RequestState;
  createdAt: string;
  updatedAt: string;
}

/** A request as its submitter sees it: never the name, phone, description or who handles it. */
export function requestStatusView(request: RequestLike, villageName: string): RequestStatusView {
  return {
    ref: request.ref,
    kind: request.kind,
    villageName,
    state: request.state,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}

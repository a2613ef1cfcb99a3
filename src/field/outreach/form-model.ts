/**
 * The 普法活动 form without the view: its defaults, the draft kept in storage, the record it builds
 * and where each problem is shown. Pure: no Taro, no I/O; the page passes in today, ids and storage.
 */
import type { FieldProblem } from '../../domain/records/fields';
import type { OutreachInput } from '../../domain/records/outreach';
import { OUTREACH_TYPES, OUTREACH_VENUES, type OutreachType, type OutreachVenue } from '../../domain/vocab';
import { isCalendarDate } from '../../domain/dates';

export const COUNT_FIELDS = ['attendees', 'materials', 'banners', 'consultations'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export interface OutreachDraft {
  /** Made when the form opens and kept with the draft, so a resend is the same record. */
  id: string;
  type: OutreachType;
  venue: OutreachVenue;
  date: string;
  topic: string;
  attendees: number;
  materials: number;
  banners: number;
  consultations: number;
}

export type FormField = Exclude<keyof OutreachDraft, 'id'>;

/** The element id of each field's input: what tests and problem messages attach to. */
export const FIELD_IDS: Record<FormField, string> = {
  type: 'field-type',
  venue: 'field-venue',
  date: 'field-date',
  topic: 'field-topic',
  attendees: 'field-attendees',
  materials: 'field-materials',
  banners: 'field-banners',
  consultations: 'field-consultations',
};

export const DEFAULT_TYPE: OutreachType = '赶集日集中宣传';

/** Market-day outreach happens at the market; most other outreach in the village. */
export function defaultVenueFor(type: OutreachType): OutreachVenue {
  return type === '赶集日集中宣传' ? '集市' : '乡村';
}

function isType(value: unknown): value is OutreachType {
  return typeof value === 'string' && (OUTREACH_TYPES as readonly string[]).includes(value);
}

function isVenue(value: unknown): value is OutreachVenue {
  return typeof value === 'string' && (OUTREACH_VENUES as readonly string[]).includes(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export interface DraftContext {
  /** A fresh client id, used unless a stored draft brings its own. */
  newId: string;
  /** Today's Beijing date, 'YYYY-MM-DD'. */
  today: string;
  /** The type last saved on this phone, if any. */
  lastType?: unknown;
  /** Whatever was stored as the draft, if anything. */
  stored?: unknown;
}

/** A new form, or the stored draft where it is still sound. */
export function initialDraft({ newId, today, lastType, stored }: DraftContext): OutreachDraft {
  const type = isType(lastType) ? lastType : DEFAULT_TYPE;
  const fresh: OutreachDraft = {
    id: newId,
    type,
    venue: defaultVenueFor(type),
    date: today,
    topic: '',
    attendees: 0,
    materials: 0,
    banners: 0,
    consultations: 0,
  };
  if (typeof stored !== 'object' || stored === null) return fresh;
  const s = stored as Record<string, unknown>;
  const draft = { ...fresh };
  if (typeof s.id === 'string' && /^[A-Za-z0-9_-]{6,64}$/.test(s.id)) draft.id = s.id;
  if (isType(s.type)) {
    draft.type = s.type;
    draft.venue = defaultVenueFor(s.type);
  }
  if (isVenue(s.venue)) draft.venue = s.venue;
  if (typeof s.date === 'string' && isCalendarDate(s.date)) draft.date = s.date;
  if (typeof s.topic === 'string') draft.topic = s.topic;
  for (const field of COUNT_FIELDS) if (isCount(s[field])) draft[field] = s[field];
  return draft;
}

/** Changing the type moves the venue along, unless the person already chose another venue. */
export function changeType(draft: OutreachDraft, type: OutreachType): OutreachDraft {
  const venueWasDefault = draft.venue === defaultVenueFor(draft.type);
  return { ...draft, type, venue: venueWasDefault ? defaultVenueFor(type) : draft.venue };
}

/** The record as sent: an empty topic is left out rather than sent as ''. */
export function buildOutreachRecord(draft: OutreachDraft, orgCode: string): OutreachInput {
  const topic = draft.topic.trim();
  return {
    id: draft.id,
    orgCode,
    date: draft.date,
    type: draft.type,
    venue: draft.venue,
    ...(topic ? { topic } : {}),
    attendees: draft.attendees,
    materials: draft.materials,
    banners: draft.banners,
    consultations: draft.consultations,
  };
}

export interface PlacedProblems {
  /** The first problem of each field, shown beside it. */
  fields: Partial<Record<FormField, string>>;
  /** Problems no field on the form can fix (record id, unit, the record as a whole). */
  general: string[];
}

export function placeProblems(problems: readonly FieldProblem[]): PlacedProblems {
  const placed: PlacedProblems = { fields: {}, general: [] };
  for (const { field, message } of problems) {
    const name = field.split('.')[0];
    if (name in FIELD_IDS) {
      const key = name as FormField;
      placed.fields[key] ??= message;
    } else if (!placed.general.includes(message)) {
      placed.general.push(message);
    }
  }
  return placed;
}

export function hasProblems(placed: PlacedProblems): boolean {
  return placed.general.length > 0 || Object.keys(placed.fields).length > 0;
}

export const NO_PROBLEMS: PlacedProblems = { fields: {}, general: [] };

/**
 * A form's answers as a draft, and the record they make. The draft is what the phone keeps while the
 * person types (so a killed app loses nothing) and what a record that needs fixing is opened back
 * into. Pure: the page passes in the client id, today and what storage held.
 */
import type { CoordinateSystem, FieldProblem } from '../records/fields';
import { isCalendarDate } from '../dates';
import type { FieldSpec, FormContext, FormSpec, Values } from './spec';

/** A photo as the form holds it: a file kept on the phone, and its cloud fileID once uploaded. */
export interface PhotoDraft {
  local: string;
  fileID?: string;
}

export interface PartyDraft {
  name: string;
  phone: string;
  idNumber: string;
}

export interface Draft {
  /** The client id, made when the form opened: a resend is the same record. */
  id: string;
  values: Values;
  /** Fields of the record the form does not show (回访, 经办人 …), carried through an edit. */
  keep?: Values;
}

const CLIENT_ID = /^[A-Za-z0-9_-]{6,64}$/;

function isPartyList(value: unknown): value is PartyDraft[] {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as PartyDraft).name === 'string');
}

export function isPhotoList(value: unknown): value is PhotoDraft[] {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as PhotoDraft).local === 'string');
}

function isLocation(value: unknown): value is { latitude: number; longitude: number; system?: CoordinateSystem } {
  const v = value as { latitude?: unknown; longitude?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.latitude === 'number' && typeof v.longitude === 'number';
}

/** Whether a stored answer still fits its field (a draft may come from an older app version). */
function fits(field: FieldSpec, value: unknown): boolean {
  switch (field.type) {
    case 'choice':
      return typeof value === 'string' && (value === '' || field.options.includes(value));
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case 'text':
    case 'amount':
      return typeof value === 'string';
    case 'parties':
      return isPartyList(value);
    case 'photos':
      return isPhotoList(value);
    case 'location':
      return value === undefined || isLocation(value);
  }
}

/** A new form, or the stored draft where its answers are still sound. */
export function initialDraft(spec: FormSpec, ctx: FormContext & { newId: string; stored?: unknown }): Draft {
  const values = spec.defaults(ctx);
  const fresh: Draft = { id: ctx.newId, values };
  const stored = ctx.stored as Partial<Draft> | undefined;
  if (typeof stored !== 'object' || stored === null || typeof stored.values !== 'object' || stored.values === null) return fresh;
  const draft: Draft = { id: typeof stored.id === 'string' && CLIENT_ID.test(stored.id) ? stored.id : ctx.newId, values: { ...values } };
  for (const field of spec.fields) {
    const value = (stored.values as Values)[field.name];
    if (value !== undefined && fits(field, value)) draft.values[field.name] = value;
  }
  if (stored.keep && typeof stored.keep === 'object') draft.keep = stored.keep;
  return draft;
}

/** One answer changed; dependent answers follow as the kind says. */
export function changeValue(spec: FormSpec, draft: Draft, name: string, value: unknown, ctx: FormContext): Draft {
  const after = { ...draft.values, [name]: value };
  return { ...draft, values: spec.derive ? spec.derive(draft.values, after, name, ctx) : after };
}

export const isShown = (field: FieldSpec, values: Values): boolean => !field.when || field.when(values);

function partiesOf(value: unknown): Record<string, string>[] | undefined {
  if (!isPartyList(value)) return undefined;
  const parties = value
    .map((p) => ({ name: p.name.trim(), phone: (p.phone ?? '').trim(), idNumber: (p.idNumber ?? '').trim() }))
    .filter((p) => p.name || p.phone || p.idNumber)
    .map((p) => ({ name: p.name, ...(p.phone ? { phone: p.phone } : {}), ...(p.idNumber ? { idNumber: p.idNumber.toUpperCase() } : {}) }));
  return parties.length ? parties : undefined;
}

export interface Built {
  /** The record as the kind's schema takes it (photos not yet included: see `photos`). */
  record: Record<string, unknown>;
  /** The photos to upload before the record is sent; their fileIDs become `record.photos`. */
  photos: PhotoDraft[];
}

/** The record the answers make: hidden fields and empty optional answers are left out. */
export function buildRecord(spec: FormSpec, draft: Draft, orgCode: string): Built {
  const record: Record<string, unknown> = { ...(draft.keep ?? {}), id: draft.id, orgCode };
  let photos: PhotoDraft[] = [];
  for (const field of spec.fields) {
    const value = draft.values[field.name];
    delete record[field.name];
    if (!isShown(field, draft.values)) continue;
    switch (field.type) {
      case 'choice':
      case 'date':
        if (typeof value === 'string' && value !== '') record[field.name] = value;
        break;
      case 'count':
        record[field.name] = typeof value === 'number' ? value : 0;
        break;
      case 'text': {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text || !field.optional) record[field.name] = text;
        break;
      }
      case 'amount': {
        const text = typeof value === 'string' ? value.trim() : '';
        // A typo stays a (non-number) value so the schema names the field, rather than vanishing.
        if (text) record[field.name] = Number.isFinite(Number(text)) ? Number(text) : text;
        break;
      }
      case 'parties': {
        const parties = partiesOf(value);
        if (parties) record[field.name] = parties;
        break;
      }
      case 'photos':
        photos = isPhotoList(value) ? value : [];
        break;
      case 'location':
        // The coordinate system goes with the point: gcj02 (WeChat) and wgs84 (a browser) differ by hundreds of metres.
        if (isLocation(value)) record[field.name] = { latitude: value.latitude, longitude: value.longitude, ...(value.system ? { system: value.system } : {}) };
        break;
    }
  }
  return { record, photos };
}

/** A record (from the outbox or the server) opened back into a draft for fixing. */
export function draftFromRecord(spec: FormSpec, record: Record<string, unknown>, photos: PhotoDraft[], base: Values): Draft {
  const values: Values = { ...base };
  const keep: Values = {};
  const shown = new Set(spec.fields.map((f) => f.name));
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || key === 'orgCode' || key === 'photos') continue;
    if (!shown.has(key)) {
      keep[key] = value;
      continue;
    }
    const field = spec.fields.find((f) => f.name === key) as FieldSpec;
    if (field.type === 'amount') values[key] = typeof value === 'number' ? String(value) : String(value ?? '');
    else if (field.type === 'parties' && Array.isArray(value))
      values[key] = value.map((p: Record<string, unknown>) => ({
        name: String(p.name ?? ''),
        phone: String(p.phone ?? ''),
        idNumber: String(p.idNumber ?? ''),
      }));
    else values[key] = value;
  }
  if (spec.fields.some((f) => f.type === 'photos')) values.photos = photos;
  return { id: String(record.id), values, ...(Object.keys(keep).length ? { keep } : {}) };
}

export interface PlacedProblems {
  /** The first problem of each field, shown beside it. */
  fields: Record<string, string>;
  /** Problems no field on the form can fix (record id, unit, the record as a whole). */
  general: string[];
}

export const NO_PROBLEMS: PlacedProblems = { fields: {}, general: [] };

/** 'parties.1.phone' → beside 当事人, as '第2位：…'. */
export function placeProblems(spec: FormSpec, problems: readonly FieldProblem[], values: Values): PlacedProblems {
  const placed: PlacedProblems = { fields: {}, general: [] };
  for (const { field, message } of problems) {
    const [name, index] = field.split('.');
    const spot = spec.fields.find((f) => f.name === name);
    if (spot && isShown(spot, values)) {
      const text = spot.type === 'parties' && index !== undefined && /^\d+$/.test(index) ? `第${Number(index) + 1}位：${message}` : message;
      placed.fields[name] ??= text;
    } else if (!placed.general.includes(message)) {
      placed.general.push(message);
    }
  }
  return placed;
}

/** The answers worth remembering for the next form of this kind. */
export function rememberedValues(spec: FormSpec, values: Values): Values {
  const out: Values = {};
  for (const name of spec.remember) if (typeof values[name] === 'string' && values[name] !== '') out[name] = values[name];
  return out;
}

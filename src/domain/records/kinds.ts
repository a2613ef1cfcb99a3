/**
 * The record kinds the records function serves, each with its schema, collection and the facts the
 * server's generic engine needs (which date places it in a period, whether it carries parties' data,
 * how its id is made). One table, so a new kind is one entry here and one in the server's policy.
 */
import type { Collection } from './common';
import type { Validation } from './outreach';
import { outreachSchema, validateOutreach } from './outreach';
import { consultationFields, validateConsultation } from './consultation';
import { disputeFields, validateDispute } from './dispute';
import { petitionFields, validatePetition, withDefaultDueDate } from './petition';
import { receptionFields, validateReception } from './reception';
import { studyFields, validateStudy } from './study';
import { rosterFields, validateRoster } from './roster';
import { manualFigureFields, manualFigureId, validateManualFigure } from './manualFigure';

export const RECORD_KINDS = [
  'outreach',
  'consultation',
  'dispute',
  'petition',
  'reception',
  'study',
  'person',
  'manualFigure',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface KindDef {
  kind: RecordKind;
  label: string;
  collection: Collection;
  /** The date that places a record in a period (list filters, period close); null: not dated. */
  dateField: string | null;
  /** The state field of a case kind, for status filters and workflows. */
  stateField?: string;
  /** Records of this kind carry parties' personal data, masked for non-handlers. */
  personal: boolean;
  /** Fills defaults the form would fill, before validation (e.g. a petition's due date). */
  prepare?: (input: Record<string, unknown>) => Record<string, unknown>;
  validate: (input: unknown) => Validation<Record<string, unknown>>;
  /** The record id: the client's `id`, or one derived from the fields for kinds without one. */
  idOf: (value: Record<string, unknown>) => string;
  /** The kind's own fields: what an answer may carry besides the record's meta. */
  fields: readonly string[];
}

const clientIdOf = (value: Record<string, unknown>) => String(value.id);
const keysOf = (shape: object) => Object.keys(shape).filter((key) => key !== 'id');
const loose = <T>(validate: (input: unknown) => Validation<T>) => validate as (input: unknown) => Validation<Record<string, unknown>>;

export const KINDS: Record<RecordKind, KindDef> = {
  outreach: { kind: 'outreach', label: '普法活动', collection: 'outreach', dateField: 'date', personal: false, validate: loose(validateOutreach), idOf: clientIdOf, fields: keysOf(outreachSchema.shape) },
  consultation: { kind: 'consultation', label: '法律咨询', collection: 'consultations', dateField: 'date', personal: false, validate: loose(validateConsultation), idOf: clientIdOf, fields: keysOf(consultationFields.shape) },
  dispute: { kind: 'dispute', label: '矛盾纠纷', collection: 'disputes', dateField: 'acceptDate', stateField: 'state', personal: true, validate: loose(validateDispute), idOf: clientIdOf, fields: keysOf(disputeFields.shape) },
  petition: {
    kind: 'petition',
    label: '信访事项',
    collection: 'petitions',
    dateField: 'registerDate',
    stateField: 'state',
    personal: true,
    prepare: withDefaultDueDate,
    validate: loose(validatePetition),
    idOf: clientIdOf,
    fields: keysOf(petitionFields.shape),
  },
  reception: { kind: 'reception', label: '领导接访', collection: 'receptions', dateField: 'date', personal: false, validate: loose(validateReception), idOf: clientIdOf, fields: keysOf(receptionFields.shape) },
  study: { kind: 'study', label: '学法培训', collection: 'studies', dateField: 'date', personal: false, validate: loose(validateStudy), idOf: clientIdOf, fields: keysOf(studyFields.shape) },
  person: { kind: 'person', label: '人员名册', collection: 'people', dateField: null, personal: false, validate: loose(validateRoster), idOf: clientIdOf, fields: keysOf(rosterFields.shape) },
  manualFigure: {
    kind: 'manualFigure',
    label: '其他指标',
    collection: 'manual_figures',
    dateField: null,
    personal: false,
    validate: loose(validateManualFigure),
    idOf: (value) => manualFigureId(value as { orgCode: string; year: number; code: string }),
    fields: keysOf(manualFigureFields.shape),
  },
};

export const isRecordKind = (value: unknown): value is RecordKind => typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);

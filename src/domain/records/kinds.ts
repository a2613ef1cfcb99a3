/**
 * The record kinds, each described once: its schema and fields with their labels, the collection, when
 * a record counts (periods.ts), the states a case is open in, which fields carry parties' personal
 * data, and who may log which state. Forms, the records function, period close, ledger export and
 * import, drill-down, 我的待办, masking and the demo loader read this table instead of keeping copies,
 * so a new kind or a renamed date is one entry here (and one in the server's policy).
 */
import type { z } from 'zod';
import type { AppRole } from '../vocab';
import { DISPUTE_CLOSED_STATES, DISPUTE_STATES, PETITION_CLOSED_STATES, PETITION_STATES } from '../vocab';
import type { Collection } from './common';
import type { Validation } from './outreach';
import { OUTREACH_LABELS, outreachSchema, validateOutreach } from './outreach';
import { CONSULTATION_LABELS, consultationFields, validateConsultation } from './consultation';
import { DISPUTE_LABELS, disputeFields, validateDispute } from './dispute';
import { PETITION_LABELS, petitionFields, validatePetition, withDefaultDueDate } from './petition';
import { RECEPTION_LABELS, receptionFields, validateReception } from './reception';
import { STUDY_LABELS, studyFields, validateStudy } from './study';
import { ROSTER_LABELS, rosterFields, validateRoster } from './roster';
import { MANUAL_FIGURE_LABELS, manualFigureFields, manualFigureId, validateManualFigure } from './manualFigure';
import { isOpenDispute, isOpenPetition } from './workflow';
import { PERIODS, periodDates, type RecordPeriod } from './periods';
import { TABLE_BY_COLLECTION, type TableDef } from '../ledger/tables';

export const RECORD_KINDS = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study', 'person', 'manualFigure'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A role that may log a case in some states only, and what the server answers otherwise. */
export interface StateLimit {
  role: AppRole;
  states: readonly string[];
  refusal: string;
}

export interface KindDef {
  kind: RecordKind;
  label: string;
  collection: Collection;
  /** When a record counts: the date that places it in a period, and a case's outcome date; null: not dated. */
  period: RecordPeriod | null;
  /** The state field of a case kind, for status filters and workflows. */
  stateField?: string;
  /** The states in which a case is still being worked on (我的待办, quality checks, reminders); none for other kinds. */
  openStates: readonly string[];
  /** The states in which a case carries its 办结日期 (and no other state may); none for other kinds. */
  closeDateStates: readonly string[];
  /** Roles that may log this kind in some states only (法律明白人 log dispute clues in 受理). */
  stateLimits?: readonly StateLimit[];
  /**
   * Fields that carry parties' personal data (names, phones, ID numbers, or free text about them):
   * only the case's handlers see them in full; everyone else, an export included, sees them masked.
   */
  personalFields: readonly string[];
  /**
   * Fields only the case's handlers get at all: who handles it, and its photos and location (a photo of
   * a case shows its parties, a location where they live).
   */
  handlerOnly: readonly string[];
  /**
   * Other fields that carry personal data, shown in full to whoever may see the record: staff names
   * and phones (the roster, who answered, who mediated), an activity's photos and where it was held.
   * With personalFields and handlerOnly, they are what the privacy guide in DEPLOY.md lists
   * (scripts/privacy-fields.ts).
   */
  openPersonalFields: readonly string[];
  /**
   * Fields a record carries besides its form's, set on another screen (a roster entry's phone consent
   * and 法律顾问's service hours, on the township admin's 联系方式 page): an edit in the form keeps
   * them, and the history records their changes like any other field's.
   */
  keptFields: readonly string[];
  /** Records of this kind carry parties' personal data (some personal field): masked for non-handlers. */
  personal: boolean;
  /** Fills defaults the form would fill, before validation (e.g. a petition's due date). */
  prepare?: (input: Record<string, unknown>) => Record<string, unknown>;
  validate: (input: unknown) => Validation<Record<string, unknown>>;
  /** The record id: the client's `id`, or one derived from the fields for kinds without one. */
  idOf: (value: Record<string, unknown>) => string;
  /** The form's schema without its cross-field rules: the fields' shapes, down into lists such as 当事人. */
  schema: z.AnyZodObject;
  /** The kind's own fields: what an answer may carry besides the record's meta. */
  fields: readonly string[];
  /** Each field's label, as the form, its problems and the record page name it. */
  labels: Readonly<Record<string, string>>;
  /** The kind's ledger table (LEDGER.md, a public contract: its column names are the format's own). */
  ledger: TableDef;
}

const clientIdOf = (value: Record<string, unknown>) => String(value.id);
const keysOf = (shape: object) => Object.keys(shape).filter((key) => key !== 'id');
const loose = <T>(validate: (input: unknown) => Validation<T>) => validate as (input: unknown) => Validation<Record<string, unknown>>;

type Optional = 'personalFields' | 'handlerOnly' | 'openPersonalFields' | 'keptFields' | 'idOf' | 'openStates' | 'closeDateStates';
type Described = Omit<KindDef, 'period' | 'personal' | 'fields' | 'ledger' | Optional> & Partial<Pick<KindDef, Optional>>;

/**
 * One entry: its period (periods.ts) and ledger table (tables.ts), its fields from its schema (the
 * client's `id` aside), `personal` from its personal fields.
 */
function describe(def: Described): KindDef {
  const personalFields = def.personalFields ?? [];
  const ledger = TABLE_BY_COLLECTION.get(def.collection);
  if (!ledger) throw new Error(`${def.label}没有台账表格`);
  return {
    idOf: clientIdOf,
    openStates: [],
    closeDateStates: [],
    handlerOnly: [],
    openPersonalFields: [],
    keptFields: [],
    ...def,
    fields: keysOf(def.schema.shape),
    period: PERIODS[def.collection],
    ledger,
    personalFields,
    personal: personalFields.length > 0,
  };
}

/** A case's parties, and what is written about them: the case record's own texts (case-fields.ts). */
const CASE_PERSONAL = ['parties', 'description', 'followUps', 'closingNote'] as const;
const CASE_HANDLER_ONLY = ['handlerIds', 'photos', 'location'] as const;

export const KINDS: Record<RecordKind, KindDef> = {
  outreach: describe({
    kind: 'outreach',
    label: '普法活动',
    collection: 'outreach',
    openPersonalFields: ['photos', 'location'],
    validate: loose(validateOutreach),
    schema: outreachSchema,
    labels: OUTREACH_LABELS,
  }),
  consultation: describe({
    kind: 'consultation',
    label: '法律咨询',
    collection: 'consultations',
    openPersonalFields: ['answeredBy'],
    validate: loose(validateConsultation),
    schema: consultationFields,
    labels: CONSULTATION_LABELS,
  }),
  dispute: describe({
    kind: 'dispute',
    label: '矛盾纠纷',
    collection: 'disputes',
    stateField: 'state',
    openStates: DISPUTE_STATES.filter(isOpenDispute),
    closeDateStates: DISPUTE_CLOSED_STATES,
    // 法律明白人 log clues found while 排查; taking a case further is for mediators and cadres.
    stateLimits: [{ role: '法律明白人', states: ['受理'], refusal: '法律明白人登记的纠纷线索状态只能是“受理”，由调解员接手调解' }],
    personalFields: CASE_PERSONAL,
    handlerOnly: CASE_HANDLER_ONLY,
    openPersonalFields: ['mediatorName'],
    validate: loose(validateDispute),
    schema: disputeFields,
    labels: DISPUTE_LABELS,
  }),
  petition: describe({
    kind: 'petition',
    label: '信访事项',
    collection: 'petitions',
    stateField: 'state',
    openStates: PETITION_STATES.filter(isOpenPetition),
    closeDateStates: PETITION_CLOSED_STATES,
    // 事项类别 is typed freely and names the petitioner as often as not.
    personalFields: [...CASE_PERSONAL, 'category'],
    handlerOnly: CASE_HANDLER_ONLY,
    prepare: withDefaultDueDate,
    validate: loose(validatePetition),
    schema: petitionFields,
    labels: PETITION_LABELS,
  }),
  reception: describe({
    kind: 'reception',
    label: '领导接访',
    collection: 'receptions',
    openPersonalFields: ['leader'],
    validate: loose(validateReception),
    schema: receptionFields,
    labels: RECEPTION_LABELS,
  }),
  study: describe({
    kind: 'study',
    label: '学法培训',
    collection: 'studies',
    validate: loose(validateStudy),
    schema: studyFields,
    labels: STUDY_LABELS,
  }),
  person: describe({
    kind: 'person',
    label: '人员名册',
    collection: 'people',
    openPersonalFields: ['name', 'phone'],
    keptFields: ['publishPhone', 'serviceHours'],
    validate: loose(validateRoster),
    schema: rosterFields,
    labels: ROSTER_LABELS,
  }),
  manualFigure: describe({
    kind: 'manualFigure',
    label: '其他指标',
    collection: 'manual_figures',
    validate: loose(validateManualFigure),
    idOf: (value) => manualFigureId(value as { orgCode: string; year: number; code: string }),
    schema: manualFigureFields,
    labels: MANUAL_FIGURE_LABELS,
  }),
};

export const isRecordKind = (value: unknown): value is RecordKind => typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);

/** The kind stored in a collection (none for 组织机构, which is not a record kind). */
export const kindOfCollection = (collection: Collection): KindDef | undefined => Object.values(KINDS).find((def) => def.collection === collection);

/** Every date that places a record of the collection in a period (a case: accepted and closed). */
export const periodDatesOf = (collection: Collection): string[] => periodDates(PERIODS[collection]);

/** The limit on the states a role may log a kind in; null when the role may log any state. */
export const stateLimitOf = (kind: RecordKind, role: AppRole): StateLimit | null => KINDS[kind].stateLimits?.find((limit) => limit.role === role) ?? null;

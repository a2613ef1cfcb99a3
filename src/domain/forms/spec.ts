/**
 * What each record form asks for, declared once per kind: the field, its control (choice chips or a
 * picker, a date, a stepper, text, parties, photos, location), its default and when it shows. The
 * generic form (src/field/form) renders these; draft.ts turns answers into the record the kind's
 * schema validates. Pure: vocabularies and dates only.
 */
import type { AppRole } from '../vocab';
import {
  CONSULTATION_CATEGORIES,
  DISPUTE_SOURCES,
  DISPUTE_STATES,
  DISPUTE_TYPES,
  OUTREACH_STATES,
  PLANNED,
  HELD,
  OUTREACH_TYPES,
  OUTREACH_VENUES,
  PETITION_CHANNELS,
  PETITION_STATES,
  STUDY_TYPES,
  type OutreachType,
} from '../vocab';
import { AGREEMENT_FORMS } from '../records/case-fields';
import { addDays } from '../dates';
import { PETITION_DUE_DAYS } from '../records/petition';
import type { FormKind } from './roles';
import { KINDS, stateLimitOf } from '../records/kinds';

export type Values = Record<string, unknown>;

interface Base {
  name: string;
  label: string;
  /** Shown only when this holds for the current answers; hidden fields stay out of the record. */
  when?: (values: Values) => boolean;
}

export type FieldSpec = Base &
  (
    | { type: 'choice'; options: readonly string[]; optional?: boolean }
    /** Quick choices: today / yesterday, or (a due date) so many days after the date in `from`. */
    | { type: 'date'; after?: { from: string; days: readonly number[] } }
    | { type: 'count'; max: number }
    | { type: 'text'; max: number; optional?: boolean; placeholder?: string; multiline?: boolean }
    | { type: 'amount'; optional?: boolean }
    | { type: 'parties' }
    | { type: 'photos' }
    | { type: 'location' }
  );

export interface FormContext {
  role: AppRole;
  /** The person's own name (答复人, 调解员 defaults). */
  name: string;
  /** Today's Beijing date. */
  today: string;
  /** Choices last saved on this phone for this kind, by field name. */
  lastUsed?: Values;
}

export interface FormSpec {
  kind: FormKind;
  title: string;
  fields: FieldSpec[];
  /** Answers of a fresh form. */
  defaults: (ctx: FormContext) => Values;
  /** Choice fields whose last saved value becomes the next form's default. */
  remember: string[];
  /** Keeps dependent answers in step when one changes (e.g. venue follows type). */
  derive?: (before: Values, after: Values, changed: string, ctx: FormContext) => Values;
}

/** Market-day outreach happens at the market; most other outreach in the village. */
export function defaultVenueFor(type: string): string {
  return type === '赶集日集中宣传' ? '集市' : '乡村';
}

/** The fields' labels from the kinds' description; a form says more only where a person needs a hint. */
const L = {
  outreach: KINDS.outreach.labels,
  consultation: KINDS.consultation.labels,
  dispute: KINDS.dispute.labels,
  petition: KINDS.petition.labels,
  reception: KINDS.reception.labels,
  study: KINDS.study.labels,
};

/** A case's 办结日期 shows in the states that carry one (KINDS). */
const carriesCloseDate = (kind: 'dispute' | 'petition') => (v: Values) => KINDS[kind].closeDateStates.includes(String(v.state));
const lastChoice = (ctx: FormContext, name: string, options: readonly string[], fallback: string): string => {
  const last = ctx.lastUsed?.[name];
  return typeof last === 'string' && options.includes(last) ? last : fallback;
};

const outreach: FormSpec = {
  kind: 'outreach',
  title: KINDS.outreach.label,
  fields: [
    { name: 'type', label: L.outreach.type, type: 'choice', options: OUTREACH_TYPES },
    { name: 'venue', label: L.outreach.venue, type: 'choice', options: OUTREACH_VENUES },
    { name: 'date', label: L.outreach.date, type: 'date' },
    { name: 'status', label: `${L.outreach.status}（以后的活动选“计划”，举办后改为“已举办”）`, type: 'choice', options: OUTREACH_STATES },
    { name: 'topic', label: `${L.outreach.topic}（可不填）`, type: 'text', max: 100, optional: true, placeholder: '如：民法典进乡村' },
    { name: 'attendees', label: L.outreach.attendees, type: 'count', max: 100000 },
    { name: 'materials', label: L.outreach.materials, type: 'count', max: 100000 },
    { name: 'banners', label: L.outreach.banners, type: 'count', max: 1000 },
    { name: 'consultations', label: L.outreach.consultations, type: 'count', max: 100000 },
    { name: 'photos', label: '现场照片', type: 'photos' },
    { name: 'location', label: '活动位置', type: 'location' },
  ],
  remember: ['type'],
  defaults: (ctx) => {
    const type = lastChoice(ctx, 'type', OUTREACH_TYPES, '赶集日集中宣传' satisfies OutreachType);
    return {
      type,
      venue: defaultVenueFor(type),
      date: ctx.today,
      status: HELD,
      topic: '',
      attendees: 0,
      materials: 0,
      banners: 0,
      consultations: 0,
      photos: [],
    };
  },
  // Changing the type moves the venue along, unless the person already chose another venue; a date
  // after today makes the event 计划 (the server refuses a held event in the future), today or before 已举办.
  derive: (before, after, changed, ctx) => {
    if (changed === 'date') return { ...after, status: String(after.date) > ctx.today ? PLANNED : HELD };
    return changed === 'type' && before.venue === defaultVenueFor(String(before.type)) ? { ...after, venue: defaultVenueFor(String(after.type)) } : after;
  },
};

const consultation: FormSpec = {
  kind: 'consultation',
  title: KINDS.consultation.label,
  fields: [
    { name: 'category', label: L.consultation.category, type: 'choice', options: CONSULTATION_CATEGORIES },
    { name: 'date', label: L.consultation.date, type: 'date' },
    { name: 'people', label: L.consultation.people, type: 'count', max: 100000 },
    { name: 'answeredBy', label: L.consultation.answeredBy, type: 'text', max: 50, optional: true },
  ],
  remember: ['category'],
  defaults: (ctx) => ({
    category: lastChoice(ctx, 'category', CONSULTATION_CATEGORIES, '婚姻家庭'),
    date: ctx.today,
    people: 1,
    answeredBy: ctx.name,
  }),
};

/** The states a role may log a dispute in (KINDS: 法律明白人 log clues in 受理; mediators and cadres take them further). */
const disputeStatesFor = (role: AppRole): readonly string[] => stateLimitOf('dispute', role)?.states ?? DISPUTE_STATES;

function dispute(ctx: Pick<FormContext, 'role'>): FormSpec {
  return {
    kind: 'dispute',
    title: KINDS.dispute.label,
    fields: [
      { name: 'disputeType', label: L.dispute.disputeType, type: 'choice', options: DISPUTE_TYPES },
      { name: 'source', label: L.dispute.source, type: 'choice', options: DISPUTE_SOURCES },
      { name: 'acceptDate', label: L.dispute.acceptDate, type: 'date' },
      { name: 'state', label: L.dispute.state, type: 'choice', options: disputeStatesFor(ctx.role) },
      { name: 'closeDate', label: L.dispute.closeDate, type: 'date', when: carriesCloseDate('dispute') },
      { name: 'agreementForm', label: L.dispute.agreementForm, type: 'choice', options: AGREEMENT_FORMS, optional: true, when: (v) => v.state === '调解成功' },
      { name: 'amount', label: `${L.dispute.amount}（元，可不填）`, type: 'amount', optional: true, when: (v) => v.state === '调解成功' },
      { name: 'parties', label: L.dispute.parties, type: 'parties' },
      { name: 'description', label: L.dispute.description, type: 'text', max: 2000, optional: true, multiline: true, placeholder: '简要写明纠纷经过和诉求' },
      { name: 'mediatorName', label: L.dispute.mediatorName, type: 'text', max: 50, optional: true },
      { name: 'photos', label: L.dispute.photos, type: 'photos' },
      { name: 'location', label: L.dispute.location, type: 'location' },
    ],
    remember: ['disputeType'],
    defaults: (c) => ({
      disputeType: lastChoice(c, 'disputeType', DISPUTE_TYPES, '邻里'),
      source: c.role === '法律明白人' ? '排查发现' : '当事人申请',
      acceptDate: c.today,
      state: '受理',
      closeDate: c.today,
      agreementForm: '书面',
      amount: '',
      parties: [{ name: '', phone: '', idNumber: '' }],
      description: '',
      mediatorName: c.role === '人民调解员' ? c.name : '',
      photos: [],
    }),
  };
}

function petition(): FormSpec {
  return {
    kind: 'petition',
    title: KINDS.petition.label,
    fields: [
      { name: 'channel', label: L.petition.channel, type: 'choice', options: PETITION_CHANNELS },
      { name: 'registerDate', label: L.petition.registerDate, type: 'date' },
      { name: 'category', label: `${L.petition.category}（可不填）`, type: 'text', max: 50, optional: true, placeholder: '如：土地征收' },
      { name: 'dueDate', label: `${L.petition.dueDate}（自登记日起）`, type: 'date', after: { from: 'registerDate', days: [15, 30, PETITION_DUE_DAYS] } },
      { name: 'state', label: L.petition.state, type: 'choice', options: PETITION_STATES },
      { name: 'closeDate', label: L.petition.closeDate, type: 'date', when: carriesCloseDate('petition') },
      { name: 'parties', label: L.petition.parties, type: 'parties' },
      { name: 'description', label: L.petition.description, type: 'text', max: 2000, optional: true, multiline: true },
      { name: 'photos', label: L.petition.photos, type: 'photos' },
      { name: 'location', label: L.petition.location, type: 'location' },
    ],
    remember: ['channel'],
    defaults: (c) => ({
      channel: lastChoice(c, 'channel', PETITION_CHANNELS, '来访'),
      registerDate: c.today,
      category: '',
      dueDate: addDays(c.today, PETITION_DUE_DAYS),
      state: '登记',
      closeDate: c.today,
      parties: [{ name: '', phone: '', idNumber: '' }],
      description: '',
      photos: [],
    }),
    // The due date follows the registration date (+60 days) until the person sets it themselves.
    derive: (before, after, changed) => {
      if (changed !== 'registerDate' || typeof before.registerDate !== 'string' || typeof after.registerDate !== 'string') return after;
      return before.dueDate === addDays(before.registerDate, PETITION_DUE_DAYS) ? { ...after, dueDate: addDays(after.registerDate, PETITION_DUE_DAYS) } : after;
    },
  };
}

const reception: FormSpec = {
  kind: 'reception',
  title: KINDS.reception.label,
  fields: [
    { name: 'date', label: L.reception.date, type: 'date' },
    { name: 'leader', label: L.reception.leader, type: 'text', max: 20, placeholder: '姓名' },
    { name: 'people', label: L.reception.people, type: 'count', max: 10000 },
  ],
  remember: ['leader'],
  defaults: (c) => ({ date: c.today, leader: typeof c.lastUsed?.leader === 'string' ? c.lastUsed.leader : '', people: 1 }),
};

const study: FormSpec = {
  kind: 'study',
  title: KINDS.study.label,
  fields: [
    { name: 'type', label: L.study.type, type: 'choice', options: STUDY_TYPES },
    { name: 'date', label: L.study.date, type: 'date' },
    { name: 'topic', label: `${L.study.topic}（可不填）`, type: 'text', max: 100, optional: true, placeholder: '如：学习宪法' },
    { name: 'expected', label: L.study.expected, type: 'count', max: 10000 },
    { name: 'attended', label: L.study.attended, type: 'count', max: 10000 },
    { name: 'passed', label: L.study.passed, type: 'count', max: 10000 },
  ],
  remember: ['type'],
  defaults: (c) => ({ type: lastChoice(c, 'type', STUDY_TYPES, '中心组学法'), date: c.today, topic: '', expected: 0, attended: 0, passed: 0 }),
};

/** The form of a kind as a person with this role sees it. */
export function formSpec(kind: FormKind, ctx: Pick<FormContext, 'role'>): FormSpec {
  switch (kind) {
    case 'outreach':
      return outreach;
    case 'consultation':
      return consultation;
    case 'dispute':
      return dispute(ctx);
    case 'petition':
      return petition();
    case 'reception':
      return reception;
    case 'study':
      return study;
  }
}

/** The element id of a field's control: what tests and problem messages attach to. */
export const fieldId = (name: string): string => `field-${name}`;

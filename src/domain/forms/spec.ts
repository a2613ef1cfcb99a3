/**
 * What each record form asks for, declared once per kind: the field, its control (choice chips or a
 * picker, a date, a stepper, text, parties, photos, location), its default and when it shows. The
 * generic form (src/field/form) renders these; draft.ts turns answers into the record the kind's
 * schema validates. Pure: vocabularies and dates only.
 */
import type { AppRole } from '../vocab';
import {
  CONSULTATION_CATEGORIES,
  DISPUTE_CLOSED_STATES,
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
  type DisputeState,
  type OutreachType,
} from '../vocab';
import { AGREEMENT_FORMS } from '../records/case-fields';
import { addDays } from '../dates';
import { PETITION_DUE_DAYS } from '../records/petition';
import type { FormKind } from './roles';

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

const isClosedDispute = (v: Values) => DISPUTE_CLOSED_STATES.includes(v.state as DisputeState);
const lastChoice = (ctx: FormContext, name: string, options: readonly string[], fallback: string): string => {
  const last = ctx.lastUsed?.[name];
  return typeof last === 'string' && options.includes(last) ? last : fallback;
};

const outreach: FormSpec = {
  kind: 'outreach',
  title: '普法活动',
  fields: [
    { name: 'type', label: '活动类型', type: 'choice', options: OUTREACH_TYPES },
    { name: 'venue', label: '活动场所', type: 'choice', options: OUTREACH_VENUES },
    { name: 'date', label: '活动日期', type: 'date' },
    { name: 'status', label: '活动状态（以后的活动选“计划”，举办后改为“已举办”）', type: 'choice', options: OUTREACH_STATES },
    { name: 'topic', label: '宣传主题（可不填）', type: 'text', max: 100, optional: true, placeholder: '如：民法典进乡村' },
    { name: 'attendees', label: '受众人数', type: 'count', max: 100000 },
    { name: 'materials', label: '发放资料份数', type: 'count', max: 100000 },
    { name: 'banners', label: '横幅幅数', type: 'count', max: 1000 },
    { name: 'consultations', label: '咨询人次', type: 'count', max: 100000 },
    { name: 'photos', label: '现场照片', type: 'photos' },
    { name: 'location', label: '活动位置', type: 'location' },
  ],
  remember: ['type'],
  defaults: (ctx) => {
    const type = lastChoice(ctx, 'type', OUTREACH_TYPES, '赶集日集中宣传' satisfies OutreachType);
    return { type, venue: defaultVenueFor(type), date: ctx.today, status: HELD, topic: '', attendees: 0, materials: 0, banners: 0, consultations: 0, photos: [] };
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
  title: '法律咨询',
  fields: [
    { name: 'category', label: '咨询类别', type: 'choice', options: CONSULTATION_CATEGORIES },
    { name: 'date', label: '咨询日期', type: 'date' },
    { name: 'people', label: '咨询人次', type: 'count', max: 100000 },
    { name: 'answeredBy', label: '答复人', type: 'text', max: 50, optional: true },
  ],
  remember: ['category'],
  defaults: (ctx) => ({
    category: lastChoice(ctx, 'category', CONSULTATION_CATEGORIES, '婚姻家庭'),
    date: ctx.today,
    people: 1,
    answeredBy: ctx.name,
  }),
};

/** 法律明白人 log dispute clues (排查) in 受理; mediators and cadres take them further. */
const disputeStatesFor = (role: AppRole): readonly string[] => (role === '法律明白人' ? ['受理'] : DISPUTE_STATES);

function dispute(ctx: Pick<FormContext, 'role'>): FormSpec {
  return {
    kind: 'dispute',
    title: '矛盾纠纷',
    fields: [
      { name: 'disputeType', label: '纠纷类型', type: 'choice', options: DISPUTE_TYPES },
      { name: 'source', label: '纠纷来源', type: 'choice', options: DISPUTE_SOURCES },
      { name: 'acceptDate', label: '受理日期', type: 'date' },
      { name: 'state', label: '调解状态', type: 'choice', options: disputeStatesFor(ctx.role) },
      { name: 'closeDate', label: '办结日期', type: 'date', when: isClosedDispute },
      { name: 'agreementForm', label: '协议形式', type: 'choice', options: AGREEMENT_FORMS, optional: true, when: (v) => v.state === '调解成功' },
      { name: 'amount', label: '协议金额（元，可不填）', type: 'amount', optional: true, when: (v) => v.state === '调解成功' },
      { name: 'parties', label: '当事人', type: 'parties' },
      { name: 'description', label: '纠纷情况', type: 'text', max: 2000, optional: true, multiline: true, placeholder: '简要写明纠纷经过和诉求' },
      { name: 'mediatorName', label: '调解员', type: 'text', max: 50, optional: true },
      { name: 'photos', label: '照片', type: 'photos' },
      { name: 'location', label: '位置', type: 'location' },
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
    title: '信访事项',
    fields: [
      { name: 'channel', label: '信访渠道', type: 'choice', options: PETITION_CHANNELS },
      { name: 'registerDate', label: '登记日期', type: 'date' },
      { name: 'category', label: '事项类别（可不填）', type: 'text', max: 50, optional: true, placeholder: '如：土地征收' },
      { name: 'dueDate', label: '办理期限（自登记日起）', type: 'date', after: { from: 'registerDate', days: [15, 30, PETITION_DUE_DAYS] } },
      { name: 'state', label: '办理状态', type: 'choice', options: PETITION_STATES },
      { name: 'closeDate', label: '办结日期', type: 'date', when: (v) => v.state === '办结' },
      { name: 'parties', label: '信访人', type: 'parties' },
      { name: 'description', label: '信访诉求', type: 'text', max: 2000, optional: true, multiline: true },
      { name: 'photos', label: '照片', type: 'photos' },
      { name: 'location', label: '位置', type: 'location' },
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
  title: '领导接访',
  fields: [
    { name: 'date', label: '接访日期', type: 'date' },
    { name: 'leader', label: '接访领导', type: 'text', max: 20, placeholder: '姓名' },
    { name: 'people', label: '接待群众人次', type: 'count', max: 10000 },
  ],
  remember: ['leader'],
  defaults: (c) => ({ date: c.today, leader: typeof c.lastUsed?.leader === 'string' ? c.lastUsed.leader : '', people: 1 }),
};

const study: FormSpec = {
  kind: 'study',
  title: '学法培训',
  fields: [
    { name: 'type', label: '学法类型', type: 'choice', options: STUDY_TYPES },
    { name: 'date', label: '学法日期', type: 'date' },
    { name: 'topic', label: '学习主题（可不填）', type: 'text', max: 100, optional: true, placeholder: '如：学习宪法' },
    { name: 'expected', label: '应参加人数', type: 'count', max: 10000 },
    { name: 'attended', label: '实际参加人数', type: 'count', max: 10000 },
    { name: 'passed', label: '合格人数', type: 'count', max: 10000 },
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

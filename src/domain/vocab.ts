/**
 * Vocabularies of the ledger format (shared/LEDGER.md). These words are a public contract:
 * the app's pickers, the functions' validation, ledger import and export all read them from here.
 * Pure: imports nothing.
 */

export const ORG_LEVELS = ['县', '乡镇', '村'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ROSTER_ROLES = ['法律明白人', '人民调解员', '法律顾问', '网格员', '村干部', '乡镇干部'] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];

export const OUTREACH_TYPES = ['赶集日集中宣传', '院坝会', '法治讲座', '主题日宣传', '入户宣传', '线上宣传', '其他'] as const;
export type OutreachType = (typeof OUTREACH_TYPES)[number];

export const OUTREACH_VENUES = ['机关', '乡村', '学校', '企业', '寺庙', '单位', '社区', '集市', '其他'] as const;
export type OutreachVenue = (typeof OUTREACH_VENUES)[number];

/**
 * 普法活动 状态: an event dated after today is 计划 (shown to residents as coming) and counts in no figure
 * until someone confirms it 已举办, on or after its day, with its numbers. No 状态 means 已举办.
 */
export const OUTREACH_STATES = ['已举办', '计划'] as const;
export type OutreachState = (typeof OUTREACH_STATES)[number];
export const PLANNED: OutreachState = '计划';
export const HELD: OutreachState = '已举办';

/** The six venue classes of 法律六进 (outreach.six_into_venues). */
export const SIX_INTO_VENUES: readonly OutreachVenue[] = ['机关', '乡村', '学校', '企业', '寺庙', '单位'];

export const CONSULTATION_CATEGORIES = ['婚姻家庭', '土地承包', '劳动就业', '债权债务', '邻里关系', '社会保障', '其他'] as const;
export type ConsultationCategory = (typeof CONSULTATION_CATEGORIES)[number];

export const DISPUTE_TYPES = [
  '婚姻家庭',
  '邻里',
  '房屋宅基地',
  '合同',
  '生产经营',
  '损害赔偿',
  '山林土地',
  '劳动争议',
  '村务管理',
  '征地拆迁',
  '环境污染',
  '医疗',
  '物业',
  '道路交通',
  '其他',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_SOURCES = ['排查发现', '当事人申请', '主动调解', '移交委托'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

export const DISPUTE_STATES = ['受理', '调解中', '调解成功', '调解不成功', '终止', '移交'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export const DISPUTE_CLOSED_STATES: readonly DisputeState[] = ['调解成功', '调解不成功', '终止', '移交'];

export const PETITION_CHANNELS = ['来访', '来信', '网上', '电话', '领导接访'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

export const PETITION_STATES = ['登记', '办理中', '办结', '不予受理'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
/** The petition states that carry a 办结日期 (LEDGER.md): 办结 only; 不予受理 ends a matter without one. */
export const PETITION_CLOSED_STATES: readonly PetitionState[] = ['办结'];

export const STUDY_TYPES = ['中心组学法', '专题讲座', '法律知识培训', '法治考试'] as const;
export type StudyType = (typeof STUDY_TYPES)[number];

/** App roles (who may do what); distinct from roster 身份 although they overlap in name. */
export const APP_ROLES = ['法律明白人', '人民调解员', '村干部', '乡镇管理员', '县级查看'] as const;
export type AppRole = (typeof APP_ROLES)[number];

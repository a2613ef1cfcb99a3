/**
 * The catalogue: every figure of shared/INDICATORS.md, one definition each. The ids are a public
 * contract (figures API, CLI --json, dashboard, Excel export, report text); labels are what the report
 * prints. Order follows INDICATORS.md so lists come out in the report's order.
 */
import { DISPUTE_CLOSED_STATES, DISPUTE_TYPES, PLANNED, SIX_INTO_VENUES } from '../vocab';
import type { BaseMeasure, Condition, FigureDef, FigureGroup } from './types';
import { MANUAL_FIGURES } from './manual';
import { PERIODS } from '../records/periods';

type Src = BaseMeasure['source'];

/**
 * Which of its dates a figure counts a record by: the one that places it in a period, or a case's
 * outcome date. The field names come from the kinds' description (records/periods.ts), which period
 * close and the ledger export read too, so a figure and the year it is frozen in never disagree.
 */
type When = 'opened' | 'closed';
const OPENED: When = 'opened';
const CLOSED: When = 'closed';
function dateOf(source: Src, when: When | undefined): string | undefined {
  if (!when) return undefined;
  const period = PERIODS[source];
  const field = when === OPENED ? period?.date : period?.outcome?.date;
  if (!field) throw new Error(`${source} 没有${when === OPENED ? '' : '办结'}日期，不能按期间统计`);
  return field;
}

const is = (field: string, eq: string): Condition => ({ field, eq });
const count = (source: Src, when?: When, ...where: Condition[]): BaseMeasure => ({
  kind: 'count',
  source,
  dateField: dateOf(source, when),
  where,
});
const sum = (source: Src, field: string, when: When, ...where: Condition[]): BaseMeasure => ({
  kind: 'sum',
  source,
  field,
  dateField: dateOf(source, when),
  where,
});
/** Roster snapshot count: people active on the period's last day. */
const active = (...where: Condition[]): BaseMeasure => ({ kind: 'count', source: 'people', activeAtEnd: true, where });
/** Villages with an active person of this role ÷ villages in scope. */
const coverage = (role: string): FigureDef['measure'] => ({
  kind: 'ratio',
  numerator: {
    kind: 'distinct',
    source: 'people',
    field: 'orgCode',
    activeAtEnd: true,
    where: [is('role', role), is('orgLevel', '村')],
  },
  denominator: count('orgs', undefined, is('level', '村')),
});

/** A 普法活动 counts once held: a 计划 event counts in no figure (INDICATORS.md "Planned events"). */
const held: Condition = { field: 'status', ne: PLANNED };
const closedDispute: Condition = { field: 'state', in: DISPUTE_CLOSED_STATES };
const succeeded: Condition = is('state', '调解成功');
const exam = is('type', '法治考试');

function sourceOf(m: FigureDef['measure']): FigureDef['source'] {
  if (m.kind === 'ratio') return m.numerator.source;
  if (m.kind === 'total') return m.of[0].source;
  if (m.kind === 'manual') return 'manual_figures';
  return m.source;
}

function fig(group: FigureGroup, id: string, label: string, unit: string, measure: FigureDef['measure']): FigureDef {
  return { id, label, unit, group, source: sourceOf(measure), measure };
}

const O = '普法宣传',
  S = '干部学法',
  T = '队伍与阵地',
  M = '矛盾纠纷化解',
  P = '信访',
  X = '其他指标';

export const FIGURES: readonly FigureDef[] = [
  fig(O, 'outreach.events', '开展普法宣传活动', '次', count('outreach', OPENED, held)),
  fig(O, 'outreach.market_day', '赶集日集中宣传', '场次', count('outreach', OPENED, held, is('type', '赶集日集中宣传'))),
  fig(O, 'outreach.courtyard', '法治知识院坝宣传会', '次', count('outreach', OPENED, held, is('type', '院坝会'))),
  fig(O, 'outreach.lecture', '面向群众的法治讲座', '场', count('outreach', OPENED, held, is('type', '法治讲座'))),
  fig(O, 'outreach.theme_day', '主题日宣传活动', '次', count('outreach', OPENED, held, is('type', '主题日宣传'))),
  fig(O, 'outreach.home_visit', '送法进村入户', '次', count('outreach', OPENED, held, is('type', '入户宣传'))),
  fig(O, 'outreach.school', '法治进校园', '次', count('outreach', OPENED, held, is('venue', '学校'))),
  fig(O, 'outreach.six_into_venues', '法律六进覆盖场所类别', '类', {
    kind: 'distinct',
    source: 'outreach',
    field: 'venue',
    among: SIX_INTO_VENUES,
    dateField: dateOf('outreach', OPENED),
    where: [held],
  }),
  fig(O, 'outreach.attendees', '受教育群众', '人次', sum('outreach', 'attendees', OPENED, held)),
  fig(O, 'outreach.materials', '发放宣传资料', '份', sum('outreach', 'materials', OPENED, held)),
  fig(O, 'outreach.banners', '张贴制作法律宣传横幅', '幅', sum('outreach', 'banners', OPENED, held)),
  // Consultations given at outreach events plus those logged on their own (法律咨询).
  fig(O, 'outreach.consultations', '提供法律咨询服务', '人次', {
    kind: 'total',
    of: [sum('outreach', 'consultations', OPENED, held), sum('consultations', 'people', OPENED)],
  }),

  fig(S, 'study.center_group', '党委理论学习中心组学法', '次', count('studies', OPENED, is('type', '中心组学法'))),
  fig(S, 'study.lecture', '法治专题讲座', '期', count('studies', OPENED, is('type', '专题讲座'))),
  fig(S, 'study.training', '行政执法人员和法治工作人员法律知识培训', '次', count('studies', OPENED, is('type', '法律知识培训'))),
  fig(S, 'study.exam_participation_rate', '法治考试参考率', '%', {
    kind: 'ratio',
    numerator: sum('studies', 'attended', OPENED, exam),
    denominator: sum('studies', 'expected', OPENED, exam),
  }),
  fig(S, 'study.exam_pass_rate', '法治考试合格率', '%', {
    kind: 'ratio',
    numerator: sum('studies', 'passed', OPENED, exam),
    denominator: sum('studies', 'attended', OPENED, exam),
  }),
  fig(S, 'study.exam_participants', '参加法治考试', '人次', sum('studies', 'attended', OPENED, exam)),

  fig(T, 'org.villages', '行政村（社区）', '个', count('orgs', undefined, is('level', '村'))),
  fig(T, 'roster.legal_understanding', '法律明白人', '人', active(is('role', '法律明白人'))),
  fig(T, 'roster.village_mediators', '村级调解员', '人', active(is('role', '人民调解员'), is('orgLevel', '村'))),
  fig(T, 'roster.township_mediators', '乡级专职调解员', '人', active(is('role', '人民调解员'), is('orgLevel', '乡镇'))),
  fig(T, 'roster.adviser_coverage', '一村（社区）一法律顾问覆盖率', '%', coverage('法律顾问')),
  fig(T, 'roster.grid_coverage', '网格化管理覆盖率', '%', coverage('网格员')),

  fig(M, 'mediation.accepted', '受理各类矛盾纠纷', '件', count('disputes', OPENED)),
  fig(M, 'mediation.closed', '办结', '件', count('disputes', CLOSED, closedDispute)),
  fig(M, 'mediation.succeeded', '调解成功', '件', count('disputes', CLOSED, succeeded)),
  fig(M, 'mediation.success_rate', '调解成功率', '%', {
    kind: 'ratio',
    numerator: count('disputes', CLOSED, succeeded),
    denominator: count('disputes', CLOSED, closedDispute),
  }),
  fig(M, 'mediation.amount', '涉及金额', '元', sum('disputes', 'amount', CLOSED, succeeded)),
  // A case counts by type in the period it was accepted, like mediation.accepted.
  ...DISPUTE_TYPES.map((t) => fig(M, `mediation.by_type.${t}`, t, '件', count('disputes', OPENED, is('disputeType', t)))),

  fig(P, 'petition.receptions', '领导干部接访', '次', count('receptions', OPENED)),
  fig(P, 'petition.received_people', '接待来访群众', '人次', sum('receptions', 'people', OPENED)),
  fig(P, 'petition.registered', '信访事项录入', '条', count('petitions', OPENED)),
  fig(P, 'petition.visits', '上访诉求', '件', count('petitions', OPENED, is('channel', '来访'))),
  fig(P, 'petition.visits_closed', '上访诉求办结', '件', count('petitions', CLOSED, is('channel', '来访'), is('state', '办结'))),
  fig(P, 'petition.closed', '信访事项办结', '件', count('petitions', CLOSED, is('state', '办结'))),
  // Of the matters closed in the period, those closed on or before their due date.
  fig(P, 'petition.on_time_rate', '交办信访事项按期办结率', '%', {
    kind: 'ratio',
    numerator: count('petitions', CLOSED, is('state', '办结'), { field: 'closeDate', lteField: 'dueDate' }),
    denominator: count('petitions', CLOSED, is('state', '办结')),
  }),

  ...MANUAL_FIGURES.map((m) => fig(X, m.id, m.label, m.unit, { kind: 'manual', code: m.id })),
];

export const FIGURE_BY_ID: ReadonlyMap<string, FigureDef> = new Map(FIGURES.map((f) => [f.id, f]));

/** Ids the system computes from records (a manual figure may not reuse one). */
export const isComputedFigureId = (id: string): boolean => {
  const f = FIGURE_BY_ID.get(id);
  return f !== undefined && f.measure.kind !== 'manual';
};

/**
 * Words of the residents' legal services (公共法律服务): what a resident may ask for, the states a
 * request moves through, the categories of the township's articles. Pure: imports nothing.
 */

/** The public legal service hotline, the same everywhere in China. */
export const HOTLINE = '12348';

export const REQUEST_KINDS = ['咨询', '调解'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The prefix of a request's reference number: ZX-20261122-0007 (咨询), TJ-… (调解). */
export const REF_PREFIX: Record<RequestKind, string> = { 咨询: 'ZX', 调解: 'TJ' };

export const REQUEST_STATES = ['待处理', '已受理', '已转为案件', '已办结'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const ARTICLE_CATEGORIES = ['民法典', '婚姻家庭', '土地承包', '劳动就业', '邻里关系', '反诈防骗', '其他'] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

/** The two kinds of case record a request can become. */
export const CASE_KINDS = ['consultation', 'dispute'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
/** KINDS[kind].label, copied so that this file imports nothing (tests/unit/public/queue-model.test.ts holds them equal). */
export const CASE_KIND_LABELS: Record<CaseKind, string> = { consultation: '法律咨询', dispute: '矛盾纠纷' };

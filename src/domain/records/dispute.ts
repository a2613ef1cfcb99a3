/**
 * 矛盾纠纷 — a dispute taken up for mediation, from acceptance to its outcome. The cross-field rules
 * are LEDGER.md's: a closed case has a 办结日期, an open one has none, and it never precedes 受理日期.
 */
import { z } from 'zod';
import { DISPUTE_CLOSED_STATES, DISPUTE_SOURCES, DISPUTE_STATES, DISPUTE_TYPES, type DisputeState } from '../vocab';
import { calendarDate, clientId, oneOf, optionalText, orgCode, photoIds, geoPoint } from './fields';
import { amount, flag, optionalDate, validateWith, type Validation } from './common';
import { AGREEMENT_FORMS, CASE_LABELS, caseFields } from './case-fields';

/** The fields' labels: the schema's messages, the form, the record page (KINDS[kind].labels). */
export const DISPUTE_LABELS = {
  id: '记录编号',
  orgCode: '单位',
  acceptDate: '受理日期',
  disputeType: '纠纷类型',
  source: '纠纷来源',
  state: '调解状态',
  closeDate: '办结日期',
  amount: '协议金额',
  mediatorName: '调解员',
  agreementForm: '协议形式',
  parties: '当事人',
  description: '纠纷情况',
  ...CASE_LABELS,
} as const;

export const disputeFields = z
  .object({
    id: clientId,
    orgCode,
    acceptDate: calendarDate(DISPUTE_LABELS.acceptDate),
    disputeType: oneOf(DISPUTE_LABELS.disputeType, DISPUTE_TYPES),
    source: oneOf(DISPUTE_LABELS.source, DISPUTE_SOURCES),
    state: oneOf(DISPUTE_LABELS.state, DISPUTE_STATES),
    closeDate: optionalDate(DISPUTE_LABELS.closeDate),
    amount: amount(DISPUTE_LABELS.amount).optional(),
    mediatorName: optionalText(DISPUTE_LABELS.mediatorName, 50),
    agreementForm: oneOf(DISPUTE_LABELS.agreementForm, AGREEMENT_FORMS).optional(),
    ...caseFields,
    photos: photoIds,
    location: geoPoint,
  })
  .strict();

export type DisputeInput = z.infer<typeof disputeFields>;

export const isClosedDisputeState = (state: DisputeState): boolean => DISPUTE_CLOSED_STATES.includes(state);

export function disputeRules(v: DisputeInput, ctx: z.RefinementCtx): void {
  const closed = isClosedDisputeState(v.state);
  if (closed && !v.closeDate) flag(ctx, 'closeDate', `状态为“${v.state}”时须填写办结日期`);
  if (!closed && v.closeDate) flag(ctx, 'closeDate', `状态为“${v.state}”时办结日期须为空`);
  // ISO dates compare correctly as strings.
  if (v.closeDate && v.closeDate < v.acceptDate) flag(ctx, 'closeDate', '办结日期不能早于受理日期');
  if (v.agreementForm && v.state !== '调解成功') flag(ctx, 'agreementForm', '只有调解成功的纠纷才有调解协议');
  v.followUps?.forEach((visit, i) => {
    if (visit.date < v.acceptDate) flag(ctx, `followUps.${i}.date`, '回访日期不能早于受理日期');
  });
}

/**
 * A dispute logged in the app says what it is about: a description or at least one party. (A ledger
 * row carries neither — the format has no such columns — so this is the app's rule, not the ledger's.)
 */
export function disputeContentRule(v: DisputeInput, ctx: z.RefinementCtx): void {
  const hasParty = (v.parties ?? []).length > 0;
  const hasDescription = (v.description ?? '').trim() !== '';
  if (!hasParty && !hasDescription) flag(ctx, 'description', '请填写纠纷情况，或至少填写一名当事人');
}

export const disputeSchema = disputeFields.superRefine(disputeRules).superRefine(disputeContentRule);

export function validateDispute(input: unknown): Validation<DisputeInput> {
  return validateWith(disputeSchema, input);
}

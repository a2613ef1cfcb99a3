/**
 * The 我要咨询 / 我要调解 form without the view: the draft, the request it sends and where each problem
 * is shown. Validation is the domain's schema, the same the `public` function runs. Pure.
 */
import type { FieldProblem } from '../../domain/records/fields';
import { validateResidentRequest, type RequestValidation } from '../../domain/public/request';
import type { RequestKind } from '../../domain/public/vocab';

export type AskKindParam = 'consult' | 'mediate';

export function kindOf(param: string | undefined): RequestKind {
  return param === 'mediate' ? '调解' : '咨询';
}

export function kindParam(kind: RequestKind): AskKindParam {
  return kind === '调解' ? 'mediate' : 'consult';
}

export interface AskDraft {
  /** The request's key: made when the form opens, the same for every resend of this request. */
  key: string;
  kind: RequestKind;
  name: string;
  phone: string;
  description: string;
  consent: boolean;
}

export type AskField = 'name' | 'phone' | 'description' | 'consent';

export const ASK_FIELD_IDS: Record<AskField, string> = {
  name: 'ask-name',
  phone: 'ask-phone',
  description: 'ask-description',
  consent: 'ask-consent',
};

export function initialAskDraft(key: string, kind: RequestKind): AskDraft {
  return { key, kind, name: '', phone: '', description: '', consent: false };
}

export function validateAsk(draft: AskDraft, villageCode: string): RequestValidation {
  return validateResidentRequest({
    key: draft.key,
    kind: draft.kind,
    villageCode,
    name: draft.name,
    phone: draft.phone,
    description: draft.description,
    consent: draft.consent,
  });
}

export interface AskProblems {
  fields: Partial<Record<AskField, string>>;
  general: string[];
}

export const NO_ASK_PROBLEMS: AskProblems = { fields: {}, general: [] };

export function placeAskProblems(problems: readonly FieldProblem[]): AskProblems {
  const placed: AskProblems = { fields: {}, general: [] };
  for (const { field, message } of problems) {
    const name = field.split('.')[0];
    if (name in ASK_FIELD_IDS) placed.fields[name as AskField] ??= message;
    else if (!placed.general.includes(message)) placed.general.push(message);
  }
  return placed;
}

export const KIND_TEXT: Record<RequestKind, { title: string; hint: string; placeholder: string }> = {
  咨询: {
    title: '我要咨询',
    hint: '把您遇到的法律问题简单写一写，本村的调解员或法律顾问会打电话给您。',
    placeholder: '例如：和邻居因为宅基地界线有争议，想问问该怎么办',
  },
  调解: {
    title: '我要调解',
    hint: '说说和谁、因为什么事起了纠纷，本村的人民调解员会联系您，调解不收费。',
    placeholder: '例如：和邻居因为排水沟的事吵了几次，想请调解员帮忙调解',
  },
};

export const CONSENT_TEXT = '我同意把上面的姓名、电话和情况说明交给本村人民调解员、村干部和乡镇司法所，只用于联系我、办理这次咨询或调解，不会公开。';

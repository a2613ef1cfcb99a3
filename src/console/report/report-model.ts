/**
 * The 年度报告 page's logic: the township's text fields with their labels, whether the draft differs
 * from what is saved, and the report model flattened into the blocks the preview prints. Pure.
 */
import type { PrintedFigure, ReportModel, ReportSettings, ReportTexts } from '../../domain/report/types';
import { yuApplies } from '../../domain/indicators/format';

export const TEXT_FIELDS: readonly { key: keyof ReportTexts; label: string; hint: string }[] = [
  { key: 'opening', label: '开头段落', hint: '不填则用通用开头：“××年，××乡坚持以习近平法治思想为指导……”' },
  { key: 'extraMeasures', label: '一、主要举措和成效（补充）', hint: '数据段落由系统生成；这里补充其他工作举措，可用（一）（二）分小标题' },
  { key: 'shortcomings', label: '二、存在的不足和原因', hint: '如：一是……；二是……' },
  { key: 'leaderDuty', label: '三、党政主要负责人履行第一责任人职责情况', hint: '' },
  { key: 'nextYear', label: '四、下一年度工作安排', hint: '' },
];

/** Only the fields with text, so an untouched field is not saved as ''. */
export function cleanTexts(texts: ReportTexts): ReportTexts {
  const out: ReportTexts = {};
  for (const { key } of TEXT_FIELDS) {
    const value = texts[key];
    if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  }
  return out;
}

export function isDirty(draft: ReportTexts, saved: ReportTexts): boolean {
  const a = cleanTexts(draft);
  const b = cleanTexts(saved);
  return TEXT_FIELDS.some(({ key }) => (a[key] ?? '') !== (b[key] ?? ''));
}

export interface PreviewBlock {
  /** `to`: the 主送机关 line; `sign`: a line of the 落款, set right as it prints. */
  kind: 'title' | 'to' | 'h1' | 'h2' | 'p' | 'gap' | 'sign';
  text: string;
}

/** The draft as the preview prints it; bracketed reminders of what is still to be written stand out. */
export function previewBlocks(model: ReportModel): PreviewBlock[] {
  const blocks: PreviewBlock[] = [{ kind: 'title', text: model.title }];
  if (model.addressee) blocks.push({ kind: 'to', text: model.addressee });
  const paragraph = (text: string): PreviewBlock => ({ kind: /^（请填写.*）$/.test(text) ? 'gap' : 'p', text });
  blocks.push(...model.opening.map(paragraph));
  for (const section of model.sections) {
    blocks.push({ kind: 'h1', text: section.heading }, ...section.paragraphs.map(paragraph));
    for (const sub of section.subsections ?? []) blocks.push({ kind: 'h2', text: sub.heading }, ...sub.paragraphs.map(paragraph));
  }
  const sign = model.signature;
  if (sign) blocks.push({ kind: 'sign', text: sign.signer }, ...(sign.date ? [{ kind: 'sign' as const, text: sign.date }] : []));
  return blocks;
}

/** The printed figures the township may print with 余 or exactly: all but rates, each once. */
export function yuChoiceRows(model: ReportModel): PrintedFigure[] {
  const seen = new Set<string>();
  return model.printed.filter((f) => yuApplies(f.unit) && !seen.has(f.id) && seen.add(f.id));
}

export type Letter = Pick<ReportSettings, 'addressee' | 'signer' | 'signDate'>;

/**
 * The settings with the 主送机关 and 落款 as the form has them: a field left empty is removed (the
 * server takes the settings whole, and refuses an empty 成文日期), the 余 choices stay.
 */
export function withLetter(settings: ReportSettings, letter: Letter): ReportSettings {
  const { addressee: _a, signer: _s, signDate: _d, ...others } = settings;
  const kept = Object.entries(letter).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  return { ...others, ...Object.fromEntries(kept.map(([k, v]) => [k, (v as string).trim()])) };
}

/**
 * buildReport: the draft of a unit's annual 法治政府建设 report, as plain data. Section 一 is written
 * from the figures (measures.ts); sections 二 to 四 hold what the township wrote for the year, or a
 * bracketed reminder of what is still to be written, so the draft shows its own gaps.
 * reportPlainText prints the model for previews and tests.
 */
import { measureBlocks, type MeasureBlock } from './measures';
import { numberSubsections, parseTownshipText, splitParagraphs, subsectionNumber } from './text';
import { chineseDate } from '../dates';
import type { ReportInput, ReportModel, ReportSection, ReportSectionKey, ReportSignature, ReportSubsection } from './types';

/** The section headings, in the words of the report outline the townships are given. */
export const SECTION_HEADINGS: Readonly<Record<ReportSectionKey, string>> = {
  measures: '一、主要举措和成效',
  shortcomings: '二、存在的不足和原因',
  leaderDuty: '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  nextYear: '四、下一年度工作安排',
};

/** "白土乡2023年度法治政府建设情况报告": the form of 下渠镇's title, close to the other seeds'. */
export const reportTitle = (orgName: string, year: number): string => `${orgName.trim()}${year}年度法治政府建设情况报告`;

function placeholderFor(key: ReportSectionKey, year: number): string {
  switch (key) {
    case 'measures':
      return `（请填写${year}年度推进法治政府建设的主要举措和成效）`;
    case 'shortcomings':
      return `（请填写${year}年度推进法治政府建设存在的不足和原因）`;
    case 'leaderDuty':
      return `（请填写${year}年度党政主要负责人履行推进法治建设第一责任人职责的情况）`;
    case 'nextYear':
      return `（请填写${year + 1}年度推进法治政府建设的主要工作安排）`;
  }
}

function openingParagraphs(input: ReportInput): string[] {
  const written = splitParagraphs(input.texts?.opening);
  if (written.length > 0) return written;
  const { orgName, year } = input;
  // Only what every seed's opening says, nothing a township would have to take back.
  return [
    `${year}年，${orgName.trim()}坚持以习近平法治思想为指导，认真履行法治政府建设主体责任，扎实推进依法行政各项工作。现将${year}年度法治政府建设工作情况报告如下：`,
  ];
}

function measuresSection(input: ReportInput, blocks: readonly MeasureBlock[]): ReportSection {
  const subsections: ReportSubsection[] = blocks.map((b, i) => ({
    heading: `${subsectionNumber(i + 1)}${b.title}`,
    paragraphs: b.paragraphs,
    figureIds: b.figureIds,
  }));
  const heading = SECTION_HEADINGS.measures;
  const extra = parseTownshipText(input.texts?.extraMeasures);
  if (extra) {
    // Text written before any heading of its own becomes one more subsection after the figures'.
    if (extra.paragraphs.length > 0) {
      subsections.push({ heading: `${subsectionNumber(subsections.length + 1)}其他工作举措`, paragraphs: extra.paragraphs });
    }
    subsections.push(...numberSubsections(extra.subsections, subsections.length + 1));
  }
  if (subsections.length === 0) {
    return { key: 'measures', heading, paragraphs: [placeholderFor('measures', input.year)], placeholder: true };
  }
  return { key: 'measures', heading, paragraphs: [], subsections };
}

function textSection(key: Exclude<ReportSectionKey, 'measures'>, input: ReportInput): ReportSection {
  const heading = SECTION_HEADINGS[key];
  const parsed = parseTownshipText(input.texts?.[key]);
  if (!parsed) return { key, heading, paragraphs: [placeholderFor(key, input.year)], placeholder: true };
  const section: ReportSection = { key, heading, paragraphs: parsed.paragraphs };
  // Renumbered in order, so a slip in the township's own numbering does not reach the report.
  if (parsed.subsections.length > 0) section.subsections = numberSubsections(parsed.subsections);
  return section;
}

/** 主送机关 as 公文 print it, with its colon ("中共三门峡市陕州区委："); none when not chosen. */
function addresseeOf(input: ReportInput): string | undefined {
  const text = input.letter?.addressee?.trim().replace(/[：:]+$/, '');
  return text ? `${text}：` : undefined;
}

/** The 落款 once either part is chosen: 署名 defaults to the unit's name; 成文日期 only when chosen. */
function signatureOf(input: ReportInput): ReportSignature | undefined {
  const signer = input.letter?.signer?.trim();
  const date = input.letter?.signDate?.trim();
  if (!signer && !date) return undefined;
  return { signer: signer || input.orgName.trim(), ...(date ? { date: chineseDate(date) } : {}) };
}

export function buildReport(input: ReportInput): ReportModel {
  const blocks = measureBlocks({
    orgName: input.orgName,
    orgLevel: input.orgLevel,
    year: input.year,
    figures: input.figures,
    options: input.options ?? {},
    customFigures: input.customFigures ?? [],
    sixIntoVenues: input.sixIntoVenues ?? [],
  });
  const addressee = addresseeOf(input);
  const signature = signatureOf(input);
  return {
    title: reportTitle(input.orgName, input.year),
    ...(addressee ? { addressee } : {}),
    ...(signature ? { signature } : {}),
    opening: openingParagraphs(input),
    printed: blocks.flatMap((b) => b.printed),
    sections: [measuresSection(input, blocks), textSection('shortcomings', input), textSection('leaderDuty', input), textSection('nextYear', input)],
  };
}

/** The draft as text, one paragraph a line, a blank line after the title: for previews and tests. */
export function reportPlainText(model: ReportModel): string {
  const lines: string[] = [model.title, '', ...(model.addressee ? [model.addressee] : []), ...model.opening];
  for (const section of model.sections) {
    lines.push(section.heading, ...section.paragraphs);
    for (const sub of section.subsections ?? []) lines.push(sub.heading, ...sub.paragraphs);
  }
  if (model.signature) lines.push('', model.signature.signer, ...(model.signature.date ? [model.signature.date] : []));
  return lines.join('\n') + '\n';
}

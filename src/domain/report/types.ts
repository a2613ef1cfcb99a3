/**
 * The annual 法治政府建设 report draft as plain data: what buildReport produces, what the console
 * previews and what the server renders to .docx. Pure types; nothing here knows about Word or the UI.
 */
import type { OrgLevel } from '../vocab';
import { yuApplies, yuByDefault } from '../indicators/format';

/** The four parts every township report has (the official 法治政府建设年度报告 outline). */
export type ReportSectionKey = 'measures' | 'shortcomings' | 'leaderDuty' | 'nextYear';

/** Paragraphs the township writes and keeps per year; each may use blank lines and （一） headings. */
export interface ReportTexts {
  /** Replaces the generated opening paragraph ("2023年，白土乡……现将……报告如下："). */
  opening?: string;
  /** More of section 一, after the paragraphs built from the figures. */
  extraMeasures?: string;
  shortcomings?: string;
  leaderDuty?: string;
  nextYear?: string;
}

/**
 * What the township chooses for its report besides the texts, kept per township and year with them:
 * which figures print with 余, and the 公文's 主送机关 and 落款.
 */
export interface ReportSettings {
  /** Per figure id: true prints it with 余, false exactly (when 余 is asked for). */
  yuChoices?: Record<string, boolean>;
  /** 主送机关: "中共三门峡市陕州区委". */
  addressee?: string;
  /** 署名 of the 落款; the unit's name when empty. */
  signer?: string;
  /** 成文日期, YYYY-MM-DD. */
  signDate?: string;
}

export interface ReportOptions {
  /** Print large figures in the 余 form (3046 → 3000余), as many reports do. */
  yu?: boolean;
  /**
   * The township's choice per figure id when 余 is asked for: true prints it with 余, false exactly.
   * A figure not listed follows INDICATORS.md's default (sums use 余, counts do not); rates never do.
   */
  yuChoices?: Readonly<Record<string, boolean>>;
}

/** Whether a figure prints with 余 under these options. */
export const usesYu = (options: ReportOptions, id: string, unit: string): boolean =>
  options.yu === true && yuApplies(unit) && (options.yuChoices?.[id] ?? yuByDefault(unit));

/** A 其他指标 code the township defined itself, with the label and unit it entered. */
export interface CustomFigure {
  id: string;
  label: string;
  unit: string;
}

/** A figure the draft printed: what the console offers to print exactly or with 余. */
export interface PrintedFigure {
  id: string;
  label: string;
  unit: string;
  /** It printed with 余. */
  yu: boolean;
}

export interface ReportInput {
  /** The unit's name as the report names it: 白土乡, 下渠镇, 黔江区. */
  orgName: string;
  orgLevel: OrgLevel;
  year: number;
  /** Figures by the ids of INDICATORS.md; rates as fractions; null or absent when there is none. */
  figures: Readonly<Record<string, number | null | undefined>>;
  texts?: ReportTexts;
  options?: ReportOptions;
  /** The township's own 其他指标 codes that have a value in `figures`. */
  customFigures?: readonly CustomFigure[];
  /** The 法律六进 venues where events were held in the year, for "法律进机关、进乡村". */
  sixIntoVenues?: readonly string[];
  /** The 公文's 主送机关 and 落款 as the township chose them (ReportSettings). */
  letter?: Pick<ReportSettings, 'addressee' | 'signer' | 'signDate'>;
}

/** The 落款 as printed: 署名 over 成文日期 (in Chinese form, 2026年12月1日) when one was chosen. */
export interface ReportSignature {
  signer: string;
  date?: string;
}

export interface ReportSubsection {
  /** With its number: "（一）加大普法宣传，营造法治氛围". */
  heading: string;
  paragraphs: string[];
  /** The figures printed in this subsection, so a preview can link each to the records behind it. */
  figureIds?: string[];
}

export interface ReportSection {
  key: ReportSectionKey;
  /** With its number: "一、主要举措和成效". */
  heading: string;
  /** Printed before the subsections. */
  paragraphs: string[];
  subsections?: ReportSubsection[];
  /** The section holds only a bracketed reminder of what is still to be written. */
  placeholder?: true;
}

export interface ReportModel {
  title: string;
  /** 主送机关, printed at the top left after the title, ending in "：". */
  addressee?: string;
  /** 落款, printed bottom right after the last section. */
  signature?: ReportSignature;
  /** The paragraphs between the title and section 一. */
  opening: string[];
  sections: ReportSection[];
  /** Every figure printed in section 一, in order, with whether it printed with 余. */
  printed: PrintedFigure[];
}

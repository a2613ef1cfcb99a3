/**
 * The annual 法治政府建设 report draft as plain data: what buildReport produces, what the console
 * previews and what the server renders to .docx. Pure types; nothing here knows about Word or the UI.
 */
import type { OrgLevel } from '../vocab';

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

export interface ReportOptions {
  /** Print large counts in the 余 form (3046 → 3000余), as many reports do. */
  yu?: boolean;
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
  /** The paragraphs between the title and section 一. */
  opening: string[];
  sections: ReportSection[];
}

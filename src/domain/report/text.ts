/**
 * Small text rules of the report: how a unit names its whole area (全乡, 全镇 …), Chinese ordinal
 * numbers for （一） headings, and how a township's own paragraphs are split into the model.
 * Pure string work; no figures here.
 */
import type { OrgLevel } from '../vocab';
import type { ReportSubsection } from './types';

/** The unit's kind as its name ends: 白土乡 → 乡, 石柱土家族自治县 → 县, 城南街道 → 街道. */
export function unitWord(orgName: string, orgLevel: OrgLevel): string {
  const name = orgName.trim();
  for (const suffix of ['街道', '社区', '苏木', '乡', '镇', '区', '县', '市', '旗', '村']) {
    if (name.endsWith(suffix)) return suffix;
  }
  return orgLevel === '县' ? '县' : orgLevel === '村' ? '村' : '乡镇';
}

/** "全乡", "全镇", "全街道": how the report names everything under the unit. */
export const areaWord = (orgName: string, orgLevel: OrgLevel): string => `全${unitWord(orgName, orgLevel)}`;

/**
 * What the roster's township mediators are called in this unit's report: 乡级 in a 乡 (the catalogue
 * label), 镇级 in a 镇; seen from a county they are the 乡镇's.
 */
export function townshipMediatorLabel(orgName: string, orgLevel: OrgLevel): string {
  if (orgLevel === '县') return '乡镇专职调解员';
  const word = unitWord(orgName, orgLevel);
  if (word === '镇') return '镇级专职调解员';
  if (word === '街道') return '街道专职调解员';
  return '乡级专职调解员';
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never run past 99). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese ordinal for ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export const subsectionNumber = (n: number): string => `（${chineseNumber(n)}）`;

/**
 * A line that is a heading of its own, as townships write them ("（一）责任落实，领导重视"): a （一）
 * number followed by a short phrase with no sentence punctuation. "（一）强化组织领导。一是……" is a
 * paragraph that merely starts with a number, and stays one.
 */
const HEADING = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(\S.*)$/;
const HEADING_MAX = 40;

function headingText(line: string): string | null {
  const m = HEADING.exec(line);
  if (!m) return null;
  const rest = m[2].trim();
  if (rest.length > HEADING_MAX || /[。；;！？!?：:]/.test(rest)) return null;
  return rest;
}

export interface ParsedText {
  /** Paragraphs before the first heading. */
  paragraphs: string[];
  /** Headings keep the text after the number; the caller numbers them. */
  subsections: { title: string; paragraphs: string[] }[];
}

/** One paragraph per non-blank line; pasted text often indents with full-width spaces, which trim drops. */
export const splitParagraphs = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/**
 * Splits a township's text into paragraphs and, at heading lines, subsections. Null when nothing is
 * written, so the caller can put a reminder in its place.
 */
export function parseTownshipText(text: string | undefined): ParsedText | null {
  const lines = splitParagraphs(text);
  if (lines.length === 0) return null;
  const parsed: ParsedText = { paragraphs: [], subsections: [] };
  for (const line of lines) {
    const title = headingText(line);
    if (title !== null) parsed.subsections.push({ title, paragraphs: [] });
    else if (parsed.subsections.length > 0) parsed.subsections[parsed.subsections.length - 1].paragraphs.push(line);
    else parsed.paragraphs.push(line);
  }
  return parsed;
}

/** Numbers parsed subsections from `first` on: （一）, （二） … */
export function numberSubsections(parsed: ParsedText['subsections'], first = 1): ReportSubsection[] {
  return parsed.map((s, i) => ({ heading: `${subsectionNumber(first + i)}${s.title}`, paragraphs: s.paragraphs }));
}

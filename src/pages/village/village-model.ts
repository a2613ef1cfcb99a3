/**
 * The village page without the view: which village a visit is for (a scanned code, a link, or the one
 * remembered), and how its dates read. Pure: no Taro, no I/O.
 */
import type { PublicContact } from '../../domain/public/types';

const VILLAGE_CODE = /^\d{6,15}$/;

export interface RouteParams {
  [key: string]: string | undefined;
}

/**
 * The village code of a visit. A WeChat code image opens the page with `scene` (URL-encoded, the
 * village code as the console made it, or `code=<code>`); a link or the H5 QR brings `code`; otherwise
 * the village chosen last time. null: nothing usable, so the resident chooses.
 */
export function villageCodeOf(params: RouteParams, remembered?: string): string | null {
  const scene = params.scene ? safeDecode(params.scene) : '';
  const fromScene = scene.startsWith('code=') ? scene.slice(5) : scene;
  for (const candidate of [fromScene, params.code ?? '', remembered ?? '']) {
    const code = candidate.trim();
    if (VILLAGE_CODE.test(code)) return code;
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** '2026-11-26' → '11月26日 周四'. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日 周${weekday}`;
}

/** How many days from today ('今天', '明天', '3天后'), for the events list. */
export function daysAwayLabel(date: string, today: string): string {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
  if (!Number.isFinite(days) || days < 0) return '';
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  return `${days}天后`;
}

export interface ContactSection {
  id: 'advisers' | 'mediators' | 'legalPersons';
  title: string;
  empty: string;
  people: PublicContact[];
}

export function contactSections(answer: { advisers: PublicContact[]; mediators: PublicContact[]; legalPersons: PublicContact[] }): ContactSection[] {
  return [
    { id: 'advisers', title: '法律顾问', empty: '本村暂未公布法律顾问，请拨打12348', people: answer.advisers },
    { id: 'mediators', title: '人民调解员', empty: '本村暂未公布人民调解员', people: answer.mediators },
    { id: 'legalPersons', title: '法律明白人', empty: '本村暂未公布法律明白人', people: answer.legalPersons },
  ];
}

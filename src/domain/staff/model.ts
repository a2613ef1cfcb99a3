/**
 * 人员与单位 and 邀请码 as the app sees them: the roster's serving/left status, the default app role a
 * person's 身份 suggests, the next free village code, and invite codes as people type and read them.
 * Pure: imports only other domain modules; the console and bind pages and their tests use it.
 */
import type { AppRole, RosterRole } from '../vocab';
import { isActiveOn } from '../records/roster';
import { beijingDate } from '../dates';

// ---- roster -------------------------------------------------------------------------------------

export type RosterStatus = 'serving' | 'left' | 'future';

export const ROSTER_STATUS_LABELS: Record<RosterStatus, string> = { serving: '在任', left: '已离任', future: '未到任' };

/** A person's status on a day: serving between the start and end dates (both optional, inclusive). */
export function rosterStatus(p: { startDate?: string; endDate?: string }, day: string): RosterStatus {
  if (isActiveOn(p, day)) return 'serving';
  return p.endDate && p.endDate < day ? 'left' : 'future';
}

export interface RosterFilter {
  /** '' = every 身份. */
  role: string;
  /** '' = serving and left alike. */
  status: '' | RosterStatus;
}

export function filterRoster<T extends { role?: unknown; startDate?: string; endDate?: string }>(rows: readonly T[], filter: RosterFilter, day: string): T[] {
  return rows.filter((r) => (!filter.role || r.role === filter.role) && (!filter.status || rosterStatus(r, day) === filter.status));
}

export const PAGE_SIZE = 20;

/** One page of already filtered rows, and how many pages there are (at least 1). */
export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, p * size + size), page: p, pages };
}

/**
 * The app role an invite for this 身份 defaults to. 网格员 work in a village like its cadres; 法律顾问
 * log consultations and outreach like 法律明白人 (and take no cases); township cadres run the console.
 * The admin can always pick another.
 */
export function defaultAppRole(role: RosterRole | string): InviteRole {
  switch (role) {
    case '人民调解员':
      return '人民调解员';
    case '村干部':
    case '网格员':
      return '村干部';
    case '乡镇干部':
      return '乡镇管理员';
    default:
      return '法律明白人';
  }
}

/** Roles an invite may bind (县级查看 accounts are made by operators, not townships). */
export const INVITE_ROLES = ['法律明白人', '人民调解员', '村干部', '乡镇管理员'] as const satisfies readonly AppRole[];
export type InviteRole = (typeof INVITE_ROLES)[number];

// ---- units --------------------------------------------------------------------------------------

/** Village codes are the township's 9 digits and 3 more (统计用区划代码; 村委会 from 201). */
export const VILLAGE_CODE = /^\d{12}$/;

/**
 * The next free village code under a township: one past the highest used, or the first gap when the
 * highest is 999; null when all 999 are used.
 */
export function nextVillageCode(townshipCode: string, existing: readonly string[]): string | null {
  const used = new Set(existing.filter((c) => c.length === 12 && c.startsWith(townshipCode)).map((c) => Number(c.slice(9))));
  const suffix = (n: number) => `${townshipCode}${String(n).padStart(3, '0')}`;
  if (used.size === 0) return suffix(201);
  const top = Math.max(...used);
  if (top < 999) return suffix(top + 1);
  for (let n = 1; n < 999; n++) if (!used.has(n)) return suffix(n);
  return null;
}

/** A village code's problem, or null: 12 digits under the township, not taken by another unit. */
export function villageCodeProblem(code: string, townshipCode: string, existing: readonly string[]): string | null {
  if (!VILLAGE_CODE.test(code)) return '村代码须为12位数字';
  if (!code.startsWith(townshipCode)) return `村代码须以本乡镇代码${townshipCode}开头`;
  if (existing.includes(code)) return '这个代码已被使用';
  return null;
}

// ---- invite codes -------------------------------------------------------------------------------

/** The server's alphabet (cloudfunctions/lib/invites.ts): no 0/O, 1/I/L, since codes are read out. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_LENGTH = 8;

/** Full-width letters and digits (a Chinese keyboard) as ASCII. */
const halfWidth = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** What was typed, without spaces and dashes, upper case. */
export function normaliseInviteCode(typed: string): string {
  return halfWidth(typed)
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();
}

/** As a person reads it: 'ABCD-EFGH' (the dash after four characters, once there are more). */
export function formatInviteCode(typed: string): string {
  const raw = normaliseInviteCode(typed).slice(0, INVITE_LENGTH);
  return raw.length > 4 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

export type InviteCodeCheck = { ok: true; code: string } | { ok: false; message: string | null };

/** Whether the typed code can be sent; a message only for a mistake worth pointing out. */
export function checkInviteCode(typed: string): InviteCodeCheck {
  const raw = normaliseInviteCode(typed);
  const wrong = [...raw].filter((ch) => !INVITE_ALPHABET.includes(ch));
  if (wrong.length) return { ok: false, message: `邀请码里没有“${[...new Set(wrong)].join('、')}”，请核对（不含0、1、O、I、L）` };
  if (raw.length < INVITE_LENGTH) return { ok: false, message: null };
  if (raw.length > INVITE_LENGTH) return { ok: false, message: `邀请码是${INVITE_LENGTH}位，请核对` };
  return { ok: true, code: formatInviteCode(raw) };
}

/** The line the admin reads out or sends with the code. */
export const inviteMessage = (code: string): string => `请在微信中打开法治台账，点『我是工作人员』，输入邀请码 ${code}`;

/** An instant as Beijing 'YYYY-MM-DD HH:mm'. */
export function beijingDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const hm = new Date(t.getTime() + 8 * 3600000).toISOString().slice(11, 16);
  return `${beijingDate(t)} ${hm}`;
}

/** The success line of the bind page. */
export const boundLine = (me: { name: string; role: string; org: { name: string } }): string => `已绑定：${me.name}，${me.role}，${me.org.name}`;

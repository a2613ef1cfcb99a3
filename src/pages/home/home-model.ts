/**
 * What the home page shows for whom, and how a figure reads. Pure: no Taro, no I/O.
 */
import type { Me } from '../../domain/api';
import type { AppRole } from '../../domain/vocab';
import { FORM_TITLES, formsFor, hasTodo } from '../../domain/forms/roles';

export type HomeMode = 'field' | 'viewer' | 'resident';

const FIELD_ROLES: readonly AppRole[] = ['法律明白人', '人民调解员', '村干部'];
const VIEWER_ROLES: readonly AppRole[] = ['乡镇管理员', '县级查看'];

export function homeModeOf(me: Me | null): HomeMode {
  if (!me) return 'resident';
  if (FIELD_ROLES.includes(me.role)) return 'field';
  if (VIEWER_ROLES.includes(me.role)) return 'viewer';
  return 'resident';
}

/**
 * Labels and units of the figures on the home page. The one place to change them until the
 * indicator catalogue in src/domain provides them.
 */
export const HOME_FIGURES: readonly { id: string; label: string; unit: string }[] = [
  { id: 'outreach.events', label: '开展普法宣传活动', unit: '次' },
  { id: 'outreach.materials', label: '发放宣传资料', unit: '份' },
];

export interface FigureLine {
  id: string;
  label: string;
  /** The number as shown: '—' when the figure has no value. */
  value: string;
  unit: string;
}

export function figureLines(figures: Record<string, number | null | undefined>): FigureLine[] {
  return HOME_FIGURES.map(({ id, label, unit }) => {
    const n = figures[id];
    return { id, label, unit, value: typeof n === 'number' ? String(n) : '—' };
  });
}

export interface FormEntry {
  /** `go-<kind>`: the button's element id. */
  id: string;
  label: string;
  url: string;
}

const QUEUE_ROLES: readonly AppRole[] = ['人民调解员', '村干部', '乡镇管理员'];
const MONTHLY_REPORTERS: readonly AppRole[] = ['法律明白人', '村干部'];

/**
 * The field worker's entries: a button per form the role may use, and whether 我的待办 shows — for
 * those who take cases forward, and for a village's reporters, whom the township reminds (催报) there.
 */
export function fieldEntries(role: AppRole): { forms: FormEntry[]; todo: boolean } {
  return {
    forms: formsFor(role).map((kind) => ({ id: `go-${kind}`, label: `登记${FORM_TITLES[kind]}`, url: `/field/${kind}/index` })),
    todo: hasTodo(role) || MONTHLY_REPORTERS.includes(role),
  };
}

/** 月报 (supervision): a village's 法律明白人 and 村干部 confirm each month; null for everyone else. */
export const monthlyEntry = (role: AppRole): FormEntry | null =>
  MONTHLY_REPORTERS.includes(role) ? { id: 'go-monthly', label: '月报', url: '/field/monthly/index' } : null;

/**
 * Residents' services as staff see them: the village queue of consultation and mediation requests
 * (mediators, cadres, admins), and for admins what residents see (articles, published contacts) and
 * each village's QR code.
 */
export function serviceEntries(role: AppRole): FormEntry[] {
  const entries: FormEntry[] = [];
  if (QUEUE_ROLES.includes(role)) entries.push({ id: 'go-queue', label: '群众求助', url: '/resident/queue/index' });
  if (role === '乡镇管理员') {
    entries.push({ id: 'go-manage', label: '公开信息管理', url: '/resident/manage/index' });
    entries.push({ id: 'go-codes', label: '村二维码', url: '/resident/codes/index' });
  }
  return entries;
}

/**
 * The viewers' way into the console (subpackage `console`): figures, charts, quality, report, close.
 * Named for whose figures it shows: the township's, or the county's townships'.
 */
export function consoleEntry(role: AppRole): FormEntry {
  return { id: 'go-console', label: role === '县级查看' ? '进入县级工作台' : '进入乡镇工作台', url: '/console/index/index' };
}

/** A resident who is in fact staff binds their WeChat with the admin's invite code. */
export const BIND_ENTRY: FormEntry = { id: 'go-bind', label: '我是工作人员，绑定身份', url: '/pages/bind/index' };

/**
 * The subpackages a person's pages live in, loaded while there is a network so that they open
 * without one: field work for the field roles and the admin, the residents' pages (queue, codes,
 * public information) for staff who handle them, the console for the viewers.
 */
export function packagesFor(me: Me | null): string[] {
  if (!me) return ['resident'];
  const packages: string[] = [];
  if (homeModeOf(me) === 'field' || me.role === '乡镇管理员') packages.push('field');
  if (QUEUE_ROLES.includes(me.role)) packages.push('resident');
  if (homeModeOf(me) === 'viewer') packages.push('console');
  return packages;
}

/**
 * Who is looking at 人员与单位 and over which township: the caller, whether they may write (乡镇管理员)
 * and the townships in their scope with their villages. Shared by the people, units and invites pages.
 */
import type { Me } from '../../domain/api';
import { whoami } from '../../services/api';
import { ApiError } from '../../services/errors';
import { townshipsOf, type TownshipUnits } from '../../services/staff';

export interface StaffScope {
  me: Me;
  canWrite: boolean;
  townships: TownshipUnits[];
}

export async function loadScope(): Promise<StaffScope> {
  const me = await whoami();
  if (!me || (me.role !== '乡镇管理员' && me.role !== '县级查看')) throw new ApiError('FORBIDDEN', '只有乡镇管理员和县级查看人员可以打开人员与单位');
  const townships = await townshipsOf(me);
  if (townships.length === 0) throw new ApiError('ORG_NOT_FOUND', '没有找到本单位的乡镇');
  return { me, canWrite: me.role === '乡镇管理员', townships };
}

/** The township and its villages as one list of units (township first). */
export const unitsOf = (t: TownshipUnits): { code: string; name: string }[] => [{ code: t.code, name: t.name }, ...t.villages];

const query = (params: Record<string, string | undefined>): string => {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export const staffUrl = (page: 'people' | 'units' | 'invites', params: Record<string, string | undefined> = {}) => `/console/${page}/index${query(params)}`;

export const param = (v: string | undefined): string => (v ? decodeURIComponent(v) : '');

import {
  beijingDateTime,
  boundLine,
  checkInviteCode,
  defaultAppRole,
  filterRoster,
  formatInviteCode,
  inviteMessage,
  nextVillageCode,
  normaliseInviteCode,
  pageOf,
  rosterStatus,
  villageCodeProblem,
} from '../../../src/domain/staff/model';
import { ROSTER_ROLES } from '../../../src/domain/vocab';

const TOWNSHIP = '500114213';
const VILLAGES = ['500114213201', '500114213202', '500114213207'];

describe('nextVillageCode', () => {
  it('should suggest one past the highest village code of the township', () => {
    expect(nextVillageCode(TOWNSHIP, [TOWNSHIP, ...VILLAGES])).toBe('500114213208');
  });

  it('should start at 201 when the township has no village yet', () => {
    expect(nextVillageCode(TOWNSHIP, [TOWNSHIP])).toBe('500114213201');
  });

  it('should ignore villages of other townships', () => {
    expect(nextVillageCode(TOWNSHIP, ['500114213203', '500114214299'])).toBe('500114213204');
  });

  it('should fill the first gap once 999 is used, and give up when all are', () => {
    expect(nextVillageCode(TOWNSHIP, ['500114213999', '500114213001'])).toBe('500114213002');
    const all = Array.from({ length: 999 }, (_, i) => `${TOWNSHIP}${String(i + 1).padStart(3, '0')}`);
    expect(nextVillageCode(TOWNSHIP, all)).toBeNull();
  });
});

describe('villageCodeProblem', () => {
  it('should accept a free 12-digit code under the township', () => {
    expect(villageCodeProblem('500114213208', TOWNSHIP, VILLAGES)).toBeNull();
  });

  it('should name what is wrong with a code', () => {
    expect(villageCodeProblem('50011421320', TOWNSHIP, VILLAGES)).toBe('村代码须为12位数字');
    expect(villageCodeProblem('500114214208', TOWNSHIP, VILLAGES)).toContain('500114213');
    expect(villageCodeProblem('500114213202', TOWNSHIP, VILLAGES)).toBe('这个代码已被使用');
  });
});

describe('defaultAppRole', () => {
  it('should map each 身份 to the app role its work needs', () => {
    expect(defaultAppRole('法律明白人')).toBe('法律明白人');
    expect(defaultAppRole('人民调解员')).toBe('人民调解员');
    expect(defaultAppRole('村干部')).toBe('村干部');
    expect(defaultAppRole('网格员')).toBe('村干部');
    expect(defaultAppRole('乡镇干部')).toBe('乡镇管理员');
    expect(defaultAppRole('法律顾问')).toBe('法律明白人');
  });

  it('should fall back to 法律明白人 for a blank invite', () => {
    expect(defaultAppRole('')).toBe('法律明白人');
  });

  it('should never default to 县级查看', () => {
    for (const role of ROSTER_ROLES) expect(defaultAppRole(role)).not.toBe('县级查看');
  });
});

describe('rosterStatus', () => {
  it('should count a person without dates as serving', () => {
    expect(rosterStatus({}, '2024-06-01')).toBe('serving');
  });

  it('should count the start and end days themselves as serving', () => {
    expect(rosterStatus({ startDate: '2024-06-01', endDate: '2024-06-30' }, '2024-06-01')).toBe('serving');
    expect(rosterStatus({ startDate: '2024-06-01', endDate: '2024-06-30' }, '2024-06-30')).toBe('serving');
  });

  it('should call a person left after the end date and not yet serving before the start', () => {
    expect(rosterStatus({ endDate: '2024-06-30' }, '2024-07-01')).toBe('left');
    expect(rosterStatus({ startDate: '2024-07-01' }, '2024-06-30')).toBe('future');
  });

  it('should filter rows by 身份 and status', () => {
    const rows = [
      { name: 'a', role: '法律明白人', endDate: '2024-01-01' },
      { name: 'b', role: '法律明白人' },
      { name: 'c', role: '人民调解员' },
    ];
    expect(filterRoster(rows, { role: '法律明白人', status: '' }, '2024-06-01').map((r) => r.name)).toEqual(['a', 'b']);
    expect(filterRoster(rows, { role: '', status: 'serving' }, '2024-06-01').map((r) => r.name)).toEqual(['b', 'c']);
    expect(filterRoster(rows, { role: '法律明白人', status: 'left' }, '2024-06-01').map((r) => r.name)).toEqual(['a']);
  });

  it('should page rows and keep the page within range', () => {
    const rows = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(rows, 0)).toMatchObject({ page: 0, pages: 3, rows: rows.slice(0, 20) });
    expect(pageOf(rows, 9)).toMatchObject({ page: 2, rows: [40, 41, 42, 43, 44] });
    expect(pageOf([], 0)).toEqual({ page: 0, pages: 1, rows: [] });
  });
});

describe('invite codes', () => {
  it('should upper-case and drop spaces and dashes', () => {
    expect(normaliseInviteCode(' ab3d-ef5h ')).toBe('AB3DEF5H');
    expect(normaliseInviteCode('ＡＢ３Ｄ－ＥＦ５Ｈ')).toBe('AB3DEF5H');
  });

  it('should show the dash after four characters as the person types', () => {
    expect(formatInviteCode('ab')).toBe('AB');
    expect(formatInviteCode('abcd')).toBe('ABCD');
    expect(formatInviteCode('abcde')).toBe('ABCD-E');
    expect(formatInviteCode('abcd-efgh')).toBe('ABCD-EFGH');
    expect(formatInviteCode('abcdefghjk')).toBe('ABCD-EFGH');
  });

  it('should accept a complete code with or without its dash', () => {
    expect(checkInviteCode('abcdefgh')).toEqual({ ok: true, code: 'ABCD-EFGH' });
    expect(checkInviteCode('ABCD-EFGH')).toEqual({ ok: true, code: 'ABCD-EFGH' });
  });

  it('should wait quietly for a short code and point out letters codes never have', () => {
    expect(checkInviteCode('ABC')).toEqual({ ok: false, message: null });
    const wrong = checkInviteCode('ABCO-1FGH');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toContain('O、1');
  });

  it('should give the line to read out with the code', () => {
    expect(inviteMessage('ABCD-EFGH')).toBe('请在微信中打开法治台账，点『我是工作人员』，输入邀请码 ABCD-EFGH');
  });

  it('should show the expiry in Beijing time', () => {
    expect(beijingDateTime('2024-06-07T16:30:00.000Z')).toBe('2024-06-08 00:30');
  });

  it('should say who the person is now bound as', () => {
    expect(boundLine({ name: '张三', role: '法律明白人', org: { name: '沙坝村' } })).toBe('已绑定：张三，法律明白人，沙坝村');
  });
});

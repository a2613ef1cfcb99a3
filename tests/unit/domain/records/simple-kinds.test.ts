import { validateConsultation } from '@/domain/records/consultation';
import { validateReception } from '@/domain/records/reception';
import { validateOrg } from '@/domain/records/org';

describe('validateConsultation', () => {
  const base = { id: 'ZX00073x', orgCode: '500114213201', date: '2023-10-16', category: '婚姻家庭', people: 10, answeredBy: '陆明光' };

  it('should accept a consultation', () => {
    expect(validateConsultation(base)).toEqual({ ok: true, value: base });
  });

  it('should reject an unknown category and a missing date', () => {
    const r = validateConsultation({ ...base, category: '继承', date: undefined });
    expect(r.ok ? [] : r.problems.map((p) => p.field).sort()).toEqual(['category', 'date']);
  });
});

describe('validateReception', () => {
  const base = { id: 'JF00371x', orgCode: '500114213', date: '2023-12-20', leader: '严富军', people: 3 };

  it('should accept a reception', () => {
    expect(validateReception(base).ok).toBe(true);
  });

  it('should require the leader and a whole number of people', () => {
    const r = validateReception({ ...base, leader: '', people: 2.5 });
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'leader', message: '请填写接访领导' },
      { field: 'people', message: '接待群众人次必须是整数' },
    ]);
  });
});

describe('validateOrg', () => {
  it('should accept a top unit without a parent', () => {
    expect(validateOrg({ code: '500114', name: '黔江区', level: '县', parentCode: null }).ok).toBe(true);
  });

  it('should require a village to have a parent', () => {
    const r = validateOrg({ code: '500114213201', name: '白土村', level: '村', parentCode: null });
    expect(r.ok ? [] : r.problems).toEqual([{ field: 'parentCode', message: '村须填写上级代码' }]);
  });

  it('should reject a unit that is its own parent and a malformed code', () => {
    const own = validateOrg({ code: '500114213', name: '白土乡', level: '乡镇', parentCode: '500114213' });
    expect(own.ok ? [] : own.problems[0].message).toBe('上级代码不能是本单位的代码');
    const bad = validateOrg({ code: '5001', name: '黔江区', level: '县', parentCode: null });
    expect(bad.ok ? [] : bad.problems[0].message).toBe('代码须为6至15位数字');
  });
});

import { canMove, caseIdOf, defaultCaseKind, formatRef, isRef, validateResidentRequest } from '../../../src/domain/public/request';
import { clientId } from '../../../src/domain/records/fields';

const valid = {
  key: 'abcdefghij0123456789klmn',
  kind: '咨询',
  villageCode: '500114213201',
  name: '王秀兰',
  phone: '139-0812 3456',
  description: '想问问土地流转合同怎么签。',
  consent: true,
};

describe('a resident request form', () => {
  it('should accept a complete form and keep the phone as plain digits', () => {
    const checked = validateResidentRequest(valid);
    expect(checked).toEqual({ ok: true, value: { ...valid, phone: '13908123456' } });
  });

  it('should require consent before anything is sent', () => {
    const checked = validateResidentRequest({ ...valid, consent: false });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toEqual([{ field: 'consent', message: '请先阅读并勾选同意个人信息使用说明' }]);
  });

  it('should ask for an 11-digit mobile number starting with 1', () => {
    for (const phone of ['2390812345', '1390812345', '139081234567', '023-1234567', '']) {
      const checked = validateResidentRequest({ ...valid, phone });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.problems[0]).toEqual({ field: 'phone', message: '请填写11位手机号码（以1开头）' });
    }
  });

  it('should say in Chinese what is missing from name and description', () => {
    const checked = validateResidentRequest({ ...valid, name: '  ', description: '有事' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems).toEqual([
        { field: 'name', message: '请填写姓名' },
        { field: 'description', message: '请简单说说发生了什么（至少5个字）' },
      ]);
    }
  });

  it('should refuse short keys, unknown kinds and fields it does not know', () => {
    expect(validateResidentRequest({ ...valid, key: 'short' }).ok).toBe(false);
    expect(validateResidentRequest({ ...valid, kind: '投诉' }).ok).toBe(false);
    expect(validateResidentRequest({ ...valid, submitterOpenid: 'o-someone' }).ok).toBe(false);
  });
});

describe('reference numbers and states', () => {
  it('should number requests by kind and Beijing day', () => {
    expect(formatRef('咨询', '2026-11-22', 7)).toBe('ZX-20261122-0007');
    expect(formatRef('调解', '2026-01-05', 12345)).toBe('TJ-20260105-12345');
    expect(isRef('TJ-20260105-0001')).toBe(true);
    expect(isRef('XX-20260105-0001')).toBe(false);
  });

  it('should let a request move forward only', () => {
    expect(canMove('待处理', '已受理')).toBe(true);
    expect(canMove('待处理', '已转为案件')).toBe(true);
    expect(canMove('已受理', '已转为案件')).toBe(true);
    expect(canMove('已转为案件', '已办结')).toBe(true);
    expect(canMove('已受理', '待处理')).toBe(false);
    expect(canMove('已转为案件', '已受理')).toBe(false);
    expect(canMove('已办结', '已受理')).toBe(false);
  });

  it('should make a consultation of a 咨询 and a dispute of a 调解, with a record id the schemas accept', () => {
    expect(defaultCaseKind('咨询')).toBe('consultation');
    expect(defaultCaseKind('调解')).toBe('dispute');
    expect(clientId.safeParse(caseIdOf('9f86d081884c7d659a2feaa0c55ad015')).success).toBe(true);
  });
});

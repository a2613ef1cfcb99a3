import { isActiveOn, validateRoster } from '@/domain/records/roster';

const base = { id: 'RY00021x', orgCode: '500114213202', name: '郭华霞', role: '法律明白人', startDate: '2022-03-01', endDate: '2023-06-30' };
const problems = (input: object) => {
  const r = validateRoster(input);
  return r.ok ? [] : r.problems;
};

describe('validateRoster', () => {
  it('should accept a person with or without service dates', () => {
    expect(problems(base)).toEqual([]);
    expect(problems({ ...base, startDate: undefined, endDate: undefined })).toEqual([]);
  });

  it('should reject an end of service before its start', () => {
    expect(problems({ ...base, endDate: '2022-02-28' })).toEqual([{ field: 'endDate', message: '结束日期不能早于开始日期' }]);
  });

  it('should require a name', () => {
    expect(problems({ ...base, name: '  ' })).toEqual([{ field: 'name', message: '请填写姓名' }]);
  });

  it('should check the phone number loosely', () => {
    expect(problems({ ...base, phone: '023-79123456' })).toEqual([]);
    expect(problems({ ...base, phone: '13800138000' })).toEqual([]);
    expect(problems({ ...base, phone: '无' })).toEqual([{ field: 'phone', message: '联系电话格式不对' }]);
  });

  it('should reject a role outside the roster vocabulary', () => {
    expect(problems({ ...base, role: '乡镇管理员' })[0].field).toBe('role');
  });
});

describe('isActiveOn', () => {
  it('should count a person serving on the day, ends included', () => {
    expect(isActiveOn(base, '2023-06-30')).toBe(true);
    expect(isActiveOn(base, '2022-03-01')).toBe(true);
    expect(isActiveOn(base, '2023-07-01')).toBe(false);
    expect(isActiveOn(base, '2022-02-28')).toBe(false);
    expect(isActiveOn({}, '1999-01-01')).toBe(true);
  });
});

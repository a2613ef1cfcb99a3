import { blankPerson, formOf, leftOn, personErrors, recordOf, saveFailureMessage, type PersonRow } from '../../../src/domain/staff/person-form';

const ID = 'abcdefghijklmnopqrstuvwx';
const row: PersonRow = { id: ID, orgCode: '500114213202', orgName: '沙坝村', version: 3, name: '张三', role: '法律明白人', startDate: '2024-07-01' };

describe('the person form', () => {
  it('should send only the fields that are filled', () => {
    expect(recordOf({ ...blankPerson(ID, '500114213202'), name: ' 张三 ' })).toEqual({ id: ID, orgCode: '500114213202', name: '张三', role: '法律明白人' });
  });

  it('should ask for a name and refuse an end before the start', () => {
    expect(personErrors(blankPerson(ID, '500114213202')).name).toBeTruthy();
    const errors = personErrors({ ...formOf(row), endDate: '2024-06-01' });
    expect(errors.endDate).toBe('结束日期不能早于开始日期');
  });

  it('should accept a complete person', () => {
    expect(personErrors(formOf(row))).toEqual({});
  });

  it('should mark a person as left today, never before they started', () => {
    expect(leftOn(row, '2024-08-01').endDate).toBe('2024-08-01');
    expect(leftOn(row, '2024-06-01').endDate).toBe('2024-07-01');
    expect(leftOn(row, '2024-08-01').name).toBe('张三');
  });

  it('should tell a stale edit plainly', () => {
    expect(saveFailureMessage('CONFLICT', 'x')).toBe('已被别人修改，请刷新');
    expect(saveFailureMessage('FORBIDDEN', '您的身份不能进行此操作')).toBe('您的身份不能进行此操作');
  });
});

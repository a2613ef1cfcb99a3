import { PETITION_DUE_DAYS, validatePetition, withDefaultDueDate } from '@/domain/records/petition';

const base = {
  id: 'XF00311x',
  orgCode: '500114213205',
  registerDate: '2023-06-11',
  channel: '来访',
  category: '土地权属',
  dueDate: '2023-08-10',
  state: '办结',
  closeDate: '2023-06-17',
};
const problems = (input: object) => {
  const r = validatePetition(input);
  return r.ok ? [] : r.problems;
};

describe('validatePetition', () => {
  it('should accept a matter closed within its due date', () => {
    expect(problems(base)).toEqual([]);
  });

  it('should reject a due date before registration', () => {
    expect(problems({ ...base, dueDate: '2023-06-10' })).toEqual([{ field: 'dueDate', message: '办理期限不能早于登记日期' }]);
  });

  it('should require a closing date when the state is 办结', () => {
    expect(problems({ ...base, closeDate: undefined })).toEqual([{ field: 'closeDate', message: '状态为“办结”时须填写办结日期' }]);
  });

  it('should reject a closing date when the state is not 办结', () => {
    expect(problems({ ...base, state: '办理中' })).toEqual([{ field: 'closeDate', message: '状态为“办理中”时办结日期须为空' }]);
  });

  it('should reject a closing date before registration', () => {
    expect(problems({ ...base, closeDate: '2023-06-01' })).toEqual([{ field: 'closeDate', message: '办结日期不能早于登记日期' }]);
  });

  it('should accept a late closing (it only lowers the on-time rate)', () => {
    expect(problems({ ...base, closeDate: '2023-09-01' })).toEqual([]);
  });
});

describe('withDefaultDueDate', () => {
  it('should set the due date 60 days after registration when it is empty', () => {
    expect(PETITION_DUE_DAYS).toBe(60);
    expect(withDefaultDueDate({ registerDate: '2023-06-11' }).dueDate).toBe('2023-08-10');
    expect(withDefaultDueDate({ registerDate: '2023-12-15', dueDate: '' }).dueDate).toBe('2024-02-13');
  });

  it('should keep a due date that is given', () => {
    expect(withDefaultDueDate({ registerDate: '2023-06-11', dueDate: '2023-07-01' }).dueDate).toBe('2023-07-01');
  });

  it('should leave the input alone when the registration date is not a date', () => {
    const input = { registerDate: '2023-13-01' };
    expect(withDefaultDueDate(input)).toBe(input);
  });
});

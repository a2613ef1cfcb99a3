import { FOLLOW_UP_DAYS, followUpDueDate } from '@/domain/records/follow-up';

describe('a settled dispute’s 回访', () => {
  const settled = { state: '调解成功', closeDate: '2024-05-10' };

  it('should be due 30 days after the 办结日期 until a 回访 on or after it is logged', () => {
    expect(FOLLOW_UP_DAYS).toBe(30);
    expect(followUpDueDate(settled)).toBe('2024-06-09');
    expect(followUpDueDate({ ...settled, followUps: [{ date: '2024-05-01' }] })).toBe('2024-06-09');
    expect(followUpDueDate({ ...settled, followUps: [{ date: '2024-05-10' }] })).toBeNull();
  });

  it('should be owed only by a dispute mediated successfully', () => {
    expect(followUpDueDate({ state: '调解不成功', closeDate: '2024-05-10' })).toBeNull();
    expect(followUpDueDate({ state: '调解中' })).toBeNull();
  });
});

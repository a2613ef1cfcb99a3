import { validateStudy } from '@/domain/records/study';

const base = {
  id: 'XX00691x',
  orgCode: '500114213',
  date: '2023-06-12',
  type: '法治考试',
  topic: '习近平法治思想',
  expected: 10,
  attended: 9,
  passed: 8,
};
const problems = (input: object) => {
  const r = validateStudy(input);
  return r.ok ? [] : r.problems;
};

describe('validateStudy', () => {
  it('should accept nested headcounts', () => {
    expect(problems(base)).toEqual([]);
    expect(problems({ ...base, attended: 10, passed: 10 })).toEqual([]);
  });

  it('should reject a session nobody was expected at (应参加 0)', () => {
    expect(problems({ ...base, expected: 0, attended: 0, passed: 0 })).toEqual([{ field: 'expected', message: '应参加人数至少为1' }]);
  });

  it('should reject more attending than expected', () => {
    expect(problems({ ...base, attended: 11 })).toEqual([{ field: 'attended', message: '实际参加人数不能多于应参加人数' }]);
  });

  it('should reject more passing than attending', () => {
    expect(problems({ ...base, passed: 10 })).toEqual([{ field: 'passed', message: '合格人数不能多于实际参加人数' }]);
  });

  it('should reject a fractional or negative headcount', () => {
    expect(problems({ ...base, expected: 9.5 })[0]).toEqual({ field: 'expected', message: '应参加人数必须是整数' });
    expect(problems({ ...base, passed: -1 })[0]).toEqual({ field: 'passed', message: '合格人数不能小于0' });
  });

  it('should reject an unknown study type', () => {
    expect(problems({ ...base, type: '自学' })[0].message).toBe('学法类型只能是：中心组学法、专题讲座、法律知识培训、法治考试');
  });
});

import { manualFigureId, validateManualFigure } from '@/domain/records/manualFigure';

const base = { orgCode: '500114213', year: 2023, code: 'enforcement.permits', value: 228 };
const problems = (input: object) => {
  const r = validateManualFigure(input);
  return r.ok ? [] : r.problems;
};

describe('validateManualFigure', () => {
  it('should accept a known code without label or unit', () => {
    expect(problems(base)).toEqual([]);
  });

  it('should require label and unit for a new code', () => {
    expect(problems({ ...base, code: 'manual.meetings' })).toEqual([
      { field: 'label', message: '新指标“manual.meetings”须填写指标名称' },
      { field: 'unit', message: '新指标“manual.meetings”须填写单位' },
    ]);
    expect(problems({ ...base, code: 'manual.meetings', label: '召开法治会议', unit: '次' })).toEqual([]);
  });

  it('should refuse a code the system computes', () => {
    expect(problems({ ...base, code: 'mediation.accepted' })[0].message).toContain('自动统计');
  });

  it('should keep rates in [0, 1]', () => {
    expect(problems({ ...base, code: 'manual.disclosure_coverage', value: 0.98 })).toEqual([]);
    expect(problems({ ...base, code: 'manual.disclosure_coverage', value: 98 })[0].field).toBe('value');
  });

  it('should reject a negative value and a malformed code', () => {
    expect(problems({ ...base, value: -1 })[0].message).toBe('数值不能小于0');
    expect(problems({ ...base, code: '行政许可' })[0].field).toBe('code');
  });

  it('should make one id per unit, year and code', () => {
    expect(manualFigureId(base)).toBe('500114213:2023:enforcement.permits');
  });
});

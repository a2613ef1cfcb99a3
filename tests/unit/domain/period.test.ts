import { mustParsePeriod, parsePeriod, periodLabel, type Period } from '@/domain/period';
import { beijingDate } from '@/domain/dates';

const ok = (text: string): Period => {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.message);
  return r.period;
};

describe('parsePeriod', () => {
  it.each([
    ['2023', '2023-01-01', '2023-12-31'],
    ['2023H1', '2023-01-01', '2023-06-30'],
    ['2023H2', '2023-07-01', '2023-12-31'],
    ['2023Q1', '2023-01-01', '2023-03-31'],
    ['2023Q2', '2023-04-01', '2023-06-30'],
    ['2023Q3', '2023-07-01', '2023-09-30'],
    ['2023Q4', '2023-10-01', '2023-12-31'],
    ['2023-05', '2023-05-01', '2023-05-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2023-12', '2023-12-01', '2023-12-31'],
    ['2023-01-01..2023-06-30', '2023-01-01', '2023-06-30'],
  ])('should read %s as %s to %s inclusive', (text, start, end) => {
    expect(ok(text)).toMatchObject({ start, end });
  });

  it('should set the year only for a whole calendar year', () => {
    expect(ok('2023').year).toBe(2023);
    expect(ok('2023-01-01..2023-12-31').year).toBe(2023);
    expect(ok('2023H1').year).toBeUndefined();
    expect(ok('2023-01-01..2023-12-30').year).toBeUndefined();
  });

  it('should normalise the text', () => {
    expect(ok(' 2023h1 ').text).toBe('2023H1');
    expect(ok('2023q4').text).toBe('2023Q4');
    expect(ok('2023-5').text).toBe('2023-05');
  });

  it.each(['', '23', '2023H3', '2023Q5', '2023-13', '2023-00', '2023/05', '上半年', '2023-02-30..2023-03-01', '2023-01-01..'])(
    'should reject %j with a Chinese message',
    (text) => {
      const r = parsePeriod(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/期间|月份|日期|年份/);
    },
  );

  it('should reject a range that ends before it starts', () => {
    expect(parsePeriod('2023-06-30..2023-01-01')).toEqual({ ok: false, message: '期间的结束日期不能早于开始日期' });
  });

  it('should reject a year far out of range', () => {
    expect(parsePeriod('1900').ok).toBe(false);
  });

  it('should throw the Chinese message from mustParsePeriod', () => {
    expect(() => mustParsePeriod('2023H3')).toThrow(/期间格式不对/);
  });
});

describe('periodLabel', () => {
  it.each([
    ['2023', '2023年'],
    ['2023H1', '2023年上半年'],
    ['2023H2', '2023年下半年'],
    ['2023Q1', '2023年第一季度'],
    ['2023Q4', '2023年第四季度'],
    ['2023-05', '2023年5月'],
    ['2023-01-01..2023-06-30', '2023年1月1日至2023年6月30日'],
    ['2023-03-08..2023-03-08', '2023年3月8日'],
  ])('should label %s as %s', (text, label) => {
    expect(periodLabel(ok(text))).toBe(label);
  });
});

describe('the Beijing rule', () => {
  it('should put a record stamped 2022-12-31T16:30:00Z on 2023-01-01, inside 2023', () => {
    const day = beijingDate(new Date('2022-12-31T16:30:00Z'));
    expect(day).toBe('2023-01-01');
    const y = ok('2023');
    expect(day >= y.start && day <= y.end).toBe(true);
  });

  it('should keep 2022-12-31T15:59:59Z in 2022', () => {
    expect(beijingDate(new Date('2022-12-31T15:59:59Z'))).toBe('2022-12-31');
  });
});

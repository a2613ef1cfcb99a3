import { formatFigure, yuByDefault, yuFloor, yuForm } from '@/domain/indicators/format';

describe('formatFigure', () => {
  it.each([
    [1, '100%'],
    [0.975, '97.5%'],
    [0.5, '50%'],
    [0, '0%'],
    [214 / 221, '96.8%'],
    [0.12345, '12.3%'],
    [0.9999, '100%'],
  ])('should print the rate %p as %s', (value, text) => {
    expect(formatFigure(value, '%')).toBe(text);
  });

  it('should print a missing value as a dash', () => {
    expect(formatFigure(null, '%')).toBe('—');
    expect(formatFigure(undefined, '件')).toBe('—');
  });

  it('should print counts exactly by default', () => {
    expect(formatFigure(3046, '份')).toBe('3046');
    expect(formatFigure(3046, '份', { withUnit: true })).toBe('3046份');
  });

  // INDICATORS.md's examples: one significant digit when it keeps ≥ 85% of the value, else two.
  it.each([
    [3046, '3000余'],
    [517, '500余'],
    [23, '20余'],
    [163, '160余'],
    [1234, '1200余'],
    [2980, '2900余'],
    [47, '40余'],
    [29, '29'],
    [20, '20'],
    [19, '19'],
    [300, '300'],
    [2410, '2400余'],
    [0, '0'],
    [100001, '100000余'],
    [99, '90余'],
    [25.5, '25余'],
  ])('should print %p in the 余 form as %s', (value, text) => {
    expect(formatFigure(value, '份', { yu: true })).toBe(text);
  });

  it('should add the unit after the 余 form', () => {
    expect(formatFigure(3046, '份', { yu: true, withUnit: true })).toBe('3000余份');
  });

  it('should never use the 余 form for rates', () => {
    expect(formatFigure(0.975, '%', { yu: true })).toBe('97.5%');
  });

  it('should print amounts with at most two decimals', () => {
    expect(formatFigure(2534.5, '元')).toBe('2534.5');
    expect(formatFigure(0.1 + 0.2, '元')).toBe('0.3');
  });
});

describe('amounts in 万元', () => {
  it.each([
    [2164239, false, '216.4万元'],
    [2100000, false, '210万元'],
    [10000, false, '1万元'],
    [9999, false, '9999元'],
    [2164239, true, '200万余元'],
    [1564239, true, '150万余元'],
    [164000, true, '16万余元'],
    [160000, true, '16万元'],
    [2000000, true, '200万元'],
  ])('should print %p 元 (余: %p) as %s', (value, yu, text) => {
    expect(formatFigure(value, '元', { yu, withUnit: true })).toBe(text);
  });

  it('should keep the exact value in 元 where no unit is printed (dashboard, ledgers)', () => {
    expect(formatFigure(2164239, '元')).toBe('2164239');
  });
});

describe('which figures use 余 by default', () => {
  it('should use it for sums (份, 幅, 人次, 元) and not for counts, roster snapshots or rates', () => {
    for (const unit of ['份', '幅', '人次', '元']) expect(yuByDefault(unit)).toBe(true);
    for (const unit of ['件', '次', '场次', '条', '期', '人', '个', '%']) expect(yuByDefault(unit)).toBe(false);
  });
});

describe('the 余 helpers', () => {
  it('should floor to one significant digit when that keeps 85%, else to two', () => {
    expect(yuFloor(3046)).toBe(3000);
    expect(yuFloor(163)).toBe(160);
    expect(yuFloor(29)).toBe(29);
    expect(yuFloor(517)).toBe(500);
    expect(yuFloor(1000)).toBe(1000);
    expect(yuFloor(7)).toBe(7);
  });

  it('should keep small values exact', () => {
    expect(yuForm(19)).toBe('19');
  });
});

import { formatFigure, yuFloor, yuForm } from '@/domain/indicators/format';

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

  it.each([
    [3046, '3000余'],
    [163, '160余'],
    [20, '20'],
    [19, '19'],
    [23, '23'],
    [517, '510余'],
    [500, '500'],
    [2410, '2400余'],
    [0, '0'],
    [100000, '100000'],
    [100001, '100000余'],
    [99, '99'],
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

describe('the 余 helpers', () => {
  it('should floor to two significant digits', () => {
    expect(yuFloor(3046)).toBe(3000);
    expect(yuFloor(163)).toBe(160);
    expect(yuFloor(99)).toBe(99);
    expect(yuFloor(517)).toBe(510);
    expect(yuFloor(1000)).toBe(1000);
    expect(yuFloor(7)).toBe(7);
  });

  it('should keep small values exact', () => {
    expect(yuForm(19)).toBe('19');
  });
});

import { parseCount, stepCount } from '../../../src/components/Stepper/stepper-model';

describe('Stepper', () => {
  it('should read typed digits as a count and an empty box as 0', () => {
    expect(parseCount('120')).toBe(120);
    expect(parseCount('012')).toBe(12);
    expect(parseCount('')).toBe(0);
    expect(parseCount('-5')).toBe(5);
    expect(parseCount('1.5')).toBe(15);
  });

  it('should never step below 0 nor above the maximum', () => {
    expect(stepCount(0, -1)).toBe(0);
    expect(stepCount(3, 1)).toBe(4);
    expect(stepCount(1000, 1, 1000)).toBe(1000);
  });
});

import { chipMode, optionId, CHIP_LIMIT } from '../../../src/components/ChoiceField/choice-model';
import { statusLine, storageWarning } from '../../../src/components/OutboxStatus/status-model';

describe('choice fields', () => {
  it('should show short vocabularies as chips and long ones in a picker', () => {
    expect(chipMode(['受理', '调解中'])).toBe(true);
    expect(chipMode(Array.from({ length: CHIP_LIMIT + 1 }, (_, i) => String(i)))).toBe(false);
    expect(optionId('field-state', 2)).toBe('field-state-opt-2');
  });
});

describe('outbox status', () => {
  it('should say what waits and what needs fixing', () => {
    expect(statusLine({ pending: 0, sent: 3, failed: 0 })).toBe('手机上的记录都已发送');
    expect(statusLine({ pending: 2, sent: 0, failed: 1 })).toBe('待发送 2 条 · 需处理 1 条');
  });

  it('should warn from 80 % of storage and say when it is full', () => {
    const MB = 1024 * 1024;
    expect(storageWarning({ usedBytes: 5 * MB, limitBytes: 10 * MB, level: 'ok' })).toBeNull();
    expect(storageWarning({ usedBytes: 8.2 * MB, limitBytes: 10 * MB, level: 'warn' })).toBe('手机存储已用 8.2MB / 10.0MB，请尽快联网发送待发送的记录');
    expect(storageWarning({ usedBytes: 10 * MB, limitBytes: 10 * MB, level: 'full' })).toContain('新记录无法保存');
  });
});

/** The console's overview lines: this year against last, said the way a cadre reads it. */
import { changeOf, keyLines, overviewGroups } from '@/domain/console/overview';
import { FIGURE_GROUPS } from '@/domain/indicators/types';

describe('changeOf', () => {
  it('should give the difference and its share for counts', () => {
    expect(changeOf(150, 120, '次')).toEqual({ text: '+30（+25%）', direction: 'up' });
    expect(changeOf(90, 120, '件')).toEqual({ text: '−30（−25%）', direction: 'down' });
    expect(changeOf(5, 0, '件')).toEqual({ text: '+5', direction: 'up' });
    expect(changeOf(263, 1, '次')).toEqual({ text: '+262', direction: 'up' });
    expect(changeOf(7, 7, '件')).toEqual({ text: '持平', direction: 'same' });
  });

  it('should give percentage points for rates', () => {
    expect(changeOf(0.975, 0.95, '%')).toEqual({ text: '+2.5个百分点', direction: 'up' });
    expect(changeOf(0.9, 1, '%')).toEqual({ text: '−10个百分点', direction: 'down' });
    expect(changeOf(1, 1, '%').direction).toBe('same');
  });

  it('should say when there is nothing to compare', () => {
    expect(changeOf(null, 3, '件')).toEqual({ text: '—', direction: 'none' });
    expect(changeOf(3, null, '件')).toEqual({ text: '上年无数据', direction: 'none' });
  });

  it('should keep cents for amounts', () => {
    expect(changeOf(100.3, 100.1, '元').text).toBe('+0.2（+0.2%）');
  });
});

describe('overviewGroups', () => {
  it('should group the catalogue in the report’s order and print values', () => {
    const groups = overviewGroups({ 'outreach.events': 21, 'mediation.success_rate': 0.968 }, { 'outreach.events': 20 });
    expect(groups.map((g) => g.group)).toEqual([...FIGURE_GROUPS]);
    const events = groups[0].lines.find((l) => l.id === 'outreach.events');
    expect(events).toMatchObject({ label: '开展普法宣传活动', value: '21', lastValue: '20', change: { text: '+1（+5%）' } });
    const rate = groups.find((g) => g.group === '矛盾纠纷化解')?.lines.find((l) => l.id === 'mediation.success_rate');
    expect(rate?.value).toBe('96.8%');
  });

  it('should show a dispute type only when it had a case in either year', () => {
    const groups = overviewGroups({ 'mediation.by_type.邻里': 3 }, { 'mediation.by_type.合同': 1 });
    const ids = groups.flatMap((g) => g.lines.map((l) => l.id)).filter((id) => id.startsWith('mediation.by_type.'));
    expect(ids.sort()).toEqual(['mediation.by_type.合同', 'mediation.by_type.邻里']);
  });

  it('should open with the headline figures', () => {
    expect(keyLines({}, {}).map((l) => l.id)).toContain('mediation.accepted');
  });
});

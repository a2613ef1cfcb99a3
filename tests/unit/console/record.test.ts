import { historyLines, recordLines, recordPageUrl } from '../../../src/domain/console/record';
import { byUnitLabel } from '../../../src/domain/console/series';
import type { RecordView } from '../../../src/domain/api';

const meta = { id: 'r1', orgCode: '500114213201', orgName: '白土村', recordedBy: 'o', recordedAt: '', updatedAt: '', version: 2, deleted: false, masked: true };

describe('the console record page', () => {
  it('should read a masked dispute field by field with its ledger labels, never its handlers', () => {
    const view = {
      ...meta,
      kind: 'dispute',
      acceptDate: '2026-03-02',
      disputeType: '邻里纠纷',
      state: '调解中',
      parties: [{ name: '王*', phone: '139****3456' }],
      handlerIds: ['o-secret'],
      followUps: [{ date: '2026-03-05', result: '已回访' }],
      location: { latitude: 29.5, longitude: 108.7, system: 'wgs84' },
    } as unknown as RecordView;
    const lines = recordLines(view);
    expect(lines.map((l) => l.label)).toEqual(['受理日期', '纠纷类型', '调解状态', '当事人', '回访记录', '位置']);
    expect(lines.find((l) => l.name === 'parties')?.value).toBe('王* 139****3456');
    expect(lines.find((l) => l.name === 'location')?.value).toContain('WGS-84');
    expect(JSON.stringify(lines)).not.toContain('o-secret');
  });

  it('should list the history with what was done, by whom', () => {
    const lines = historyLines([{ action: 'update', by: '张三', at: '2026-03-02T10:15:00.000Z', version: 2, before: null, after: null }]);
    expect(lines).toEqual([{ key: '2-update', text: '2026-03-02 18:15 修改（第 2 版） · 张三' }]);
  });

  it('should open records of every kind but not unit rows', () => {
    expect(recordPageUrl('outreach', 'a b')).toBe('/console/record/index?kind=outreach&id=a%20b');
    expect(recordPageUrl('org', '500114213201')).toBeNull();
  });

  it('should call the by-unit chart 分乡镇 for a county', () => {
    expect(byUnitLabel('县')).toBe('分乡镇');
    expect(byUnitLabel('乡镇')).toBe('分村');
  });
});

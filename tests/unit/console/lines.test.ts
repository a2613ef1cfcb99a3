/** How the rows of a drill-down read. */
import { drillLine, pageText } from '@/domain/console/lines';
import type { RecordView } from '@/domain/api';

const meta = { orgCode: '500114213201', orgName: '一村', recordedBy: '张三', recordedAt: '', updatedAt: '', version: 1, deleted: false, masked: true };

describe('drillLine', () => {
  it('should read a dispute without the parties', () => {
    const row = {
      ...meta,
      kind: 'dispute',
      id: 'TJ1',
      acceptDate: '2026-03-02',
      disputeType: '邻里',
      state: '调解成功',
      source: '排查发现',
      parties: [{ name: '王*' }],
    } as RecordView;
    expect(drillLine(row)).toEqual({ id: 'TJ1', orgName: '一村', title: '矛盾纠纷 · 邻里', date: '2026-03-02', line: '调解成功 · 排查发现 · 当事人 1 人' });
  });

  it('should read roster people, yearly figures and units', () => {
    expect(drillLine({ ...meta, kind: 'person', id: 'RY1', name: '沈金小', role: '法律明白人', startDate: '2022-01-01' } as RecordView).title).toBe(
      '沈金小 · 法律明白人',
    );
    expect(drillLine({ ...meta, kind: 'manualFigure', id: 'm', code: 'enforcement.permits', year: 2026, value: 228 } as RecordView)).toMatchObject({
      title: '行政许可',
      line: '填报 228件',
    });
    expect(drillLine({ kind: 'org', id: '500114213201', orgName: '一村', level: '村' }).title).toBe('一村');
  });
});

describe('pageText', () => {
  it('should say which records a page shows', () => {
    expect(pageText(20, 20, 57)).toBe('第 21–40 条，共 57 条');
    expect(pageText(0, 0, 0)).toBe('没有记录');
  });
});

import type { OutreachView } from '../../../../src/domain/api';
import { countsLine, newestFirst } from '../../../../src/field/mine/mine-model';

function view(id: string, date: string, recordedAt: string): OutreachView {
  return {
    id,
    orgCode: '520000000001',
    date,
    type: '院坝会',
    venue: '乡村',
    attendees: 30,
    materials: 50,
    banners: 1,
    consultations: 4,
    orgName: '大寨村',
    recordedBy: '张三',
    recordedAt,
    updatedAt: recordedAt,
    version: 1,
    kind: 'outreach',
    deleted: false,
    masked: false,
  };
}

describe('我的记录', () => {
  it('should list the newest work first, the latest recorded first within a day', () => {
    const items = [
      view('a', '2024-03-01', '2024-03-01T02:00:00Z'),
      view('b', '2024-03-05', '2024-03-05T01:00:00Z'),
      view('c', '2024-03-05', '2024-03-05T09:00:00Z'),
    ];
    expect(newestFirst(items).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('should read the counts with their units', () => {
    expect(countsLine(view('a', '2024-03-01', ''))).toBe('受众 30 人 · 资料 50 份 · 横幅 1 幅 · 咨询 4 人次');
  });
});

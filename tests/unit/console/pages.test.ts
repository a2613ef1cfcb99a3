/** The console pages' plain logic: addresses of drill-down targets, report texts and preview, the close page's words. */
import { consoleParams, pageUrl, recordsParams, targetUrl, yearChoices } from '@/console/nav';
import { cleanTexts, isDirty, previewBlocks } from '@/console/report/report-model';
import { closeLines, confirmText } from '@/console/close/close-model';
import { buildReport } from '@/domain/report';

describe('console addresses', () => {
  it('should turn every drill-down target into a page address', () => {
    expect(targetUrl({ page: 'records', org: '500114213201', period: '2026', figure: 'mediation.closed' })).toBe(
      '/console/records/index?org=500114213201&period=2026&figure=mediation.closed',
    );
    expect(targetUrl({ page: 'records', org: '500114213', period: '2026', check: 'overdue_petitions' })).toBe(
      '/console/records/index?org=500114213&period=2026&check=overdue_petitions',
    );
    expect(targetUrl({ page: 'overview', org: '500114213201', year: 2026 })).toBe('/console/index/index?org=500114213201&year=2026');
    expect(pageUrl('records', { figure: 'mediation.by_type.邻里' })).toBe(`/console/records/index?figure=${encodeURIComponent('mediation.by_type.邻里')}`);
  });

  it('should read page parameters back with their defaults', () => {
    expect(consoleParams({}, 2026)).toEqual({ org: undefined, year: 2026 });
    expect(consoleParams({ org: '500114213201', year: '2025' }, 2026)).toEqual({ org: '500114213201', year: 2025 });
    expect(consoleParams({ org: 'x', year: '99' }, 2026)).toEqual({ org: undefined, year: 2026 });
    expect(recordsParams({ figure: encodeURIComponent('mediation.by_type.邻里'), check: 'nonsense' })).toEqual({
      org: undefined,
      period: undefined,
      figure: 'mediation.by_type.邻里',
      check: undefined,
    });
    expect(yearChoices(2026)).toEqual([2026, 2025, 2024]);
  });
});

describe('report page', () => {
  it('should save only written fields and notice changes', () => {
    expect(cleanTexts({ opening: '  ', shortcomings: '一是……' })).toEqual({ shortcomings: '一是……' });
    expect(isDirty({ opening: '' }, {})).toBe(false);
    expect(isDirty({ nextYear: '加强宣传' }, {})).toBe(true);
  });

  it('should flatten the draft into preview blocks, marking what is still to be written', () => {
    const model = buildReport({
      orgName: '白土乡',
      orgLevel: '乡镇',
      year: 2026,
      figures: { 'mediation.accepted': 5, 'mediation.closed': 5 },
      texts: { shortcomings: '一是意识不强。' },
    });
    const blocks = previewBlocks(model);
    expect(blocks[0]).toEqual({ kind: 'title', text: '白土乡2026年度法治政府建设情况报告' });
    expect(blocks.find((b) => b.text.includes('共受理各类矛盾纠纷5件'))?.kind).toBe('p');
    expect(blocks.find((b) => b.text === '一是意识不强。')?.kind).toBe('p');
    expect(blocks.filter((b) => b.kind === 'gap').length).toBe(2);
    expect(blocks.filter((b) => b.kind === 'h1').map((b) => b.text)[1]).toBe('二、存在的不足和原因');
  });
});

describe('close page', () => {
  const org = { code: '500114213', name: '白土乡', level: '乡镇' as const };
  it('should say who closed a year and what a close means', () => {
    const closed = closeLines({
      org,
      state: { year: 2026, closed: true, closedAt: '2026-12-31T02:00:00Z', closedBy: '周海燕', reopenedAt: null, reopenedBy: null },
    });
    expect(closed).toEqual(['白土乡2026年度已结账', '周海燕 于 2026-12-31 结账', '该年度的数据已冻结，记录不能再修改。']);
    const open = closeLines({
      org,
      state: { year: 2026, closed: false, closedAt: null, closedBy: null, reopenedAt: '2027-01-03T00:00:00Z', reopenedBy: '周海燕' },
    });
    expect(open[0]).toBe('白土乡2026年度尚未结账');
    expect(open[2]).toBe('周海燕 于 2027-01-03 反结账');
    expect(confirmText('白土乡', 2026, true).title).toBe('确认结账2026年度？');
  });
});

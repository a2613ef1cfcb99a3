import { figuresTable, importReportText, problemLine } from '../../../scripts/cli/format';
import type { ImportReport } from '../../../cloudfunctions/lib/ledger/import';

describe('what the command line prints', () => {
  it('should print a problem as sheet, row, column and what is wrong', () => {
    const problem = { sheet: '普法活动', row: 5, column: '类型', message: '普法活动第5行「类型」：“赶大集”不是可填的词' };
    expect(problemLine(problem)).toBe('普法活动 第5行 类型：“赶大集”不是可填的词');
    expect(problemLine({ sheet: '法律咨询', row: 3, column: '', message: '法律咨询第3行：2023年度已结账' })).toBe('法律咨询 第3行：2023年度已结账');
  });

  const report: ImportReport = {
    ok: true,
    written: true,
    dryRun: false,
    sheets: [{ sheet: '普法活动', collection: 'outreach', added: 2, updated: 1, unchanged: 20 }],
    problems: [],
    warnings: [{ sheet: '普法活动', row: 1, column: '备注', message: '普法活动第1行「备注」：不是本表的列，已忽略' }],
  };

  it('should summarise an import per sheet, with its warnings', () => {
    const printed = importReportText('baitu.xlsx', report);
    expect(printed.out).toEqual([
      '导入 baitu.xlsx',
      '  普法活动：新增 2，更新 1，未变 20',
      '提示（1 条）：',
      '  普法活动 第1行 备注：不是本表的列，已忽略',
      '导入完成。',
    ]);
    expect(printed.err).toEqual([]);
  });

  it('should list every problem on stderr and say nothing was written', () => {
    const problems = [
      { sheet: '普法活动', row: 3, column: '类型', message: '普法活动第3行「类型」：不对' },
      { sheet: '矛盾纠纷', row: 9, column: '受理日期', message: '矛盾纠纷第9行「受理日期」：不是有效日期' },
    ];
    const printed = importReportText('x', { ...report, ok: false, written: false, problems });
    expect(printed.err).toEqual(['发现 2 个问题，没有写入任何数据：', '  普法活动 第3行 类型：不对', '  矛盾纠纷 第9行 受理日期：不是有效日期']);
  });

  it('should mark a dry run', () => {
    expect(importReportText('x', { ...report, dryRun: true, written: false }).out[0]).toBe('导入 x（试导入，不写入）');
  });

  it('should print figures grouped like the catalogue, with units, rates as percentages and gaps as —', () => {
    const lines = figuresTable(
      '白土乡（500114213）2023年统计数',
      { 'outreach.materials': 3046, 'mediation.success_rate': 0.968, 'enforcement.permits': null, 'manual.meetings': 12 },
      new Map([['manual.meetings', { label: '召开法治工作会议', unit: '次' }]]),
    );
    expect(lines[0]).toBe('白土乡（500114213）2023年统计数');
    expect(lines).toContain('【普法宣传】');
    expect(lines.find((l) => l.includes('发放宣传资料'))).toMatch(/发放宣传资料\s+3046份$/);
    expect(lines.find((l) => l.includes('调解成功率'))).toMatch(/96\.8%$/);
    expect(lines.find((l) => l.includes('行政许可'))).toMatch(/—$/);
    expect(lines.find((l) => l.includes('召开法治工作会议'))).toMatch(/12次$/);
    expect(lines.indexOf('【其他指标】')).toBeGreaterThan(lines.indexOf('【矛盾纠纷化解】'));
  });
});

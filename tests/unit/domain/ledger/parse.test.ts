import { parseTable } from '@/domain/ledger/parse';
import { parseLedger } from '@/domain/ledger/ledger';
import { indexOrgs, type OrgNode } from '@/domain/org';
import type { Cell } from '@/domain/ledger/cells';

const orgs = indexOrgs([
  { code: '500114', level: '县', parentCode: null },
  { code: '500114213', level: '乡镇', parentCode: '500114' },
  { code: '500114213201', level: '村', parentCode: '500114213' },
] as OrgNode[]);
const OUTREACH_HEAD = ['编号', '单位代码', '日期', '类型', '场所', '主题', '受众人数', '发放资料份数', '横幅幅数', '咨询人次', '记录人'];
const outreachRow = (over: Partial<Record<string, Cell>> = {}): Cell[] => {
  const row: Record<string, Cell> = {
    编号: 'PF1',
    单位代码: '500114213201',
    日期: '2023-04-25',
    类型: '院坝会',
    场所: '乡村',
    主题: '民法典',
    受众人数: '120',
    发放资料份数: '150',
    横幅幅数: '2',
    咨询人次: '19',
    记录人: '谭平志',
    ...over,
  };
  return OUTREACH_HEAD.map((h) => row[h]);
};
const outreach = (...rows: Cell[][]) => parseTable('普法活动', [OUTREACH_HEAD, ...rows], orgs);

describe('parseTable', () => {
  it('should turn a row into a record in the storage shape', () => {
    const r = outreach(outreachRow());
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      {
        _id: 'PF1',
        orgCode: '500114213201',
        orgPath: ['500114', '500114213', '500114213201'],
        date: '2023-04-25',
        type: '院坝会',
        venue: '乡村',
        topic: '民法典',
        attendees: 120,
        materials: 150,
        banners: 2,
        consultations: 19,
        recorderName: '谭平志',
      },
    ]);
  });

  it.each([
    ['2023/4/5', '2023-04-05'],
    ['2023年4月5日', '2023-04-05'],
    ['2023-4-5', '2023-04-05'],
    [new Date(Date.UTC(2023, 3, 5)), '2023-04-05'],
  ])('should read the date %p as %s', (cell, date) => {
    expect(outreach(outreachRow({ 日期: cell })).records[0].date).toBe(date);
  });

  it('should read an empty count as 0 and numbers from XLSX cells as they are', () => {
    const r = outreach(outreachRow({ 横幅幅数: '', 受众人数: 88, 主题: null, 记录人: undefined }));
    expect(r.records[0]).toMatchObject({ banners: 0, attendees: 88 });
    expect(r.records[0]).not.toHaveProperty('topic');
    expect(r.records[0]).not.toHaveProperty('recorderName');
  });

  it('should name the sheet, row, column and the words allowed for a bad vocabulary word', () => {
    const r = outreach(outreachRow(), outreachRow({ 编号: 'PF2', 类型: '赶场宣传' }));
    expect(r.records).toHaveLength(1);
    expect(r.problems).toEqual([
      {
        sheet: '普法活动',
        row: 3,
        column: '类型',
        message: '普法活动第3行「类型」：“赶场宣传”不是可填的词，只能填：赶集日集中宣传、院坝会、法治讲座、主题日宣传、入户宣传、线上宣传、其他',
      },
    ]);
  });

  it('should reject a bad date, naming its cell', () => {
    const r = outreach(outreachRow({ 日期: '2023-02-30' }), outreachRow({ 编号: 'PF2', 日期: '23.4.5' }));
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, '日期', '普法活动第2行「日期」：“2023-02-30”不是有效日期'],
      [3, '日期', '普法活动第3行「日期」：“23.4.5”不是有效日期，请写成 2023-05-01、2023/5/1 或 2023年5月1日'],
    ]);
  });

  it('should reject a row with an empty 编号', () => {
    const r = outreach(outreachRow({ 编号: ' ' }));
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ sheet: '普法活动', row: 2, column: '编号', message: '普法活动第2行「编号」：编号不能为空，这一行没有导入' }]);
  });

  it('should reject a unit that is not in 组织机构', () => {
    const r = outreach(outreachRow({ 单位代码: '500114299201' }));
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      {
        sheet: '普法活动',
        row: 2,
        column: '单位代码',
        message: '普法活动第2行「单位代码」：“500114299201”不在组织机构中，请先在组织机构表中建立该单位',
      },
    ]);
  });

  it('should warn about an unknown column and ignore it, but not about the export-only columns', () => {
    const r = parseTable(
      '普法活动',
      [
        [...OUTREACH_HEAD, '备注', '照片', '情况说明'],
        [...outreachRow(), 'x', 'http://p', '说明'],
      ],
      orgs,
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual([{ sheet: '普法活动', row: 1, column: '备注', message: '普法活动第1行「备注」：不是本表的列，已忽略' }]);
  });

  it('should accept columns in any order and leave optional ones out', () => {
    const head = ['咨询人次', '横幅幅数', '发放资料份数', '受众人数', '场所', '类型', '日期', '单位代码', '编号'];
    const r = parseTable('普法活动', [head, ['1', '0', '10', '30', '学校', '法治讲座', '2023-09-01', '500114213201', 'PF9']], orgs);
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toMatchObject({ _id: 'PF9', venue: '学校', consultations: 1 });
  });

  it('should report a missing column once, not on every row', () => {
    const head = OUTREACH_HEAD.filter((h) => h !== '日期' && h !== '咨询人次');
    const r = parseTable('普法活动', [head, head.map(() => 'x'), head.map(() => 'y')], orgs);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [1, '日期'],
      [1, '咨询人次'],
    ]);
  });

  it('should skip blank rows', () => {
    expect(outreach(['', null, undefined], outreachRow()).records).toHaveLength(1);
  });

  it('should map cross-field problems to their column', () => {
    const head = ['编号', '单位代码', '受理日期', '纠纷类型', '来源', '状态', '办结日期', '协议金额', '调解员'];
    const r = parseTable('矛盾纠纷', [head, ['TJ1', '500114213201', '2023-08-03', '合同', '排查发现', '调解成功', '2023-08-01', '', '']], orgs);
    expect(r.problems).toEqual([{ sheet: '矛盾纠纷', row: 2, column: '办结日期', message: '矛盾纠纷第2行「办结日期」：办结日期不能早于受理日期' }]);
  });

  it('should report a count that is not a whole number', () => {
    const r = outreach(outreachRow({ 受众人数: '12.5' }), outreachRow({ 编号: 'PF2', 受众人数: '很多' }));
    expect(r.problems.map((p) => p.message)).toEqual(['普法活动第2行「受众人数」：受众人数必须是整数', '普法活动第3行「受众人数」：“很多”不是数字']);
  });

  it('should skip an identical repeated row and reject a differing one', () => {
    const r = outreach(outreachRow(), outreachRow(), outreachRow({ 受众人数: '1' }));
    expect(r.records).toHaveLength(1);
    expect(r.warnings.map((w) => w.row)).toEqual([3]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[4, '编号']]);
  });

  it('should give petitions without a due date the 60-day default', () => {
    const head = ['编号', '单位代码', '登记日期', '渠道', '状态', '办结日期', '办理期限'];
    const r = parseTable('信访事项', [head, ['XF1', '500114213201', '2023-06-11', '来访', '办理中', '', '']], orgs);
    expect(r.records[0]).toMatchObject({ dueDate: '2023-08-10', state: '办理中' });
    expect(r.records[0]).not.toHaveProperty('closeDate');
  });

  it('should store the level of the unit a roster member serves', () => {
    const head = ['编号', '姓名', '单位代码', '身份'];
    const r = parseTable('人员名册', [head, ['RY1', '张三', '500114213', '人民调解员']], orgs);
    expect(r.records[0]).toMatchObject({ orgLevel: '乡镇', role: '人民调解员', orgPath: ['500114', '500114213'] });
  });

  it('should id manual figures by unit, year and code, and read percentages', () => {
    const head = ['单位代码', '年度', '指标代码', '指标名称', '单位', '数值'];
    const r = parseTable('其他指标', [head, ['500114213', '2023', 'manual.disclosure_coverage', '', '', '98%']], orgs);
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toEqual({
      _id: '500114213:2023:manual.disclosure_coverage',
      orgCode: '500114213',
      orgPath: ['500114', '500114213'],
      year: 2023,
      code: 'manual.disclosure_coverage',
      value: 0.98,
    });
  });

  it('should warn about a sheet that is not a ledger table', () => {
    expect(parseTable('Sheet1', [['a']], orgs).warnings[0].message).toBe('Sheet1第1行：不是台账的表格，整张表已忽略');
  });
});

describe('parsing 组织机构', () => {
  const head = ['代码', '名称', '层级', '上级代码'];

  it('should build paths whatever the order of the rows', () => {
    const r = parseTable(
      '组织机构',
      [head, ['500114213202', '沙坝村', '村', '500114213'], ['500114213', '白土乡', '乡镇', '500114'], ['500114', '黔江区', '县', '']],
      new Map(),
    );
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toEqual({
      _id: '500114213202',
      code: '500114213202',
      name: '沙坝村',
      level: '村',
      parentCode: '500114213',
      path: ['500114', '500114213', '500114213202'],
    });
    expect(r.records[2]).toMatchObject({ parentCode: null, path: ['500114'] });
  });

  it('should accept a parent already in the system', () => {
    expect(parseTable('组织机构', [head, ['500114213202', '沙坝村', '村', '500114213']], orgs).problems).toEqual([]);
  });

  it('should reject an unknown parent and a parent that is not above the unit', () => {
    const r = parseTable('组织机构', [head, ['500114213299', '新村', '村', '500114299'], ['500114213298', '某村', '村', '500114213201']], orgs);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '上级代码'],
      [3, '层级'],
    ]);
  });

  it('should reject parent links that loop', () => {
    const r = parseTable('组织机构', [head, ['111111', '甲', '县', '222222'], ['222222', '乙', '县', '111111']], new Map());
    expect(r.problems).toHaveLength(2);
  });
});

describe('parseLedger', () => {
  it('should let the other sheets use the units of the same file, whatever the sheet order', () => {
    const r = parseLedger(
      [
        {
          name: '领导接访',
          rows: [
            ['编号', '单位代码', '日期', '接访领导', '接待群众人次'],
            ['JF1', '500114213207', '2023-01-13', '夏秀兰', '1'],
          ],
        },
        {
          name: '组织机构',
          rows: [
            ['代码', '名称', '层级', '上级代码'],
            ['500114213207', '冯家村', '村', '500114213'],
          ],
        },
      ],
      orgs,
    );
    expect(r.problems).toEqual([]);
    expect(r.records.receptions?.[0]).toMatchObject({ orgPath: ['500114', '500114213', '500114213207'] });
    expect(r.records.orgs).toHaveLength(1);
  });
});

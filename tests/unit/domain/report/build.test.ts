/** The report draft built from 白土乡's 2023 figures reads like its real report (shared/seeds/002). */
import { buildReport, reportPlainText, SECTION_HEADINGS, type ReportInput, type ReportModel } from '@/domain/report';
import { BAITU_2023_FIGURES, baituInput } from './baitu-2023';

const textOf = (input: ReportInput): string => reportPlainText(buildReport(input));
const withFigures = (changes: Record<string, number | null>): ReportInput => baituInput({ figures: { ...BAITU_2023_FIGURES, ...changes } });
const section = (model: ReportModel, key: string) => {
  const found = model.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

describe('buildReport from 白土乡 2023', () => {
  const model = buildReport(baituInput());
  const text = reportPlainText(model);

  it('should title the report as the seeds do', () => {
    expect(model.title).toBe('白土乡2023年度法治政府建设情况报告');
    expect(model.opening).toHaveLength(1);
    expect(model.opening[0]).toMatch(/^2023年，白土乡.*现将2023年度法治政府建设工作情况报告如下：$/);
  });

  it('should have the four sections of the report outline, in order', () => {
    expect(model.sections.map((s) => s.heading)).toEqual([
      '一、主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、下一年度工作安排',
    ]);
    expect(model.sections.map((s) => s.key)).toEqual(Object.keys(SECTION_HEADINGS));
  });

  it('should write section one in numbered subsections, one paragraph each', () => {
    const subs = section(model, 'measures').subsections ?? [];
    expect(subs.map((s) => s.heading)).toEqual([
      '（一）加强理论学习，提升法治思维',
      '（二）健全法治队伍，夯实基层基础',
      '（三）加大普法宣传，营造法治氛围',
      '（四）坚持依法行政，压实法治责任',
      '（五）依法化解矛盾纠纷，维护社会和谐稳定',
      '（六）规范信访工作，依法回应群众诉求',
    ]);
    for (const s of subs) expect(s.paragraphs).toHaveLength(1);
  });

  it('should print the sentences of the real report with exact numbers', () => {
    expect(text).toContain('2023年，共受理各类矛盾纠纷221件，办结221件，调解成功214件，调解成功率96.8%。');
    expect(text).toContain('现全乡共有法律明白人20人，村级调解员14人，乡级专职调解员1人。全乡共有行政村7个，一村一法律顾问、网格化管理实现全覆盖。');
    expect(text).toContain(
      '全年开展普法宣传活动21次，其中赶集日集中宣传6场次、法治知识院坝宣传会10次，发放宣传资料3046份，张贴制作法律宣传横幅23幅，提供法律咨询服务517人次，受教育群众2410人次。',
    );
    expect(text).toContain('全年开展领导干部接访299次，处理村级信访录入事项60条，处理上访诉求5件，办理5件，交办信访事项按期办结率100%。');
    expect(text).toContain(
      '全年开展党委理论学习中心组学法12次，举办法治专题讲座4期，开展行政执法人员和法治工作人员法律知识培训4次，组织参加法治考试2人次，法治考试参考率和合格率均达100%。',
    );
    expect(text).toContain('全年办理行政许可228件，实施行政处罚70件，签订法治建设责任书10份。');
    expect(text).toContain('开展法治进校园活动1次。');
    expect(text).not.toContain('余');
  });

  it('should list the figures each subsection printed, for tracing them to their records', () => {
    const mediation = section(model, 'measures').subsections?.[4];
    expect(mediation?.figureIds).toEqual(['mediation.accepted', 'mediation.closed', 'mediation.succeeded', 'mediation.success_rate']);
  });

  it('should put a bracketed reminder where the township has written nothing', () => {
    for (const key of ['shortcomings', 'leaderDuty', 'nextYear']) {
      expect(section(model, key).placeholder).toBe(true);
    }
    expect(text).toContain('（请填写2023年度推进法治政府建设存在的不足和原因）');
    expect(text).toContain('（请填写2023年度党政主要负责人履行推进法治建设第一责任人职责的情况）');
    expect(text).toContain('（请填写2024年度推进法治政府建设的主要工作安排）');
  });
});

describe('the 余 option', () => {
  const text = textOf(baituInput({ options: { yu: true } }));

  it('should round the summed quantities down as the real report does (3000余份, 500余人次, 20余幅)', () => {
    expect(text).toContain('发放宣传资料3000余份');
    expect(text).toContain('提供法律咨询服务500余人次');
    expect(text).toContain('张贴制作法律宣传横幅20余幅');
    expect(text).toContain('受教育群众2400余人次');
  });

  it('should keep 221件 exact by default, and round it when the township chooses 余 for it', () => {
    expect(text).toContain('共受理各类矛盾纠纷221件');
    const chosen = textOf(baituInput({ options: { yu: true, yuChoices: { 'mediation.accepted': true, 'outreach.materials': false } } }));
    expect(chosen).toContain('共受理各类矛盾纠纷200余件，办结221件');
    expect(chosen).toContain('发放宣传资料3046份');
  });

  it('should print an amount in 万元, floored with 余', () => {
    expect(textOf(withFigures({ 'mediation.amount': 2164239 }))).toContain('涉及金额216.4万元');
    expect(textOf(baituInput({ options: { yu: true }, figures: { ...BAITU_2023_FIGURES, 'mediation.amount': 2164239 } }))).toContain('涉及金额200万余元');
  });

  it('should list every printed figure with whether it used 余, for the township to choose', () => {
    const model = buildReport(baituInput({ options: { yu: true } }));
    const byId = new Map(model.printed.map((f) => [f.id, f]));
    expect(byId.get('outreach.materials')).toEqual({ id: 'outreach.materials', label: '发放宣传资料', unit: '份', yu: true });
    expect(byId.get('mediation.accepted')?.yu).toBe(false);
    expect(byId.get('mediation.success_rate')?.yu).toBe(false);
  });

  it('should keep counts of cases and events exact, and rates as they are', () => {
    expect(text).toContain('共受理各类矛盾纠纷221件，办结221件，调解成功214件，调解成功率96.8%');
    expect(text).toContain('全年开展领导干部接访299次');
    expect(text).toContain('现全乡共有法律明白人20人');
    expect(text).toContain('办理行政许可228件');
  });

  it('should print exact numbers without the option', () => {
    const exact = textOf(baituInput({ options: { yu: false } }));
    expect(exact).toContain('发放宣传资料3046份');
    expect(exact).toContain('提供法律咨询服务517人次');
    expect(exact).not.toContain('余');
  });
});

describe('missing and zero figures', () => {
  it('should drop the clause of a null figure and keep the sentence whole', () => {
    const text = textOf(withFigures({ 'outreach.banners': null, 'mediation.succeeded': null }));
    expect(text).not.toContain('横幅');
    expect(text).toContain('发放宣传资料3046份，提供法律咨询服务517人次');
    expect(text).toContain('共受理各类矛盾纠纷221件，办结221件，调解成功率96.8%。');
  });

  it('should drop a clause whose figure is absent from the input', () => {
    const figures = { ...BAITU_2023_FIGURES };
    delete figures['roster.township_mediators'];
    const text = textOf(baituInput({ figures }));
    expect(text).toContain('村级调解员14人。全乡共有行政村7个');
  });

  it('should leave out a detail counted 0 but keep a headline count of 0', () => {
    const text = textOf(withFigures({ 'outreach.market_day': 0, 'mediation.accepted': 0, 'mediation.closed': 3 }));
    expect(text).toContain('全年开展普法宣传活动21次，其中法治知识院坝宣传会10次，发放');
    expect(text).toContain('共受理各类矛盾纠纷0件，办结3件');
  });

  it('should keep a rate of 0%, which is a finding', () => {
    expect(textOf(withFigures({ 'petition.on_time_rate': 0 }))).toContain('交办信访事项按期办结率0%。');
  });

  it('should open the sentence with what is left when its first figure is missing', () => {
    const text = textOf(withFigures({ 'outreach.events': null, 'mediation.accepted': null, 'roster.legal_understanding': null }));
    expect(text).toContain('全年开展赶集日集中宣传6场次、法治知识院坝宣传会10次，发放宣传资料3046份');
    expect(text).toContain('2023年，共办结各类矛盾纠纷221件，调解成功214件');
    expect(text).toContain('现全乡共有村级调解员14人');
  });

  it('should print differing exam rates one by one', () => {
    const text = textOf(withFigures({ 'study.exam_participation_rate': 0.985, 'study.exam_pass_rate': 0.96 }));
    expect(text).toContain('法治考试参考率98.5%，合格率96%。');
  });

  it('should drop a subsection that has no figure at all and renumber the rest', () => {
    const model = buildReport(
      withFigures({
        'study.center_group': null,
        'study.lecture': null,
        'study.training': null,
        'study.exam_participation_rate': null,
        'study.exam_pass_rate': null,
        'study.exam_participants': null,
      }),
    );
    const headings = section(model, 'measures').subsections?.map((s) => s.heading) ?? [];
    expect(headings[0]).toBe('（一）健全法治队伍，夯实基层基础');
    expect(headings).toHaveLength(5);
  });

  it('should print dispute types, amounts, grids and the other figures when there are some', () => {
    const text = textOf(
      withFigures({
        'mediation.by_type.婚姻家庭': 30,
        'mediation.by_type.邻里': 41,
        'mediation.by_type.劳动争议': 2,
        'mediation.by_type.物业': 0,
        'mediation.amount': 125000.5,
        'petition.received_people': 340,
        'outreach.six_into_venues': 3,
        'manual.disclosure_coverage': 1,
        'roster.grid_coverage': 6 / 7,
      }),
    );
    expect(text).toContain('调解成功率96.8%，涉及金额12.5万元。受理的矛盾纠纷中，婚姻家庭纠纷30件、邻里纠纷41件、劳动争议2件。');
    expect(text).toContain('全年开展领导干部接访299次，接待来访群众340人次，处理村级信访录入事项60条');
    expect(text).toContain('签订法治建设责任书10份，政务公开覆盖面达100%。');
    expect(text).toContain('全乡共有行政村7个，一村一法律顾问实现全覆盖，网格化管理覆盖率85.7%。');
  });

  it('should name the 法律六进 venues, not count them', () => {
    const text = textOf(baituInput({ sixIntoVenues: ['学校', '机关', '乡村'], figures: { ...BAITU_2023_FIGURES, 'outreach.six_into_venues': 3 } }));
    expect(text).toContain('深入开展“法律六进”活动，法律进机关、进乡村、进学校，开展法治进校园活动1次。');
    expect(text).not.toContain('覆盖场所');
  });

  it('should print the township’s own 其他指标 in a closing sentence of their section', () => {
    const customFigures = [
      { id: 'xinji.birth_permits', label: '办理生育证', unit: '人次' },
      { id: 'xinji.emergency_team', label: '组建应急分队', unit: '名' },
    ];
    const figures = { ...BAITU_2023_FIGURES, 'xinji.birth_permits': 163, 'xinji.emergency_team': 30 };
    expect(textOf(baituInput({ figures, customFigures }))).toContain('签订法治建设责任书10份。此外，办理生育证163人次，组建应急分队30名。');
    expect(textOf(baituInput({ figures, customFigures, options: { yu: true } }))).toContain('此外，办理生育证160余人次，组建应急分队30名。');
  });

  it('should print 处理上访诉求 and 办理 from their own figures', () => {
    const text = textOf(withFigures({ 'petition.visits': 7, 'petition.visits_closed': 4 }));
    expect(text).toContain('处理上访诉求7件，办理4件');
  });

  it('should leave a reminder in section one when there is nothing to write from', () => {
    const model = buildReport(baituInput({ figures: {} }));
    const measures = section(model, 'measures');
    expect(measures.placeholder).toBe(true);
    expect(measures.paragraphs).toEqual(['（请填写2023年度推进法治政府建设的主要举措和成效）']);
  });
});

describe('the unit the report speaks of', () => {
  it('should say 全镇 and 镇级 for a 镇', () => {
    const text = textOf(baituInput({ orgName: '下渠镇' }));
    expect(text).toContain('现全镇共有法律明白人20人，村级调解员14人，镇级专职调解员1人');
    expect(text.split('\n')[0]).toBe('下渠镇2023年度法治政府建设情况报告');
  });

  it('should say 全街道 for a 街道 and 全区 for a district', () => {
    expect(textOf(baituInput({ orgName: '城南街道' }))).toContain('现全街道共有法律明白人20人');
    const district = textOf(baituInput({ orgName: '黔江区', orgLevel: '县' }));
    expect(district).toContain('现全区共有法律明白人20人，村级调解员14人，乡镇专职调解员1人');
  });
});

describe('the township’s own text', () => {
  it('should split it into paragraphs on line breaks, dropping blank lines and indents', () => {
    const model = buildReport(baituInput({ texts: { shortcomings: '　　一是少数党员干部依法行政的意识不强；\r\n\r\n  二是创新力度不够。\n' } }));
    const s = section(model, 'shortcomings');
    expect(s.placeholder).toBeUndefined();
    expect(s.paragraphs).toEqual(['一是少数党员干部依法行政的意识不强；', '二是创新力度不够。']);
  });

  it('should make its heading lines subsections, numbered in order', () => {
    const model = buildReport(
      baituInput({
        texts: {
          nextYear: '2024年，我乡将继续推进法治政府建设。\n(一)抓好重点\n落实各项决策部署。\n（三）加强宣传\n扩大普法范围。',
        },
      }),
    );
    const s = section(model, 'nextYear');
    expect(s.paragraphs).toEqual(['2024年，我乡将继续推进法治政府建设。']);
    expect(s.subsections).toEqual([
      { heading: '（一）抓好重点', paragraphs: ['落实各项决策部署。'] },
      { heading: '（二）加强宣传', paragraphs: ['扩大普法范围。'] },
    ]);
  });

  it('should keep a numbered paragraph that runs on into sentences a paragraph', () => {
    const model = buildReport(baituInput({ texts: { leaderDuty: '（一）强化组织领导。一是落实责任。' } }));
    expect(section(model, 'leaderDuty').paragraphs).toEqual(['（一）强化组织领导。一是落实责任。']);
  });

  it('should add more measures after the figures’ subsections, numbering on', () => {
    const model = buildReport(baituInput({ texts: { extraMeasures: '按照“两公开、一监督”的原则推进政务公开。\n（一）全面公开，推进民主\n设立公开栏。' } }));
    const subs = section(model, 'measures').subsections ?? [];
    expect(subs.slice(6)).toEqual([
      { heading: '（七）其他工作举措', paragraphs: ['按照“两公开、一监督”的原则推进政务公开。'] },
      { heading: '（八）全面公开，推进民主', paragraphs: ['设立公开栏。'] },
    ]);
  });

  it('should use the township’s opening in place of the generated one', () => {
    const model = buildReport(baituInput({ texts: { opening: '2023年，白土乡在区委、区政府的正确领导下……现将工作情况报告如下：' } }));
    expect(model.opening).toEqual(['2023年，白土乡在区委、区政府的正确领导下……现将工作情况报告如下：']);
  });
});

describe('reportPlainText', () => {
  it('should print the title, a blank line, then every heading and paragraph on its own line', () => {
    const lines = textOf(baituInput()).split('\n');
    expect(lines[0]).toBe('白土乡2023年度法治政府建设情况报告');
    expect(lines[1]).toBe('');
    expect(lines[3]).toBe('一、主要举措和成效');
    expect(lines[4]).toBe('（一）加强理论学习，提升法治思维');
    expect(lines.filter((l) => l.startsWith('（请填写'))).toHaveLength(3);
  });
});

describe('the 公文’s 主送机关 and 落款', () => {
  it('should print neither when the township chose none', () => {
    const model = buildReport(baituInput());
    expect(model.addressee).toBeUndefined();
    expect(model.signature).toBeUndefined();
  });

  it('should print the 主送机关 after the title with one colon, and the 落款 at the end with the date in Chinese form', () => {
    const model = buildReport(baituInput({ letter: { addressee: '中共三门峡市陕州区委：', signer: '白土乡人民政府', signDate: '2026-12-01' } }));
    expect(model.addressee).toBe('中共三门峡市陕州区委：');
    expect(model.signature).toEqual({ signer: '白土乡人民政府', date: '2026年12月1日' });
    const lines = reportPlainText(model).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([model.title, '', '中共三门峡市陕州区委：']);
    expect(lines.slice(-2)).toEqual(['白土乡人民政府', '2026年12月1日']);
  });

  it('should sign with the unit’s name when only the date is chosen', () => {
    expect(buildReport(baituInput({ letter: { signDate: '2026-01-09' } })).signature).toEqual({ signer: '白土乡', date: '2026年1月9日' });
  });
});

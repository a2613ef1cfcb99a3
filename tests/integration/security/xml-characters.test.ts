/**
 * Characters XML forbids (issue 12, item 11): U+FFFF typed into a text field made the exported xlsx
 * and the report .docx unreadable. They are stripped where input enters (every function's event, every
 * ledger file's cells), and the writers of both formats strip them again for anything stored before.
 */
import JSZip from 'jszip';
import { startAppStack, DEMO, type AppStack } from '../../helpers/app-stack';
import { UNIT, recordOf, seed, thisYear, type Answer } from '../../helpers/records-world';
import { exportLedger } from '../../../cloudfunctions/lib/ledger/export';
import { readWorkbook } from '../../../cloudfunctions/lib/ledger/xlsx';
import { renderReportDocx } from '../../../cloudfunctions/lib/report/docx';
import { parseTable } from '../../../src/domain/ledger/parse';
import { mustParsePeriod } from '../../../src/domain/period';
import { buildReport } from '@/domain/report';
import { baituInput } from '../../unit/domain/report/baitu-2023';

let stack: AppStack;

beforeAll(async () => {
  stack = await startAppStack();
}, 60000);
afterAll(() => stack?.stop());

/** Not allowed anywhere in an XML 1.0 document. */
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const HOSTILE = 'A\uFFFFB\u0001C\uD800D\uFFFEE\u0000F';

async function xmlPartsOf(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  return Promise.all(
    Object.values(zip.files)
      .filter((f) => f.name.endsWith('.xml'))
      .map((f) => f.async('string')),
  );
}

describe('characters XML forbids', () => {
  it('should strip them from a record as it is saved, and export a ledger that opens', async () => {
    const record = recordOf('outreach', UNIT.santangVillage, { topic: `民法典${HOSTILE}宣传`, venue: '乡村' });
    const view = await seed(stack, DEMO.villageWorker, 'outreach', record);
    expect(view.topic).toBe('民法典ABCDEF宣传');
    const db = await stack.db();
    const stored = (await db.collection('outreach').doc(String(record.id)).get()).data[0] as { topic: string };
    expect(stored.topic).toBe('民法典ABCDEF宣传');

    const xlsx = await exportLedger(db, UNIT.township, mustParsePeriod(String(thisYear())));
    for (const part of await xmlPartsOf(xlsx)) expect(part).not.toMatch(FORBIDDEN);
    const sheets = await readWorkbook(xlsx);
    expect(JSON.stringify(sheets)).toContain('民法典ABCDEF宣传');
  });

  it('should strip them from the report texts, whose .docx then opens', async () => {
    const year = thisYear();
    const saved = await stack.call<Answer>(
      'console',
      { action: 'saveReportTexts', year, texts: { shortcomings: `基层力量${HOSTILE}不足` }, baseVersion: 0 },
      DEMO.admin,
    );
    expect(saved.error).toBeUndefined();
    expect(JSON.stringify(saved)).toContain('基层力量ABCDEF不足');
    expect(JSON.stringify(saved)).not.toMatch(/\\uffff|\\u0001|\\ud800/i);
  });

  it('should write a .docx that opens even from text stored before the fix', async () => {
    const model = buildReport(baituInput());
    const docx = await renderReportDocx({ ...model, title: `${model.title}${HOSTILE}` });
    for (const part of await xmlPartsOf(docx)) expect(part).not.toMatch(FORBIDDEN);
  });

  it('should strip them from the cells of an imported ledger', () => {
    const rows = [
      ['编号', '单位代码', '日期', '类型', '场所', '主题', '受众人数', '发放资料份数', '横幅幅数', '咨询人次', '记录人'],
      ['PFX0001', UNIT.township, '2023-04-25', '赶集日集中宣传', '集市', `民法典${HOSTILE}`, '128', '150', '2', '19', '谭平志'],
    ];
    const parsed = parseTable(
      '普法活动',
      rows,
      new Map([
        [UNIT.county, { code: UNIT.county, level: '县', parentCode: null }],
        [UNIT.township, { code: UNIT.township, level: '乡镇', parentCode: UNIT.county }],
      ]),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.records[0]).toMatchObject({ topic: '民法典ABCDEF' });
  });
});

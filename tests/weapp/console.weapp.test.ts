/**
 * A township admin in the production mini-program: reads the console's figures, drills down to the
 * records behind one, and gets the annual report — WeChat's document viewer on a phone, the "save as"
 * dialog of PC WeChat on Windows and Mac.
 */
import { DEMO } from '../helpers/app-stack';
import { walk, visibleText, type ViewNode } from './runtime/render';
import type { MiniProgram } from './runtime/mini-program';
import { weappStackForFile } from './helpers';

const env = weappStackForFile();

function keyFigure(app: MiniProgram, label: string): { id: string; text: string } {
  let found: ViewNode | undefined;
  walk(app.screen(), (node) => {
    // The innermost: the cell, not the grid (#key-figures) around it.
    if (String(node.attr.id ?? '').startsWith('key-') && visibleText(node).includes(label)) found = node;
  });
  if (!found) throw new Error(`no key figure ${label}:\n${app.text()}`);
  return { id: String(found.attr.id).slice(4), text: visibleText(found) };
}

async function downloadReport(app: MiniProgram): Promise<void> {
  await app.tap('go-report');
  await app.waitForRoute('console/report/index');
  await app.waitForText('开头段落');
  await app.tap('report-docx');
  await app.waitFor(
    () => app.callsTo('openDocument').length + app.callsTo('saveFileToDisk').length > 0,
    () => 'the report file',
  );
}

const isDocx = (app: MiniProgram, path: string) => app.device.files.get(path)?.subarray(0, 2).toString() === 'PK';

test('the admin reads the figures, drills down and opens the report on a phone', async () => {
  const app = await env.launch({ openid: DEMO.admin, path: 'console/index/index', platform: 'android' });
  await app.waitForText('主要数据');
  const year = new Date().getFullYear();
  const overview = await env.stack.call<{ figures: Record<string, number> }>('console', { action: 'overview', year }, DEMO.admin);
  const events = keyFigure(app, '开展普法宣传活动');
  const value = overview.figures[events.id];
  expect(value).toBeGreaterThan(0);
  expect(events.text).toContain(String(value));

  // The records behind the figure: as many as the figure counts.
  await app.tap(`key-${events.id}`);
  await app.waitForRoute('console/records/index');
  await app.waitForText(`共 ${value} 条`);

  await app.back();
  await downloadReport(app);
  const [opened] = app.callsTo('openDocument');
  expect(opened).toMatchObject({ fileType: 'docx' });
  // Saved under the report's title, which the document viewer shows and shares it as.
  expect(opened.filePath).toMatch(/白土乡\d{4}年度法治政府建设情况报告\.docx$/);
  expect(isDocx(app, opened.filePath)).toBe(true);
  expect(app.callsTo('saveFileToDisk')).toEqual([]);
}, 60000);

test.each(['windows', 'mac'] as const)(
  'in PC WeChat on %s the report is saved to the computer',
  async (platform) => {
    const app = await env.launch({ openid: DEMO.admin, path: 'console/index/index', platform });
    await app.waitForText('主要数据');
    await downloadReport(app);
    const [saved] = app.callsTo('saveFileToDisk');
    expect(saved.filePath).toMatch(/白土乡\d{4}年度法治政府建设情况报告\.docx$/);
    expect(isDocx(app, saved.filePath)).toBe(true);
    expect(app.callsTo('openDocument')).toEqual([]);
  },
  60000,
);

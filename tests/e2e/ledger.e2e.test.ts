/**
 * The township's own figures and ledger files in the console, in real Chromium: the admin enters a
 * 其他指标 of the township's own and changes a catalogue one (the report then prints the custom one), a
 * bad entry is refused beside its field; the report's 主送机关 and 署名 are entered and previewed; the year's ledger downloads as an Excel file; a spoiled copy
 * is refused by sheet, row and column, a corrected one shows its change in the check and is imported
 * when confirmed. Screenshots: test-artifacts/e2e/ledger-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, signInAs as signIn, textEventually } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';
import { beijingYear } from '../../src/domain/dates';
import type { FiguresAnswer } from '../../src/domain/api';

const env = browserStackForFile();
const year = beijingYear(new Date());
const work = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const signInAs = (page: Page, openid: string) => signIn(page, env.stack.gateway.url, openid);

const textOf = (page: Page, selector: string) => () =>
  page
    .locator(selector)
    .innerText()
    .catch(() => '');

async function fill(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id} input`);
  await input.fill(value);
  await input.blur();
}

const figures = async () => (await env.stack.call<FiguresAnswer>('figures', { action: 'get', period: String(year) }, DEMO.admin)).figures;

/** A copy of the workbook at `from` with the first 领导接访's 接待群众人次 set to `value`; its Excel row. */
async function withReception(from: string, to: string, value: string | number): Promise<number> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(from);
  const sheet = workbook.getWorksheet('领导接访');
  if (!sheet) throw new Error('no 领导接访');
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  sheet.getRow(2).getCell(header.indexOf('接待群众人次')).value = value;
  await workbook.xlsx.writeFile(to);
  return 2;
}

describe('其他指标 and ledger files in the console', () => {
  it('should enter a custom and a catalogue 其他指标, refuse a bad one, and print the custom one in the report', async () => {
    const page = await phonePage(env.browser);
    await signInAs(page, DEMO.admin);
    await page.goto(env.at('/console/index/index'));
    await page.locator('#go-figures').click();
    await page.locator('#mf-list').waitFor();

    // A code of the township's own without its name is refused beside the name, and nothing is saved.
    await page.locator('#mf-pick-custom').click();
    await fill(page, 'mf-code', 'x.birth_permits');
    await fill(page, 'mf-unit', '人次');
    await fill(page, 'mf-value', '160');
    await page.locator('#mf-save').click();
    await page.locator('#mf-label-error').waitFor();
    expect(await page.locator('#mf-label-error').innerText()).toContain('指标名称');
    expect(await page.locator('#mf-row-x-birth_permits').count()).toBe(0);
    await screenshot(page, 'ledger-01-figure-refused');

    await fill(page, 'mf-label', '办理生育证');
    await page.locator('#mf-save').click();
    await textEventually(textOf(page, '#mf-row-x-birth_permits'), (t) => t.includes('办理生育证') && t.includes('160人次'), 'the custom figure');

    // A catalogue figure the demo already has: its form opens with the value, a change makes version 2.
    await page.locator('#mf-pick-enforcement-permits').click();
    expect(await page.locator('#mf-value input').inputValue()).toBe('228');
    await fill(page, 'mf-value', '230');
    await page.locator('#mf-save').click();
    await textEventually(textOf(page, '#mf-row-enforcement-permits'), (t) => t.includes('230件') && t.includes('第 2 版'), 'the changed figure');
    await screenshot(page, 'ledger-02-figures');
    expect(await figures()).toMatchObject({ 'x.birth_permits': 160, 'enforcement.permits': 230 });

    await page.goto(env.at(`/console/report/index?year=${year}`));
    await textEventually(textOf(page, '#report-preview'), (t) => t.includes('办理生育证160人次') && t.includes('行政许可230件'), 'the figures in the report');

    // The 公文's 主送机关 and 署名, saved for the year, print in the preview: at the top and at the end.
    await fill(page, 'letter-addressee', '中共重庆市黔江区委');
    await fill(page, 'letter-signer', '白土乡人民政府');
    await page.locator('#letter-save').click();
    const preview = await textEventually(textOf(page, '#report-preview'), (t) => t.includes('中共重庆市黔江区委：'), 'the 主送机关 in the preview');
    const lines = preview
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines[1]).toBe('中共重庆市黔江区委：');
    expect(lines.at(-1)).toBe('白土乡人民政府');
    await page.locator('#report-letter').scrollIntoViewIfNeeded();
    await screenshot(page, 'ledger-06-report-letter');
  }, 120000);

  it('should download the ledger, refuse a spoiled copy by sheet, row and column, and import a corrected one when confirmed', async () => {
    const page = await phonePage(env.browser);
    await signInAs(page, DEMO.admin);
    await page.goto(env.at('/console/index/index'));
    await page.locator('#go-ledger').click();
    await page.locator('#ledger-import').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.locator('#ledger-download').click()]);
    expect(download.suggestedFilename()).toBe(`白土乡${year}年台账.xlsx`);
    const exported = join(work, 'exported.xlsx');
    await download.saveAs(exported);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(exported);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['指标汇总', '组织机构', '人员名册']);

    const spoiled = join(work, 'spoiled.xlsx');
    const row = await withReception(exported, spoiled, '很多');
    const before = await figures();
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#ledger-choose').click()]);
      await chooser.setFiles(file);
    };
    await choose(spoiled);
    const problems = await textEventually(textOf(page, '#ledger-problems'), (t) => t.includes('需要改正'), 'the problems');
    expect(problems).toContain(`领导接访第${row}行「接待群众人次」`);
    expect(await page.locator('#ledger-confirm').count()).toBe(0);
    await screenshot(page, 'ledger-03-import-refused');
    expect(await figures()).toEqual(before);

    const corrected = join(work, 'corrected.xlsx');
    await withReception(exported, corrected, 999);
    await choose(corrected);
    await textEventually(textOf(page, '#ledger-report-head'), (t) => t.includes('检查通过'), 'the passed check');
    expect(await page.locator('[id="ledger-sheet-领导接访"]').innerText()).toContain('更新 1');
    expect(await figures()).toEqual(before);
    await screenshot(page, 'ledger-04-import-checked');

    await page.locator('#ledger-confirm').click();
    await textEventually(textOf(page, '#ledger-report-head'), (t) => t.includes('已导入'), 'the import');
    const after = await figures();
    expect(Number(after['petition.received_people'])).toBeGreaterThan(Number(before['petition.received_people']));
    await screenshot(page, 'ledger-05-imported');
  }, 120000);
});

/**
 * The township console in real Chromium, on a phone (375×667) and on a PC screen (1280×800): the
 * township admin opens it from home, reads the key figures, opens the village chart, drills down from
 * 开展普法宣传活动 to its records, looks at the data-quality warnings, writes a report text and finds it
 * in the preview. Screenshots: test-artifacts/e2e/console-*.png.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, signInAs as signIn, textEventually } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';
import { beijingYear } from '../../src/domain/dates';
import type { FiguresAnswer } from '../../src/domain/api';

const env = browserStackForFile();
const year = beijingYear(new Date());

const at = (path: string) => `${env.stack.gateway.url}/#${path}`;

const signInAs = (page: Page, openid: string) => signIn(page, env.stack.gateway.url, openid);

async function pcPage(): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

/** Waits for Taro's page slide-in to end (the page is wider than the window while it runs), then shoots. */
async function shot(page: Page, name: string, focus?: string): Promise<void> {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth))) {
    await new Promise((ok) => setTimeout(ok, 100));
  }
  if (focus) await page.locator(focus).scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

const numberIn = (text: string): number => Number(/(\d+)/.exec(text.replace(/,/g, ''))?.[1] ?? NaN);

describe('the township console in Chromium', () => {
  it('should take the admin from home through figures, chart, drill-down, quality and report', async () => {
    const figures = (await env.stack.call<FiguresAnswer>('figures', { action: 'get', period: String(year) }, DEMO.admin)).figures;
    const events = figures['outreach.events'] as number;
    expect(events).toBeGreaterThan(0);
    const page = await phonePage(env.browser);

    await signInAs(page, DEMO.admin);
    await page.locator('#go-console').click();
    const eventsLine = page.locator('#console-home [id="figure-outreach.events"]');
    await eventsLine.waitFor();
    expect(numberIn(await page.locator('#console-home [id="key-outreach.events"] .key-value').innerText())).toBe(events);
    expect(await eventsLine.innerText()).toContain('开展普法宣传活动');
    expect(await page.locator('#console-org').innerText()).toContain('白土乡');
    await shot(page, 'console-01-overview');

    await page.locator('#go-charts').click();
    const bars = page.locator('#chart-village-bars .bar-row');
    await bars.first().waitFor();
    expect(await bars.count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('#chart-title').innerText()).toContain('开展普法宣传活动');
    expect(await page.locator('#chart-village-bars .bar-total').innerText()).toBe(`合计 ${events}次`);
    await shot(page, 'console-02-village-chart');

    await page.goBack();
    await eventsLine.click();
    await page.locator('#records-title').waitFor();
    expect(await page.locator('#records-title').innerText()).toBe('开展普法宣传活动');
    expect(await page.locator('#records-count').innerText()).toContain(`共 ${events} 条`);
    expect(await page.locator('#console-records .record-row').count()).toBe(Math.min(20, events));
    expect(await page.locator('#console-records .record-row').first().innerText()).toContain('普法活动');
    await shot(page, 'console-03-records');

    await page.goBack();
    await page.locator('#go-quality').click();
    await page.locator('#quality-summary').waitFor();
    expect(await page.locator('#quality-summary').innerText()).toContain('白土乡');
    await shot(page, 'console-04-quality');

    await page.goBack();
    await page.locator('#go-report').click();
    const field = page.locator('#text-shortcomings textarea');
    await field.waitFor();
    const written = `一是浏览器测试写下的不足${Date.now()}。`;
    await field.fill(written);
    await page.locator('#report-save').click();
    await textEventually(
      () =>
        page
          .locator('#report-notice')
          .innerText()
          .catch(() => ''),
      (t) => t.includes('已保存'),
      'the saved notice',
    );
    const preview = await textEventually(
      () =>
        page
          .locator('#report-preview')
          .innerText()
          .catch(() => ''),
      (t) => t.includes(written),
      'the text in the preview',
    );
    expect(preview).toContain('共受理各类矛盾纠纷');
    expect(preview).toContain(`白土乡${year}年度法治政府建设情况报告`);
    await page.locator('#report-yu').click();
    await textEventually(
      () =>
        page
          .locator('#report-preview')
          .innerText()
          .catch(() => ''),
      (t) => /\d+余份/.test(t),
      'the 余 form',
    );
    await shot(page, 'console-05-report', '#report-preview');

    // The .docx comes back from storage as a download the browser saves.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.locator('#report-docx').click()]);
    expect(download.suggestedFilename()).toBe(`白土乡${year}年度法治政府建设情况报告.docx`);
    const url = await page.locator('#report-file-url').innerText();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 120000);

  it('should lay the console out on a PC screen', async () => {
    const page = await pcPage();
    await signInAs(page, DEMO.admin);
    await page.goto(at('/console/index/index'));
    await page.locator('#console-home #key-figures').waitFor();
    // Drawn at the phone's scale and centred, not blown up to double size by the H5 root font.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    const box = await page.locator('#console-home').boundingBox();
    expect(box?.width).toBeLessThanOrEqual(1080);
    await shot(page, 'console-pc-01-overview');

    await page.goto(at('/console/charts/index'));
    await page.locator('#chart-village-bars').waitFor();
    await page.locator('#chart-month').click();
    await page.locator('#chart-month-bars .bar-row').first().waitFor();
    expect(await page.locator('#chart-month-bars .bar-row').count()).toBe(12);
    await shot(page, 'console-pc-02-month-chart');

    await page.goto(at('/console/quality/index'));
    await page.locator('#quality-summary').waitFor();
    await shot(page, 'console-pc-03-quality');

    await page.goto(at('/console/report/index'));
    await page.locator('#report-preview').waitFor();
    await shot(page, 'console-pc-04-report');
    await page.context().close();
  }, 90000);
});

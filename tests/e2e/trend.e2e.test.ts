/**
 * The console's five-year trend in real Chromium: the township admin opens 图表, taps 五年走势 and sees
 * sixty months of 开展普法宣传活动 (their total the figures of this year and last, the demo's years),
 * then taps a month and finds exactly that month's records behind it.
 * Screenshot: test-artifacts/e2e/trend-01.png.
 */
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, signInAs } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';
import { beijingYear } from '../../src/domain/dates';
import type { FiguresAnswer } from '../../src/domain/api';

const env = browserStackForFile();
const year = beijingYear(new Date());

const eventsOf = async (period: string): Promise<number> =>
  (await env.stack.call<FiguresAnswer>('figures', { action: 'get', period }, DEMO.admin)).figures['outreach.events'] as number;

describe('the five-year trend in Chromium', () => {
  it('should show sixty months of a figure and open the records behind a month', async () => {
    const total = (await eventsOf(String(year))) + (await eventsOf(String(year - 1)));
    expect(total).toBeGreaterThan(0);
    const page = await phonePage(env.browser);
    await signInAs(page, env.stack.gateway.url, DEMO.admin);
    await page.goto(`${env.stack.gateway.url}/#/console/charts/index`);
    await page.locator('#chart-village-bars').waitFor();

    await page.locator('#chart-trend').click();
    const bars = page.locator('#chart-trend-bars .bar-row');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(60);
    expect(await page.locator('#chart-title').innerText()).toBe(`开展普法宣传活动（次）· ${year - 4}—${year}年五年走势`);
    expect(await bars.first().locator('.bar-label').innerText()).toBe(`${year - 4}年1月`);
    expect(await page.locator('#chart-trend-bars .bar-total').innerText()).toBe(`合计 ${total}次`);
    await screenshot(page, 'trend-01');

    // The last month with events this year: its bar opens exactly its records.
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const counts = await Promise.all(months.map(eventsOf));
    const last = counts
      .map((n, i) => [months[i], n] as const)
      .filter(([, n]) => n > 0)
      .pop();
    expect(last).toBeDefined();
    const [month, n] = last as readonly [string, number];
    expect(await page.locator(`[id="chart-trend-bars-${month}"] .bar-value`).innerText()).toBe(`${n}`);
    await page.locator(`[id="chart-trend-bars-${month}"]`).click();
    await page.locator('#records-title').waitFor();
    expect(await page.locator('#records-title').innerText()).toBe('开展普法宣传活动');
    expect(await page.locator('#records-count').innerText()).toContain(`共 ${n} 条`);
  }, 120000);
});

/**
 * The skeleton in a real browser: the township admin reads this year's figures, a 法律明白人 logs a
 * market-day event on the phone-sized H5 app, and the admin's figures grow by the event's numbers.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, expectEventually, signInAs as signIn } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';

const local = browserStackForFile();
const signInAs = (page: Page, openid: string) => signIn(page, local.stack.gateway.url, openid);

async function figureOf(page: Page, id: string): Promise<number> {
  const text = await page.locator(`[id="figure-${id}"]`).innerText();
  const match = /(\d+)/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`no number in figure ${id}: ${text}`);
  return Number(match[1]);
}

async function fillNumber(page: Page, id: string, value: number): Promise<void> {
  const input = page.locator(`#${id} input`);
  await input.fill(String(value));
  await input.blur();
}

describe('the outreach slice in Chromium', () => {
  it('should count an event logged by a 法律明白人 in the township admin figures', async () => {
    const page = await phonePage(local.browser);

    await signInAs(page, DEMO.admin);
    await page.locator('[id="figure-outreach.events"]').waitFor();
    const eventsBefore = await figureOf(page, 'outreach.events');
    const materialsBefore = await figureOf(page, 'outreach.materials');
    await screenshot(page, '01-admin-before');

    await signInAs(page, DEMO.villageWorker);
    await screenshot(page, '02-worker-home');
    await page.locator('#go-outreach').click();
    await page.locator('#outreach-form').waitFor();
    await fillNumber(page, 'field-attendees', 73);
    await fillNumber(page, 'field-materials', 180);
    await fillNumber(page, 'field-banners', 3);
    await fillNumber(page, 'field-consultations', 9);
    await page.locator('#field-topic input').fill('防范电信诈骗');
    await screenshot(page, '03-outreach-form');
    await page.locator('#save-outreach').click();

    await page.locator('#mine').waitFor({ timeout: 15000 });
    const item = page.locator('.record-item', { hasText: '180' });
    await item.first().waitFor();
    await screenshot(page, '04-mine');

    await signInAs(page, DEMO.admin);
    await page.locator('[id="figure-outreach.events"]').waitFor();
    await expectEventually(async () => figureOf(page, 'outreach.events'), eventsBefore + 1);
    expect(await figureOf(page, 'outreach.materials')).toBe(materialsBefore + 180);
    await screenshot(page, '05-admin-after');
  }, 90000);

  it('should keep the page a person opens right after saving, not send them back from it', async () => {
    const page = await phonePage(local.browser);
    await signInAs(page, DEMO.villageWorker);
    await page.locator('#go-outreach').click();
    await page.locator('#outreach-form').waitFor();
    await page.locator('#field-topic input').fill('离开前保存的活动');
    await page.locator('#save-outreach').click();
    // Within the half second the saved toast is shown, the person goes to another page.
    await page.goto(`${local.stack.gateway.url}/#/pages/signin/index`);
    await page.locator('#signin').waitFor();
    await page.waitForTimeout(1500);
    expect(page.url()).toContain('/pages/signin/index');
    expect(await page.locator('#signin').isVisible()).toBe(true);
  }, 60000);
});

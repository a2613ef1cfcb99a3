/**
 * A planned (计划) 普法活动 counts in no figure until its recorder confirms it was held: a 法律明白人 logs
 * an event planned for today, the township's figure stays; 我的记录 asks 确认已举办, the form opens as
 * held, the numbers are typed, and only then does the figure grow.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, expectEventually, signInAs as signIn } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';

const local = browserStackForFile();
const signInAs = (page: Page, openid: string) => signIn(page, local.stack.gateway.url, openid);
const TOPIC = '村委会计划中的民法典讲座';

async function eventsFigure(page: Page): Promise<number> {
  await signInAs(page, DEMO.admin);
  const figure = page.locator('[id="figure-outreach.events"]');
  await figure.waitFor();
  return Number(/(\d+)/.exec((await figure.innerText()).replace(/,/g, ''))?.[1]);
}

async function fillNumber(page: Page, id: string, value: number): Promise<void> {
  const input = page.locator(`#${id} input`);
  await input.fill(String(value));
  await input.blur();
}

it('should count a planned event only once its recorder confirms it was held', async () => {
  const page = await phonePage(local.browser);
  const before = await eventsFigure(page);

  await signInAs(page, DEMO.villageWorker);
  await page.locator('#go-outreach').click();
  await page.locator('#outreach-form').waitFor();
  await page.locator('#field-status-opt-1').click(); // 计划: later today
  await page.locator('#field-topic input').fill(TOPIC);
  await page.locator('#save-outreach').click();
  await page.locator('#mine').waitFor({ timeout: 15000 });
  const item = page.locator('.record-item', { hasText: TOPIC }).first();
  const confirm = item.locator('[id^="confirm-held-"]');
  await confirm.waitFor();
  const id = String(await confirm.getAttribute('id')).replace('confirm-held-', '');
  await expectEventually(async () => page.locator(`#status-${id}`).innerText(), '已发送');
  await screenshot(page, 'planned-01-mine-confirm');

  expect(await eventsFigure(page)).toBe(before);

  await signInAs(page, DEMO.villageWorker);
  await page.locator('#go-mine').click();
  await page.locator(`#confirm-held-${id}`).click();
  await page.locator('#outreach-form').waitFor();
  // The form opens as held, for the numbers to be filled in.
  expect(await page.locator('#field-status-opt-0').getAttribute('class')).toContain('chip-on');
  await fillNumber(page, 'field-attendees', 41);
  await screenshot(page, 'planned-02-confirm-form');
  await page.locator('#save-outreach').click();
  await expectEventually(async () => page.locator(`#confirm-held-${id}`).count(), 0);

  await expectEventually(async () => eventsFigure(page), before + 1);
}, 120000);

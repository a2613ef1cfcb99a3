/**
 * The village cadre's forms and a mediation case in real Chromium: every form the cadre may use,
 * photographed at 375×667; then a dispute logged, seen in 我的待办, taken from 受理 to 调解中, visited
 * (回访), closed as 调解成功 with its agreement — and gone from 我的待办 once closed.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, screenshot } from './helpers/browser';
import { startBrowserStack } from './helpers/stack';
import { backHome, fillText, openForm, outboxEntries, phoneShots, saveForm, signInAs } from './helpers/field';
import { DEMO, type AppStack } from '../helpers/app-stack';

let stack: AppStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startBrowserStack();
  browser = await launchBrowser();
  page = await phonePage(browser);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const KINDS = ['outreach', 'consultation', 'dispute', 'petition', 'reception', 'study'];

describe('field forms and case follow-up in Chromium', () => {
  it('should offer the cadre every form, each photographed at a phone viewport', async () => {
    const base = stack.gateway.url;
    await signInAs(page, base, DEMO.cadre);
    await page.locator('#outbox-status').waitFor();
    for (const kind of KINDS) expect(await page.locator(`#go-${kind}`).count()).toBe(1);
    await phoneShots(page, 'field-form-00-home', screenshot);

    for (const [i, kind] of KINDS.entries()) {
      await backHome(page, base);
      await openForm(page, kind);
      await phoneShots(page, `field-form-${i + 1}-${kind}`, screenshot);
    }
    // The dispute form as it closes a case at once: agreement and amount appear.
    await backHome(page, base);
    await openForm(page, 'dispute');
    await page.locator('#field-state-opt-2').click();
    await page.locator('#field-agreementForm').waitFor();
    await phoneShots(page, 'field-form-3-dispute-closed', screenshot);
  }, 120000);

  it('should walk a mediation case from 受理 to 调解成功 with a 回访, in 我的待办 until closed', async () => {
    const base = stack.gateway.url;
    await backHome(page, base);
    // A fresh form (the screenshot step left a closed-state draft behind).
    await page.evaluate(() => localStorage.removeItem('fazhi.draft.dispute'));
    await openForm(page, 'dispute');
    await fillText(page, 'field-parties-0-name', '孙某');
    await fillText(page, 'field-parties-0-phone', '13912345678');
    await fillText(page, 'field-description', '两户因耕地边界发生争执');
    await saveForm(page, 'dispute');
    const created = (await outboxEntries(page)).find((e) => e.kind === 'dispute');
    if (!created) throw new Error('no dispute in the outbox');
    const id = created.id;
    await page.locator(`#status-${id}`, { hasText: '已发送' }).waitFor({ timeout: 15000 });

    await backHome(page, base);
    await page.locator('#go-todo').click();
    const item = page.locator(`[id="todo-${id}"]`);
    await item.waitFor({ timeout: 15000 });
    expect(await item.innerText()).toContain('受理');
    await phoneShots(page, 'field-case-01-todo', screenshot);

    await item.click();
    await page.locator('#case').waitFor();
    expect(await page.locator('#case-state').innerText()).toBe('受理');
    await phoneShots(page, 'field-case-02-accepted', screenshot);

    // 受理 → 调解中
    await page.locator('#next-state-opt-0').click();
    await page.locator('#save-state').click();
    await page.locator('#case-state', { hasText: '调解中' }).waitFor({ timeout: 15000 });

    // A follow-up visit.
    await fillText(page, 'followup-result', '双方同意由村委会现场勘界');
    await page.locator('#add-followup').click();
    await page.locator('#followup-0').waitFor({ timeout: 15000 });
    expect(await page.locator('#followup-0').innerText()).toContain('现场勘界');
    await phoneShots(page, 'field-case-03-mediating-visited', screenshot);

    // Still in 我的待办, now 调解中.
    await page.goBack();
    await page.locator('#todo').waitFor();
    await page.locator(`[id="todo-${id}"]`, { hasText: '调解中' }).waitFor({ timeout: 15000 });

    // 调解中 → 调解成功, with the agreement.
    await page.locator(`[id="todo-${id}"]`).click();
    await page.locator('#case-state', { hasText: '调解中' }).waitFor();
    await page.locator('#next-state-opt-0').click();
    await page.locator('#agreement-form').waitFor();
    await fillText(page, 'agreement-amount', '2000');
    await fillText(page, 'state-note', '按协议重新划定地界');
    await phoneShots(page, 'field-case-04-closing', screenshot);
    await page.locator('#save-state').click();

    // Back in 我的待办 without it.
    await page.locator('#todo').waitFor({ timeout: 15000 });
    await page.locator(`[id="todo-${id}"]`).waitFor({ state: 'detached', timeout: 15000 });
    await phoneShots(page, 'field-case-05-todo-after', screenshot);

    const { record } = await stack.call<{ record: Record<string, unknown> }>('records', { action: 'get', kind: 'dispute', id }, DEMO.cadre);
    expect(record).toMatchObject({ state: '调解成功', agreementForm: '书面', amount: 2000, version: 4 });
    expect(record.closeDate).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    // The closing note belongs to the case, not to its visits.
    expect(record.followUps).toEqual([{ date: expect.any(String), result: '双方同意由村委会现场勘界' }]);
    expect(record.closingNote).toBe('按协议重新划定地界');
    const { todo } = await stack.call<{ todo: { id: string }[] }>('records', { action: 'todo' }, DEMO.cadre);
    expect(todo.map((t) => t.id)).not.toContain(id);
  }, 120000);
});

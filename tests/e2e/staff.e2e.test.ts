/**
 * 人员与单位 and invite binding in real Chromium at 375×667: the township admin adds a 法律明白人 to a
 * village from the console and issues an invite; a new WeChat identity enters the code on the bind
 * page and lands on home as that 法律明白人; the same code from another identity is refused as used.
 * Screenshots: test-artifacts/e2e/staff-*.png.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, signInAs } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';

const env = browserStackForFile();
const VILLAGE = { code: '500114213202', name: '沙坝村' };

async function fill(page: Page, id: string, value: string): Promise<void> {
  const box = page.locator(`#${id} input`).first();
  await box.fill(value);
  await box.blur();
}

/** A fresh browser (no sign-in) acting as a WeChat identity nobody has bound yet. */
async function newcomerPage(openid: string): Promise<Page> {
  const page = await phonePage(env.browser);
  await page.goto(env.at('/pages/home/index'));
  // The way src/services/identity.ts keeps the dev identity (Taro's H5 storage wraps values as {data}).
  await page.evaluate((id) => localStorage.setItem('fazhi.dev.openid', JSON.stringify({ data: id })), openid);
  return page;
}

async function bindWith(page: Page, code: string): Promise<void> {
  await page.goto(env.at('/pages/bind/index'));
  // Typed as a person might: lower case, without the dash.
  await fill(page, 'bind-code', code.replace('-', '').toLowerCase());
  await page.locator('#bind-submit').click();
}

describe('people, invites and binding in Chromium', () => {
  it('should let the admin add a 法律明白人 and invite them, and bind the code exactly once', async () => {
    const name = `测试${String(Date.now()).slice(-5)}`;
    const admin = await phonePage(env.browser);
    await signInAs(admin, env.stack.gateway.url, DEMO.admin);
    await admin.locator('#go-console').click();
    await admin.locator('#go-people').click();
    await admin.locator('#roster .staff-row').first().waitFor();
    expect(await admin.locator('#people-org').innerText()).toContain('白土乡');
    await screenshot(admin, 'staff-01-roster');

    // 单位管理: the next free code under 白土乡 is suggested; the new village is then a unit to pick.
    await admin.locator('#go-units').click();
    await admin.locator('#village-form').waitFor();
    expect(await admin.locator('#village-code input').inputValue()).toBe('500114213208');
    await fill(admin, 'village-name', '新建村');
    await admin.locator('#village-add').click();
    await admin.locator('#units-notice, #units-error').first().waitFor();
    expect(await admin.locator('#units-notice').innerText()).toBe('已添加：新建村（500114213208）');
    await admin.locator('#unit-500114213208').waitFor();
    await screenshot(admin, 'staff-01b-units');
    await admin.goBack();
    await admin.locator('#filter-unit-500114213208').waitFor();

    await admin.locator('#person-add').click();
    await admin.locator('#person-form').waitFor();
    await fill(admin, 'person-name', name);
    await admin.locator('#person-role-opt-0').click(); // 法律明白人
    await admin.locator(`#person-org-${VILLAGE.code}`).click();
    await screenshot(admin, 'staff-02-add-person');
    await admin.locator('#person-save').click();
    const notice = admin.locator('#people-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`已保存：${name}（法律明白人，${VILLAGE.name}）`);
    await admin.locator(`#filter-unit-${VILLAGE.code}`).click();
    expect(await admin.locator('#roster').innerText()).toContain(name);

    await admin.locator('#notice-invite').click();
    await admin.locator('#invite-form').waitFor();
    expect(await admin.locator('#invite-name input').inputValue()).toBe(name);
    expect(await admin.locator('#invite-role-opt-0').getAttribute('class')).toContain('chip-on');
    await admin.locator('#invite-issue').click();
    const codeBox = admin.locator('#invite-code');
    await codeBox.waitFor();
    const code = (await codeBox.innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(await admin.locator('#invite-message').innerText()).toContain(`输入邀请码 ${code}`);
    expect(await admin.locator('#invite-expiry').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 前有效/);
    await screenshot(admin, 'staff-03-invite');

    const newcomer = await newcomerPage('o-e2e-newcomer');
    await newcomer.locator('#go-bind').waitFor();
    await screenshot(newcomer, 'staff-04-resident-home');
    await bindWith(newcomer, code);
    const done = newcomer.locator('#bind-done');
    await done.waitFor();
    expect(await done.innerText()).toBe(`已绑定：${name}，法律明白人，${VILLAGE.name}`);
    await screenshot(newcomer, 'staff-05-bound');
    await newcomer.locator('#go-outreach').waitFor({ timeout: 10000 });
    expect(await newcomer.locator('#me-name').innerText()).toBe(name);
    expect(await newcomer.locator('#me-role').innerText()).toBe('法律明白人');
    expect(await newcomer.locator('#me-org').innerText()).toBe(VILLAGE.name);
    await screenshot(newcomer, 'staff-06-home');

    const latecomer = await newcomerPage('o-e2e-latecomer');
    await bindWith(latecomer, code);
    const error = latecomer.locator('#bind-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('邀请码不对或已经用过');
    await screenshot(latecomer, 'staff-07-used');
  }, 90000);
});

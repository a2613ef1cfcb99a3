/**
 * Township supervision in real Chromium: a 法律明白人 files a 零报告 from the 月报 page; the township
 * admin opens 报送与审核, sees the completeness table, reminds a village that has not reported (its
 * 法律明白人 finds the reminder in 我的待办, one tap from that month's 月报),
 * switches review on and returns a record with a reason; the recorder finds it in 需处理 with that
 * reason, fixes it and sends it again. Screenshots: test-artifacts/e2e/supervision-*.png.
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, expectEventually, signInAs as signIn } from './helpers/stack';
import { fillCount, outboxEntries } from './helpers/field';
import { DEMO } from '../helpers/app-stack';
import { recordOf, stored, thisYear, UNIT } from '../helpers/records-world';
import type { CompletenessAnswer, SupervisionSettings } from '../../src/domain/supervision/api';
import type { RecordView } from '../../src/domain/api';
import { monthLabel } from '../../src/field/monthly/monthly-model';

const env = browserStackForFile();
const signInAs = (page: Page, openid: string) => signIn(page, env.stack.gateway.url, openid);
const textOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .innerText()
    .catch(() => '');

describe('township supervision in Chromium', () => {
  it('should let a 法律明白人 file a 零报告 for a month with nothing logged', async () => {
    const page = await phonePage(env.browser);
    await signInAs(page, DEMO.villageWorker);
    await page.locator('#go-monthly').click();
    await page.locator('#month-card').waitFor();
    // Step back to a month where nothing was logged and nothing reported yet.
    for (let i = 0; i < 24; i++) {
      const sentence = await textOf(page, '#month-sentence');
      if (sentence === '本月无新增' && (await page.locator('#submit-month').count()) > 0) break;
      const label = await textOf(page, '#month-label');
      await page.locator('#month-prev').click();
      await expectEventually(async () => (await textOf(page, '#month-label')) !== label && (await page.locator('#month-sentence').count()) > 0, true);
    }
    const month = /(\d{4})年(\d+)月/.exec(await textOf(page, '#month-label'));
    expect(await textOf(page, '#submit-month')).toBe('报送零报告（本月无新增）');
    await screenshot(page, 'supervision-01-zero-report');
    await page.locator('#submit-month').click();
    await expectEventually(async () => (await textOf(page, '#month-report')).startsWith('已报送零报告'), true);
    const id = `${UNIT.santangVillage}:${month?.[1]}-${String(month?.[2]).padStart(2, '0')}`;
    const { data } = await (await env.stack.db()).collection('monthly_reports').doc(id).get();
    expect(data[0]).toMatchObject({ zero: true, sentence: '本月无新增', submittedBy: DEMO.villageWorker });
    await screenshot(page, 'supervision-02-zero-report-filed');
    await page.context().close();
  }, 120000);

  it('should let the admin remind a village and return a record, and the recorder fix it', async () => {
    const admin = await phonePage(env.browser);
    await signInAs(admin, DEMO.admin);
    await admin.locator('#go-console').click();
    await admin.locator('#go-supervision').click();
    await admin.locator('#completeness-grid').waitFor();
    expect(await admin.locator('#completeness-grid .grid-row').count()).toBe(7 + 2);
    expect(await textOf(admin, '#rates-year')).toContain('报送率');
    await screenshot(admin, 'supervision-03-completeness');

    // 沙坝村 has reported nothing: one tap reminds it.
    const remind = admin.locator(`#remind-${UNIT.shabaVillage}`);
    await remind.click();
    await expectEventually(async () => (await textOf(admin, '#supervision-notice')).startsWith('已提醒'), true);
    await expectEventually(async () => (await textOf(admin, `#state-${UNIT.shabaVillage}`)).includes('已催'), true);
    const table = await env.stack.call<CompletenessAnswer>('supervision', { action: 'completeness', year: thisYear() }, DEMO.admin);
    const reminded = table.villages.find((v) => v.village.code === UNIT.shabaVillage)?.cells.find((c) => c.reminded);
    expect(reminded).toBeDefined();

    // 沙坝村's 法律明白人 finds it in 我的待办, one tap from that month's 月报.
    await (await env.stack.db()).collection('accounts').doc('o-e2e-shaba').set({ name: '沙坝明白人', role: '法律明白人', orgCode: UNIT.shabaVillage });
    const shaba = await phonePage(env.browser);
    await signInAs(shaba, 'o-e2e-shaba');
    await shaba.locator('#go-todo').click();
    const item = shaba.locator(`[id="todo-report-${reminded?.month}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('乡镇提醒：请报送沙坝村');
    await screenshot(shaba, 'supervision-03b-reminder-in-todo');
    await item.click();
    await expectEventually(async () => textOf(shaba, '#month-label'), `${monthLabel(String(reminded?.month))}月报`);
    await shaba.context().close();

    // Review on; a 法律明白人's new record waits for it; the admin returns it with a reason.
    await admin.locator('#settings-review').click();
    await admin.locator('#settings-save').click();
    await expectEventually(async () => (await textOf(admin, '#supervision-notice')).includes('审核已开启'), true);
    const input = recordOf('outreach', UNIT.santangVillage, { attendees: 400 });
    const { record } = await env.stack.call<{ record: RecordView }>('records', { action: 'create', kind: 'outreach', record: input }, DEMO.villageWorker);
    expect(record.review?.state).toBe('待审核');
    await admin.reload();
    await admin.locator(`#return-${record.id}`).click();
    await admin.locator('#return-reason input').fill('受众人数填多了，请核实');
    await admin.locator('#return-confirm').click();
    await expectEventually(async () => (await textOf(admin, '#supervision-notice')).startsWith('已退回'), true);
    expect(await stored(await env.stack.db(), 'outreach', record.id)).toMatchObject({ reviewState: '退回', reviewReason: '受众人数填多了，请核实' });
    await screenshot(admin, 'supervision-04-returned');

    // The township changes to reporting twice a month: the due day becomes days after each half, and
    // the table's columns become halves.
    await admin.locator('#settings-cadence-halfMonthly').click();
    expect(await admin.locator('#settings-due-day input').inputValue()).toBe('3');
    await admin.locator('#settings-save').click();
    await expectEventually(async () => (await textOf(admin, '#supervision-notice')).includes('结束后3天内报送半月报'), true);
    const saved = await env.stack.call<{ settings: SupervisionSettings }>('supervision', { action: 'settings' }, DEMO.admin);
    expect(saved.settings).toMatchObject({ cadence: 'halfMonthly', dueDay: 3, review: true });
    await admin.reload();
    await admin.locator('#completeness-grid').waitFor();
    expect(await textOf(admin, '#completeness-grid')).toContain('1月上');
    await screenshot(admin, 'supervision-04b-half-monthly');
    await admin.context().close();

    // The recorder finds it in 需处理 with the reason, fixes it and sends it again.
    const phone = await phonePage(env.browser);
    await signInAs(phone, DEMO.villageWorker);
    await phone.locator('#go-mine').click();
    await phone.locator(`#section-failed [id="record-${record.id}"]`).waitFor();
    expect(await textOf(phone, `[id="error-${record.id}"]`)).toContain('乡镇审核退回：受众人数填多了，请核实');
    await screenshot(phone, 'supervision-05-needs-fixing');
    await phone.locator(`[id="fix-${record.id}"]`).click();
    await phone.locator('#outreach-form').waitFor();
    await fillCount(phone, 'attendees', 40);
    await phone.locator('#save-outreach').click();
    // Saved back in place and sent as an edit of the returned version.
    await expectEventually(async () => (await outboxEntries(phone)).find((e) => e.id === record.id)?.status, 'sent');
    const fixed = await stored(await env.stack.db(), 'outreach', record.id);
    expect(fixed).toMatchObject({ attendees: 40, version: 2, reviewState: '待审核' });
    await phone.context().close();
  }, 180000);
});

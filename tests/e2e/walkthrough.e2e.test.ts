/**
 * What a walkthrough of every role ran into (issue 17), in real Chromium against the H5 build: the
 * village QR code shown whole, forms that open without a network though never opened before, the
 * network notes that follow the network, text areas at the page's size, the position on H5, and the
 * words of a few buttons. Screenshots: test-artifacts/e2e/walkthrough-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, expectEventually, signInAs as signIn } from './helpers/stack';
import { backHome, fillText, openForm, outboxEntries, saveForm } from './helpers/field';
import { DEMO } from '../helpers/app-stack';

const env = browserStackForFile();
const VILLAGE = '500114213201';

const signInAs = (page: Page, openid: string) => signIn(page, env.stack.gateway.url, openid);

async function pcPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  return context.newPage();
}

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, selector: string): Promise<Box> => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
};

/** The box of every textarea shown and the size of its text and of the text around it. */
async function textAreaSizes(page: Page): Promise<{ id: string; text: number; around: number }[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('textarea'))
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => {
        const host = el.closest('taro-textarea-core') ?? el;
        return {
          id: host.id || el.id,
          text: parseFloat(getComputedStyle(el).fontSize),
          around: parseFloat(getComputedStyle(host).fontSize),
        };
      }),
  );
}

describe('issue 17 walkthrough fixes in Chromium', () => {
  it('should show the whole village QR code, centred, on a phone and on a PC', async () => {
    for (const [name, page] of [
      ['phone', await phonePage(env.browser)],
      ['pc', await pcPage(env.browser)],
    ] as const) {
      await signInAs(page, DEMO.admin);
      // One width for every page on a PC: the console's centred column.
      expect((await box(page, '#home')).width).toBeLessThanOrEqual(1080);
      await page.locator('#go-codes').click();
      await page.locator(`#code-${VILLAGE}`).click();
      await page.locator('#code-image img').waitFor();
      await page.waitForFunction(() => (document.querySelector('#code-image img') as HTMLImageElement | null)?.complete === true);
      const card = await box(page, '#code-shown');
      const image = await box(page, '#code-image img');
      const frame = await box(page, '#code-image');
      // The picture lies wholly inside its frame (nothing clipped) and fills it.
      expect(image.x).toBeGreaterThanOrEqual(frame.x - 1);
      expect(image.x + image.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
      expect(image.y).toBeGreaterThanOrEqual(frame.y - 1);
      expect(image.y + image.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
      expect(image.width).toBeGreaterThanOrEqual(frame.width - 2);
      expect(Math.abs(image.width - image.height)).toBeLessThanOrEqual(1);
      // Large enough to scan, and centred in its card.
      expect(image.width).toBeGreaterThanOrEqual(200);
      const left = image.x - card.x;
      const right = card.x + card.width - (image.x + image.width);
      expect(Math.abs(left - right)).toBeLessThanOrEqual(2);
      await screenshot(page, `walkthrough-codes-${name}`);
      expect((await box(page, '#village-codes')).width).toBeLessThanOrEqual(1080);
      await page.context().close();
    }
  }, 90000);

  it('should open a form never opened before without a network, reload offline, and say in Chinese what cannot load', async () => {
    const page = await phonePage(env.browser);
    const context = page.context();
    await signInAs(page, DEMO.villageWorker);
    // While online the app keeps the pages this person uses on the phone.
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', undefined, { timeout: 30000 });

    await context.setOffline(true);
    await openForm(page, 'outreach');
    await page.locator('#offline-note').waitFor();
    await screenshot(page, 'walkthrough-offline-01-outreach-never-opened');

    // The app is started again without a network: it opens, with the last identity.
    await page.reload();
    await page.locator('#offline-note').waitFor();
    await backHome(page, env.stack.gateway.url);
    await page.locator('#home-offline').waitFor();
    await openForm(page, 'consultation');
    await screenshot(page, 'walkthrough-offline-02-after-reload');

    // A page this person never uses was not kept: a Chinese message, no English error.
    await page.evaluate(() => (location.hash = '#/console/index/index'));
    const modal = page.locator('.taro-modal__content');
    await modal.waitFor({ timeout: 15000 });
    const said = await modal.innerText();
    expect(said).toContain('没有网络');
    expect(said).toContain('页面');
    expect(await page.locator('body').innerText()).not.toMatch(/ChunkLoadError|Loading chunk/);
    await screenshot(page, 'walkthrough-offline-03-page-unavailable');
    await context.setOffline(false);
    await context.close();
  }, 120000);

  it('should drop the network notes as soon as the network returns, and say what 立即发送 does offline', async () => {
    const page = await phonePage(env.browser);
    const context = page.context();
    await signInAs(page, DEMO.mediator);
    // The pages used here are kept on the phone while online (see the test above).
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', undefined, { timeout: 30000 });

    await context.setOffline(true);
    await page.locator('#home-offline').waitFor();
    await page.locator('#go-mine').click();
    await expectEventually(
      () =>
        page
          .locator('#mine-error')
          .innerText()
          .catch(() => ''),
      '没有网络，只显示手机上的记录',
    );
    await context.setOffline(false);
    await expectEventually(() => page.locator('#mine-error').count(), 0);

    await backHome(page, env.stack.gateway.url);
    await context.setOffline(true);
    await page.locator('#home-offline').waitFor();
    await screenshot(page, 'walkthrough-network-01-home-offline');
    await context.setOffline(false);
    await expectEventually(() => page.locator('#home-offline').count(), 0);
    await screenshot(page, 'walkthrough-network-02-home-back-online');

    // 立即发送 without a network says that the record goes out when the network returns.
    await context.setOffline(true);
    await openForm(page, 'consultation');
    await saveForm(page, 'consultation');
    await page.locator('#send-now').click();
    expect(await page.locator('#send-note').innerText()).toContain('有网络时会自动发送');
    await screenshot(page, 'walkthrough-network-03-send-now-offline');
    await context.setOffline(false);
    await expectEventually(async () => (await outboxEntries(page)).every((e) => e.status === 'sent'), true);
    await context.close();
  }, 120000);

  it('should say 无网络 on the home page when the network goes while its sign-in answer is on the way', async () => {
    const page = await phonePage(env.browser);
    const context = page.context();
    await signInAs(page, DEMO.mediator);
    await backHome(page, env.stack.gateway.url);
    // The next whoami is fetched while online, and its answer handed to the page only after the
    // network has gone: the answer says "online", the network no longer is.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/fn/session', async (route) => {
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    });
    await page.reload();
    await page.locator('#home-loading').waitFor();
    await context.setOffline(true);
    release();
    await page.locator('#whoami').waitFor();
    await page.locator('#home-offline').waitFor({ timeout: 5000 });
    await context.close();
  }, 60000);

  it('should draw every text area at the size of the text around it, 长辈模式 included', async () => {
    const page = await phonePage(env.browser);
    // A resident's 我要调解 in 长辈模式.
    await page.goto(env.at(`/resident/ask/index?code=${VILLAGE}&kind=mediate`));
    await page.locator('#ask-form').waitFor();
    if ((await page.locator('#ask-page #elder-on').count()) === 0) await page.locator('#ask-page #elder-toggle').click();
    await page.locator('#ask-page #elder-on').waitFor();
    const elder = await textAreaSizes(page);
    expect(elder.length).toBeGreaterThan(0);
    for (const area of elder) expect(area.text).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'walkthrough-textarea-ask-elder');
    await page.locator('#ask-page #elder-toggle').click();
    await page.locator('#ask-page #elder-off').waitFor();
    await screenshot(page, 'walkthrough-textarea-ask-normal');

    // A field form (纠纷情况) and the report's texts, in normal mode.
    await signInAs(page, DEMO.admin);
    const checked: string[] = [];
    for (const [path, ready] of [
      ['/field/dispute/index', '#field-description textarea'],
      ['/console/report/index', '#text-shortcomings textarea'],
    ]) {
      await page.goto(env.at(path));
      await page.locator(ready).waitFor();
      for (const area of await textAreaSizes(page)) {
        checked.push(area.id);
        expect({ id: area.id, text: area.text }).toEqual({ id: area.id, text: area.around });
        expect(area.text).toBeGreaterThanOrEqual(14);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['field-description', 'text-shortcomings']));
    await page.context().close();
  }, 120000);

  it('should record the position on H5 in WGS-84 and say so', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: { latitude: 29.53321, longitude: 108.77025 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await signInAs(page, DEMO.villageWorker);
    await openForm(page, 'outreach');
    await page.locator('#field-location-take').click();
    const value = page.locator('#field-location-value');
    await value.waitFor({ timeout: 10000 });
    expect(await value.innerText()).toContain('29.53321');
    expect(await value.innerText()).toContain('WGS-84');
    await screenshot(page, 'walkthrough-location-wgs84');
    await fillText(page, 'field-topic', '定位测试');
    await saveForm(page, 'outreach');
    const saved = (await outboxEntries(page)).find((e) => e.kind === 'outreach');
    expect(saved?.record.location).toEqual({ latitude: 29.53321, longitude: 108.77025, system: 'wgs84' });
    await context.close();
  }, 90000);

  it('should word the buttons for what they do', async () => {
    const page = await phonePage(env.browser);
    // 信访事项: a due date lies ahead, so its chips are days after 登记日期.
    await signInAs(page, DEMO.admin);
    await openForm(page, 'petition');
    expect(await page.locator('#field-dueDate-today, #field-dueDate-yesterday').count()).toBe(0);
    await page.locator('#field-dueDate-plus30').click();
    const registered = await page.locator('#field-registerDate .form-picker').innerText();
    const due = new Date(`${registered}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    expect(await page.locator('#field-dueDate .form-picker').innerText()).toBe(due.toISOString().slice(0, 10));
    await screenshot(page, 'walkthrough-wording-petition-due');

    // The report's button does not say 已保存 before anything was saved.
    await page.goto(env.at('/console/report/index'));
    await page.locator('#report-version').waitFor();
    if ((await page.locator('#report-version').innerText()).includes('尚未保存过')) {
      expect(await page.locator('#report-save').innerText()).not.toContain('已保存');
    }

    // The mediator's queue: 改为法律咨询, not 改为转为法律咨询.
    const key = `e2ewalkthrough${String(Date.now()).slice(-10)}`;
    await env.stack.call('public', {
      action: 'submit',
      request: { key, kind: '调解', villageCode: VILLAGE, name: '李某', phone: '13908120000', description: '院坝排水沟堵了', consent: true },
    });
    await signInAs(page, DEMO.mediator);
    await page.goto(env.at('/resident/queue/index'));
    const link = page.locator('[id^="convert-switch-"]').first();
    await link.waitFor();
    expect(await link.innerText()).toBe('改为法律咨询');

    // The county viewer: a county console, its chart by township.
    await signInAs(page, DEMO.county);
    expect(await page.locator('#go-console').innerText()).toBe('进入县级工作台');
    await page.locator('#go-console').click();
    await page.locator('#go-charts').click();
    await page.locator('#chart-title').waitFor();
    expect(await page.locator('#chart-title').innerText()).toContain('分乡镇');
    expect(await page.locator('#chart-village').innerText()).toBe('分乡镇');
    await screenshot(page, 'walkthrough-wording-county-chart');
    await page.context().close();
  }, 120000);

  it('should open a console record from the drill-down, with its history, and let the admin edit, delete and restore it', async () => {
    const year = new Date().getUTCFullYear();
    const page = await phonePage(env.browser);
    await signInAs(page, DEMO.admin);
    await page.goto(env.at('/console/index/index'));
    await page.locator('#key-figures').waitFor();
    // The hint where the figures start, not at the bottom of the page.
    const hint = await box(page, '#drill-hint');
    expect(hint.y).toBeLessThan((await box(page, '#key-figures')).y);

    // Every page has its title and a way back, also on a PC where there is no phone back button.
    expect(await page.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText()).toBe('乡镇工作台');
    await page.locator('#key-figures .key-cell').first().click();
    await page.locator('#records-title').waitFor();
    expect(await page.locator('#taro-navigation-bar .taro-navigation-bar-title').innerText()).toBe('数据背后的记录');
    await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click();
    await page.locator('#key-figures').waitFor();

    await page.goto(env.at(`/console/records/index?period=${year}&figure=outreach.events`));
    const row = page.locator('#console-records .record-row').first();
    await row.waitFor();
    const id = (await row.getAttribute('id'))!.replace(/^record-/, '');
    await row.click();
    await page.locator('#record-title').waitFor();
    expect(await page.locator('#record-title').innerText()).toBe('普法活动');
    const attendees = Number(await page.locator('#record-field-attendees .record-value').innerText());
    // The demo's records were loaded without a history of their own.
    expect(await page.locator('#record-history').innerText()).not.toContain('修改（');
    await screenshot(page, 'walkthrough-record-01-admin');

    // 修改: the form with the record's values; saved, the record page shows the new version.
    await page.locator('#record-edit').click();
    const input = page.locator('#field-attendees input');
    await input.waitFor();
    expect(Number(await input.inputValue())).toBe(attendees);
    await input.fill(String(attendees + 7));
    await input.blur();
    await page.locator('#save-outreach').click();
    await page.locator('#record-title').waitFor();
    await expectEventually(
      async () =>
        Number(
          await page
            .locator('#record-field-attendees .record-value')
            .innerText()
            .catch(() => '0'),
        ),
      attendees + 7,
    );
    await expectEventually(
      () =>
        page
          .locator('#record-history')
          .innerText()
          .then((t) => t.includes('修改')),
      true,
    );
    const { record } = await env.stack.call<{ record: { attendees: number } }>('records', { action: 'get', kind: 'outreach', id }, DEMO.admin);
    expect(record.attendees).toBe(attendees + 7);

    // 删除 and 恢复.
    await page.locator('#record-delete').click();
    await page.locator('.taro-model__confirm').click();
    await page.locator('#record-deleted').waitFor();
    await screenshot(page, 'walkthrough-record-02-deleted');
    await page.locator('#record-restore').click();
    await expectEventually(() => page.locator('#record-deleted').count(), 0);
    await page.locator('#record-delete').waitFor();

    // A county viewer reads a dispute with its parties masked, and changes nothing.
    const { items } = await env.stack.call<{ items: { id: string }[] }>('records', { action: 'list', kind: 'dispute', limit: 1 }, DEMO.admin);
    await signInAs(page, DEMO.county);
    await page.goto(env.at(`/console/record/index?kind=dispute&id=${encodeURIComponent(items[0].id)}`));
    await page.locator('#record-title').waitFor();
    expect(await page.locator('#record-masked').count()).toBe(1);
    expect(await page.locator('#record-actions').count()).toBe(0);
    expect(await page.locator('#record-history-note').innerText()).toContain('乡镇管理员');
    await screenshot(page, 'walkthrough-record-03-county-masked');
    await page.context().close();
  }, 120000);

  it('should offer a new WeChat user on the dev sign-in, who can go on to bind an invite code', async () => {
    const page = await phonePage(env.browser);
    await page.goto(env.at('/pages/signin/index'));
    await page.locator('#signin-new-user').click();
    await page.locator('#go-bind').waitFor();
    const openid = await page.evaluate(() => (JSON.parse(localStorage.getItem('fazhi.dev.openid') ?? 'null') as { data?: string } | null)?.data);
    expect(openid).toMatch(/^o-new-/);
    await page.context().close();
  }, 60000);

  it('should draw every visible button at least 44×44 px and every text at least 14 px', async () => {
    const page = await phonePage(env.browser);
    const year = new Date().getUTCFullYear();
    const pages: [string, string, string][] = [
      [DEMO.admin, '/pages/home/index', '#whoami'],
      [DEMO.admin, '/console/index/index', '#key-figures'],
      [DEMO.admin, `/console/records/index?period=${year}&figure=outreach.events`, '.record-row'],
      [DEMO.admin, '/console/people/index', '.staff-row'],
      [DEMO.admin, '/console/charts/index', '.bar-row'],
      [DEMO.admin, '/resident/codes/index', '.village-choice'],
      [DEMO.cadre, '/pages/home/index', '#whoami'],
      [DEMO.cadre, '/field/outreach/index', '#outreach-form'],
      [DEMO.cadre, '/field/petition/index', '#petition-form'],
      [DEMO.cadre, '/field/mine/index', '#mine'],
    ];
    const problems: string[] = [];
    let signedIn = '';
    for (const [who, path, ready] of pages) {
      if (who !== signedIn) await signInAs(page, who);
      signedIn = who;
      await page.goto(env.at(path));
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => {
        const visible = (el: Element) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && el.closest('.taro_page')?.classList.contains('taro_page_show') !== false;
        };
        const shown = document.querySelector('.taro_page:last-child') ?? document.body;
        const bar = Array.from(document.querySelectorAll('#taro-navigation-bar .taro-navigation-bar-back, #taro-navigation-bar .taro-navigation-bar-home'));
        const buttons = [
          ...Array.from(
            shown.querySelectorAll('taro-button-core, button, .chip, .link-btn, .link, .console-tab, .staff-action, .village-choice, .photo-remove'),
          ),
          ...bar,
        ]
          .filter((el) => visible(el) && !el.parentElement?.closest('taro-button-core'))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { what: `${el.id || el.className} "${(el.textContent ?? '').trim().slice(0, 12)}"`, w: Math.round(r.width), h: Math.round(r.height) };
          })
          .filter((b) => b.w < 44 || b.h < 44)
          .map((b) => `button ${b.what} ${b.w}×${b.h}`);
        const texts = Array.from(shown.querySelectorAll('*'))
          .filter((el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))
          .map((el) => ({ what: `${el.id || el.className} "${(el.textContent ?? '').trim().slice(0, 12)}"`, size: parseFloat(getComputedStyle(el).fontSize) }))
          .filter((t) => t.size < 14)
          .map((t) => `text ${t.what} ${t.size}px`);
        return [...buttons, ...texts];
      });
      problems.push(...found.map((p) => `${path}: ${p}`));
      await screenshot(page, `walkthrough-targets${path.replace(/[/?=&.]+/g, '-')}`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180000);
});

/**
 * Residents' legal services in real Chromium at a phone's size: a resident opens 白土村 by its code,
 * sees the adviser and the coming events, asks for a mediation and gets a reference number; the
 * village's mediator finds it in the queue and turns it into a case; the resident sees the state
 * change; a mediator of another village never sees it. Also keeps screenshots of every public page,
 * normal and 长辈模式 (test-artifacts/e2e/resident-*.png).
 */
import type { Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile, expectEventually, signInAs as signIn } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';

const env = browserStackForFile();

const VILLAGE = '500114213201';
const OTHER_VILLAGE_MEDIATOR = 'o-demo-mediator-2';

const at = (path: string) => `${env.stack.gateway.url}/#${path}`;

const signInAs = (page: Page, openid: string) => signIn(page, env.stack.gateway.url, openid);

async function fontSize(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** The whole page in one picture: the viewport made as tall as the page, then put back to 375×667. */
async function fullLengthShot(page: Page, root: string, name: string): Promise<void> {
  const height = await page.locator(root).evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 375, height: Math.max(667, Math.ceil(height)) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 375, height: 667 });
}

async function queueOf(page: Page): Promise<void> {
  await page.goto(at('/resident/queue/index'));
  await page.locator('#request-queue .card, #queue-empty').first().waitFor();
}

describe('a resident asks the village for help', () => {
  it('should reach the village mediator queue, become a case, and show the resident the new state', async () => {
    const resident = await phonePage(env.browser);

    // Arriving by the village code: the adviser, the hotline and what is coming.
    await resident.goto(at(`/pages/village/index?code=${VILLAGE}`));
    await resident.locator('#village-name').waitFor();
    expect(await resident.locator('#village-name').innerText()).toBe('白土村');
    const adviser = await resident.locator('#contacts-advisers').innerText();
    expect(adviser).toContain('龚丽光');
    expect(adviser).toContain('服务时间');
    expect(adviser).toContain('13823130038');
    expect(await resident.locator('#events .event').count()).toBeGreaterThanOrEqual(2);
    expect(await resident.locator('#contacts-mediators').innerText()).not.toContain('13823130030');
    await screenshot(resident, 'resident-01-village');

    // 我要调解: the consent box is required, then the request gets a reference number.
    await resident.locator('#ask-mediate').click();
    await resident.locator('#ask-form').waitFor();
    expect(await resident.locator('#ask-village').innerText()).toBe('白土村');
    await resident.locator('#ask-name input').fill('王秀兰');
    await resident.locator('#ask-phone input').fill('13908123456');
    await resident.locator('#ask-description textarea').fill('邻居修房子把排水沟堵了，下雨就淹到我家院坝。');
    await resident.locator('#ask-submit').click();
    await resident.locator('#ask-consent-error').waitFor();
    await resident.locator('#ask-consent').click();
    await screenshot(resident, 'resident-02-ask-filled');
    await resident.locator('#ask-submit').click();
    await resident.locator('#ask-sent').waitFor({ timeout: 15000 });
    const ref = (await resident.locator('#ask-ref').innerText()).trim();
    expect(ref).toMatch(/^TJ-\d{8}-\d{4}$/);
    await screenshot(resident, 'resident-03-sent');

    await resident.locator('#sent-my-requests').click();
    await resident.locator(`[id="request-state-${ref}"]`).waitFor();
    expect(await resident.locator(`[id="request-state-${ref}"]`).innerText()).toBe('待处理');

    // A mediator of another village does not see it.
    const other = await phonePage(env.browser);
    await signInAs(other, OTHER_VILLAGE_MEDIATOR);
    await queueOf(other);
    expect(await other.locator(`[id="queue-${ref}"]`).count()).toBe(0);
    await screenshot(other, 'resident-20-other-village-queue');

    // The village's mediator sees it in full and turns it into a case with one tap.
    const mediator = await phonePage(env.browser);
    await signInAs(mediator, DEMO.mediator);
    await queueOf(mediator);
    const card = mediator.locator(`[id="queue-${ref}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain('王秀兰');
    expect(await card.innerText()).toContain('13908123456');
    await mediator.locator(`[id="convert-${ref}"]`).click();
    await expectEventually(() => mediator.locator(`[id="queue-state-${ref}"]`).innerText(), '已转为案件');
    await mediator.locator(`[id="queue-case-${ref}"]`).waitFor();
    await mediator
      .locator('.taro__toast')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
    await screenshot(mediator, 'resident-21-mediator-converted');

    // The resident sees the new state, and only their own request (a fresh load, as when coming back later).
    await resident.goto('about:blank');
    await resident.goto(at('/resident/mine/index'));
    await expectEventually(() => resident.locator(`[id="request-state-${ref}"]`).innerText(), '已转为案件');
    expect(await resident.locator('#my-requests .card').count()).toBe(1);
    await screenshot(resident, 'resident-04-state-changed');
  }, 120000);
});

describe('the public pages at 375×667, normal and 长辈模式', () => {
  it('should enlarge text to at least 20px in 长辈模式 and remember the switch', async () => {
    const page = await phonePage(env.browser);
    await page.goto(at(`/pages/village/index?code=${VILLAGE}`));
    await page.locator('#village-name').waitFor();
    expect(await fontSize(page, '#contacts-advisers .contact-name')).toBeLessThan(20);
    await page.locator('#village-page #elder-toggle').click();
    await page.locator('#village-page #elder-on').waitFor();
    expect(await fontSize(page, '#contacts-advisers .contact-name')).toBeGreaterThanOrEqual(20);
    expect(await fontSize(page, '#contacts-advisers .contact-hours')).toBeGreaterThanOrEqual(20);
    expect(await fontSize(page, '#events .muted')).toBeGreaterThanOrEqual(20);

    await page.reload();
    await page.locator('#village-name').waitFor();
    expect(await page.locator('#village-page.elder').count()).toBe(1);
    await page.locator('#village-page #elder-toggle').click();
    await page.locator('#village-page #elder-off').waitFor();
  }, 60000);

  it('should keep a screenshot of each public page in both modes', async () => {
    const page = await phonePage(env.browser);
    await page.goto(at(`/pages/village/index?code=${VILLAGE}`));
    await page.locator('#village-name').waitFor();
    const articleId = (await page.locator('#articles .article-line').first().getAttribute('id'))!.replace(/^article-/, '');

    // [name, path, the page's root, what shows once it has loaded]
    const pages: [string, string, string, string][] = [
      ['home', '/pages/home/index', '#resident-home', '.village-choice'],
      ['village', `/pages/village/index?code=${VILLAGE}`, '#village-page', '#village-name'],
      ['ask', `/resident/ask/index?code=${VILLAGE}&kind=consult`, '#ask-page', '#ask-form'],
      ['my-requests', '/resident/mine/index', '#my-requests', '#my-requests-empty, .card'],
      ['article', `/resident/article/index?id=${articleId}`, '#article-page', '#article-title'],
    ];
    for (const elder of [false, true]) {
      for (const [name, path, root, ready] of pages) {
        // A fresh load each time, so the shot shows this page alone.
        await page.goto('about:blank');
        await page.goto(at(path));
        await page.locator(`${root} ${ready}`).first().waitFor();
        const on = (await page.locator(`${root} #elder-on`).count()) > 0;
        if (on !== elder) {
          await page.locator(`${root} #elder-toggle`).click();
          await page.locator(`${root} ${elder ? '#elder-on' : '#elder-off'}`).waitFor();
        }
        await screenshot(page, `resident-page-${name}-${elder ? 'elder' : 'normal'}`);
        if (name === 'village') await fullLengthShot(page, root, `resident-page-village-${elder ? 'elder' : 'normal'}-full`);
      }
    }
  }, 120000);
});

/**
 * Offline first, in real Chromium: a mediator loses the signal, logs three records (one with a photo)
 * and a fourth; the app is killed (page reloaded, still no network); the township changes the
 * person's role meanwhile; the network returns. The three arrive exactly once with the photo
 * retrievable from cloud storage, and the one the server now refuses waits under 需处理 with the
 * server's message.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { phonePage, screenshot } from './helpers/browser';
import { browserStackForFile } from './helpers/stack';
import { addPhoto, backHome, fillCount, fillText, noisePng, openForm, outboxEntries, saveForm, signInAs, type StoredEntry } from './helpers/field';
import { DEMO } from '../helpers/app-stack';
import { sdkApp } from '../helpers/gateway';

const env = browserStackForFile();

const FORMS = ['outreach', 'consultation', 'dispute', 'petition'];

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

describe('field logging without a network', () => {
  it('should keep records through a kill and send them exactly once when the network returns', async () => {
    const page: Page = await phonePage(env.browser);
    const context: BrowserContext = page.context();
    const base = env.stack.gateway.url;
    const me = DEMO.mediator;

    await signInAs(page, base, me);
    // The installed mini-program has every page on the phone; the browser build loads a page's code on
    // first visit, so visit each once while online.
    for (const kind of [...FORMS, 'mine']) {
      await page.goto(`${base}/#/field/${kind}/index`);
      await page.locator(kind === 'mine' ? '#mine' : `#${kind}-form`).waitFor();
    }
    await backHome(page, base);

    await context.setOffline(true);

    // 1. 普法活动 with a photo.
    await openForm(page, 'outreach');
    await page.locator('#offline-note').waitFor();
    await fillCount(page, 'attendees', 64);
    await fillCount(page, 'materials', 151);
    await fillText(page, 'field-topic', '离线登记测试');
    await addPhoto(page, noisePng(900, 600));
    await screenshot(page, 'field-offline-01-outreach-with-photo');
    await saveForm(page, 'outreach');

    // 2. 法律咨询 with its defaults.
    await backHome(page, base);
    await openForm(page, 'consultation');
    await fillCount(page, 'people', 3);
    await saveForm(page, 'consultation');

    // 3. 矛盾纠纷 clue.
    await backHome(page, base);
    await openForm(page, 'dispute');
    await fillText(page, 'field-parties-0-name', '赵某');
    await fillText(page, 'field-description', '相邻宅基地排水沟纠纷');
    await saveForm(page, 'dispute');

    // 4. 信访事项: will be refused once the person is no longer a mediator.
    await backHome(page, base);
    await openForm(page, 'petition');
    await fillText(page, 'field-parties-0-name', '钱某');
    await saveForm(page, 'petition');

    await page.locator('#section-pending').waitFor();
    await screenshot(page, 'field-offline-02-mine-pending');
    let entries = await outboxEntries(page);
    expect(entries.map((e) => [e.kind, e.status])).toEqual(FORMS.map((kind) => [kind, 'pending']));
    const [outreach, consultation, dispute, petition] = entries;
    expect(outreach.photos).toHaveLength(1);
    expect(outreach.photos[0].fileID).toBeUndefined();

    // The app is killed and started again, still without a network (the page's own files load,
    // every call to the local stack fails as it would without a signal).
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await page.locator('#section-pending').waitFor();
    entries = await outboxEntries(page);
    expect(entries.map((e) => e.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    for (const e of entries) expect(await serverIds(e.kind, me)).not.toContain(e.id);
    await screenshot(page, 'field-offline-03-after-kill');

    // Meanwhile the township makes the person a 法律明白人, who may not register petitions.
    const db = await env.stack.db();
    await db.collection('accounts').doc(me).update({ role: '法律明白人' });

    // The network returns.
    await context.setOffline(true);
    await context.unroute('**/api/**');
    await context.setOffline(false);

    await waitFor(async () => {
      const now = await outboxEntries(page);
      return now.filter((e) => e.status === 'sent').length === 3 && now.some((e) => e.status === 'failed');
    }, 'three sent and one kept');
    await page.locator(`#error-${petition.id}`).waitFor();
    expect(await page.locator(`#error-${petition.id}`).innerText()).toContain('您的身份不能进行此操作');
    expect(await page.locator(`#status-${petition.id}`).innerText()).toBe('需处理');
    for (const e of [outreach, consultation, dispute]) expect(await page.locator(`#status-${e.id}`).innerText()).toBe('已发送');
    await screenshot(page, 'field-offline-04-sent-and-rejected');

    // Exactly once: one record per client id, created once, never edited by a resend.
    for (const e of [outreach, consultation, dispute]) {
      const ids = await serverIds(e.kind, me);
      expect(ids.filter((id) => id === e.id)).toHaveLength(1);
      const { history } = await env.stack.call<{ history: { action: string }[] }>('records', { action: 'history', kind: e.kind, id: e.id }, DEMO.admin);
      expect(history.map((h) => h.action)).toEqual(['create']);
    }
    expect(await serverIds('petition', DEMO.admin)).not.toContain(petition.id);

    // The photo is linked to the record and retrievable from cloud storage.
    const { record } = await env.stack.call<{ record: { photos?: string[]; attendees: number } }>(
      'records',
      { action: 'get', kind: 'outreach', id: outreach.id },
      me,
    );
    expect(record.attendees).toBe(64);
    expect(record.photos).toHaveLength(1);
    const bytes = await download(record.photos![0]);
    expect(bytes.length).toBeGreaterThan(1000);
    expect([0xff, 0x89]).toContain(bytes[0]); // JPEG (compressed) or the original PNG

    // The local copy of the photo is gone once uploaded; nothing else was dropped.
    const final: StoredEntry[] = await outboxEntries(page);
    expect(final.map((e) => e.id).sort()).toEqual([outreach, consultation, dispute, petition].map((e) => e.id).sort());
  }, 180000);
});

async function serverIds(kind: string, openid: string): Promise<string[]> {
  const answer = await env.stack
    .call<{ items: { id: string }[] }>('records', { action: 'list', kind, limit: 100, mine: false }, openid)
    .catch(() => ({ items: [] }));
  const mine = await env.stack.call<{ items: { id: string }[] }>('records', { action: 'listMine', kind }, openid).catch(() => ({ items: [] }));
  return [...answer.items, ...mine.items].map((i) => i.id).filter((id, i, all) => all.indexOf(id) === i);
}

/** Through the CloudBase storage protocol, with the real SDK: a signed temp URL, then the bytes. */
async function download(fileID: string): Promise<Buffer> {
  const { fileList } = await sdkApp(env.stack.gateway.url, 'fazhi-local').getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
  const [item] = fileList;
  expect(item.code).toBe('SUCCESS');
  const file = await fetch(item.tempFileURL);
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

/**
 * The report's .docx is saved as `<单位名称><年>年度法治政府建设情况报告.docx` (issue 17 bug 6) even when
 * the file's address is on another origin than the app — as under `npm run dev`, where the app is on
 * :10086 and storage on the gateway's :10087, and a browser ignores `<a download>` for a cross-origin
 * link. Here the app is opened as http://localhost:<port> while storage answers http://127.0.0.1:<port>
 * URLs: the name must come from the download's Content-Disposition.
 */
import { phonePage } from './helpers/browser';
import { browserStackForFile, signInAs } from './helpers/stack';
import { DEMO } from '../helpers/app-stack';
import { beijingYear } from '../../src/domain/dates';

const env = browserStackForFile();
const year = beijingYear(new Date());
const NAME = `白土乡${year}年度法治政府建设情况报告.docx`;

test('the report downloads under its Chinese title from a cross-origin address', async () => {
  const page = await phonePage(env.browser);
  const app = env.stack.gateway.url.replace('127.0.0.1', 'localhost');
  await signInAs(page, app, DEMO.admin);
  await page.goto(`${app}/#/console/report/index`);
  await page.locator('#report-preview').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), page.locator('#report-docx').click()]);
  const url = await page.locator('#report-file-url').innerText();
  expect(new URL(url).origin).not.toBe(new URL(app).origin);
  expect(download.suggestedFilename()).toBe(NAME);

  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(
    `attachment; filename="${NAME.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(NAME)}`,
  );
  expect(
    Buffer.from(await res.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
}, 120000);

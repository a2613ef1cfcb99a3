/**
 * The local stack for a browser test: the app stack (gateway + functions + demo) serving dist/h5, one
 * Chromium, and the dev sign-in every test starts from.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../../helpers/app-stack';
import { launchBrowser } from './browser';

export const H5_DIR = join(__dirname, '..', '..', '..', 'dist', 'h5');

export function startBrowserStack(): Promise<AppStack> {
  return startAppStack(new Date(), { staticDir: H5_DIR, functions: 'gateway' });
}

export interface BrowserStack {
  readonly stack: AppStack;
  readonly browser: Browser;
  /** A URL of the app: `at('/pages/home/index')`. */
  at(path: string): string;
}

/** Starts the stack and a browser before the file's tests and stops both after them. */
export function browserStackForFile(): BrowserStack {
  let stack: AppStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startBrowserStack();
    browser = await launchBrowser();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the browser stack is not started yet');
    return value;
  };
  return {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    at: (path: string) => `${started(stack).gateway.url}/#${path}`,
  };
}

/** Acts as a demo person from now on: the dev sign-in page of the local stack. */
export async function signInAs(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/signin/index`);
  await page.locator(`[id="signin-${openid}"]`).click();
  await page.locator('#whoami').waitFor();
}

/** What the page shows changes after a round trip: read it again until it is `expected` (10 s at most). */
export async function expectEventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + 10000;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 200));
    value = await read();
  }
  expect(value).toBe(expected);
}

/** Reads a text until it passes `test` (15 s at most) and answers it; fails naming `what` and the last text. */
export async function textEventually(read: () => Promise<string>, test: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15000;
  let text = await read();
  while (!test(text) && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 200));
    text = await read();
  }
  if (!test(text)) throw new Error(`${what} never showed up; last text:\n${text}`);
  return text;
}

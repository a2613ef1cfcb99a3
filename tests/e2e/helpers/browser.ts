/**
 * Real Chromium for the browser tests (Debian's package, or CHROMIUM_PATH), at a phone's viewport.
 * Screenshots go to test-artifacts/e2e so a person can look at what the test saw.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

/** `extraArgs`: more Chromium switches, e.g. `--host-resolver-rules=…` to point a name at 127.0.0.1. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Taro's H5 router slides a new page in from the right; a picture taken mid-slide shows the page
  // shifted and the document wider than the screen. Wait until it has settled.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, undefined, { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

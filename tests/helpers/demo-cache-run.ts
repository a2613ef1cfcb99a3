/**
 * The test run's cache of the demo township (demo-cache.ts): opened by the projects' global setups,
 * its folder handed to the test workers in the environment, removed by the global teardowns. Kept
 * apart from demo-cache.ts so the global hooks load nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEMO_CACHE_VARIABLE = 'FAZHI_DEMO_CACHE';

export function openDemoCache(): void {
  process.env[DEMO_CACHE_VARIABLE] ??= mkdtempSync(join(tmpdir(), 'demo-cache-'));
}

export function closeDemoCache(): void {
  const dir = process.env[DEMO_CACHE_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}

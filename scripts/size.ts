/**
 * Checks our 1.5 MB budget (WeChat's limit is 2 MB) on the main package of the production weapp build.
 * The main package is everything in dist/weapp except the subpackage roots listed in app.json.
 * Run after `npm run build:weapp` (production). Exits 1 above the limit or without a build.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(__dirname, '..', 'dist', 'weapp');
// WeChat allows 2 MB; we keep a margin so that a new page or library does not surprise us at upload.
const LIMIT_BYTES = 1.5 * 1024 * 1024;

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): number {
  const appJsonPath = path.join(DIST, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    console.error(`No weapp build at ${DIST}: run npm run build:weapp first.`);
    return 1;
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/+$/, ''));

  const subSizes = roots.map((root) => {
    const dir = path.join(DIST, root);
    return { root, bytes: fs.existsSync(dir) ? sizeOf(dir) : 0 };
  });
  const main = sizeOf(DIST) - subSizes.reduce((sum, s) => sum + s.bytes, 0);

  console.log(`weapp main package: ${kb(main)} (limit ${LIMIT_BYTES / 1024} KB)`);
  for (const { root, bytes } of subSizes) console.log(`  subpackage ${root}: ${kb(bytes)}`);

  if (main > LIMIT_BYTES) {
    console.error(`The main package is over the 1.5 MB budget (WeChat's limit is 2 MB) by ${kb(main - LIMIT_BYTES)}.`);
    return 1;
  }
  return 0;
}

process.exitCode = main();

/**
 * Bundles each cloud function into a self-contained deployable folder, dist/cloudfunctions/<name>/
 * (index.js + package.json): src/domain and cloudfunctions/lib are compiled in, so nothing is
 * published as a package; the CloudBase SDK is installed by the platform from package.json.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS_DIR, functionNames } from './functions-list';

const OUT_DIR = join(__dirname, '..', 'dist', 'cloudfunctions');
const SDK = '@cloudbase/node-sdk';

export async function buildFunctions(outDir = OUT_DIR): Promise<string[]> {
  const rootPackage = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  const sdkVersion: string = rootPackage.devDependencies[SDK];
  rmSync(outDir, { recursive: true, force: true });
  const names = functionNames();
  for (const name of names) {
    const dir = join(outDir, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(FUNCTIONS_DIR, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      // cloudbaserc.json deploys every function on CloudBase's Node.js 20 runtime (Nodejs20.19).
      target: 'node20',
      format: 'cjs',
      external: [SDK],
      minify: false,
      sourcemap: false,
      logLevel: 'warning',
    });
    const manifest = { name, version: rootPackage.version, private: true, main: 'index.js', dependencies: { [SDK]: sdkVersion } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  return names;
}

if (require.main === module) {
  buildFunctions().then(
    (names) => console.log(`cloud functions bundled into dist/cloudfunctions: ${names.join(', ')}`),
    (error) => {
      console.error('云函数打包失败：', error);
      process.exit(1);
    },
  );
}

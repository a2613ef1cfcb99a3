/**
 * Starts the production mini-program's build (dist/weapp), as it would be uploaded, in the background
 * for the weapp tests; the suites wait for it (build-wait.ts). FAZHI_WEAPP_REUSE_BUILD=1 reuses an
 * existing dist/weapp while iterating on tests.
 */
import { startBuild } from '../helpers/app-builds';
import { openDemoCache } from '../helpers/demo-cache-run';

/** The environment id the test build is made for; the runtime checks that cloud.init names it. */
export const WEAPP_TEST_ENV = 'fazhi-local';

export default function globalSetup(): void {
  // The stacks of these suites start on the run's demo township too (tests/helpers/demo-cache.ts).
  openDemoCache();
  startBuild({
    name: 'weapp',
    label: 'weapp build for the mini-program tests',
    args: ['--type', 'weapp'],
    // Clean, as CI builds (config/index.ts turns the persistent cache off for CI): after a rebase
    // the webpack cache once served a stale module (an outreach schema without 状态) into dist/weapp.
    // The build names its CloudBase environment: the local gateway's (tests/helpers/app-stack.ts).
    env: { ...process.env, NODE_ENV: 'production', CI: 'true', FAZHI_CLOUD_ENV: WEAPP_TEST_ENV },
    reuseVariable: 'FAZHI_WEAPP_REUSE_BUILD',
    builtFile: 'dist/weapp/app.json',
  });
}

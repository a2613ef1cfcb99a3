/** The local stack for a browser test: the app stack (gateway + functions + demo) serving dist/h5. */
import { join } from 'node:path';
import { startAppStack, type AppStack } from '../../helpers/app-stack';

export const H5_DIR = join(__dirname, '..', '..', '..', 'dist', 'h5');

export function startBrowserStack(): Promise<AppStack> {
  return startAppStack(new Date(), { staticDir: H5_DIR });
}

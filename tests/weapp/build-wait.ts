/** Every mini-program test file starts once the run's weapp build is done (global-setup.ts starts it). */
import { waitForBuild } from '../helpers/app-builds';

beforeAll(() => waitForBuild('weapp'), 10 * 60000);

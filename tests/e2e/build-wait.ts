/** Every browser test file starts once the run's H5 build is done (global-setup.ts starts it). */
import { waitForBuild } from '../helpers/app-builds';

beforeAll(() => waitForBuild('h5'), 10 * 60000);

/** Global teardown of the projects whose suites start app stacks: removes the run's demo cache. */
import { closeDemoCache } from './demo-cache-run';

export default function globalTeardown(): void {
  closeDemoCache();
}

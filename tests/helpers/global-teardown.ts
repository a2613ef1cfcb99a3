/** Global teardown of the projects that start app stacks or builds: the run's demo cache goes, unfinished builds stop. */
import { closeDemoCache } from './demo-cache-run';
import { stopBuilds } from './app-builds';

export default function globalTeardown(): void {
  closeDemoCache();
  stopBuilds();
}

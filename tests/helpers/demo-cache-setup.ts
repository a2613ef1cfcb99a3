/** Global setup of the integration project: the run's demo cache (demo-cache-run.ts). */
import { openDemoCache } from './demo-cache-run';

export default function globalSetup(): void {
  openDemoCache();
}

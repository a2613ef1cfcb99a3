/**
 * Runs server-side code (demo loader, CLI) against a local gateway through the real SDK: the same
 * environment variables the function host gives functions, then the same `cloudApp()` they use.
 */
import { sdkEnv } from '../emulator/sdk-env';
import { cloudApp, type Database } from '../cloudfunctions/lib/cloudbase';

export async function withLocalSdk<T>(gatewayUrl: string, work: (db: Database) => Promise<T>): Promise<T> {
  Object.assign(process.env, sdkEnv(gatewayUrl, 'fazhi-local'));
  return work(cloudApp().database());
}

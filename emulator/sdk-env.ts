/**
 * Environment variables that point an unmodified `@cloudbase/node-sdk` (tcb.init with
 * SYMBOL_CURRENT_ENV or an explicit env) at a local gateway. See PROTOCOL.md "Pointing the real SDK".
 */
import { credentialsFor, type Credentials } from './credentials';

export function sdkEnv(url: string, envId: string, credentials: Credentials | undefined = credentialsFor(url)): Record<string, string> {
  if (!credentials) {
    throw new Error(`no SDK credentials known for the gateway at ${url}: read them from its data directory (emulator/credentials.ts)`);
  }
  return {
    // Any path works; it must not contain '?' because the SDK appends its own query string.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url.replace(/\/+$/, '')}/admin` }),
    SCF_NAMESPACE: envId,
    // The SDK signs every request with these; the gateway checks the signature (sdk-auth.ts).
    TENCENTCLOUD_SECRETID: credentials.secretId,
    TENCENTCLOUD_SECRETKEY: credentials.secretKey,
    // Without it the SDK probes a cloud metadata host on every call (~50 ms each).
    TENCENTCLOUD: 'true',
  };
}

/**
 * Environment variables that point an unmodified `@cloudbase/node-sdk` (tcb.init with
 * SYMBOL_CURRENT_ENV or an explicit env) at a local gateway. See PROTOCOL.md "Pointing the real SDK".
 */
export function sdkEnv(url: string, envId: string): Record<string, string> {
  return {
    // Any path works; it must not contain '?' because the SDK appends its own query string.
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url.replace(/\/+$/, '')}/admin` }),
    SCF_NAMESPACE: envId,
    // Required by the SDK (it signs requests), never checked by the gateway.
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    // Without it the SDK probes a cloud metadata host on every call (~50 ms each).
    TENCENTCLOUD: 'true',
  };
}

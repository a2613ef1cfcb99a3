/**
 * The SDK credentials of one local stack: `<dataDir>/credentials.json` = `{secretId, secretKey}`,
 * generated (random, file mode 0600) the first time a gateway opens the data directory and kept after.
 *
 * The gateway accepts SDK actions (`POST /admin`) only when signed with this pair (TC3-HMAC-SHA256,
 * as CloudBase checks TENCENTCLOUD_SECRETID/SECRETKEY), and signs storage URLs with a key derived from
 * it. Whoever can read the data directory can act as the server; a web page cannot.
 *
 * In-process callers find the pair by the gateway's URL (`credentialsFor(url)`): a gateway started in
 * this process registers itself, and a caller that only knows a data directory (the CLI, test helpers
 * running the gateway as a child process) calls `rememberCredentials(url, readCredentials(dataDir))`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Credentials {
  secretId: string;
  secretKey: string;
}

export const CREDENTIALS_FILE = 'credentials.json';

const fileOf = (dataDir: string) => join(dataDir, CREDENTIALS_FILE);

function parse(text: string): Credentials | undefined {
  const c = JSON.parse(text) as Partial<Credentials>;
  return typeof c.secretId === 'string' && c.secretId && typeof c.secretKey === 'string' && c.secretKey
    ? { secretId: c.secretId, secretKey: c.secretKey }
    : undefined;
}

/** The pair of a data directory, or undefined when no gateway has created one there yet. */
export function readCredentials(dataDir: string): Credentials | undefined {
  try {
    return parse(readFileSync(fileOf(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The pair of a data directory, created on first use (exclusive create: two starters agree on one). */
export function loadOrCreateCredentials(dataDir: string): Credentials {
  const existing = readCredentials(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const fresh: Credentials = { secretId: `AKID${randomBytes(12).toString('hex')}`, secretKey: randomBytes(24).toString('base64url') };
  try {
    writeFileSync(fileOf(dataDir), `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (error) {
    const again = readCredentials(dataDir);
    if (again) return again;
    throw error;
  }
}

const byOrigin = new Map<string, Credentials>();
const originOf = (url: string) => new URL(url).origin;

export function rememberCredentials(url: string, credentials: Credentials): void {
  byOrigin.set(originOf(url), credentials);
}

/** The pair registered in this process for the gateway at `url`. */
export function credentialsFor(url: string): Credentials | undefined {
  return byOrigin.get(originOf(url));
}

/** Storage URLs are signed with a key of their own, so a leaked URL says nothing about the secret key. */
export const storageKeyOf = (c: Credentials): Buffer => createHmac('sha256', c.secretKey).update('fazhi-local-storage').digest();

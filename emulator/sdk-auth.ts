/**
 * Checks the signature the real `@cloudbase/node-sdk` puts on every request (TC3-HMAC-SHA256 with the
 * environment's TENCENTCLOUD_SECRETID/SECRETKEY, as computed by @cloudbase/signature-nodejs), the way
 * CloudBase refuses a request not signed with the environment's keys:
 *
 *   Authorization: TC3-HMAC-SHA256 Credential=<id>/<yyyy-mm-dd>/tcb/tc3_request,
 *                  SignedParams=<body keys>, SignedHeaders=<header names>, Signature=<hex>
 *   X-Timestamp: <seconds>   X-Signature-Expires: 600
 *
 * canonical request = method \n //host/path \n query \n name:value lines \n signed header names \n
 * sha256 over `&<key>=<value>\r\n` of the signed body params; the signing key is derived from the
 * secret key by HMAC over the date, the service ("tcb") and "tc3_request".
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Credentials } from './credentials';
import { GatewayError } from './errors';

const ALGORITHM = 'TC3-HMAC-SHA256';
const SERVICE = 'tcb';
/** The SDK signs with a validity of 600 s; allow the same again for clock skew between processes. */
const MAX_AGE_S = 600;
const SKEW_S = 600;

/** CloudBase's code for a request whose signature does not verify. */
export const SIGNATURE_INVALID = 'SIGN_PARAM_INVALID';

const refuse = (why: string): GatewayError => new GatewayError(SIGNATURE_INVALID, `request not signed with this environment's credentials: ${why}`);

const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** As the signer encodes a key (lowercased, RFC 3986). */
const encodeKey = (key: string): string =>
  encodeURIComponent(key.toLowerCase().trim()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** As the signer turns a value into text: strings as they are, anything else as JSON, trimmed. */
const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v)).trim();

function parseAuthorization(header: string): { secretId: string; date: string; params: string[]; headers: string[]; signature: string } {
  if (!header.startsWith(`${ALGORITHM} `)) throw refuse('no TC3 authorization');
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const [secretId, date, service, terminator] = (fields.get('Credential') ?? '').split('/');
  if (!secretId || !date || service !== SERVICE || terminator !== 'tc3_request') throw refuse('malformed credential scope');
  const signature = fields.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) throw refuse('malformed signature');
  const list = (name: string) => (fields.get(name) ?? '').split(';').filter(Boolean);
  return { secretId, date, params: list('SignedParams'), headers: list('SignedHeaders'), signature };
}

/** Throws SIGN_PARAM_INVALID unless `req` (whose JSON body is `body`) was signed with `credentials`. */
export function verifySdkSignature(req: IncomingMessage, body: Record<string, unknown>, credentials: Credentials, nowMs = Date.now()): void {
  const auth = parseAuthorization(String(req.headers.authorization ?? ''));
  if (auth.secretId !== credentials.secretId) throw refuse('unknown secret id');
  const timestamp = Number(req.headers['x-timestamp']);
  const now = Math.floor(nowMs / 1000);
  if (!Number.isInteger(timestamp) || timestamp > now + SKEW_S || timestamp < now - MAX_AGE_S - SKEW_S) throw refuse('timestamp outside the validity window');
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  if (auth.date !== date) throw refuse('credential date does not match the timestamp');
  if (!auth.headers.includes('host') || !auth.headers.includes('content-type')) throw refuse('host and content-type must be signed');

  // Every non-empty body field must be signed: nothing can be added to a signed request.
  const bodyValues = new Map<string, string>();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const text = valueText(value);
    if (text) bodyValues.set(encodeKey(key), text);
  }
  for (const key of bodyValues.keys()) if (!auth.params.includes(key)) throw refuse(`body field ${key} is not signed`);
  const payload = createHash('sha256');
  for (const key of auth.params) {
    const text = bodyValues.get(key);
    if (text) payload.update(`&${key}=${text}\r\n`);
  }

  const canonicalHeaders = auth.headers
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .toLowerCase()}\n`,
    )
    .join('');
  const [path, query = ''] = (req.url ?? '/').split(/\?(.*)/s);
  const canonical = [
    (req.method ?? '').toLowerCase(),
    `//${req.headers.host ?? ''}${path}`,
    query,
    canonicalHeaders,
    auth.headers.join(';'),
    payload.digest('hex'),
  ].join('\n');
  const toSign = `${ALGORITHM}\n${timestamp}\n${date}/${SERVICE}/tc3_request\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${credentials.secretKey}`, date), SERVICE), 'tc3_request');
  const expected = hmac(key, toSign);
  if (!timingSafeEqual(expected, Buffer.from(auth.signature, 'hex'))) throw refuse('signature mismatch');
}

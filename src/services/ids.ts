/**
 * Client-generated record ids: made on the phone when a form opens, so that sending the same record
 * again (after a lost answer, from the outbox) is recognised by the server instead of counted twice.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const CLIENT_ID_LENGTH = 24;

type RandomSource = (bytes: Uint8Array) => void;

function defaultRandom(): RandomSource {
  // `typeof` rather than globalThis: older mini-program engines lack both.
  const c: { getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && typeof c.getRandomValues === 'function') return (bytes) => void c.getRandomValues!(bytes);
  // The mini-program runtime has no Web Crypto; ids need to be unique, not secret.
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  };
}

/** A random 24-character [a-z0-9] id. */
export function newClientId(random: RandomSource = defaultRandom()): string {
  let id = '';
  const bytes = new Uint8Array(CLIENT_ID_LENGTH * 2);
  while (id.length < CLIENT_ID_LENGTH) {
    random(bytes);
    for (const b of bytes) {
      // 252 = 7 × 36: rejecting the rest keeps every character equally likely.
      if (b < 252 && id.length < CLIENT_ID_LENGTH) id += ALPHABET[b % 36];
    }
  }
  return id;
}

/**
 * Key-value storage as the outbox sees it: an adapter over the platform's storage (WeChat storage on
 * the phone, localStorage in the browser build; see ../storage.ts) and an in-memory twin with the same
 * limits for tests. Pure: no Taro here.
 */

export interface KeyValueStore {
  /** undefined when the key is absent. */
  get(key: string): unknown;
  /** Throws when the platform refuses the write (storage full, value too large). */
  set(key: string, value: unknown): void;
  remove(key: string): void;
  keys(): string[];
  /** Bytes in use as the platform counts them, when it tells; undefined otherwise. */
  usedBytes?(): number | undefined;
}

/** WeChat's limits: 10 MB for a mini-program's storage, 1 MB for one key. */
export const STORAGE_LIMIT_BYTES = 10 * 1024 * 1024;
export const KEY_LIMIT_BYTES = 1024 * 1024;

/** UTF-8 bytes of the value as JSON: how the outbox counts storage (Chinese text is 3 bytes a character). */
export function byteSize(value: unknown): number {
  const text = JSON.stringify(value ?? null);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The in-memory twin: a Map with WeChat's limits, failing the way WeChat fails when they are hit. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();

  constructor(
    private readonly limit = STORAGE_LIMIT_BYTES,
    private readonly keyLimit = KEY_LIMIT_BYTES,
  ) {}

  get(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  set(key: string, value: unknown): void {
    const size = byteSize(value) + key.length;
    if (size > this.keyLimit) throw new Error('setStorageSync:fail entry size limit reached');
    const before = this.data.has(key) ? byteSize(this.get(key)) + key.length : 0;
    if ((this.usedBytes() ?? 0) - before + size > this.limit) throw new Error('setStorageSync:fail exceed storage max size 10MB');
    this.data.set(key, JSON.stringify(value ?? null));
  }

  remove(key: string): void {
    this.data.delete(key);
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  usedBytes(): number {
    let total = 0;
    for (const [key, text] of this.data) total += byteSize(JSON.parse(text)) + key.length;
    return total;
  }
}

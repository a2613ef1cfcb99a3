import { CLIENT_ID_LENGTH, newClientId } from '../../../src/services/ids';
import { clientId } from '../../../src/domain/records/fields';

describe('newClientId', () => {
  it('should make 24 lowercase letters and digits that the record schema accepts', () => {
    const id = newClientId();
    expect(id).toMatch(/^[a-z0-9]{24}$/);
    expect(id).toHaveLength(CLIENT_ID_LENGTH);
    expect(clientId.safeParse(id).success).toBe(true);
  });

  it('should not repeat itself', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newClientId()));
    expect(ids.size).toBe(2000);
  });

  it('should still work without Web Crypto (the mini-program runtime)', () => {
    const fallback = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    };
    expect(newClientId(fallback)).toMatch(/^[a-z0-9]{24}$/);
  });

  it('should skip biased bytes instead of skewing the alphabet', () => {
    // Only bytes ≥ 252 at first: none may be used, and the generator must ask for more.
    let calls = 0;
    const source = (bytes: Uint8Array) => {
      bytes.fill(calls++ === 0 ? 255 : 0);
    };
    expect(newClientId(source)).toBe('a'.repeat(24));
    expect(calls).toBe(2);
  });
});

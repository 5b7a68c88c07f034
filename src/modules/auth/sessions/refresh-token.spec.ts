import { randomUUID } from 'node:crypto';
import { hashRefreshToken, newRefreshToken, sessionIdOfRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  it('carry 256 random bits after the session id and are never the same twice', () => {
    const sessionId = randomUUID();
    const a = newRefreshToken(sessionId);
    const b = newRefreshToken(sessionId);
    expect(a.token).not.toBe(b.token);
    const secret = a.token.split('.')[1];
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
  });

  it('name their session', () => {
    const sessionId = randomUUID();
    expect(sessionIdOfRefreshToken(newRefreshToken(sessionId).token)).toBe(sessionId);
  });

  it('are stored as the hex SHA-256 of the whole token, which does not contain the token', () => {
    const { token, hash } = newRefreshToken(randomUUID());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashRefreshToken(token));
    // the known SHA-256 test vector: the hash is the plain digest of the string
    expect(hashRefreshToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashRefreshToken(`${token}x`)).not.toBe(hash);
  });

  it.each(['', 'abc', 'a.b', `${'A'.repeat(22)}.${'B'.repeat(42)}`, `${'A'.repeat(22)}.${'B'.repeat(43)}.x`, `${'A'.repeat(22)}:${'B'.repeat(43)}`])(
    'malformed tokens name no session: %p',
    (token) => {
      expect(sessionIdOfRefreshToken(token)).toBeNull();
    },
  );
});

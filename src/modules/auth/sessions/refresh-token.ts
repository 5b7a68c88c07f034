import { createHash, randomBytes } from 'node:crypto';

/** Random bytes of a refresh token: 256 bits. */
export const REFRESH_SECRET_BYTES = 32;

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i;
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/**
 * A new opaque refresh token of a session: `<session id, 16 bytes base64url>.<256 random bits base64url>`.
 * The session id lets a refresh lock its session before anything else; only the SHA-256 of the token is stored.
 */
export function newRefreshToken(sessionId: string): { token: string; hash: string } {
  const m = UUID.exec(sessionId);
  if (!m) throw new Error('session id must be a UUID');
  const id = Buffer.from(m.slice(1).join(''), 'hex').toString('base64url');
  const token = `${id}.${randomBytes(REFRESH_SECRET_BYTES).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

/** Hex SHA-256 of the whole token: what the database keeps. A token is high-entropy, so no salt or slow hash is needed. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The session id a well-formed token names, or null for anything else. */
export function sessionIdOfRefreshToken(token: string): string | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const hex = Buffer.from(m[1], 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

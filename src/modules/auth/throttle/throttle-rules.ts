/**
 * Brute-force limits of sign-in (and of the current-password check of a password change), all in one place.
 * Fixed windows: the first counted attempt opens a window; more than `limit` attempts inside it are refused until it
 * ends. Every attempt is counted when it starts (so parallel guesses cannot slip past the limit); a correct password
 * clears the account's counter and gives the address its attempt back.
 */
export const LOGIN_THROTTLE = {
  /** per account (lower-cased login, whether or not it exists): the 11th attempt within a minute waits */
  account: { limit: 10, windowMs: 60_000 },
  /** per client address: many users behind one school NAT must still get in */
  address: { limit: 100, windowMs: 10 * 60_000 },
} as const;

/**
 * Invitation-code activation (POST /auth/activate), per client address, counted before the code is looked at and
 * given back on success: as many failed attempts as sign-in allows one address (an 80-bit code cannot be guessed at
 * this pace), on a counter of its own.
 */
export const ACTIVATION_THROTTLE = {
  scope: 'activate',
  address: LOGIN_THROTTLE.address,
} as const;

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** The state of one counter after an attempt was counted. */
export interface ThrottleCount {
  /** attempts in the current window, this one included */
  hits: number;
  /** milliseconds until the window ends */
  resetInMs: number;
}

/** Where the counters live: Redis when configured, PostgreSQL otherwise; shared by every api instance either way. */
export interface ThrottleStore {
  /** Counts one attempt in the key's open window, opening a window of `windowMs` when none is open. Atomic. */
  hit(key: string, windowMs: number): Promise<ThrottleCount>;
  /** Gives one attempt back while the window is open (never below zero, never opens a window). */
  release(key: string): Promise<void>;
  /** Forgets the key. */
  clear(key: string): Promise<void>;
}

export function accountKey(login: string): string {
  return `acct:${login.trim().toLowerCase()}`;
}

export function addressKey(ip: string | null | undefined): string {
  return `addr:${ip ?? 'unknown'}`;
}

/** Seconds to wait, for Retry-After: whole seconds, at least 1. */
export function retryAfterSeconds(resetInMs: number): number {
  return Math.max(1, Math.ceil(resetInMs / 1000));
}

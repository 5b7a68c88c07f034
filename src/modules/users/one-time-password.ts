import { randomInt } from 'node:crypto';

/**
 * Characters of a one-time password: lowercase latin letters and digits without the ones that are easily
 * confused when read from a screen or paper or typed with the wrong layout (0/o, 1/l/i).
 */
export const ONE_TIME_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A one-time password for a new account or a reset: 4 groups of 4 characters joined by hyphens
 * (19 characters, 16 random ones from 31: ≈ 79 bits), drawn with the CSPRNG (`crypto.randomInt`).
 * The account must change it at its first sign-in.
 */
export function generateOneTimePassword(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)]).join('');
  return Array.from({ length: GROUPS }, group).join('-');
}

import { randomInt } from 'node:crypto';
import { fieldProblem, ProblemError } from '../../../common/errors/problem';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * The password rules (NIST SP 800-63B): 8–128 characters counted in Unicode code points (a Russian password is as
 * long as it looks), not one of the shipped common passwords, not the login. No composition rules.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordPolicyCode = 'password-too-short' | 'password-too-long' | 'password-too-common' | 'password-equals-login';

export interface PasswordPolicyViolation {
  code: PasswordPolicyCode;
  /** for the user, in Russian */
  message: string;
}

/** Length in Unicode code points ('пароль' is 6, an emoji is 1). */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++;
  return n;
}

/** The first rule a password breaks, or null when it may be used. Pure: no I/O. */
export function checkPasswordPolicy(password: string, login?: string | null): PasswordPolicyViolation | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return { code: 'password-too-short', message: `Пароль должен содержать не менее ${PASSWORD_MIN_LENGTH} символов` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'password-too-long', message: `Пароль должен содержать не более ${PASSWORD_MAX_LENGTH} символов` };
  }
  const folded = password.normalize('NFC').toLowerCase();
  if (login && folded.trim() === login.normalize('NFC').trim().toLowerCase()) {
    return { code: 'password-equals-login', message: 'Пароль не должен совпадать с логином' };
  }
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.trim())) {
    return { code: 'password-too-common', message: 'Этот пароль слишком распространён, выберите другой' };
  }
  return null;
}

/** Throws the 422 problem naming `field` (e.g. 'newPassword') when the password breaks a rule. */
export function assertPasswordPolicy(password: string, login: string | null | undefined, field = 'password'): void {
  const violation = checkPasswordPolicy(password, login);
  if (violation) throw passwordPolicyProblem(violation, field);
}

export function passwordPolicyProblem(violation: PasswordPolicyViolation, field: string): ProblemError {
  return fieldProblem(violation.code, field, violation.message, 'Password not accepted');
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper (no 0/o, 1/l/i). */
export const ONE_TIME_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const READABLE = ONE_TIME_PASSWORD_ALPHABET;
const GROUPS = 4;
const GROUP_LENGTH = 4;

/**
 * A one-time password an admin can dictate or print: four groups of four readable characters, e.g. `k7pm-x3qa-9wre-m4td`
 * (16 characters from 31: about 79 bits, from crypto.randomInt). New accounts, resets and operator:create use it. Always passes checkPasswordPolicy (for the given login too).
 */
export function generateOneTimePassword(login?: string | null): string {
  for (;;) {
    const groups: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      let group = '';
      for (let i = 0; i < GROUP_LENGTH; i++) group += READABLE[randomInt(READABLE.length)];
      groups.push(group);
    }
    const password = groups.join('-');
    if (checkPasswordPolicy(password, login) === null) return password;
  }
}

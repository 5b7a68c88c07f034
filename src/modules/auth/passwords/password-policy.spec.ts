import { ProblemError } from '../../../common/errors/problem';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  assertPasswordPolicy,
  checkPasswordPolicy,
  generateOneTimePassword,
  PASSWORD_MAX_LENGTH,
  passwordLength,
} from './password-policy';

describe('password policy', () => {
  it('7 characters are too short, 8 are enough', () => {
    expect(checkPasswordPolicy('tr7-kq2')?.code).toBe('password-too-short');
    expect(checkPasswordPolicy('tr7-kq2m')).toBeNull();
  });

  it('length is counted in code points: 8 Cyrillic characters are accepted, 7 are not', () => {
    expect(passwordLength('ёжиквтум')).toBe(8);
    expect(checkPasswordPolicy('ёжиквтум')).toBeNull();
    expect(checkPasswordPolicy('ёжиквту')?.code).toBe('password-too-short');
  });

  it('characters outside the basic plane count once each', () => {
    const emoji = '🦊🦉🐻🐺🦊🦉🐻🐺';
    expect(emoji.length).toBe(16);
    expect(passwordLength(emoji)).toBe(8);
    expect(checkPasswordPolicy(emoji)).toBeNull();
    expect(checkPasswordPolicy('🦊🦉🐻🐺🦊🦉🐻')?.code).toBe('password-too-short');
  });

  it('128 characters are accepted, 129 are too long', () => {
    expect(checkPasswordPolicy('ж'.repeat(PASSWORD_MAX_LENGTH - 4) + 'xq7!')).toBeNull();
    expect(checkPasswordPolicy('ж'.repeat(PASSWORD_MAX_LENGTH + 1))?.code).toBe('password-too-long');
  });

  it.each(['12345678', 'qwerty123', 'password1', '1q2w3e4r', 'йцукенгш', 'ЙцУкЕнГшЩз', 'PASSWORD123', 'gfhjkm123', 'пароль123'])(
    'a common password is refused, whatever its case: %s',
    (password) => {
      expect(checkPasswordPolicy(password)?.code).toBe('password-too-common');
    },
  );

  it('the shipped list holds a few hundred passwords, all lower case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
    expect(COMMON_PASSWORDS.has('йцукен')).toBe(true);
  });

  it('a password equal to the login is refused, ignoring case', () => {
    expect(checkPasswordPolicy('Teacher.S1', 'teacher.s1')?.code).toBe('password-equals-login');
    expect(checkPasswordPolicy('teacher.s1-2026', 'teacher.s1')).toBeNull();
  });

  it('there are no composition rules: lower-case letters only are fine', () => {
    expect(checkPasswordPolicy('кот учёного ходит')).toBeNull();
    expect(checkPasswordPolicy('correcthorsebatterystaple')).toBeNull();
  });

  it('assertPasswordPolicy throws a 422 naming the field with the rule code', () => {
    try {
      assertPasswordPolicy('short', 'x', 'newPassword');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      const p = e as ProblemError;
      expect(p.status).toBe(422);
      expect(p.code).toBe('password-too-short');
      expect(p.errors?.[0].field).toBe('newPassword');
    }
    expect(() => assertPasswordPolicy('a good long one', 'x')).not.toThrow();
  });

  it('one-time passwords are readable, differ every time and pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateOneTimePassword('admin.s1');
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      expect(checkPasswordPolicy(p, 'admin.s1')).toBeNull();
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});

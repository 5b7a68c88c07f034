import { generateOneTimePassword, ONE_TIME_PASSWORD_ALPHABET } from './password-policy';

describe('generateOneTimePassword', () => {
  it('is at least 12 characters: four groups of four readable characters', () => {
    const password = generateOneTimePassword();
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  });

  it('never uses characters that are easy to confuse (0 O o 1 l I i)', () => {
    for (const c of '0Oo1lIi') expect(ONE_TIME_PASSWORD_ALPHABET).not.toContain(c);
    const all = Array.from({ length: 500 }, generateOneTimePassword).join('');
    expect(all).not.toMatch(/[0Oo1lIi]/);
  });

  it('uses the whole alphabet and does not repeat itself', () => {
    const passwords = Array.from({ length: 2000 }, generateOneTimePassword);
    expect(new Set(passwords).size).toBe(passwords.length);
    const used = new Set(passwords.join('').replace(/-/g, ''));
    expect([...used].sort().join('')).toBe([...ONE_TIME_PASSWORD_ALPHABET].sort().join(''));
  });
});

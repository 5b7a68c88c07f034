import { ageOn, isPlausibleStudentBirthDate, normalizeEmail, normalizeFileNumber, normalizePhone, personFullName } from './person-rules';

describe('person rules', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['+375 29 123-45-67', '+375291234567'],
  ])('a phone %s is kept as %s', (input, out) => expect(normalizePhone(input)).toBe(out));

  it.each(['мама', '12', 'tel:123', ''])('%p is not a phone number', (input) => expect(normalizePhone(input)).toBeNull());

  it('an e-mail is lower-cased; a malformed one is refused', () => {
    expect(normalizeEmail(' Ivanova@Mail.RU ')).toBe('ivanova@mail.ru');
    expect(normalizeEmail('ivanova@mail')).toBeNull();
    expect(normalizeEmail('иванова mail.ru')).toBeNull();
  });

  it('a personal file number is trimmed and bounded', () => {
    expect(normalizeFileNumber('  Л-2026  0001 ')).toBe('Л-2026 0001');
    expect(normalizeFileNumber('   ')).toBeNull();
    expect(normalizeFileNumber('x'.repeat(33))).toBeNull();
  });

  it('age counts whole years, birthday included', () => {
    expect(ageOn('2015-10-01', '2026-09-30')).toBe(10);
    expect(ageOn('2015-10-01', '2026-10-01')).toBe(11);
    expect(isPlausibleStudentBirthDate('2015-10-01', '2026-09-01')).toBe(true);
    expect(isPlausibleStudentBirthDate('2024-01-01', '2026-09-01')).toBe(false);
    expect(isPlausibleStudentBirthDate('1990-01-01', '2026-09-01')).toBe(false);
  });

  it('the full name leaves out a missing patronymic', () => {
    expect(personFullName({ surname: 'Ёлкина', name: 'Анна', patronymic: 'Сергеевна' })).toBe('Ёлкина Анна Сергеевна');
    expect(personFullName({ surname: 'Smith', name: 'John', patronymic: null })).toBe('Smith John');
  });
});

import { KeysetKey } from '../../common/pagination/pagination';

/** Pure rules of people's personal data (students, guardians): contacts and dates, shared by the API and the imports. */

/**
 * A Russian phone number in the form +7XXXXXXXXXX: accepts «8 (912) 345-67-89», «+7 912 345 67 89», «9123456789».
 * Anything else (other countries included) is kept as typed when it has 5–15 digits and only phone punctuation,
 * since a guardian may have a foreign number; null when it is not a phone number at all.
 */
export function normalizePhone(value: string): string | null {
  const v = value.trim();
  if (!/^\+?[\d\s()\-.]+$/.test(v)) return null;
  const digits = v.replace(/\D/g, '');
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && digits[0] === '9') return `+7${digits}`;
  if (digits.length >= 5 && digits.length <= 15) return v.startsWith('+') ? `+${digits}` : digits;
  return null;
}

/** A plain e-mail address check (one @, a dot in the domain, no spaces), lower-cased; null when it is not one. */
export function normalizeEmail(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return null;
  return v;
}

/** The personal file number (номер личного дела): trimmed, inner spaces collapsed, 1–32 characters; null otherwise. */
export function normalizeFileNumber(value: string): string | null {
  const v = value.trim().replace(/\s+/g, ' ');
  return v.length >= 1 && v.length <= 32 ? v : null;
}

/** Age in whole years on a date (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A student's birth date is plausible for a school: 5 to 22 years old on the given date. */
export function isPlausibleStudentBirthDate(birthDate: string, on: string): boolean {
  const age = ageOn(birthDate, on);
  return age >= 5 && age <= 22;
}

/** «Иванова Мария Петровна» from the parts (no patronymic: two words). */
export function personFullName(p: { surname: string; name: string; patronymic: string | null }): string {
  return [p.surname, p.name, p.patronymic].filter((x): x is string => !!x).join(' ');
}

/** People in Russian alphabetical order (Ё beside Е), then id: the sort keys of every list of people of table alias `t`. */
export function personOrderKeys(t: string): KeysetKey[] {
  return [
    { sql: `${t}.surname COLLATE "ru-RU-x-icu"`, cast: 'text' },
    { sql: `${t}.name COLLATE "ru-RU-x-icu"`, cast: 'text' },
    { sql: `coalesce(${t}.patronymic, '') COLLATE "ru-RU-x-icu"`, cast: 'text' },
    { sql: `${t}.id`, cast: 'uuid' },
  ];
}

/** Pure rules of classes: the letter's form, the display name and the natural order (1А, 1Б, 2А … 10А, 11Б). */

/** A Cyrillic capital letter, optionally followed by a short suffix (up to 4 characters in all): «А», «Б», «Ам». */
export const CLASS_LETTER_PATTERN = /^[А-ЯЁ][А-ЯЁа-яё0-9-]{0,3}$/;
export const CLASS_LETTER_MESSAGE = 'must be a Cyrillic capital letter, optionally with a short suffix (up to 4 characters)';

export const MIN_GRADE = 1;
export const MAX_GRADE = 11;

/** «5А»: the grade followed by the letter. */
export function classDisplayName(grade: number, letter: string): string {
  return `${grade}${letter}`;
}

const collator = new Intl.Collator('ru', { sensitivity: 'variant' });

/** The order of class lists: by grade as a number, then by letter in Russian collation. */
export function compareClasses(a: { grade: number; letter: string }, b: { grade: number; letter: string }): number {
  return a.grade - b.grade || collator.compare(a.letter, b.letter);
}

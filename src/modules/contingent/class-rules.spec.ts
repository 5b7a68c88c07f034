import { CLASS_LETTER_PATTERN, classDisplayName, compareClasses } from './class-rules';

describe('class rules', () => {
  it('a class is named by its grade and letter', () => {
    expect(classDisplayName(5, 'А')).toBe('5А');
    expect(classDisplayName(11, 'Б')).toBe('11Б');
  });

  it('classes sort by grade as a number, then letter (1А, 1Б, 2А … 10А, 11Б)', () => {
    const names = ['10А', '2А', '11Б', '1Б', '1А', '11А', '2Ё', '2Е', '2Ж']
      .map((n) => ({ grade: Number(n.slice(0, -1)), letter: n.slice(-1) }))
      .sort(compareClasses)
      .map((c) => classDisplayName(c.grade, c.letter));
    expect(names).toEqual(['1А', '1Б', '2А', '2Е', '2Ё', '2Ж', '10А', '11А', '11Б']);
  });

  it('a letter is a Cyrillic capital with an optional short suffix', () => {
    for (const ok of ['А', 'Б', 'Ё', 'Ам', 'К-1']) expect(CLASS_LETTER_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'а', 'A', '1', 'Абвгд', ' А']) expect(CLASS_LETTER_PATTERN.test(bad)).toBe(false);
  });
});

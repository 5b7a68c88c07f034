import { DEFAULT_SUBJECTS } from './default-subjects';

describe('the default subject catalogue', () => {
  it('codes are unique stable latin keys', () => {
    const codes = DEFAULT_SUBJECTS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]{1,49}$/);
  });

  it('names are unique regardless of case and fit their column', () => {
    const names = DEFAULT_SUBJECTS.map((s) => s.name.toLocaleLowerCase('ru'));
    expect(new Set(names).size).toBe(names.length);
    for (const s of DEFAULT_SUBJECTS) {
      expect(s.name.trim()).toBe(s.name);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.name.length).toBeLessThanOrEqual(200);
    }
  });

  it('every subject has a non-empty short name that fits its column', () => {
    for (const s of DEFAULT_SUBJECTS) {
      expect(s.shortName.trim()).toBe(s.shortName);
      expect(s.shortName.length).toBeGreaterThan(0);
      expect(s.shortName.length).toBeLessThanOrEqual(50);
    }
  });

  it('holds the usual Russian subjects, ОБЗР in place of ОБЖ', () => {
    const byCode = Object.fromEntries(DEFAULT_SUBJECTS.map((s) => [s.code, s.name]));
    expect(byCode).toMatchObject({
      russian: 'Русский язык',
      literature: 'Литература',
      math: 'Математика',
      algebra: 'Алгебра',
      geometry: 'Геометрия',
      informatics: 'Информатика',
      history: 'История',
      english: 'Английский язык',
      physical_education: 'Физическая культура',
      obzr: 'Основы безопасности и защиты Родины',
    });
    expect(DEFAULT_SUBJECTS.some((s) => /ОБЖ/.test(s.shortName))).toBe(false);
  });
});

import {
  FEMALE_NAMES,
  INVARIANT_SURNAMES,
  MALE_NAMES,
  RussianNamePicker,
  SURNAMES,
  compareRussian,
  feminineSurname,
  patronymic,
  patronymicForms,
} from './russian-names';
import { Random } from './random';

describe('russian names', () => {
  describe('patronymics', () => {
    it.each([
      ['Иван', 'Иванович', 'Ивановна'],
      ['Никита', 'Никитич', 'Никитична'],
      ['Илья', 'Ильич', 'Ильинична'],
      ['Лев', 'Львович', 'Львовна'],
      ['Павел', 'Павлович', 'Павловна'],
      ['Пётр', 'Петрович', 'Петровна'],
      ['Михаил', 'Михайлович', 'Михайловна'],
      ['Андрей', 'Андреевич', 'Андреевна'],
      ['Сергей', 'Сергеевич', 'Сергеевна'],
      ['Алексей', 'Алексеевич', 'Алексеевна'],
      ['Матвей', 'Матвеевич', 'Матвеевна'],
      ['Дмитрий', 'Дмитриевич', 'Дмитриевна'],
      ['Георгий', 'Георгиевич', 'Георгиевна'],
      ['Юрий', 'Юрьевич', 'Юрьевна'],
      ['Григорий', 'Григорьевич', 'Григорьевна'],
      ['Николай', 'Николаевич', 'Николаевна'],
      ['Евгений', 'Евгеньевич', 'Евгеньевна'],
      ['Валерий', 'Валерьевич', 'Валерьевна'],
      ['Анатолий', 'Анатольевич', 'Анатольевна'],
      ['Виталий', 'Витальевич', 'Витальевна'],
      ['Арсений', 'Арсеньевич', 'Арсеньевна'],
      ['Василий', 'Васильевич', 'Васильевна'],
      ['Игорь', 'Игоревич', 'Игоревна'],
      ['Фома', 'Фомич', 'Фоминична'],
      ['Кузьма', 'Кузьмич', 'Кузьминична'],
      ['Лука', 'Лукич', 'Лукинична'],
      ['Савва', 'Саввич', 'Саввична'],
      ['Яков', 'Яковлевич', 'Яковлевна'],
      ['Даниил', 'Даниилович', 'Данииловна'],
      ['Семён', 'Семёнович', 'Семёновна'],
      ['Фёдор', 'Фёдорович', 'Фёдоровна'],
      ['Олег', 'Олегович', 'Олеговна'],
    ])('%s → %s / %s', (father, male, female) => {
      expect(patronymicForms(father)).toEqual({ male, female });
      expect(patronymic(father, 'male')).toBe(male);
      expect(patronymic(father, 'female')).toBe(female);
    });

    it('derives a well-formed patronymic from every male name in the table', () => {
      for (const { name } of MALE_NAMES) {
        const { male, female } = patronymicForms(name);
        expect(male).toMatch(/(ович|евич|ич)$/);
        expect(female).toMatch(/(овна|евна|ична|инична)$/);
      }
    });

    it('refuses a name it has no rule for instead of guessing', () => {
      expect(() => patronymicForms('Мария')).toThrow(RangeError);
    });
  });

  describe('surnames', () => {
    it.each([
      ['Иванов', 'Иванова'],
      ['Кузнецов', 'Кузнецова'],
      ['Смирнов', 'Смирнова'],
      ['Соловьёв', 'Соловьёва'],
      ['Васильев', 'Васильева'],
      ['Ильин', 'Ильина'],
      ['Никольский', 'Никольская'],
      ['Высоцкий', 'Высоцкая'],
      ['Толстой', 'Толстая'],
      ['Ким', 'Ким'],
      ['Шевченко', 'Шевченко'],
      ['Черных', 'Черных'],
      ['Мельник', 'Мельник'],
    ])('feminine form of %s is %s', (male, female) => {
      expect(feminineSurname(male)).toBe(female);
    });

    it('keeps invariant surnames the same for both genders', () => {
      for (const s of SURNAMES.filter((x) => INVARIANT_SURNAMES.includes(x.male))) expect(s.female).toBe(s.male);
      expect(INVARIANT_SURNAMES).toEqual(expect.arrayContaining(['Ким', 'Шевченко', 'Черных']));
    });

    it('gives every declinable surname a feminine form ending in -а or -ая', () => {
      for (const s of SURNAMES.filter((x) => !INVARIANT_SURNAMES.includes(x.male))) {
        expect(s.female).toMatch(/(а|ая)$/);
        expect(s.female).not.toBe(s.male);
      }
    });

    it('refuses a surname it has no rule for instead of guessing', () => {
      expect(() => feminineSurname('Дюма')).toThrow(RangeError);
    });
  });

  it('has at least 150 distinct surnames and 60+ distinct male and female first names', () => {
    expect(new Set(SURNAMES.map((s) => s.male)).size).toBe(SURNAMES.length);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(MALE_NAMES.map((n) => n.name)).size).toBe(MALE_NAMES.length);
    expect(new Set(FEMALE_NAMES.map((n) => n.name)).size).toBe(FEMALE_NAMES.length);
    expect(MALE_NAMES.length).toBeGreaterThanOrEqual(60);
    expect(FEMALE_NAMES.length).toBeGreaterThanOrEqual(60);
  });

  it('draws names with realistic frequencies: Александр is common among boys, Фома rare', () => {
    const picker = new RussianNamePicker(new Random(1));
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const n = picker.firstName('male', 'child');
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect(counts.get('Александр') ?? 0).toBeGreaterThan(20 * (counts.get('Фома') ?? 0));
    expect(counts.size).toBeGreaterThan(50);
  });

  it('makes surname and patronymic agree with the gender of the person', () => {
    const picker = new RussianNamePicker(new Random(2));
    const family = { surname: SURNAMES.find((s) => s.male === 'Кузнецов')!, fatherName: 'Илья' };
    const son = picker.person('male', 'child', family);
    const daughter = picker.person('female', 'child', family);
    expect([son.surname, son.patronymic]).toEqual(['Кузнецов', 'Ильич']);
    expect([daughter.surname, daughter.patronymic]).toEqual(['Кузнецова', 'Ильинична']);
    expect(MALE_NAMES.map((n) => n.name)).toContain(son.name);
    expect(FEMALE_NAMES.map((n) => n.name)).toContain(daughter.name);
  });

  it('sorts in Russian alphabetical order with ё right after е, independent of locale', () => {
    const sorted = ['Ёлкин', 'Яковлев', 'Абрамов', 'Еремеев', 'Жуков', 'Ершов'].sort(compareRussian);
    expect(sorted).toEqual(['Абрамов', 'Еремеев', 'Ершов', 'Ёлкин', 'Жуков', 'Яковлев']);
  });
});

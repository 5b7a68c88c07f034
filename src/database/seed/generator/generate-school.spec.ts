import { parseIsoDate } from './dates';
import { CLASS_LETTERS, type GeneratedSchool, LIMITS, currentAcademicStartYear, generateSchool } from './generate-school';
import { FEMALE_NAMES, INVARIANT_SURNAMES, MALE_NAMES, SURNAMES } from './russian-names';
import { HOLIDAY_NAMES } from './school-calendar';
import { CURRICULUM_SUBJECTS, POSITIONS } from './school-reference';

const START_YEAR = 2026;
const school = generateSchool({ seed: 20260901, startYear: START_YEAR, schoolNumber: 17 });
/** A spread of seeds for the range checks. */
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 1);
const schools: Array<[number, GeneratedSchool]> = SEEDS.map((seed) => [seed, generateSchool({ seed, startYear: START_YEAR })]);

const fullName = (p: { surname: string; name: string; patronymic: string }): string => `${p.surname} ${p.name} ${p.patronymic}`;
const isTeacher = (p: { positions: string[] }): boolean => p.positions.some((x) => x.startsWith('Учитель') && x !== POSITIONS.speechTherapist);
const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe('generateSchool', () => {
  it('is deterministic: the same options give deeply equal output', () => {
    expect(generateSchool({ seed: 20260901, startYear: START_YEAR, schoolNumber: 17 })).toEqual(school);
    expect(generateSchool({ seed: 5, startYear: 2027 })).toEqual(generateSchool({ seed: 5, startYear: 2027 }));
  });

  it('gives different people for different seeds', () => {
    const other = generateSchool({ seed: 20260902, startYear: START_YEAR, schoolNumber: 17 });
    expect(other.students.map(fullName)).not.toEqual(school.students.map(fullName));
    expect(other.staff.map(fullName)).not.toEqual(school.staff.map(fullName));
    const shared = new Set(school.staff.map(fullName));
    expect(other.staff.filter((p) => shared.has(fullName(p))).length).toBeLessThan(5);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      const east = generateSchool({ seed: 77, startYear: START_YEAR });
      process.env.TZ = 'Pacific/Pago_Pago'; // UTC−11
      const west = generateSchool({ seed: 77, startYear: START_YEAR });
      expect(east).toEqual(west);
      expect(east.academicYear.startsOn).toBe('2026-09-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('returns plain JSON: JSON.parse(JSON.stringify(x)) deep-equals x', () => {
    expect(JSON.parse(JSON.stringify(school))).toStrictEqual(school);
  });

  it('names the school by its number in the Krasnoyarsk time zone', () => {
    expect(school.school).toMatchObject({
      name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 17»',
      shortName: 'МБОУ СШ № 17',
      timeZone: 'Asia/Krasnoyarsk',
    });
    expect(school.school.address).toMatch(/^660\d{3}, Красноярский край, г\. Красноярск, .+, д\. \d+$/);
    expect(generateSchool({ seed: 1, startYear: START_YEAR }).school.shortName).toMatch(/^МБОУ СШ № \d+$/);
  });

  it('includes the calendar of the start year', () => {
    expect(school.academicYear).toEqual({ name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-31' });
    expect(school.studyPeriods).toHaveLength(6);
    expect(school.holidays.map((h) => h.name)).toEqual([
      HOLIDAY_NAMES.autumn, HOLIDAY_NAMES.winter, HOLIDAY_NAMES.firstGrade, HOLIDAY_NAMES.spring,
    ]);
    expect(school.calendarDays).toHaveLength(5);
    expect(school.weekPatterns).toHaveLength(2);
  });

  it.each(schools)('seed %i: has 1,000–1,200 students, 65–75 staff and 37–40 classes', (_seed, s) => {
    expect(s.students.length).toBeGreaterThanOrEqual(LIMITS.students.min);
    expect(s.students.length).toBeLessThanOrEqual(LIMITS.students.max);
    expect(s.staff.length).toBeGreaterThanOrEqual(LIMITS.staff.min);
    expect(s.staff.length).toBeLessThanOrEqual(LIMITS.staff.max);
    expect(s.classes.length).toBeGreaterThanOrEqual(37);
    expect(s.classes.length).toBeLessThanOrEqual(40);
  });

  describe('staff', () => {
    it.each(schools)('seed %i: one director, 2–3 deputies (по УВР and по ВР), a secretary, an ЭЖ administrator, a librarian, a psychologist', (_seed, s) => {
      const holding = (position: string) => s.staff.filter((p) => p.positions.includes(position));
      expect(holding(POSITIONS.director)).toHaveLength(1);
      expect(s.staff[0]!.positions[0]).toBe(POSITIONS.director);
      const deputies = s.staff.filter((p) => p.positions.some((x) => x.startsWith('Заместитель директора')));
      expect(deputies.length).toBeGreaterThanOrEqual(2);
      expect(deputies.length).toBeLessThanOrEqual(3);
      expect(holding(POSITIONS.deputyAcademic).length).toBeGreaterThanOrEqual(1);
      expect(holding(POSITIONS.deputyEducational)).toHaveLength(1);
      for (const position of [POSITIONS.secretary, POSITIONS.journalAdmin, POSITIONS.librarian, POSITIONS.psychologist]) {
        expect(holding(position)).toHaveLength(1);
      }
    });

    it.each(schools)('seed %i: subject teachers cover the Russian curriculum, primary teachers the primary school', (_seed, s) => {
      const taught = new Set(s.staff.filter(isTeacher).flatMap((p) => p.subjects));
      for (const subject of CURRICULUM_SUBJECTS) expect(taught).toContain(subject);
      expect(s.staff.filter((p) => p.positions.includes(POSITIONS.primaryTeacher)).length).toBeGreaterThanOrEqual(
        s.classes.filter((c) => c.grade <= 4).length,
      );
      for (const p of s.staff) expect(p.subjects.length > 0).toBe(isTeacher(p));
    });

    it('is mostly women among teachers, as in real Russian schools', () => {
      const teachers = schools.flatMap(([, s]) => s.staff.filter(isTeacher));
      const women = teachers.filter((p) => p.gender === 'female').length / teachers.length;
      expect(women).toBeGreaterThan(0.8);
      expect(women).toBeLessThan(0.95);
    });

    it.each(schools)('seed %i: staff are 20–68 years old, with unique full names agreeing with gender', (_seed, s) => {
      const sept1 = parseIsoDate(`${START_YEAR}-09-01`);
      for (const p of s.staff) {
        const age = (sept1 - parseIsoDate(p.birthDate)) / 365.25;
        expect(age).toBeGreaterThanOrEqual(20);
        expect(age).toBeLessThan(69.1);
        expect(p.patronymic).toMatch(p.gender === 'male' ? /ич$/ : /на$/);
      }
      expect(new Set(s.staff.map(fullName)).size).toBe(s.staff.length);
    });
  });

  describe('classes', () => {
    it.each(schools)('seed %i: grades 1–11 with 2–4 parallels lettered А, Б, В, Г in order, fewer in 10–11', (_seed, s) => {
      const byGrade = new Map<number, string[]>();
      for (const c of s.classes) {
        expect(c.name).toBe(`${c.grade}${c.letter}`);
        byGrade.set(c.grade, [...(byGrade.get(c.grade) ?? []), c.letter]);
      }
      expect([...byGrade.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      for (const [grade, letters] of byGrade) {
        expect(letters).toEqual(CLASS_LETTERS.slice(0, letters.length));
        expect(letters.length).toBeGreaterThanOrEqual(2);
        expect(letters.length).toBeLessThanOrEqual(grade >= 10 ? 2 : 4);
        if (grade <= 9) expect(letters.length).toBeGreaterThan(2);
      }
    });

    it.each(schools)('seed %i: class sizes are 20–30 and never exceed capacity (25–30)', (_seed, s) => {
      const sizes = s.classes.map((_, i) => s.students.filter((x) => x.classIndex === i).length);
      s.classes.forEach((c, i) => {
        expect(sizes[i]).toBeGreaterThanOrEqual(LIMITS.classSize.min);
        expect(sizes[i]).toBeLessThanOrEqual(LIMITS.classSize.max);
        expect(c.capacity).toBeGreaterThanOrEqual(LIMITS.capacity.min);
        expect(c.capacity).toBeLessThanOrEqual(LIMITS.capacity.max);
        expect(sizes[i]).toBeLessThanOrEqual(c.capacity);
      });
    });

    it.each(schools)('seed %i: grades 1 and 5–11 study in the 1st shift, some classes of grades 2–4 in the 2nd', (_seed, s) => {
      for (const c of s.classes) if (c.grade === 1 || c.grade >= 5) expect(c.shift).toBe(1);
      expect(s.classes.filter((c) => c.shift === 2).length).toBeGreaterThan(0);
      for (const grade of [2, 3, 4]) expect(s.classes.some((c) => c.grade === grade && c.shift === 1)).toBe(true);
    });

    it.each(schools)('seed %i: every class has a distinct class teacher; primary classes are led by primary-school teachers', (_seed, s) => {
      const leaders = s.classes.map((c) => c.classTeacherStaffIndex);
      expect(leaders.every((i) => i !== null)).toBe(true);
      expect(new Set(leaders).size).toBe(leaders.length);
      s.classes.forEach((c) => {
        const teacher = s.staff[c.classTeacherStaffIndex!]!;
        expect(isTeacher(teacher)).toBe(true);
        expect(teacher.positions.some((p) => p.startsWith('Директор') || p.startsWith('Заместитель'))).toBe(false);
        if (c.grade <= 4) expect(teacher.positions).toContain(POSITIONS.primaryTeacher);
        else expect(teacher.positions).not.toContain(POSITIONS.primaryTeacher);
      });
    });
  });

  describe('students', () => {
    it.each(schools)('seed %i: birth dates are consistent with the grade (cut-off 1 September)', (_seed, s) => {
      let inMainCohort = 0;
      const outside: string[] = [];
      for (const st of s.students) {
        const g = s.classes[st.classIndex]!.grade;
        // main cohort of grade g: born 1 September (Y-7-g) … 31 August (Y-6-g); a few a little older or younger
        if (st.birthDate < `${START_YEAR - 7 - g}-06-01` || st.birthDate > `${START_YEAR - 6 - g}-12-31`) {
          outside.push(`${fullName(st)} ${st.birthDate} in grade ${g}`);
        }
        if (st.birthDate >= `${START_YEAR - 7 - g}-09-01` && st.birthDate <= `${START_YEAR - 6 - g}-08-31`) inMainCohort++;
      }
      expect(outside).toEqual([]);
      expect(inMainCohort / s.students.length).toBeGreaterThan(0.85);
    });

    it.each(schools)('seed %i: personal file numbers are unique and look like «К-0042»', (_seed, s) => {
      const numbers = s.students.map((x) => x.personalFileNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      const malformed = s.students.filter((st) => !/^[А-ЯЁ]-\d{4}$/.test(st.personalFileNumber) || st.personalFileNumber[0] !== st.surname[0]);
      expect(malformed).toEqual([]);
    });

    it.each(schools)('seed %i: genders are about 50/50; surname, name and patronymic agree with gender', (_seed, s) => {
      const boys = s.students.filter((x) => x.gender === 'male').length / s.students.length;
      expect(boys).toBeGreaterThan(0.44);
      expect(boys).toBeLessThan(0.56);
      const maleSurnames = new Set(SURNAMES.map((x) => x.male));
      const femaleSurnames = new Set(SURNAMES.map((x) => x.female));
      const maleNames = new Set(MALE_NAMES.map((x) => x.name));
      const femaleNames = new Set(FEMALE_NAMES.map((x) => x.name));
      const disagreeing = s.students.filter((st) => {
        const invariant = INVARIANT_SURNAMES.includes(st.surname);
        return st.gender === 'male'
          ? !((invariant || maleSurnames.has(st.surname)) && maleNames.has(st.name) && /ич$/.test(st.patronymic))
          : !((invariant || femaleSurnames.has(st.surname)) && femaleNames.has(st.name) && /на$/.test(st.patronymic));
      });
      expect(disagreeing).toEqual([]);
    });

    it('lists pupils class by class, alphabetically within a class', () => {
      const indexes = school.students.map((x) => x.classIndex);
      expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      const first = school.students.filter((x) => x.classIndex === 0).map((x) => x.surname);
      expect(first).toEqual([...first].sort((a, b) => a.localeCompare(b, 'ru')));
    });

    it('has brothers and sisters: some pupils of different grades share surname stem and patronymic stem', () => {
      const key = (x: { surname: string; patronymic: string }) => `${x.surname.replace(/(а|ая)$/, '')}|${x.patronymic.replace(/(ич|на)$/, '')}`;
      const grades = new Map<string, Set<number>>();
      for (const st of school.students) {
        const k = key(st);
        grades.set(k, (grades.get(k) ?? new Set()).add(school.classes[st.classIndex]!.grade));
      }
      expect([...grades.values()].filter((g) => g.size > 1).length).toBeGreaterThan(30);
    });
  });

  it('has bells strictly ordered and non-overlapping: «1 смена» (default) 7 lessons from 08:00, «2 смена» 6 lessons', () => {
    const [first, second] = school.bellSchedules;
    expect(first).toMatchObject({ name: '1 смена', isDefault: true });
    expect(second).toMatchObject({ name: '2 смена', isDefault: false });
    expect(school.bellSchedules.filter((b) => b.isDefault)).toHaveLength(1);
    expect(first!.bells).toHaveLength(7);
    expect(second!.bells).toHaveLength(6);
    expect(first!.bells[0]!.startsAt).toBe('08:00');
    expect(second!.bells[0]!.startsAt).toBe('13:30');
    const breaks = first!.bells.slice(1).map((b, i) => minutes(b.startsAt) - minutes(first!.bells[i]!.endsAt));
    expect(breaks).toEqual([10, 20, 20, 10, 10, 10]);
    for (const schedule of school.bellSchedules) {
      schedule.bells.forEach((b, i) => {
        expect(b.lessonNumber).toBe(i + 1);
        expect(b.startsAt).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(minutes(b.endsAt) - minutes(b.startsAt)).toBe(40);
        if (i > 0) expect(minutes(b.startsAt)).toBeGreaterThan(minutes(schedule.bells[i - 1]!.endsAt));
      });
    }
  });

  it('has the mark types with the weights of the school regulation and unique ASCII codes', () => {
    const byName = Object.fromEntries(school.markTypes.map((m) => [m.name, [m.weight, m.category]]));
    expect(byName).toEqual({
      'Ответ на уроке': [1, 'oral'],
      'Самостоятельная работа': [1, 'written'],
      'Домашняя работа': [1, 'homework'],
      'Контрольная работа': [2, 'control'],
      'Лабораторная работа': [1.5, 'laboratory'],
      'Практическая работа': [1.5, 'practical'],
      'Диктант': [1.5, 'written'],
      'Сочинение': [2, 'written'],
      'Изложение': [1.5, 'written'],
      'Проверочная работа': [1.5, 'written'],
      'Тест': [1, 'written'],
    });
    const codes = school.markTypes.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of school.markTypes) {
      expect(m.code).toMatch(/^[a-z][a-z_]*$/);
      expect(m.shortName.length).toBeGreaterThan(0);
      expect(m.shortName.length).toBeLessThanOrEqual(20);
    }
    expect(codes).toEqual(expect.arrayContaining(['oral_answer', 'control_work']));
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])('generates for start year %i without throwing, with consistent dates', (year) => {
    const s = generateSchool({ seed: year, startYear: year });
    expect(s.academicYear.name).toBe(`${year}/${year + 1}`);
    for (const p of s.studyPeriods) expect(p.startsOn >= s.academicYear.startsOn && p.endsOn <= s.academicYear.endsOn).toBe(true);
    const youngest = s.students.filter((x) => s.classes[x.classIndex]!.grade === 1).map((x) => x.birthDate).sort();
    expect(youngest[0]! >= `${year - 8}-06-01` && youngest.at(-1)! <= `${year - 7}-12-31`).toBe(true);
  });

  it('rejects invalid options', () => {
    expect(() => generateSchool({ seed: 1.5, startYear: START_YEAR })).toThrow(RangeError);
    expect(() => generateSchool({ seed: 1, startYear: 2026.5 })).toThrow(RangeError);
    expect(() => generateSchool({ seed: 1, startYear: START_YEAR, schoolNumber: 0 })).toThrow(RangeError);
  });

  it('re-exports currentAcademicStartYear', () => {
    expect(currentAcademicStartYear(new Date('2026-09-15T00:00:00Z'))).toBe(2026);
  });
});

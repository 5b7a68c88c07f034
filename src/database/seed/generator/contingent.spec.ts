import { DEFAULT_SUBJECTS } from '../../../modules/contingent/default-subjects';
import { ADMIN_LOAD_LIMIT, TEACHER_LOAD_LIMIT, transliterate } from './contingent';
import { SPLIT_SUBJECTS, curriculum } from './curriculum';
import { type GeneratedSchool, generateSchool } from './generate-school';
import { FEMALE_NAMES, INVARIANT_SURNAMES, MALE_NAMES, SURNAMES, patronymic } from './russian-names';
import { POSITIONS } from './school-reference';

const START_YEAR = 2026;
const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 1);
/** the test schools of the e2e suites are seeds 1…40 */
const TEST_SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const schools: Array<[number, GeneratedSchool]> = SEEDS.map((seed) => [seed, generateSchool({ seed, startYear: START_YEAR })]);
const school = generateSchool({ seed: 20260901, startYear: START_YEAR, schoolNumber: 17 });
const cache = new Map<number, GeneratedSchool>();
/** a test school as seedTestSchool(t, seed) generates it (each generated once) */
const testSchool = (seed: number): GeneratedSchool => {
  if (!cache.has(seed)) cache.set(seed, generateSchool({ seed, startYear: START_YEAR, schoolNumber: seed }));
  return cache.get(seed) as GeneratedSchool;
};
const CODES = new Set(DEFAULT_SUBJECTS.map((s) => s.code));

const maleSurnames = new Set(SURNAMES.map((x) => x.male));
const femaleSurnames = new Set(SURNAMES.map((x) => x.female));
const feminine = new Map(SURNAMES.map((x) => [x.male, x.female]));
const maleNames = new Set(MALE_NAMES.map((x) => x.name));
const femaleNames = new Set(FEMALE_NAMES.map((x) => x.name));

function agreesWithGender(p: { surname: string; name: string; patronymic: string; gender: 'male' | 'female' }): boolean {
  const invariant = INVARIANT_SURNAMES.includes(p.surname);
  return p.gender === 'male'
    ? (invariant || maleSurnames.has(p.surname)) && maleNames.has(p.name) && /ич$/.test(p.patronymic)
    : (invariant || femaleSurnames.has(p.surname)) && femaleNames.has(p.name) && /на$/.test(p.patronymic);
}

function loads(s: GeneratedSchool): Map<number, number> {
  const load = new Map<number, number>();
  for (const a of s.assignments) load.set(a.staffIndex, (load.get(a.staffIndex) ?? 0) + a.hoursPerWeek);
  return load;
}

function guardiansOf(s: GeneratedSchool): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const l of s.studentGuardians) map.set(l.studentIndex, [...(map.get(l.studentIndex) ?? []), l.guardianIndex]);
  return map;
}

function childrenOf(s: GeneratedSchool): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const l of s.studentGuardians) map.set(l.guardianIndex, [...(map.get(l.guardianIndex) ?? []), l.studentIndex]);
  return map;
}

describe('curriculum', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])('grade %i: subject codes of the default catalogue, within the weekly maximum of ФГОС', (grade) => {
    const items = curriculum(grade);
    for (const item of items) expect(CODES).toContain(item.subject);
    const total = items.reduce((s, x) => s + x.hoursPerWeek, 0);
    // ФГОС maximum weekly load: 21 h in grade 1, 23 in 2–4 (five-day week); 32…37 in 5–11 (six-day week)
    const max = [21, 23, 23, 23, 32, 33, 35, 36, 36, 37, 37][grade - 1] as number;
    expect(total).toBeLessThanOrEqual(max);
    expect(total).toBeGreaterThanOrEqual(max - 10);
    expect(items.filter((x) => x.split).map((x) => x.subject)).toEqual(
      grade < 5 ? [] : SPLIT_SUBJECTS.filter((code) => items.some((x) => x.subject === code)),
    );
  });

  it('is the usual plan: математика in 1–6, алгебра and геометрия from 7, физика from 7, химия from 8, информатика from 7', () => {
    const has = (grade: number, code: string) => curriculum(grade).some((x) => x.subject === code);
    expect([1, 2, 3, 4, 5, 6].every((g) => has(g, 'math') && !has(g, 'algebra'))).toBe(true);
    expect([7, 8, 9, 10, 11].every((g) => has(g, 'algebra') && has(g, 'geometry') && !has(g, 'math'))).toBe(true);
    expect([7, 8, 9, 10, 11].every((g) => has(g, 'physics') && has(g, 'informatics'))).toBe(true);
    expect(has(6, 'physics') || has(6, 'informatics') || has(7, 'chemistry')).toBe(false);
    expect(has(8, 'chemistry')).toBe(true);
    expect(curriculum(5).find((x) => x.subject === 'english')).toEqual({ subject: 'english', hoursPerWeek: 3, split: true });
  });
});

describe('generated contingent', () => {
  it('is deterministic, guardians, subgroups and assignments included', () => {
    const again = generateSchool({ seed: 20260901, startYear: START_YEAR, schoolNumber: 17 });
    expect(again.guardians).toEqual(school.guardians);
    expect(again.studentGuardians).toEqual(school.studentGuardians);
    expect(again.subgroups).toEqual(school.subgroups);
    expect(again.assignments).toEqual(school.assignments);
    expect(again.accounts).toEqual(school.accounts);
  });

  describe('students and guardians', () => {
    it.each(schools)('seed %i: about 1,100 students and 2,000 guardians; every student enrolled once from the first day of the year', (_seed, s) => {
      expect(s.students.length).toBeGreaterThanOrEqual(1000);
      expect(s.students.length).toBeLessThanOrEqual(1200);
      expect(s.guardians.length).toBeGreaterThanOrEqual(1700);
      expect(s.guardians.length).toBeLessThanOrEqual(2300);
      expect(s.enrollmentStartsOn).toBe(s.academicYear.startsOn);
      for (const st of s.students) {
        expect(Number.isInteger(st.classIndex)).toBe(true);
        expect(s.classes[st.classIndex]).toBeDefined();
      }
      expect(new Set(s.students.map((x) => x.personalFileNumber)).size).toBe(s.students.length);
    });

    it.each(schools)('seed %i: every student has one or two guardians, most have two; siblings share theirs', (_seed, s) => {
      const byStudent = guardiansOf(s);
      const counts = s.students.map((_, i) => byStudent.get(i)?.length ?? 0);
      expect(counts.every((n) => n === 1 || n === 2)).toBe(true);
      expect(counts.filter((n) => n === 2).length / counts.length).toBeGreaterThan(0.8);
      const pairs = s.studentGuardians.map((l) => `${l.studentIndex}|${l.guardianIndex}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      const byGuardian = childrenOf(s);
      expect(s.guardians.every((_, g) => (byGuardian.get(g)?.length ?? 0) >= 1)).toBe(true);
      const several = [...byGuardian.entries()].filter(([, children]) => children.length > 1);
      expect(several.length).toBeGreaterThan(40);
      for (const [, children] of several) {
        // brothers and sisters: the same guardians, different classes
        const sets = children.map((c) => [...(byStudent.get(c) ?? [])].sort().join(','));
        expect(new Set(sets).size).toBe(1);
        expect(new Set(children.map((c) => s.students[c]!.classIndex)).size).toBe(children.length);
      }
    });

    it.each(schools)('seed %i: relations agree with the guardians: a mother is a woman, a father a man whose name gives the patronymic', (_seed, s) => {
      const wrong: string[] = [];
      for (const l of s.studentGuardians) {
        const g = s.guardians[l.guardianIndex]!;
        const child = s.students[l.studentIndex]!;
        if (l.relation === 'mother' && g.gender !== 'female') wrong.push(`mother ${g.surname}`);
        if (l.relation === 'father' && (g.gender !== 'male' || patronymic(g.name, child.gender) !== child.patronymic)) {
          wrong.push(`father ${g.name} of ${child.name} ${child.patronymic}`);
        }
        // the father's surname is the child's, in the masculine form
        if (l.relation === 'father' && (child.gender === 'male' ? g.surname : feminine.get(g.surname)) !== child.surname) {
          wrong.push(`father ${g.surname} of ${child.surname}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(s.studentGuardians.some((l) => l.relation === 'guardian')).toBe(true);
    });

    it.each(schools)('seed %i: guardians have realistic Russian full names agreeing with gender', (_seed, s) => {
      expect(s.guardians.filter((g) => !agreesWithGender(g))).toEqual([]);
      const women = s.guardians.filter((g) => g.gender === 'female').length / s.guardians.length;
      expect(women).toBeGreaterThan(0.5);
      expect(women).toBeLessThan(0.56);
    });

    it.each(schools)('seed %i: phones +79XXXXXXXXX and ASCII e-mails, unique among guardians; older students have their own', (_seed, s) => {
      const phones = s.guardians.flatMap((g) => (g.phone ? [g.phone] : []));
      const emails = s.guardians.flatMap((g) => (g.email ? [g.email] : []));
      expect(phones.length / s.guardians.length).toBeGreaterThan(0.9);
      expect(emails.length / s.guardians.length).toBeGreaterThan(0.6);
      expect(new Set(phones).size).toBe(phones.length);
      expect(new Set(emails).size).toBe(emails.length);
      for (const p of [...phones, ...s.students.flatMap((x) => (x.phone ? [x.phone] : []))]) expect(p).toMatch(/^\+79\d{9}$/);
      for (const e of [...emails, ...s.students.flatMap((x) => (x.email ? [x.email] : []))]) {
        expect(e).toMatch(/^[a-z0-9][a-z0-9.]*@[a-z]+\.(ru|com)$/);
      }
      const young = s.students.filter((x) => s.classes[x.classIndex]!.grade < 7);
      expect(young.every((x) => x.phone === null && x.email === null)).toBe(true);
      expect(s.students.filter((x) => x.phone !== null).length).toBeGreaterThan(200);
    });
  });

  describe('subgroups', () => {
    it.each(schools)('seed %i: two subgroups per class for English (5–11), informatics (7–11) and technology (5–9), partitioning the class about evenly', (_seed, s) => {
      const byKey = new Map<string, number[]>();
      s.subgroups.forEach((g, i) => byKey.set(`${g.classIndex}|${g.subject}`, [...(byKey.get(`${g.classIndex}|${g.subject}`) ?? []), i]));
      const expected = s.classes.flatMap((c, i) => curriculum(c.grade).filter((x) => x.split).map((x) => `${i}|${x.subject}`));
      expect([...byKey.keys()].sort()).toEqual(expected.sort());
      for (const [key, [a, b, ...rest]] of byKey) {
        expect(rest).toEqual([]);
        const [x, y] = [s.subgroups[a!]!, s.subgroups[b!]!];
        expect([x.name, y.name]).toEqual(['1 группа', '2 группа']);
        const classIndex = Number(key.split('|')[0]);
        const members = s.students.flatMap((st, i) => (st.classIndex === classIndex ? [i] : []));
        expect([...x.studentIndexes, ...y.studentIndexes].sort((p, q) => p - q)).toEqual(members);
        expect(Math.abs(x.studentIndexes.length - y.studentIndexes.length)).toBeLessThanOrEqual(1);
      }
      for (const g of s.subgroups) expect(s.classes[g.classIndex]!.grade).toBeGreaterThanOrEqual(5);
    });

    it('splits a class differently for different subjects', () => {
      const c = school.classes.findIndex((x) => x.grade === 7);
      const first = school.subgroups.filter((g) => g.classIndex === c && g.name === '1 группа').map((g) => g.studentIndexes.join(','));
      expect(first).toHaveLength(3);
      expect(new Set(first).size).toBe(3);
    });
  });

  describe('teaching assignments', () => {
    it.each(schools)('seed %i: every class gets its whole curriculum (each subgroup its own lessons), subject codes of the catalogue', (_seed, s) => {
      const missing: string[] = [];
      s.classes.forEach((c, classIndex) => {
        for (const item of curriculum(c.grade)) {
          const got = s.assignments.filter((a) => a.classIndex === classIndex && a.subject === item.subject);
          if (item.split) {
            const groups = s.subgroups.flatMap((g, i) => (g.classIndex === classIndex && g.subject === item.subject ? [i] : []));
            const ok = got.length === 2 && groups.every((g) => got.some((a) => a.subgroupIndex === g && a.hoursPerWeek === item.hoursPerWeek));
            if (!ok) missing.push(`${c.grade}${c.letter} ${item.subject}`);
          } else if (got.length !== 1 || got[0]!.subgroupIndex !== null || got[0]!.hoursPerWeek !== item.hoursPerWeek) {
            missing.push(`${c.grade}${c.letter} ${item.subject}`);
          }
        }
      });
      expect(missing).toEqual([]);
      for (const a of s.assignments) expect(CODES).toContain(a.subject);
      expect(s.assignments.length).toBeGreaterThan(450);
    });

    it.each(schools)('seed %i: the two subgroups of a class have different teachers', (_seed, s) => {
      const teacher = new Map(s.assignments.filter((a) => a.subgroupIndex !== null).map((a) => [a.subgroupIndex, a.staffIndex]));
      const same: string[] = [];
      for (let i = 0; i < s.subgroups.length; i += 2) {
        if (teacher.get(i) === teacher.get(i + 1)) same.push(`${s.subgroups[i]!.classIndex} ${s.subgroups[i]!.subject}`);
      }
      expect(same).toEqual([]);
    });

    it.each(schools)('seed %i: no teacher over 30 hours a week (administrators over 9); subject teachers 14–26 on average', (_seed, s) => {
      const load = loads(s);
      for (const [staffIndex, hours] of load) {
        const p = s.staff[staffIndex]!;
        expect(p.subjects.length).toBeGreaterThan(0);
        const admin = p.positions.some((x) => x.startsWith('Директор') || x.startsWith('Заместитель'));
        expect(hours).toBeLessThanOrEqual(admin ? ADMIN_LOAD_LIMIT : TEACHER_LOAD_LIMIT);
      }
      const subjectTeachers = s.staff.flatMap((p, i) => (p.positions.length === 1 && p.positions[0]!.startsWith('Учитель ') && p.positions[0] !== POSITIONS.primaryTeacher ? [i] : []));
      const average = subjectTeachers.reduce((sum, i) => sum + (load.get(i) ?? 0), 0) / subjectTeachers.length;
      expect(average).toBeGreaterThanOrEqual(14);
      expect(average).toBeLessThanOrEqual(26);
      // nobody teaches a subject twice to the same class or subgroup (the table's unique key)
      const keys = s.assignments.map((a) => `${a.staffIndex}|${a.subject}|${a.classIndex}|${a.subgroupIndex}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it.each(schools)('seed %i: a primary class teacher teaches Russian, reading and mathematics in their class; specialists music and PE', (_seed, s) => {
      s.classes.forEach((c, classIndex) => {
        if (c.grade > 4) return;
        const by = (code: string) => s.assignments.find((a) => a.classIndex === classIndex && a.subject === code)?.staffIndex;
        for (const code of ['russian', 'literary_reading', 'math', 'world_around']) expect(by(code)).toBe(c.classTeacherStaffIndex);
        if (c.grade >= 2) expect(s.staff[by('english')!]!.positions.join()).toMatch(/английского|немецкого/);
      });
    });

    it.each(schools)('seed %i: teachers teach their own subjects', (_seed, s) => {
      const wrong = s.assignments.filter((a) => {
        const positions = s.staff[a.staffIndex]!.positions.join(' ');
        if (s.classes[a.classIndex]!.grade <= 4 && positions.includes(POSITIONS.primaryTeacher)) return false;
        const expected: Record<string, RegExp> = {
          russian: /русского/, literature: /русского/, math: /математики/, algebra: /математики/, geometry: /математики/,
          probability: /математики/, english: /английского|немецкого/, german: /немецкого|английского/, history: /истории/,
          social_studies: /истории/, physics: /физики|математики/, chemistry: /химии|биологии/,
        };
        return expected[a.subject] ? !expected[a.subject]!.test(positions) : false;
      });
      expect(wrong).toEqual([]);
    });
  });

  describe('accounts', () => {
    it.each(TEST_SEEDS)('seed %i: the teacher leads exactly 5А, teaches a subgroup there and in other classes, and not in some class', (seed) => {
      const s = testSchool(seed);
      const t = s.accounts.teacher;
      expect(s.staff[t]!.positions).toEqual(['Учитель английского языка']);
      const led = s.classes.filter((c) => c.classTeacherStaffIndex === t).map((c) => c.name);
      expect(led).toEqual(['5А']);
      const own = s.assignments.filter((a) => a.staffIndex === t);
      const five = s.classes.findIndex((c) => c.name === '5А');
      expect(own.some((a) => a.classIndex === five && a.subgroupIndex !== null)).toBe(true);
      const classes = new Set(own.map((a) => a.classIndex));
      expect(classes.size).toBeGreaterThanOrEqual(3);
      expect(classes.size).toBeLessThan(s.classes.length);
    });

    it.each(TEST_SEEDS)('seed %i: the parent is the mother of exactly two children in two classes; the student is one of them, in grade 5 or above', (seed) => {
      const s = testSchool(seed);
      const links = s.studentGuardians.filter((l) => l.guardianIndex === s.accounts.parent);
      expect(links.map((l) => l.relation)).toEqual(['mother', 'mother']);
      expect(s.guardians[s.accounts.parent]!.gender).toBe('female');
      const classes = links.map((l) => s.students[l.studentIndex]!.classIndex);
      expect(new Set(classes).size).toBe(2);
      expect(links.map((l) => l.studentIndex)).toContain(s.accounts.student);
      expect(s.classes[s.students[s.accounts.student]!.classIndex]!.grade).toBeGreaterThanOrEqual(5);
    });

    it('puts the administrative accounts on the staff of those positions', () => {
      const { admin, director, deputy, secretary } = school.accounts;
      expect(school.staff[admin]!.positions).toContain(POSITIONS.journalAdmin);
      expect(school.staff[director]!.positions).toContain(POSITIONS.director);
      expect(school.staff[deputy]!.positions).toContain(POSITIONS.deputyAcademic);
      expect(school.staff[secretary]!.positions).toContain(POSITIONS.secretary);
    });
  });

  it('transliterates Russian names to ASCII', () => {
    expect(transliterate('Щукина')).toBe('shchukina');
    expect(transliterate('Юлия')).toBe('yuliya');
    expect(transliterate('Ёлкин-Пётр')).toBe('elkinpetr');
    expect(transliterate('Хабибуллин')).toBe('khabibullin');
  });
});

describe('a smaller school (studentsPerClass)', () => {
  it.each(TEST_SEEDS)('seed %i: the same classes, staff and curriculum with that many pupils a class, and the accounts still hold', (seed) => {
    const small = generateSchool({ seed, startYear: START_YEAR, schoolNumber: seed, studentsPerClass: 8 });
    const full = testSchool(seed);
    expect(small.classes.map((c) => c.name)).toEqual(full.classes.map((c) => c.name));
    expect(small.staff).toEqual(full.staff);
    expect(small.students).toHaveLength(8 * small.classes.length);
    expect(small.classes.every((_, i) => small.students.filter((x) => x.classIndex === i).length === 8)).toBe(true);
    expect(small.assignments.length).toBe(full.assignments.length);
    const links = small.studentGuardians.filter((l) => l.guardianIndex === small.accounts.parent);
    expect(new Set(links.map((l) => small.students[l.studentIndex]!.classIndex)).size).toBe(2);
    expect(small.classes.filter((c) => c.classTeacherStaffIndex === small.accounts.teacher).map((c) => c.name)).toEqual(['5А']);
  });

  it('rejects a size out of range', () => {
    expect(() => generateSchool({ seed: 1, startYear: START_YEAR, studentsPerClass: 3 })).toThrow(RangeError);
    expect(() => generateSchool({ seed: 1, startYear: START_YEAR, studentsPerClass: 31 })).toThrow(RangeError);
  });
});

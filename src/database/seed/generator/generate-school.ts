/**
 * Deterministic generator of a realistic Russian school (≈1,100 pupils, ≈70 staff) for seeding and
 * benchmarks. Same options → deeply equal output; no clock, no Math.random, no process time zone.
 */
import {
  type Family,
  type GeneratedAssignment,
  type GeneratedGuardian,
  type GeneratedStudentGuardian,
  type GeneratedSubgroup,
  ContactPicker,
  PLANNED_LOAD,
  createAssignments,
  createGuardians,
  createSubgroups,
  teacherDemand,
} from './contingent';
import type { TeacherGroup } from './curriculum';
import { dayOf, isoDate } from './dates';
import { Random, WeightedTable } from './random';
import { type Gender, RussianNamePicker, compareRussian } from './russian-names';
import {
  type GeneratedAcademicYear,
  type GeneratedCalendarDay,
  type GeneratedHoliday,
  type GeneratedStudyPeriod,
  type GeneratedWeekPattern,
  buildSchoolCalendar,
} from './school-calendar';
import {
  type GeneratedBellSchedule,
  type GeneratedMarkType,
  POSITIONS,
  PRIMARY_SUBJECTS,
  SUBJECT_TEACHERS,
  type SubjectTeacherSpec,
  buildBellSchedules,
  buildMarkTypes,
} from './school-reference';
import { type GeneratedRoom, type GeneratedTimetableEntry, buildTimetable } from './timetable';

export { currentAcademicStartYear } from './school-calendar';

export interface GenerateSchoolOptions {
  seed: number;
  /** academic year start, e.g. 2026 for 2026/2027 */
  startYear: number;
  /** number in a region, used in names: «МБОУ СШ № 17» */
  schoolNumber?: number;
  /**
   * Pupils in every class (4…30) instead of the realistic 20–30 (≈1,100 in all): a smaller school for tests that
   * do not need the full size. Everything else (classes, staff, curriculum, assignments) stays as it is.
   */
  studentsPerClass?: number;
}

export interface GeneratedSchoolInfo {
  name: string;
  shortName: string;
  timeZone: string;
  address: string;
}

export interface GeneratedStaffMember {
  surname: string;
  name: string;
  patronymic: string;
  gender: 'male' | 'female';
  birthDate: string;
  positions: string[];
  subjects: string[];
}

export interface GeneratedClass {
  grade: number;
  letter: string;
  name: string;
  shift: 1 | 2;
  capacity: number;
  classTeacherStaffIndex: number | null;
}

export interface GeneratedStudent {
  surname: string;
  name: string;
  patronymic: string;
  gender: 'male' | 'female';
  birthDate: string;
  personalFileNumber: string;
  /** index into classes; enrolled there from the first day of the academic year (enrollmentStartsOn) */
  classIndex: number;
  /** older pupils have a phone and an e-mail of their own */
  phone: string | null;
  email: string | null;
}

/**
 * The records the school's demo/test accounts belong to: indexes into staff, students and guardians.
 * `teacher` is the class teacher of 5А and teaches English (in subgroups) in it and in other classes;
 * `parent` is the mother of two pupils in two different classes, one of whom is `student` (grade 5 or above).
 */
export interface GeneratedAccounts {
  admin: number;
  director: number;
  deputy: number;
  secretary: number;
  teacher: number;
  parent: number;
  student: number;
}

export interface GeneratedSchool {
  school: GeneratedSchoolInfo;
  academicYear: GeneratedAcademicYear;
  studyPeriods: GeneratedStudyPeriod[];
  holidays: GeneratedHoliday[];
  calendarDays: GeneratedCalendarDay[];
  weekPatterns: GeneratedWeekPattern[];
  bellSchedules: GeneratedBellSchedule[];
  markTypes: GeneratedMarkType[];
  staff: GeneratedStaffMember[];
  classes: GeneratedClass[];
  students: GeneratedStudent[];
  /** first day of every enrolment and subgroup membership: the start of the academic year */
  enrollmentStartsOn: string;
  guardians: GeneratedGuardian[];
  studentGuardians: GeneratedStudentGuardian[];
  subgroups: GeneratedSubgroup[];
  assignments: GeneratedAssignment[];
  /** rooms (кабинеты), see ./timetable */
  rooms: GeneratedRoom[];
  /** index into rooms, parallel to classes: a class's home room */
  homeRooms: number[];
  /** the conflict-free weekly timetable of the whole school (every assignment its hours a week), see ./timetable */
  timetable: GeneratedTimetableEntry[];
  accounts: GeneratedAccounts;
}

export const SCHOOL_TIME_ZONE = 'Asia/Krasnoyarsk';
export const CLASS_LETTERS: readonly string[] = ['А', 'Б', 'В', 'Г'];

/** Ranges the generator guarantees (and the tests check). */
export const LIMITS = {
  students: { min: 1000, max: 1200 },
  staff: { min: 65, max: 75 },
  classSize: { min: 20, max: 30 },
  capacity: { min: 25, max: 30 },
} as const;

const STREETS: readonly string[] = [
  'ул. Ленина', 'ул. Карла Маркса', 'пр-т Мира', 'ул. Партизана Железняка', 'ул. 9 Мая', 'пр-т Металлургов',
  'ул. Взлётная', 'ул. Алексеева', 'ул. Молокова', 'ул. Урванцева', 'ул. Щорса', 'ул. Семафорная',
  'ул. Матросова', 'ул. Кутузова', 'пр-т Свободный', 'ул. Академика Киренского', 'ул. Весны',
  'ул. Белинского', 'ул. Судостроительная', 'ул. Краснодарская',
];

export function generateSchool(o: GenerateSchoolOptions): GeneratedSchool {
  if (!Number.isSafeInteger(o.seed)) throw new RangeError(`seed must be a safe integer, got ${o.seed}`);
  if (o.schoolNumber !== undefined && (!Number.isInteger(o.schoolNumber) || o.schoolNumber < 1 || o.schoolNumber > 9999)) {
    throw new RangeError(`schoolNumber must be an integer 1…9999, got ${o.schoolNumber}`);
  }
  const root = new Random(o.seed);
  const calendar = buildSchoolCalendar(o.startYear);
  const schoolNumber = o.schoolNumber ?? root.fork('school-number').int(1, 160);

  if (o.studentsPerClass !== undefined && (!Number.isInteger(o.studentsPerClass) || o.studentsPerClass < 4 || o.studentsPerClass > 30)) {
    throw new RangeError(`studentsPerClass must be an integer 4…30, got ${o.studentsPerClass}`);
  }
  const classPlans = planClasses(root.fork('classes'), o.studentsPerClass);
  const staffDrafts = planStaff(root.fork('staff-plan'), classPlans);
  const staff = createStaff(root.fork('staff'), staffDrafts, o.startYear);
  const teachers = assignClassTeachers(root.fork('class-teachers'), classPlans, staffDrafts);
  const featuredTeacher = teachers[classPlans.findIndex((c) => c.grade === 5 && c.letter === 'А')] as number;
  const classes: GeneratedClass[] = classPlans.map((c, i) => ({
    grade: c.grade,
    letter: c.letter,
    name: `${c.grade}${c.letter}`,
    shift: c.shift,
    capacity: c.capacity,
    classTeacherStaffIndex: teachers[i] ?? null,
  }));

  const { students, families } = createStudents(root.fork('students'), classPlans, o.startYear);
  const { guardians, links, familyGuardians } = createGuardians(root.fork('guardians'), families, o.startYear);
  const subgroups = createSubgroups(root.fork('subgroups'), classes, students.map((s) => s.classIndex));
  const assignments = createAssignments(
    root.fork('assignments'),
    classes,
    staffDrafts.map((d) => ({ groups: d.groups, admin: d.kind === 'admin' })),
    subgroups,
  );
  const bellSchedules = buildBellSchedules();
  const timetable = buildTimetable(root.fork('timetable'), {
    classes,
    staffCount: staff.length,
    assignments,
    weekPatterns: calendar.weekPatterns,
    bellSchedules,
  });
  const holding = (position: string): number => staff.findIndex((p) => p.positions.includes(position));
  const family = pickAccountFamily(root.fork('accounts'), families, familyGuardians, links, classPlans, students);

  return {
    school: buildSchoolInfo(root.fork('school'), schoolNumber),
    ...calendar,
    bellSchedules,
    markTypes: buildMarkTypes(),
    staff,
    classes,
    students,
    enrollmentStartsOn: calendar.academicYear.startsOn,
    guardians,
    studentGuardians: links,
    subgroups,
    assignments,
    rooms: timetable.rooms,
    homeRooms: timetable.homeRooms,
    timetable: timetable.entries,
    accounts: {
      admin: holding(POSITIONS.journalAdmin),
      director: holding(POSITIONS.director),
      deputy: holding(POSITIONS.deputyAcademic),
      secretary: holding(POSITIONS.secretary),
      teacher: featuredTeacher,
      parent: family.mother,
      student: family.student,
    },
  };
}

/**
 * A family for the parent and student accounts: mother and father, exactly two children in different classes,
 * the older one in grade 5 or above.
 */
function pickAccountFamily(
  rng: Random,
  families: readonly Family[],
  familyGuardians: readonly number[][],
  links: readonly GeneratedStudentGuardian[],
  classes: readonly ClassPlan[],
  students: readonly GeneratedStudent[],
): { mother: number; student: number } {
  const gradeOf = (child: number): number => classes[students[child]?.classIndex ?? -1]?.grade ?? 0;
  const mothers = new Set(links.filter((l) => l.relation === 'mother').map((l) => l.guardianIndex));
  const motherOf = (f: number): number | undefined => familyGuardians[f]?.find((g) => mothers.has(g));
  const eligible = families
    .map((f, i) => ({ f, i }))
    .filter(({ f, i }) => f.children.length === 2 && (familyGuardians[i]?.length ?? 0) === 2 && motherOf(i) !== undefined)
    .filter(({ f }) => Math.max(...f.children.map(gradeOf)) >= 5);
  if (eligible.length === 0) throw new Error('no family of two children for the parent account');
  const { f, i } = rng.pick(eligible);
  const older = f.children.reduce((a, b) => (gradeOf(b) > gradeOf(a) ? b : a));
  return { mother: motherOf(i) as number, student: older };
}

function buildSchoolInfo(rng: Random, n: number): GeneratedSchoolInfo {
  const postcode = `660${String(rng.int(0, 135)).padStart(3, '0')}`;
  return {
    name: `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}»`,
    shortName: `МБОУ СШ № ${n}`,
    timeZone: SCHOOL_TIME_ZONE,
    address: `${postcode}, Красноярский край, г. Красноярск, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Classes
// ---------------------------------------------------------------------------------------------

interface ClassPlan {
  grade: number;
  letter: string;
  size: number;
  capacity: number;
  shift: 1 | 2;
}

const maxSize = (grade: number): number => (grade >= 10 ? 28 : LIMITS.classSize.max);

/**
 * 37–40 classes: two parallels in grades 10–11, three or four in grades 1–9; 26–28.5 pupils a class
 * on average, 1,010–1,140 pupils in all. Grades 2–4 partly study in the 2nd shift.
 */
function planClasses(rng: Random, studentsPerClass?: number): ClassPlan[] {
  const classCount = rng.int(37, 40);
  const total = rng.int(Math.max(1010, 26 * classCount), Math.min(1170, Math.floor(28.5 * classCount)));
  const fourParallels = new Set(rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, classCount - 31));

  const plans: ClassPlan[] = [];
  for (let grade = 1; grade <= 11; grade++) {
    const parallels = grade >= 10 ? 2 : fourParallels.has(grade) ? 4 : 3;
    const secondShift = grade >= 2 && grade <= 4 ? rng.int(1, 2) : 0;
    for (let i = 0; i < parallels; i++) {
      plans.push({
        grade,
        letter: CLASS_LETTERS[i] as string,
        size: grade >= 10 ? rng.int(20, 26) : rng.int(24, 29),
        capacity: 0,
        shift: i >= parallels - secondShift ? 2 : 1,
      });
    }
  }

  // Nudge random classes one pupil at a time until the school has exactly `total` pupils.
  let sum = plans.reduce((s, c) => s + c.size, 0);
  if (studentsPerClass !== undefined) {
    for (const c of plans) c.size = studentsPerClass;
    sum = total;
  }
  while (sum !== total) {
    const c = rng.pick(plans);
    if (sum < total && c.size < maxSize(c.grade)) {
      c.size++;
      sum++;
    } else if (sum > total && c.size > LIMITS.classSize.min) {
      c.size--;
      sum--;
    }
  }
  for (const c of plans) c.capacity = Math.max(c.size, rng.int(LIMITS.capacity.min, LIMITS.capacity.max));
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------------

type StaffKind = 'admin' | 'primary' | 'subject';

interface StaffDraft {
  kind: StaffKind;
  /** subject-teacher spec key, for class-teacher preferences */
  specKey?: string;
  positions: string[];
  subjects: string[];
  female: number;
  /** the teacher groups whose lessons this person may take */
  groups: TeacherGroup[];
  /** age on 1 September, inclusive; undefined → the age profile of Russian teachers */
  age?: [number, number];
}

const spec = (key: string): SubjectTeacherSpec => {
  const s = SUBJECT_TEACHERS.find((t) => t.key === key);
  if (!s) throw new Error(`unknown subject teacher spec ${key}`);
  return s;
};

/** An administrator who also teaches a subject (as most directors and deputies in Russia do). */
function alsoTeaches(rng: Random, draft: StaffDraft, p: number, keys: readonly string[]): StaffDraft {
  if (!rng.chance(p)) return draft;
  const s = spec(rng.pick(keys));
  return { ...draft, positions: [...draft.positions, s.position], subjects: [...s.subjects], groups: [s.key as TeacherGroup] };
}

/** Extra teachers are added to (or removed from) these groups to reach the target head count. */
const FLEXIBLE: Readonly<Record<string, number>> = {
  russian: 3, math: 3, english: 3, history: 1, pe: 1, informatics: 0.5, physics: 0.5,
  geography: 0.3, biology: 0.3, chemistry: 0.3, german: 0.3,
};

function planStaff(rng: Random, classes: readonly ClassPlan[]): StaffDraft[] {
  const primaryClasses = classes.filter((c) => c.grade <= 4).length;

  const admin: StaffDraft[] = [];
  admin.push(alsoTeaches(rng, { kind: 'admin', positions: [POSITIONS.director], subjects: [], groups: [], female: 0.7, age: [42, 63] }, 0.5,
    ['russian', 'math', 'history', 'physics', 'chemistry', 'geography', 'biology']));
  const deputies = rng.int(2, 3);
  admin.push(alsoTeaches(rng, { kind: 'admin', positions: [POSITIONS.deputyAcademic], subjects: [], groups: [], female: 0.9, age: [34, 62] }, 0.8,
    ['russian', 'math', 'history', 'english', 'physics']));
  admin.push(alsoTeaches(rng, { kind: 'admin', positions: [POSITIONS.deputyEducational], subjects: [], groups: [], female: 0.9, age: [28, 56] }, 0.5,
    ['history', 'music', 'art', 'english']));
  if (deputies === 3) {
    // the second academic deputy usually looks after the primary school and teaches in it
    const d: StaffDraft = { kind: 'admin', positions: [POSITIONS.deputyAcademic], subjects: [], groups: [], female: 0.97, age: [36, 62] };
    if (rng.chance(0.6)) {
      d.positions.push(POSITIONS.primaryTeacher);
      d.subjects = [...PRIMARY_SUBJECTS];
    }
    admin.push(d);
  }
  admin.push({ kind: 'admin', positions: [POSITIONS.secretary], subjects: [], groups: [], female: 0.97, age: [20, 60] });
  admin.push({ kind: 'admin', positions: [POSITIONS.journalAdmin], subjects: [], groups: [], female: 0.55, age: [22, 45] });
  admin.push({ kind: 'admin', positions: [POSITIONS.librarian], subjects: [], groups: [], female: 0.97, age: [30, 66] });
  admin.push({ kind: 'admin', positions: [POSITIONS.psychologist], subjects: [], groups: [], female: 0.92, age: [24, 55] });
  if (rng.chance(0.9)) admin.push({ kind: 'admin', positions: [POSITIONS.socialPedagogue], subjects: [], groups: [], female: 0.95, age: [25, 60] });
  if (rng.chance(0.6)) admin.push({ kind: 'admin', positions: [POSITIONS.speechTherapist], subjects: [], groups: [], female: 1, age: [26, 62] });
  if (rng.chance(0.7)) admin.push({ kind: 'admin', positions: [POSITIONS.organizer], subjects: [], groups: [], female: 0.8, age: [21, 40] });
  admin.push({ kind: 'admin', positions: [POSITIONS.caretaker], subjects: [], groups: [], female: 0.5, age: [35, 64] });

  // Head counts per group: primary teachers ≥ primary classes, subject teachers within their spec.
  const count = new Map<string, number>();
  const min = new Map<string, number>();
  const max = new Map<string, number>();
  // every primary class has its class teacher, who teaches most of its lessons
  count.set('primary', primaryClasses);
  min.set('primary', primaryClasses);
  max.set('primary', primaryClasses);
  // enough subject teachers for the hours of the curriculum at a plausible load
  const demand = teacherDemand(classes);
  for (const s of SUBJECT_TEACHERS) {
    const lo = Math.max(s.min, Math.ceil((demand.get(s.key as TeacherGroup) ?? 0) / PLANNED_LOAD));
    const hi = Math.max(s.max, lo);
    count.set(s.key, rng.int(lo, Math.max(lo, Math.ceil((lo + hi) / 2))));
    min.set(s.key, lo);
    max.set(s.key, hi);
  }
  const target = rng.int(LIMITS.staff.min + 1, LIMITS.staff.max - 1);
  const headCount = (): number => admin.length + [...count.values()].reduce((a, b) => a + b, 0);
  const groups = Object.keys(FLEXIBLE);
  while (headCount() !== target) {
    const grow = headCount() < target;
    const candidates = groups.filter((k) => (grow ? (count.get(k) ?? 0) < (max.get(k) ?? 0) : (count.get(k) ?? 0) > (min.get(k) ?? 0)));
    if (candidates.length === 0) break;
    const k = rng.weighted(candidates, (key) => FLEXIBLE[key] ?? 0);
    count.set(k, (count.get(k) ?? 0) + (grow ? 1 : -1));
  }

  const drafts = [...admin];
  for (let i = 0; i < (count.get('primary') ?? 0); i++) {
    drafts.push({ kind: 'primary', positions: [POSITIONS.primaryTeacher], subjects: [...PRIMARY_SUBJECTS], groups: ['primary'], female: 0.98 });
  }
  for (const s of SUBJECT_TEACHERS) {
    for (let i = 0; i < (count.get(s.key) ?? 0); i++) {
      const draft: StaffDraft = {
        kind: 'subject',
        specKey: s.key,
        positions: [s.position],
        subjects: [...s.subjects],
        groups: [s.key as TeacherGroup],
        female: s.female,
      };
      // one of the technology teachers teaches girls (домоводство), the other boys (труд)
      if (s.key === 'technology') draft.female = i === 0 ? 0.97 : 0.15;
      // some chemistry teachers also teach biology, some geography teachers — biology too
      if ((s.key === 'chemistry' || s.key === 'geography') && rng.chance(0.3)) {
        draft.subjects.push('Биология');
        draft.groups.push('biology');
      }
      drafts.push(draft);
    }
  }
  if (drafts.length < LIMITS.staff.min || drafts.length > LIMITS.staff.max) {
    throw new Error(`staff plan of ${drafts.length} is outside ${LIMITS.staff.min}…${LIMITS.staff.max}`);
  }
  return drafts;
}

/** Age profile of Russian teachers: many over 50, a fair share of young graduates. */
const TEACHER_AGES = new WeightedTable<[number, number, number]>(
  [
    [22, 29, 14],
    [30, 39, 20],
    [40, 49, 24],
    [50, 59, 27],
    [60, 68, 15],
  ],
  ([, , w]) => w,
);

/** A birth date such that the person is `age` years old on 1 September of `startYear`. */
function birthDateForAge(rng: Random, startYear: number, age: number): string {
  const latest = dayOf(startYear - age, 9, 1);
  const earliest = dayOf(startYear - age - 1, 9, 2);
  return isoDate(rng.int(earliest, latest));
}

function createStaff(rng: Random, drafts: readonly StaffDraft[], startYear: number): GeneratedStaffMember[] {
  const names = new RussianNamePicker(rng);
  const seen = new Set<string>();
  return drafts.map((d) => {
    const gender: Gender = rng.chance(d.female) ? 'female' : 'male';
    let person = names.person(gender, 'adult');
    for (let tries = 0; seen.has(`${person.surname} ${person.name} ${person.patronymic}`) && tries < 50; tries++) {
      person = names.person(gender, 'adult');
    }
    seen.add(`${person.surname} ${person.name} ${person.patronymic}`);
    const [from, to] = d.age ?? TEACHER_AGES.pick(rng);
    return {
      ...person,
      gender,
      birthDate: birthDateForAge(rng, startYear, rng.int(from, to)),
      positions: [...d.positions],
      subjects: [...d.subjects],
    };
  });
}

/** How likely a subject teacher is to be a class teacher (классный руководитель), relatively. */
const CLASS_TEACHER_PREFERENCE: Readonly<Record<string, number>> = {
  russian: 3, math: 3, history: 2, english: 2, biology: 1.5, geography: 1.5, chemistry: 1.5, physics: 1.2,
  informatics: 1, german: 1, music: 0.8, art: 0.8, technology: 0.7, pe: 0.7, safety: 0.5,
};

/** Random order where heavier items tend to come first (Efraimidis–Spirakis weighted sampling). */
function weightedOrder<T>(rng: Random, items: readonly T[], weight: (t: T) => number): T[] {
  return items
    .map((item) => ({ item, key: Math.log(1 - rng.next()) / weight(item) }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.item);
}

/** Staff index of the class teacher of each class: primary teachers for 1–4, subject teachers for 5–11. */
function assignClassTeachers(rng: Random, classes: readonly ClassPlan[], drafts: readonly StaffDraft[]): number[] {
  const indexes = drafts.map((_, i) => i);
  const primary = rng.shuffle(indexes.filter((i) => drafts[i]?.kind === 'primary'));
  const subject = weightedOrder(
    rng,
    indexes.filter((i) => drafts[i]?.kind === 'subject'),
    (i) => CLASS_TEACHER_PREFERENCE[drafts[i]?.specKey ?? ''] ?? 1,
  );
  // the account `teacher.s<k>` belongs to an English teacher who leads 5А (see GeneratedAccounts)
  const english = subject.find((i) => drafts[i]?.specKey === 'english');
  if (english === undefined) throw new Error('no English teacher');
  subject.splice(subject.indexOf(english), 1);
  return classes.map((c) => {
    if (c.grade === 5 && c.letter === 'А') return english;
    const next = c.grade <= 4 ? primary.shift() : subject.shift();
    if (next === undefined) throw new Error(`no free teacher for class ${c.grade}${c.letter}`);
    return next;
  });
}

// ---------------------------------------------------------------------------------------------
// Students
// ---------------------------------------------------------------------------------------------

/** Share of pupils whose brother or sister studies in another grade of the same school. */
const SIBLING_SHARE = 0.08;

/**
 * Birth date of a pupil of `grade` in the year starting in `startYear`: mostly born from 1 September
 * (Y-7-g) to 31 August (Y-6-g); a few went to school early (born September–December Y-6-g) or late
 * (born June–August Y-7-g).
 */
function pupilBirthDate(rng: Random, startYear: number, grade: number): string {
  const young = startYear - 6 - grade;
  const old = startYear - 7 - grade;
  const r = rng.next();
  if (r < 0.04) return isoDate(rng.int(dayOf(young, 9, 1), dayOf(young, 12, 31)));
  if (r < 0.09) return isoDate(rng.int(dayOf(old, 6, 1), dayOf(old, 8, 31)));
  return isoDate(rng.int(dayOf(old, 9, 1), dayOf(young, 8, 31)));
}

function createStudents(rng: Random, classes: readonly ClassPlan[], startYear: number): { students: GeneratedStudent[]; families: Family[] } {
  const names = new RussianNamePicker(rng);
  const families: Family[] = [];
  const familyOf = new Map<GeneratedStudent, Family>();
  const byClass: GeneratedStudent[][] = classes.map((c, classIndex) => {
    const pupils: GeneratedStudent[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < c.size; i++) {
      const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
      let family: Family | undefined;
      if (families.length > 0 && rng.chance(SIBLING_SHARE)) {
        const candidate = rng.pick(families);
        if (!candidate.grades.has(c.grade)) family = candidate;
      }
      if (!family) {
        family = { surname: names.surname(), fatherName: names.fatherName(), grades: new Set(), children: [] };
        families.push(family);
      }
      family.grades.add(c.grade);
      let person = names.person(gender, 'child', family);
      for (let tries = 0; seen.has(`${person.surname} ${person.name}`) && tries < 50; tries++) {
        person = names.person(gender, 'child', family);
      }
      seen.add(`${person.surname} ${person.name}`);
      const pupil: GeneratedStudent = {
        ...person,
        gender,
        birthDate: pupilBirthDate(rng, startYear, c.grade),
        personalFileNumber: '',
        classIndex,
        phone: null,
        email: null,
      };
      familyOf.set(pupil, family);
      pupils.push(pupil);
    }
    return pupils.sort(
      (a, b) => compareRussian(a.surname, b.surname) || compareRussian(a.name, b.name) || compareRussian(a.patronymic, b.patronymic),
    );
  });

  // Личное дело: first letter of the surname and the serial number under that letter in the
  // alphabetical book; pupils of older grades were enrolled earlier and have lower numbers.
  const counters = new Map<string, number>();
  for (let grade = 11; grade >= 1; grade--) {
    const enrolled = rng.shuffle(byClass.filter((_, i) => classes[i]?.grade === grade).flat());
    for (const s of enrolled) {
      const letter = s.surname.charAt(0).toUpperCase();
      const n = (counters.get(letter) ?? 0) + 1;
      counters.set(letter, n);
      s.personalFileNumber = `${letter}-${String(n).padStart(4, '0')}`;
    }
  }
  const students = byClass.flat();
  // pupils from grade 7 on mostly have a phone, some an e-mail
  const contacts = new ContactPicker(rng.fork('contacts'));
  students.forEach((s, i) => {
    familyOf.get(s)?.children.push(i);
    const grade = classes[s.classIndex]?.grade ?? 0;
    if (grade >= 7 && rng.chance(0.5 + 0.05 * (grade - 7))) s.phone = contacts.phone();
    if (grade >= 7 && rng.chance(0.3)) s.email = contacts.email(s, Number(s.birthDate.slice(0, 4)));
  });
  return { students, families: families.filter((f) => f.children.length > 0) };
}

/**
 * The contingent of a generated school beyond the pupils themselves: their parents and other guardians, the
 * subgroups of classes for languages, informatics and technology, and the teaching assignments (учебная нагрузка).
 * Pure and deterministic, like the rest of the generator.
 */
import { type CurriculumItem, type TeacherGroup, bundleOf, curriculum, teachersOf } from './curriculum';
import { Random } from './random';
import { type Gender, RussianNamePicker, type Surname, patronymic, surnameFor } from './russian-names';

/** Weekly load (hours) no teacher goes over; administrators who also teach stay under ADMIN_LOAD_LIMIT. */
export const TEACHER_LOAD_LIMIT = 30;
export const ADMIN_LOAD_LIMIT = 9;
/** Average load the school plans its head count for (a Russian teacher's rate is 18 hours; most teach more). */
export const PLANNED_LOAD = 24;

export type GuardianRelationKind = 'mother' | 'father' | 'guardian';

export interface GeneratedGuardian {
  surname: string;
  name: string;
  patronymic: string;
  gender: Gender;
  phone: string | null;
  email: string | null;
}

export interface GeneratedStudentGuardian {
  studentIndex: number;
  guardianIndex: number;
  relation: GuardianRelationKind;
}

export interface GeneratedSubgroup {
  classIndex: number;
  /** subject code of the default catalogue */
  subject: string;
  name: string;
  /** indexes into students; the two subgroups of a class and subject partition the class */
  studentIndexes: number[];
}

export interface GeneratedAssignment {
  staffIndex: number;
  /** subject code of the default catalogue */
  subject: string;
  classIndex: number;
  /** index into subgroups; null = the whole class */
  subgroupIndex: number | null;
  hoursPerWeek: number;
}

/** A family of pupils: the surname, the father's name (their patronymic) and the children (student indexes). */
export interface Family {
  surname: Surname;
  fatherName: string;
  grades: Set<number>;
  children: number[];
}

// ---------------------------------------------------------------------------------------------
// Guardians
// ---------------------------------------------------------------------------------------------

const TRANSLIT: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin transliteration (as in passports, ICAO-like), lower case. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('');
}

/** Mobile operators' codes common in Krasnoyarsk krai. */
const MOBILE_CODES: readonly number[] = [902, 904, 908, 913, 923, 929, 933, 950, 953, 960, 962, 983, 999];
const MAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['mail.ru', 40], ['yandex.ru', 30], ['gmail.com', 12], ['bk.ru', 6], ['inbox.ru', 5], ['list.ru', 4], ['rambler.ru', 3],
];

/** Unique Russian mobile numbers (+79XXXXXXXXX) and ASCII e-mails. */
export class ContactPicker {
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(private readonly rng: Random) {}

  phone(): string {
    for (;;) {
      const p = `+7${this.rng.pick(MOBILE_CODES)}${String(this.rng.int(0, 9_999_999)).padStart(7, '0')}`;
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  email(p: { surname: string; name: string }, birthYear: number): string {
    const domain = this.rng.weighted(MAIL_DOMAINS, ([, w]) => w)[0];
    const surname = transliterate(p.surname);
    const name = transliterate(p.name);
    const styles = [`${surname}.${name}`, `${name}.${surname}`, `${surname}${String(birthYear % 100).padStart(2, '0')}`, `${name[0]}${surname}`];
    let local = this.rng.pick(styles);
    for (let n = 2; this.emails.has(`${local}@${domain}`); n++) local = `${this.rng.pick(styles)}${n}`;
    this.emails.add(`${local}@${domain}`);
    return `${local}@${domain}`;
  }
}

/**
 * Parents of each family: mostly mother and father, some single mothers, a few single fathers and guardians
 * (опекун, usually a grandmother). Siblings share their guardians. Mothers mostly carry the family's surname.
 */
export function createGuardians(
  rng: Random,
  families: readonly Family[],
  startYear: number,
): { guardians: GeneratedGuardian[]; links: GeneratedStudentGuardian[]; familyGuardians: number[][] } {
  const names = new RussianNamePicker(rng);
  const contacts = new ContactPicker(rng);
  const guardians: GeneratedGuardian[] = [];
  const links: GeneratedStudentGuardian[] = [];
  const familyGuardians: number[][] = [];
  const add = (gender: Gender, surname: string, name: string, birthYear: number, relation: GuardianRelationKind, family: Family): number => {
    const person = { surname, name, patronymic: patronymic(names.fatherName(), gender) };
    const index = guardians.length;
    guardians.push({
      ...person,
      gender,
      phone: rng.chance(0.97) ? contacts.phone() : null,
      email: rng.chance(0.75) ? contacts.email(person, birthYear) : null,
    });
    for (const child of family.children) links.push({ studentIndex: child, guardianIndex: index, relation });
    return index;
  };
  for (const family of families) {
    const parentYear = startYear - rng.int(28, 48);
    const r = rng.next();
    const own: number[] = [];
    const mother = () => {
      const surname = rng.chance(0.92) ? family.surname : names.surname();
      own.push(add('female', surnameFor(surname, 'female'), names.firstName('female', 'adult'), parentYear + rng.int(-1, 3), 'mother', family));
    };
    const father = () => own.push(add('male', surnameFor(family.surname, 'male'), family.fatherName, parentYear + rng.int(-3, 1), 'father', family));
    if (r < 0.9) {
      mother();
      father();
    } else if (r < 0.97) {
      mother();
    } else if (r < 0.985) {
      father();
    } else {
      // a grandmother as the guardian (опекун)
      const surname = rng.chance(0.7) ? family.surname : names.surname();
      own.push(add('female', surnameFor(surname, 'female'), names.firstName('female', 'adult'), parentYear - rng.int(20, 28), 'guardian', family));
    }
    familyGuardians.push(own);
  }
  return { guardians, links, familyGuardians };
}

// ---------------------------------------------------------------------------------------------
// Subgroups
// ---------------------------------------------------------------------------------------------

interface ClassLike {
  grade: number;
}

/** Two subgroups («1 группа», «2 группа») per class and split subject, the class shuffled into two halves. */
export function createSubgroups(rng: Random, classes: readonly ClassLike[], studentClass: readonly number[]): GeneratedSubgroup[] {
  const members = classes.map(() => [] as number[]);
  studentClass.forEach((c, i) => members[c]?.push(i));
  const subgroups: GeneratedSubgroup[] = [];
  classes.forEach((c, classIndex) => {
    for (const item of curriculum(c.grade).filter((x) => x.split)) {
      const shuffled = rng.shuffle(members[classIndex] ?? []);
      const half = Math.ceil(shuffled.length / 2);
      const halves = [shuffled.slice(0, half), shuffled.slice(half)];
      halves.forEach((h, n) => {
        subgroups.push({ classIndex, subject: item.subject, name: `${n + 1} группа`, studentIndexes: h.sort((a, b) => a - b) });
      });
    }
  });
  return subgroups;
}

// ---------------------------------------------------------------------------------------------
// Teaching assignments
// ---------------------------------------------------------------------------------------------

/** Teacher hours a week the curriculum needs from each teacher group (a split subject counts twice). */
export function teacherDemand(classes: readonly ClassLike[]): Map<TeacherGroup, number> {
  const demand = new Map<TeacherGroup, number>();
  for (const c of classes) {
    for (const item of curriculum(c.grade)) {
      const group = teachersOf(item.subject, c.grade)[0];
      if (!group || group === 'class-teacher') continue;
      demand.set(group, (demand.get(group) ?? 0) + item.hoursPerWeek * (item.split ? 2 : 1));
    }
  }
  return demand;
}

export interface TeacherPlan {
  /** teacher groups the person teaches in; empty for staff who do not teach */
  groups: readonly TeacherGroup[];
  /** an administrator who also teaches a little */
  admin: boolean;
}

interface Bundle {
  classIndex: number;
  grade: number;
  key: string;
  items: CurriculumItem[];
  hours: number;
  /** 0 or 1 for a split subject */
  subgroup: number | null;
  chain: ReadonlyArray<TeacherGroup | 'class-teacher'>;
}

/**
 * Who teaches what: the class teacher of grades 1–4 most subjects of their class; a subject teacher who leads a class
 * teaches their subject in it; other lessons go to the teacher of the group who already teaches the parallel while
 * under PLANNED_LOAD, otherwise the least loaded; the two subgroups of a class get two different teachers. No teacher
 * goes over TEACHER_LOAD_LIMIT (ADMIN_LOAD_LIMIT for administrators); a group out of room hands over to the next one.
 */
export function createAssignments(
  rng: Random,
  classes: ReadonlyArray<ClassLike & { classTeacherStaffIndex: number | null }>,
  staff: readonly TeacherPlan[],
  subgroups: readonly GeneratedSubgroup[],
): GeneratedAssignment[] {
  const limit = (i: number): number => (staff[i]?.admin ? ADMIN_LOAD_LIMIT : TEACHER_LOAD_LIMIT);
  const load = staff.map(() => 0);
  // a random but fixed preference among equals
  const tiebreak = rng.shuffle(staff.map((_, i) => i));
  const rank = new Map(tiebreak.map((s, r) => [s, r]));
  const byGroup = new Map<TeacherGroup, number[]>();
  staff.forEach((p, i) => {
    for (const g of p.groups) byGroup.set(g, [...(byGroup.get(g) ?? []), i]);
  });
  const subgroupIndex = new Map<string, number>();
  subgroups.forEach((s, i) => subgroupIndex.set(`${s.classIndex}|${s.subject}|${s.name}`, i));

  const bundles: Bundle[] = [];
  classes.forEach((c, classIndex) => {
    const byKey = new Map<string, CurriculumItem[]>();
    for (const item of curriculum(c.grade)) {
      const key = `${bundleOf(item.subject)}|${item.split ? 'split' : 'whole'}`;
      byKey.set(key, [...(byKey.get(key) ?? []), item]);
    }
    for (const [key, items] of byKey) {
      const hours = items.reduce((s, x) => s + x.hoursPerWeek, 0);
      const chain = teachersOf((items[0] as CurriculumItem).subject, c.grade);
      const split = (items[0] as CurriculumItem).split;
      for (const subgroup of split ? [0, 1] : [null]) bundles.push({ classIndex, grade: c.grade, key, items, hours, subgroup, chain });
    }
  });

  const teacherOf = new Map<Bundle, number>();
  /** staff index → grades where they teach a bundle key: `${key}|${grade}` */
  const parallels = new Map<number, Set<string>>();
  const give = (b: Bundle, s: number): void => {
    teacherOf.set(b, s);
    load[s] = (load[s] ?? 0) + b.hours;
    parallels.set(s, (parallels.get(s) ?? new Set()).add(`${b.key}|${b.grade}`));
  };
  const sibling = (b: Bundle): number | undefined => {
    if (b.subgroup === null) return undefined;
    const other = bundles.find((x) => x !== b && x.classIndex === b.classIndex && x.key === b.key && teacherOf.has(x));
    return other ? teacherOf.get(other) : undefined;
  };
  const fits = (s: number, b: Bundle): boolean => (load[s] ?? 0) + b.hours <= limit(s);

  // 1. class teachers first: all class-teacher lessons, and a subject teacher's own subject in their class
  for (const b of bundles) {
    const lead = classes[b.classIndex]?.classTeacherStaffIndex ?? null;
    if (lead === null || b.subgroup === 1) continue;
    const own = b.chain[0] === 'class-teacher' || (staff[lead]?.groups ?? []).some((g) => g === b.chain[0]);
    if (own && fits(lead, b)) give(b, lead);
  }

  // 2. the rest, class by class
  for (const b of bundles) {
    if (teacherOf.has(b)) continue;
    const avoid = sibling(b);
    let chosen: number | undefined;
    for (const allowSibling of [false, true]) {
      for (const group of b.chain) {
        const lead = classes[b.classIndex]?.classTeacherStaffIndex ?? null;
        const pool = group === 'class-teacher' ? (lead === null ? [] : [lead]) : (byGroup.get(group) ?? []);
        const candidates = pool.filter((s) => fits(s, b) && (allowSibling || s !== avoid));
        if (candidates.length === 0) continue;
        const score = (s: number): number => {
          const sameParallel = parallels.get(s)?.has(`${b.key}|${b.grade}`) && (load[s] ?? 0) + b.hours <= PLANNED_LOAD;
          return (sameParallel ? 0 : 1000) + (load[s] ?? 0) * 10 + (rank.get(s) ?? 0) / staff.length;
        };
        chosen = candidates.reduce((best, s) => (score(s) < score(best) ? s : best));
        break;
      }
      if (chosen !== undefined) break;
    }
    if (chosen === undefined) throw new Error(`no teacher with room for ${b.key} in class #${b.classIndex}`);
    give(b, chosen);
  }

  const assignments: GeneratedAssignment[] = [];
  for (const b of bundles) {
    const staffIndex = teacherOf.get(b) as number;
    for (const item of b.items) {
      const subgroup = b.subgroup === null ? null : subgroupIndex.get(`${b.classIndex}|${item.subject}|${b.subgroup + 1} группа`);
      if (subgroup === undefined) throw new Error(`no subgroup for ${item.subject} in class #${b.classIndex}`);
      assignments.push({ staffIndex, subject: item.subject, classIndex: b.classIndex, subgroupIndex: subgroup, hoursPerWeek: item.hoursPerWeek });
    }
  }
  return assignments;
}

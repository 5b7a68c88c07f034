/**
 * The journal of a generated school (issue 6): a realistic quarter of conducted lessons — topics from the approved
 * plans, about 10 marks per student per subject, about 8 % of student-lessons missed (whole days of illness, single
 * days for a valid reason, single lessons without one, a few late arrivals), homework on most lessons. Pure: the
 * caller (src/database/seed/seed-journal.ts) reads the dated lessons and who is due at each, and writes the rows.
 * Deterministic: every draw comes from a stream forked by a stable key (a student's, a lesson's), never by a row id.
 */
import { Random, WeightedTable } from './random';

export type JournalWorkKind = 'lesson' | 'practical' | 'lab' | 'test';
export type AbsenceCode = 'Н' | 'У' | 'Б' | 'О';

export interface JournalLessonInput {
  /** stable across runs (class, subject, subgroup, date, lesson number): seeds the lesson's draws */
  key: string;
  /** the lessons of one student in one subject share it (class + subject) */
  subjectKey: string;
  /** the subject's code (for subject-specific mark types and homework) */
  subject: string;
  grade: number;
  date: string;
  /** the approved plan's topic laid on the lesson, if any */
  plannedTopic: { title: string; kind: string } | null;
  /** homework may be set (grade 1: not in the first half-year, §3.7) and there is a next lesson to set it for */
  homeworkAllowed: boolean;
  /** indexes into the students of the input, in a stable order */
  students: number[];
}

export interface JournalMarkTypeInput {
  code: string;
  category: string;
}

export interface JournalInput {
  lessons: readonly JournalLessonInput[];
  /** a stable key per student (not an id): seeds the student's level and absences */
  studentKeys: readonly string[];
  markTypes: readonly JournalMarkTypeInput[];
}

export interface GeneratedJournal {
  /** per input lesson: its record */
  lessons: Array<{ topic: string; workKind: JournalWorkKind; late: boolean }>;
  attendance: Array<{ lesson: number; student: number; code: AbsenceCode }>;
  /** markType: index into the input's mark types; late: entered after its deadline */
  marks: Array<{ lesson: number; student: number; markType: number; value: number; late: boolean }>;
  homework: Array<{ lesson: number; text: string }>;
}

/** Share of marks and lesson records entered late (after their deadline). */
const LATE_SHARE = 0.02;
/** Share of lessons with homework (where it may be set). */
const HOMEWORK_SHARE = 0.85;

const GENERIC_TOPICS = [
  'Изучение нового материала',
  'Закрепление изученного',
  'Повторение пройденного материала',
  'Урок обобщения и систематизации знаний',
  'Решение задач по теме',
  'Работа с учебником',
];

/**
 * A student's level: the distribution of their marks. Over a school (25 % strong, 45 % good, 25 % average, 5 % weak)
 * it gives about 5: 30 %, 4: 40 %, 3: 25 %, 2: 5 %.
 */
const LEVELS: ReadonlyArray<{ share: number; values: ReadonlyArray<readonly [number, number]> }> = [
  { share: 25, values: [[5, 70], [4, 25], [3, 5]] },
  { share: 45, values: [[5, 25], [4, 55], [3, 18], [2, 2]] },
  { share: 25, values: [[5, 8], [4, 35], [3, 47], [2, 10]] },
  { share: 5, values: [[5, 2], [4, 15], [3, 57], [2, 25], [1, 1]] },
];
const LEVEL_TABLE = new WeightedTable(LEVELS, (l) => l.share);
const VALUE_TABLES = new Map(LEVELS.map((l) => [l, new WeightedTable(l.values, ([, w]) => w)]));

/** Weights of the mark types of an ordinary mark (codes of the school's default types; others by category). */
function ordinaryWeight(t: JournalMarkTypeInput, subject: string, kind: JournalWorkKind): number {
  const language = subject === 'russian' || subject === 'literature' || subject === 'native_language';
  switch (t.code) {
    case 'oral_answer':
      return 40;
    case 'homework':
      return 22;
    case 'independent_work':
      return 14;
    case 'check_work':
      return 6;
    case 'test':
      return 5;
    case 'dictation':
      return subject === 'russian' ? 8 : 0;
    case 'essay':
    case 'summary':
      return language ? 2 : 0;
    case 'laboratory_work':
      return kind === 'lab' ? 60 : 0;
    case 'practical_work':
      return kind === 'practical' ? 60 : 0;
    case 'control_work':
      return 0;
    default:
      return t.category === 'oral' ? 10 : t.category === 'homework' ? 5 : 0;
  }
}

function homeworkText(rng: Random, subject: string, topic: string): string {
  const page = rng.int(10, 180);
  switch (subject) {
    case 'math':
    case 'algebra':
    case 'geometry':
      return `№ ${rng.int(100, 900)}, ${rng.int(100, 900)}, ${rng.int(100, 900)}; повторить правила, с. ${page}`;
    case 'russian':
    case 'native_language':
      return `Упр. ${rng.int(20, 600)}, с. ${page}; выучить правило`;
    case 'english':
    case 'german':
    case 'french':
      return `Упр. ${rng.int(1, 12)}, с. ${page}; слова к уроку`;
    case 'literature':
      return rng.chance(0.5) ? `Прочитать с. ${page}–${page + rng.int(8, 30)}, ответить на вопросы` : `Выучить стихотворение наизусть (с. ${page})`;
    default:
      return rng.chance(0.5) ? `§ ${rng.int(1, 40)}, вопросы ${rng.int(1, 4)}–${rng.int(5, 8)}` : `Повторить тему «${topic}», с. ${page}`;
  }
}

const asKind = (kind: string | undefined): JournalWorkKind =>
  kind === 'practical' || kind === 'lab' || kind === 'test' ? kind : 'lesson';

/**
 * The journal of a quarter: every input lesson conducted; absences per student (illness episodes of 2–5 school days
 * coded Б, single days У, single lessons Н, late arrivals О; each student with their own propensity, ~8 % of the
 * student-lessons missed in all); marks per student and subject (grades 2–11): a control work for everyone present on a
 * 'test' lesson, and ordinary marks (mostly oral, homework, written) on lessons the student attended, 9–13 in all
 * (at most 1.4 a lesson), values by the student's level; homework on most lessons where it may be set.
 */
export function generateJournal(rng: Random, input: JournalInput): GeneratedJournal {
  const { lessons, studentKeys, markTypes } = input;
  const out: GeneratedJournal = { lessons: [], attendance: [], marks: [], homework: [] };
  const controlType = markTypes.findIndex((t) => t.code === 'control_work');
  const controlIndex = controlType >= 0 ? controlType : markTypes.findIndex((t) => t.category === 'control');

  // lessons: the record
  lessons.forEach((l, i) => {
    const r = rng.fork(`lesson ${l.key}`);
    const topic = l.plannedTopic?.title ?? r.pick(GENERIC_TOPICS);
    const workKind = asKind(l.plannedTopic?.kind);
    out.lessons.push({ topic, workKind, late: r.chance(LATE_SHARE / 2) });
    if (l.homeworkAllowed && r.chance(workKind === 'test' ? 0.4 : HOMEWORK_SHARE)) {
      out.homework.push({ lesson: i, text: homeworkText(r, l.subject, topic) });
    }
  });

  // each student's lessons, by day
  const byStudent: number[][] = studentKeys.map(() => []);
  lessons.forEach((l, i) => {
    for (const s of l.students) byStudent[s]?.push(i);
  });

  const absent = new Map<string, AbsenceCode>();
  const level = new Map<number, (typeof LEVELS)[number]>();
  studentKeys.forEach((key, s) => {
    const r = rng.fork(`student ${key}`);
    level.set(s, LEVEL_TABLE.pick(r));
    const own = byStudent[s] as number[];
    if (own.length === 0) return;
    own.sort((a, b) => (lessons[a]!.date < lessons[b]!.date ? -1 : lessons[a]!.date > lessons[b]!.date ? 1 : a - b));
    const days: string[] = [...new Set(own.map((i) => lessons[i]!.date))];
    // propensity: most students miss little, a few a lot
    const health = r.pick([0.3, 0.6, 0.8, 1, 1, 1.2, 1.5, 2, 2.6]);
    const diligence = r.pick([0.3, 0.5, 1, 1, 1, 1.5, 2.5]);
    const dayCode = new Map<string, AbsenceCode>();
    for (let d = 0; d < days.length; d++) {
      if (r.chance(0.013 * health)) {
        const length = r.int(2, 5);
        for (let k = d; k < Math.min(days.length, d + length); k++) dayCode.set(days[k] as string, 'Б');
        d += length;
      } else if (r.chance(0.01 * diligence)) {
        dayCode.set(days[d] as string, 'У');
      }
    }
    for (const i of own) {
      const code = dayCode.get(lessons[i]!.date) ?? (r.chance(0.02 * diligence) ? 'Н' : r.chance(0.01 * diligence) ? 'О' : undefined);
      if (code === undefined) continue;
      absent.set(`${i}:${s}`, code);
      out.attendance.push({ lesson: i, student: s, code });
    }
  });
  const missed = (lesson: number, student: number): boolean => {
    const c = absent.get(`${lesson}:${student}`);
    return c !== undefined && c !== 'О';
  };

  // marks per student and subject (class + subject), grades 2–11
  const groups = new Map<string, number[]>();
  studentKeys.forEach((_, s) => {
    for (const i of byStudent[s] as number[]) {
      const l = lessons[i]!;
      if (l.grade < 2) continue;
      const k = `${s}\u0000${l.subjectKey}`;
      const list = groups.get(k);
      if (list) list.push(i);
      else groups.set(k, [i]);
    }
  });
  const tables = new Map<string, WeightedTable<number> | null>();
  const ordinaryTable = (subject: string, kind: JournalWorkKind): WeightedTable<number> | null => {
    const key = `${subject} ${kind}`;
    if (!tables.has(key)) {
      const weights = markTypes.map((t) => ordinaryWeight(t, subject, kind));
      tables.set(key, weights.every((w) => w === 0) ? null : new WeightedTable(weights.map((_, j) => j), (j) => weights[j] as number));
    }
    return tables.get(key) as WeightedTable<number> | null;
  };
  for (const [k, own] of groups) {
    const s = Number(k.slice(0, k.indexOf('\u0000')));
    const r = rng.fork(`marks ${studentKeys[s]} ${k.slice(k.indexOf('\u0000') + 1)}`);
    const values = VALUE_TABLES.get(level.get(s) as (typeof LEVELS)[number]) as WeightedTable<readonly [number, number]>;
    const present = own.filter((i) => !missed(i, s));
    if (present.length === 0) continue;
    const used = new Set<string>();
    const add = (lesson: number, markType: number) => {
      used.add(`${lesson}:${markType}`);
      out.marks.push({ lesson, student: s, markType, value: values.pick(r)[0], late: r.chance(LATE_SHARE) });
    };
    let count = 0;
    if (controlIndex >= 0) {
      for (const i of present) {
        if (out.lessons[i]!.workKind === 'test') {
          add(i, controlIndex);
          count++;
        }
      }
    }
    const target = Math.min(r.int(9, 13), Math.round(present.length * 1.4));
    for (let tries = 0; count < target && tries < target * 6; tries++) {
      const i = r.pick(present);
      const l = lessons[i]!;
      const kind = out.lessons[i]!.workKind;
      if (kind === 'test') continue;
      const table = ordinaryTable(l.subject, kind);
      if (table === null) break;
      const markType = table.pick(r);
      if (used.has(`${i}:${markType}`)) continue;
      add(i, markType);
      count++;
    }
  }
  return out;
}

/**
 * Thematic planning of a generated school (issue 5): the curriculum (учебный план) in hours a year, derived from the
 * weekly hours of the generated teaching assignments (× 34 study weeks, × 33 in grade 1), and a thematic plan (КТП)
 * for every assignment whose topic hours sum exactly to its curriculum hours. Pure: no database.
 */
import type { GeneratedSchool } from './generate-school';
import { hashString, Random } from './random';

export type GeneratedTopicKind = 'lesson' | 'practical' | 'lab' | 'test';
export type GeneratedPlanStatus = 'draft' | 'submitted' | 'approved';

export interface GeneratedCurriculumRow {
  subject: string;
  /** the grade of a grade row; a class override names classIndex and also carries its class's grade */
  grade: number;
  /** index into classes for a class's own hours (when they differ from its grade's); null for the grade row */
  classIndex: number | null;
  hoursPerYear: number;
}

export interface GeneratedTopic {
  title: string;
  hours: number;
  kind: GeneratedTopicKind;
}

export interface GeneratedPlan {
  /** index into assignments */
  assignmentIndex: number;
  status: GeneratedPlanStatus;
  topics: GeneratedTopic[];
}

export interface GeneratedPlanning {
  curriculum: GeneratedCurriculumRow[];
  plans: GeneratedPlan[];
}

/** Study weeks a year: 33 in grade 1, 34 in grades 2–11 (ФГОС). */
export const studyWeeks = (grade: number): number => (grade === 1 ? 33 : 34);

/** Hours a year, one decimal. */
const yearHours = (perWeek: number, grade: number): number => Math.round(perWeek * studyWeeks(grade) * 10) / 10;

/** Topic names of a few subjects; the others use GENERAL_TOPICS. */
const TOPICS: Readonly<Record<string, readonly string[]>> = {
  russian: ['Повторение изученного', 'Фонетика и орфоэпия', 'Морфемика и словообразование', 'Лексикология', 'Морфология', 'Имя существительное',
    'Имя прилагательное', 'Глагол', 'Синтаксис и пунктуация', 'Развитие речи', 'Текст и его строение', 'Орфография'],
  literature: ['Мифы и фольклор', 'Русская литература XIX века', 'А. С. Пушкин', 'М. Ю. Лермонтов', 'Н. В. Гоголь', 'Л. Н. Толстой',
    'Русская литература XX века', 'Поэзия о войне', 'Зарубежная литература'],
  math: ['Натуральные числа', 'Действия с натуральными числами', 'Обыкновенные дроби', 'Десятичные дроби', 'Проценты', 'Наглядная геометрия',
    'Положительные и отрицательные числа', 'Уравнения', 'Повторение'],
  algebra: ['Выражения и их преобразования', 'Линейные уравнения', 'Функции', 'Степень с натуральным показателем', 'Многочлены',
    'Формулы сокращённого умножения', 'Системы уравнений', 'Квадратные уравнения', 'Неравенства'],
  geometry: ['Начальные геометрические сведения', 'Треугольники', 'Параллельные прямые', 'Соотношения в треугольнике', 'Четырёхугольники',
    'Площадь', 'Подобные треугольники', 'Окружность'],
  english: ['Знакомство', 'Моя семья', 'Школа', 'Мой день', 'Еда', 'Путешествия', 'Спорт', 'Природа и экология', 'Страны изучаемого языка'],
  history: ['Древний мир', 'Средние века', 'Русь в IX–XII веках', 'Московское государство', 'Новое время', 'Российская империя', 'Новейшая история'],
  physics: ['Физика и её методы', 'Строение вещества', 'Движение и взаимодействие тел', 'Давление', 'Работа и мощность', 'Тепловые явления',
    'Электрические явления', 'Световые явления'],
  chemistry: ['Первоначальные химические понятия', 'Кислород. Водород', 'Вода. Растворы', 'Основные классы неорганических соединений',
    'Периодический закон', 'Химическая связь'],
  biology: ['Биология — наука о живом', 'Клетка', 'Многообразие организмов', 'Растения', 'Животные', 'Человек и его здоровье', 'Экосистемы'],
  informatics: ['Информация и информационные процессы', 'Компьютер', 'Системы счисления', 'Алгоритмы', 'Программирование', 'Электронные таблицы',
    'Компьютерные сети'],
};

const GENERAL_TOPICS: readonly string[] = ['Введение', 'Основные понятия', 'Раздел 1', 'Раздел 2', 'Раздел 3', 'Раздел 4', 'Практикум',
  'Обобщение и систематизация'];

/** The kind of the non-test topics of a subject: labs in the sciences, practice in informatics and technology. */
function workKind(subject: string, rng: Random): GeneratedTopicKind {
  if (['physics', 'chemistry', 'biology'].includes(subject) && rng.chance(0.3)) return 'lab';
  if (['informatics', 'technology'].includes(subject) && rng.chance(0.4)) return 'practical';
  if (['geography', 'math', 'algebra', 'geometry'].includes(subject) && rng.chance(0.1)) return 'practical';
  return 'lesson';
}

/**
 * The topics of a plan of `total` hours (tenths allowed), summing exactly to it: up to 6 sections (разделы) of at least
 * 4 hours, each one topic of several lessons (two when over 24 hours) and a 1-hour контрольная работа, the last one итоговая.
 * Topics span several lessons (laid out one hour a lesson), which keeps a school's seed at a few thousand topic rows.
 */
export function planTopics(rng: Random, subject: string, total: number): GeneratedTopic[] {
  const names = TOPICS[subject] ?? GENERAL_TOPICS;
  const tenths = Math.round(total * 10);
  const sections = Math.max(1, Math.min(6, names.length, Math.floor(tenths / 40)));
  // section sizes in whole hours by random weights; the rest (and any fraction) goes to the last
  const weights = Array.from({ length: sections }, () => rng.int(2, 5));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((tenths * w) / sum / 10) * 10);
  sizes[sections - 1] = tenths - sizes.slice(0, -1).reduce((a, b) => a + b, 0);
  const topics: GeneratedTopic[] = [];
  const add = (title: string, t: number, kind: GeneratedTopicKind) =>
    topics.push({ title: `Тема ${topics.length + 1}. ${title}`, hours: t / 10, kind });
  sizes.forEach((size, i) => {
    const name = names[i] as string;
    const test = Math.min(10, size);
    const block = size - test;
    if (block >= 240) {
      const first = Math.round(block / 20) * 10;
      add(`${name}: часть 1`, first, workKind(subject, rng));
      add(`${name}: часть 2`, block - first, workKind(subject, rng));
    } else if (block > 0) {
      add(name, block, workKind(subject, rng));
    }
    add(i === sections - 1 ? 'Итоговая контрольная работа' : `Контрольная работа: ${name.toLocaleLowerCase('ru')}`, test, 'test');
  });
  return topics;
}

/** The curriculum and a plan for every assignment of a generated school (deterministic: seeded by the school's name and year). */
export function generatePlanning(g: GeneratedSchool): GeneratedPlanning {
  // hours a week of each (class, subject): the hours of the whole-class assignments, or of one subgroup (every subgroup
  // studies the whole course)
  const weekly = new Map<string, number>();
  const perGroup = new Map<string, number>();
  g.assignments.forEach((a) => {
    const key = `${a.classIndex}|${a.subject}|${a.subgroupIndex ?? ''}`;
    perGroup.set(key, (perGroup.get(key) ?? 0) + a.hoursPerWeek);
  });
  for (const [key, hours] of perGroup) {
    const [cls, subject] = key.split('|');
    const k = `${cls}|${subject}`;
    weekly.set(k, Math.max(weekly.get(k) ?? 0, hours));
  }
  // the grade row: the hours most classes of the grade have; a class that differs gets its own row
  const byGradeSubject = new Map<string, Map<number, number>>();
  for (const [key, hours] of weekly) {
    const [cls, subject] = key.split('|') as [string, string];
    const grade = (g.classes[Number(cls)] as { grade: number }).grade;
    const gk = `${grade}|${subject}`;
    const counts = byGradeSubject.get(gk) ?? new Map<number, number>();
    counts.set(hours, (counts.get(hours) ?? 0) + 1);
    byGradeSubject.set(gk, counts);
  }
  const curriculum: GeneratedCurriculumRow[] = [];
  const gradeHours = new Map<string, number>();
  for (const [gk, counts] of [...byGradeSubject].sort(([a], [b]) => a.localeCompare(b))) {
    const [grade, subject] = gk.split('|') as [string, string];
    const perWeek = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    gradeHours.set(gk, perWeek);
    curriculum.push({ subject, grade: Number(grade), classIndex: null, hoursPerYear: yearHours(perWeek, Number(grade)) });
  }
  const classHours = (classIndex: number, subject: string): number => {
    const grade = (g.classes[classIndex] as { grade: number }).grade;
    return yearHours(weekly.get(`${classIndex}|${subject}`) ?? 0, grade);
  };
  for (const [key, hours] of [...weekly].sort(([a], [b]) => a.localeCompare(b))) {
    const [cls, subject] = key.split('|') as [string, string];
    const grade = (g.classes[Number(cls)] as { grade: number }).grade;
    if (gradeHours.get(`${grade}|${subject}`) !== hours) {
      curriculum.push({ subject, grade, classIndex: Number(cls), hoursPerYear: yearHours(hours, grade) });
    }
  }
  const rng = new Random(hashString(`${g.school.name} ${g.academicYear.name}`)).fork('planning');
  const plans = g.assignments.map((a, i) => {
    const r = rng.fork(`plan-${i}`);
    const roll = r.next();
    const status: GeneratedPlanStatus = roll < 0.85 ? 'approved' : roll < 0.95 ? 'submitted' : 'draft';
    return { assignmentIndex: i, status, topics: planTopics(r, a.subject, classHours(a.classIndex, a.subject)) };
  });
  return { curriculum, plans };
}

/**
 * The weekly curriculum (учебный план) of a Russian school by grade, after the federal curriculum of ФГОС НОО/ООО/СОО
 * (2023), with the subject codes of the default subject catalogue (src/modules/contingent/default-subjects.ts), and
 * who teaches what: the group of teachers of each subject and the groups that stand in when it is short of hours.
 */

/** A group of teachers: 'primary' (учитель начальных классов) or a SUBJECT_TEACHERS key. */
export type TeacherGroup =
  | 'primary' | 'russian' | 'math' | 'informatics' | 'history' | 'geography' | 'biology' | 'chemistry' | 'physics'
  | 'english' | 'german' | 'music' | 'art' | 'technology' | 'pe' | 'safety';

export interface CurriculumItem {
  /** subject code of the default catalogue */
  subject: string;
  hoursPerWeek: number;
  /** taught in two subgroups, each with its own teacher (languages, informatics, technology from grade 5) */
  split: boolean;
}

/** Subjects split into two subgroups from grade 5 on. */
export const SPLIT_SUBJECTS: readonly string[] = ['english', 'informatics', 'technology'];
export const SPLIT_FROM_GRADE = 5;

/** Hours a week of each subject by grade: [subject, hours in grades 1 … 11] (0 = not taught). */
const PLAN: ReadonlyArray<readonly [string, readonly number[]]> = [
  //                    1  2  3  4  5  6  7  8  9 10 11
  ['russian',          [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2]],
  ['literary_reading', [4, 4, 4, 3, 0, 0, 0, 0, 0, 0, 0]],
  ['literature',       [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3]],
  ['english',          [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3]],
  ['german',           [0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0]],
  ['math',             [4, 4, 4, 4, 5, 5, 0, 0, 0, 0, 0]],
  ['algebra',          [0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3]],
  ['geometry',         [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2]],
  ['probability',      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]],
  ['informatics',      [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]],
  ['world_around',     [2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0]],
  ['orkse',            [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]],
  ['history',          [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2]],
  ['social_studies',   [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2]],
  ['odnknr',           [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]],
  ['geography',        [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1]],
  ['biology',          [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1]],
  ['physics',          [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2]],
  ['chemistry',        [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1]],
  ['music',            [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]],
  ['fine_arts',        [1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]],
  ['technology',       [1, 1, 1, 1, 2, 2, 2, 1, 1, 0, 0]],
  ['physical_education', [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]],
  ['obzr',             [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]],
  ['individual_project', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]],
];

/** The curriculum of a grade. */
export function curriculum(grade: number): CurriculumItem[] {
  if (!Number.isInteger(grade) || grade < 1 || grade > 11) throw new RangeError(`no curriculum for grade ${grade}`);
  return PLAN.filter(([, hours]) => (hours[grade - 1] ?? 0) > 0).map(([subject, hours]) => ({
    subject,
    hoursPerWeek: hours[grade - 1] as number,
    split: grade >= SPLIT_FROM_GRADE && SPLIT_SUBJECTS.includes(subject),
  }));
}

/** Primary-school subjects the class teacher teaches in their own class (grades 1–4). */
const CLASS_TEACHER_SUBJECTS: readonly string[] = ['russian', 'literary_reading', 'math', 'world_around', 'fine_arts', 'technology', 'orkse'];

/**
 * Who teaches a subject in a grade: the teacher group, then the groups that stand in when it has no room left
 * ('class-teacher': the class teacher of the class, whoever they are).
 */
export function teachersOf(subject: string, grade: number): ReadonlyArray<TeacherGroup | 'class-teacher'> {
  if (grade <= 4) {
    if (CLASS_TEACHER_SUBJECTS.includes(subject)) return ['class-teacher'];
    if (subject === 'music') return ['music', 'class-teacher'];
    if (subject === 'physical_education') return ['pe', 'class-teacher'];
    if (subject === 'english') return ['english', 'german'];
  }
  switch (subject) {
    case 'russian':
    case 'literature':
      return ['russian'];
    case 'math':
    case 'algebra':
    case 'geometry':
    case 'probability':
      return ['math'];
    case 'informatics':
      return ['informatics', 'math', 'physics'];
    case 'history':
    case 'social_studies':
    case 'odnknr':
      return ['history'];
    case 'geography':
      return ['geography', 'biology'];
    case 'biology':
      return ['biology', 'chemistry', 'geography'];
    case 'chemistry':
      return ['chemistry', 'biology'];
    case 'physics':
      return ['physics', 'math'];
    case 'english':
      return ['english', 'german'];
    case 'german':
      return ['german', 'english'];
    case 'music':
      return ['music', 'art'];
    case 'fine_arts':
      return ['art', 'technology'];
    case 'technology':
      return ['technology', 'art', 'physics'];
    case 'physical_education':
      return ['pe', 'safety'];
    case 'obzr':
      return ['safety', 'pe'];
    case 'individual_project':
      return ['class-teacher', 'russian'];
    default:
      throw new RangeError(`no teachers for subject ${subject}`);
  }
}

/**
 * Subjects one teacher of a class teaches together (russian and literature, algebra, geometry and probability,
 * history and social studies): the key of the bundle a subject belongs to.
 */
export function bundleOf(subject: string): string {
  switch (subject) {
    case 'literature':
      return 'russian';
    case 'algebra':
    case 'geometry':
    case 'probability':
      return 'math';
    case 'social_studies':
    case 'odnknr':
      return 'history';
    default:
      return subject;
  }
}

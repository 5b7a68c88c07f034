import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared';

/** A student's weighted average in a subject over a period, with the number of marks it rests on. */
export interface StudentAverage {
  studentId: string;
  /** Σ value × weight / Σ weight over the marks not annulled, to 2 decimals */
  average: number;
  marks: number;
}

/**
 * The weighted averages (R-FC-1) of the students of a class in a subject over [from, to]: every mark not annulled
 * of the subject's assignments of that class (the whole class's and its subgroups', from the journal, home schooling
 * and hospital schools), each weighted by its mark type's weight as the school sets it now. The class average is the
 * mean of the students' averages (students without marks do not count), to 2 decimals. The one definition the journal
 * page, the diary and the early warning share.
 */
export async function subjectAverages(
  m: EntityManager,
  schoolId: string,
  classId: string,
  subjectId: string,
  from: string,
  to: string,
): Promise<{ students: StudentAverage[]; classAverage: number | null }> {
  const students = await preparedQuery<StudentAverage>(m, SUBJECT_AVERAGES, [schoolId, classId, subjectId, from, to]);
  return { students, classAverage: classAverageOf(students) };
}

/**
 * The statement of subjectAverages (rows: studentId, average, marks) with the placeholders (or expressions) of the
 * school, class, subject and dates — for a statement reading the averages together with what they sit beside.
 */
export function subjectAveragesSelect(school: string, klass: string, subject: string, from: string, to: string): string {
  return `SELECT mk.student_id AS "studentId", round(sum(mk.value * mt.weight) / sum(mt.weight), 2)::float AS average, count(*)::int AS marks
       FROM mark mk
       JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id
       JOIN mark_type mt ON mt.id = mk.mark_type_id
      WHERE mk.school_id = ${school} AND a.class_id = ${klass} AND a.subject_id = ${subject} AND mk.date BETWEEN ${from}::date AND ${to}::date
        AND mk.annulled_at IS NULL
      GROUP BY mk.student_id`;
}

const SUBJECT_AVERAGES = subjectAveragesSelect('$1', '$2', '$3', '$4', '$5');

/** The mean of the students' averages, to 2 decimals; null without any. */
export function classAverageOf(students: ReadonlyArray<{ average: number }>): number | null {
  if (students.length === 0) return null;
  return Math.round((students.reduce((s, x) => s + x.average, 0) / students.length) * 100) / 100;
}

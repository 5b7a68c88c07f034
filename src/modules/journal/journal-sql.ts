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

/** One row of a mark's history (R-JRN-5). */
export interface MarkHistoryRow {
  markId: string;
  action: 'create' | 'change' | 'annul';
  oldValue: number | null;
  newValue: number | null;
  oldType: string | null;
  newType: string | null;
  reason: string | null;
  afterDeadline: boolean;
}

/** The columns of mark_history a write fills, in the order markHistoryUnnest's rows are framed by school and user. */
export const MARK_HISTORY_COLUMNS = 'school_id, mark_id, action, old_value, new_value, old_mark_type_id, new_mark_type_id, reason, after_deadline, changed_by_user_id';

/** mark_history rows (mark … after deadline) as an unnest of markHistoryArrays's eight arrays, from placeholder $`first` on. */
export function markHistoryUnnest(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `unnest(${$(0)}::uuid[], ${$(1)}::varchar[], ${$(2)}::smallint[], ${$(3)}::smallint[], ${$(4)}::uuid[], ${$(5)}::uuid[], ${$(6)}::varchar[], ${$(7)}::boolean[])`;
}

/** The values of markHistoryUnnest's eight arrays. */
export function markHistoryArrays(rows: MarkHistoryRow[]): unknown[] {
  return [
    rows.map((r) => r.markId),
    rows.map((r) => r.action),
    rows.map((r) => r.oldValue),
    rows.map((r) => r.newValue),
    rows.map((r) => r.oldType),
    rows.map((r) => r.newType),
    rows.map((r) => r.reason),
    rows.map((r) => r.afterDeadline),
  ];
}

import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared';

/** A student's attendance over a period (R-ATT-1, R-ATT-3). */
export interface MissedLessons {
  studentId: string;
  /** conducted lessons the student was due at (enrolled in the class that day; a member of the subgroup) */
  lessons: number;
  /** missed: Н, У or Б (О, late, is not a missed lesson) */
  missed: number;
  /** of them for a valid reason (У) */
  excused: number;
  /** of them for illness (Б) */
  ill: number;
  /** late arrivals (О) */
  late: number;
  /** days on which every lesson due was missed (a day counts only then) */
  missedDays: number;
}

/**
 * Missed lessons per student over [from, to] for the students of a class (enrolled in it at some time of the period)
 * or the given students: each conducted, not cancelled lesson of the students' class on a day they were enrolled in
 * it — whole-class lessons and the lessons of the subgroups they were members of that day — with its absence code.
 * Students without a due lesson do not appear. One statement.
 */
export async function missedLessons(
  m: EntityManager,
  schoolId: string,
  who: { classId: string } | { studentIds: string[] },
  from: string,
  to: string,
): Promise<MissedLessons[]> {
  const filter = 'classId' in who ? 'en.class_id = $4' : 'en.student_id = ANY($4::uuid[])';
  return (await m.query(
    `WITH due AS (
       SELECT en.student_id, l.id AS lesson_id, l.date, at.code
         FROM enrollment en
         JOIN teaching_assignment a ON a.class_id = en.class_id
         JOIN lesson l ON l.teaching_assignment_id = a.id AND l.date BETWEEN $2::date AND $3::date
                      AND l.date >= en.starts_on AND (en.ends_on IS NULL OR l.date < en.ends_on)
                      AND NOT l.cancelled AND l.conducted_at IS NOT NULL
         LEFT JOIN attendance at ON at.lesson_id = l.id AND at.student_id = en.student_id
        WHERE en.school_id = $1 AND ${filter} AND en.starts_on <= $3::date AND (en.ends_on IS NULL OR en.ends_on > $2::date)
          AND (a.subgroup_id IS NULL OR EXISTS (
                SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = en.student_id
                   AND sm.starts_on <= l.date AND (sm.ends_on IS NULL OR sm.ends_on > l.date)))),
     days AS (
       SELECT student_id, date, bool_and(coalesce(code IN ('Н', 'У', 'Б'), false)) AS all_missed FROM due GROUP BY student_id, date)
     SELECT d.student_id AS "studentId", count(*)::int AS lessons,
            count(*) FILTER (WHERE d.code IN ('Н', 'У', 'Б'))::int AS missed,
            count(*) FILTER (WHERE d.code = 'У')::int AS excused,
            count(*) FILTER (WHERE d.code = 'Б')::int AS ill,
            count(*) FILTER (WHERE d.code = 'О')::int AS late,
            (SELECT count(*) FROM days x WHERE x.student_id = d.student_id AND x.all_missed)::int AS "missedDays"
       FROM due d
      GROUP BY d.student_id`,
    [schoolId, from, to, 'classId' in who ? who.classId : who.studentIds],
  )) as MissedLessons[];
}

/** One change of a student's attendance at a lesson: codes NULL = present. */
export interface AttendanceChange {
  lessonId: string;
  studentId: string;
  oldCode: string | null;
  newCode: string | null;
  oldNote: string | null;
  newNote: string | null;
  reason: string | null;
}

/**
 * The INSERT of attendance_history rows (R-ATT-2) for a statement of its own or a step of a larger one: school `school`
 * and user `by` (placeholders or expressions), the rows as the seven arrays of attendanceHistoryArrays from
 * placeholder $`first` on.
 */
export function attendanceHistoryInsert(school: string, by: string, first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `INSERT INTO attendance_history (school_id, lesson_id, student_id, old_code, new_code, old_note, new_note, reason, changed_by_user_id)
     SELECT ${school}, x.*, ${by} FROM unnest(${$(0)}::uuid[], ${$(1)}::uuid[], ${$(2)}::varchar[], ${$(3)}::varchar[], ${$(4)}::varchar[], ${$(5)}::varchar[], ${$(6)}::varchar[]) AS x`;
}

/** The values of attendanceHistoryInsert's seven arrays. */
export function attendanceHistoryArrays(changes: AttendanceChange[]): unknown[] {
  return [
    changes.map((c) => c.lessonId),
    changes.map((c) => c.studentId),
    changes.map((c) => c.oldCode),
    changes.map((c) => c.newCode),
    changes.map((c) => c.oldNote),
    changes.map((c) => c.newNote),
    changes.map((c) => c.reason),
  ];
}

const APPEND_ATTENDANCE_HISTORY = attendanceHistoryInsert('$1::uuid', '$2::uuid', 3);

/** Appends changes to attendance_history (R-ATT-2), in the caller's transaction, one statement; `by`: the user. */
export async function appendAttendanceHistory(m: EntityManager, schoolId: string, by: string | null, changes: AttendanceChange[]): Promise<void> {
  if (changes.length === 0) return;
  await preparedQuery(m, APPEND_ATTENDANCE_HISTORY, [schoolId, by, ...attendanceHistoryArrays(changes)]);
}

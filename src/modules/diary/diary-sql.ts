/**
 * SQL the diary and the staff's homework lists share: the lessons a student is due at — each lesson of a class the
 * student is enrolled in on the lesson's date, whole-class or of a subgroup the student is a member of that day.
 * `$student` is the placeholder of the student id; `l` the lesson, `a` its teaching assignment, `en` the enrollment.
 */
export function studentLessonJoin(): string {
  return `enrollment en
    JOIN teaching_assignment a ON a.class_id = en.class_id
    JOIN lesson l ON l.teaching_assignment_id = a.id AND l.date >= en.starts_on AND (en.ends_on IS NULL OR l.date < en.ends_on)`;
}

/** The condition completing `studentLessonJoin`: the student's enrollment and, for a subgroup lesson, membership. */
export function studentLessonWhere(student: string): string {
  return `en.student_id = ${student}
    AND (a.subgroup_id IS NULL OR EXISTS (
          SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = en.student_id
             AND sm.starts_on <= l.date AND (sm.ends_on IS NULL OR sm.ends_on > l.date)))`;
}

/** Columns of a homework item (DiaryHomeworkItem) over `homework hw JOIN lesson l JOIN teaching_assignment a`. */
export const HOMEWORK_COLUMNS = `hw.id, to_char(hw.due_date, 'YYYY-MM-DD') AS "dueDate", a.subject_id AS "subjectId", sj.name AS subject,
  g.name AS "subgroupName", hw.text, hw.links, l.id AS "lessonId", to_char(l.date, 'YYYY-MM-DD') AS "lessonDate",
  l.lesson_number AS "lessonNumber"`;

/** Joins for HOMEWORK_COLUMNS beyond homework, lesson and assignment. */
export const HOMEWORK_JOINS = `JOIN subject sj ON sj.id = a.subject_id LEFT JOIN subgroup g ON g.id = a.subgroup_id`;

export const HOMEWORK_ORDER = `ORDER BY hw.due_date, sj.name COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu" NULLS FIRST, l.date, l.lesson_number, hw.id`;

// The floor of the lesson PUT (journal-bench.mjs, bare-journal-server.mjs): the rows the service writes for a lesson
// conducted with its topic, marks and absences — the lesson's record, the marks and their 'create' history, the
// absences and their history, each with who wrote it — inserted by hand in one transaction, no checks.
import { randomUUID } from 'node:crypto';

const UPDATE_LESSON = `UPDATE lesson SET topic = $2, work_kind = $3, taught_by_staff_id = staff_id, conducted_at = now(), record_deadline = date,
         record_late = current_date > date, updated_at = now() WHERE id = $1`;
const INSERT_MARKS = `WITH m AS (
     INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, deadline, late, created_by_user_id)
     SELECT $1, $2, $3, $4::date, u.s, u.t, u.v, $4::date, current_date > $4::date, $8 FROM unnest($5::uuid[], $6::uuid[], $7::smallint[]) AS u(s, t, v)
     RETURNING id, value, mark_type_id, late)
   INSERT INTO mark_history (school_id, mark_id, action, new_value, new_mark_type_id, after_deadline, changed_by_user_id)
   SELECT $1, id, 'create', value, mark_type_id, late, $8 FROM m`;
const INSERT_ATTENDANCE = `WITH a AS (
     INSERT INTO attendance (school_id, lesson_id, student_id, code, deadline, late, recorded_by_user_id)
     SELECT $1, $2, u.s, u.c, $3::date, current_date > $3::date, $6 FROM unnest($4::uuid[], $5::varchar[]) AS u(s, c)
     RETURNING lesson_id, student_id, code)
   INSERT INTO attendance_history (school_id, lesson_id, student_id, new_code, changed_by_user_id) SELECT $1, lesson_id, student_id, code, $6 FROM a`;

/**
 * Writes lesson `lesson` ({ id, assignmentId, date }) of `schoolId` as teacher user `userId` with `body` (the PUT's
 * body) on a pg client, in one transaction with the audit context set; named statements.
 */
export async function writeLessonRows(client, setAuditContext, schoolId, userId, lesson, body) {
  await client.query('BEGIN');
  try {
    await setAuditContext(client, { userId, schoolId, roles: ['teacher'], sessionId: null, ip: '127.0.0.1', requestId: randomUUID() });
    await client.query({ name: 'floor-lesson', text: UPDATE_LESSON, values: [lesson.id, body.topic, body.workKind] });
    await client.query({
      name: 'floor-marks',
      text: INSERT_MARKS,
      values: [schoolId, lesson.assignmentId, lesson.id, lesson.date, body.marks.map((x) => x.studentId), body.marks.map((x) => x.markTypeId), body.marks.map((x) => x.value), userId],
    });
    await client.query({
      name: 'floor-attendance',
      text: INSERT_ATTENDANCE,
      values: [schoolId, lesson.id, lesson.date, body.attendance.map((x) => x.studentId), body.attendance.map((x) => x.code), userId],
    });
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

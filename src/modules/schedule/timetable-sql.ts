import { EntityManager } from 'typeorm';
import { TimetableConflict, TimetableEntryResponse } from './dto/timetable.dto';

/**
 * Serialises timetable writes of one school for the rest of the transaction (a transaction-level advisory lock keyed
 * on the school), so that two requests cannot both pass the conflict check and both write. Reads do not wait.
 */
export async function lockTimetable(m: EntityManager, schoolId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('timetable:' || $1::text, 0))`, [schoolId]);
}

/** An entry with the names a timetable shows: class, subgroup, subject, teacher, room. */
export const ENTRY_SELECT = `
  SELECT e.id, e.academic_year_id AS "academicYearId", e.weekday, e.lesson_number AS "lessonNumber",
         e.teaching_assignment_id AS "assignmentId", a.class_id AS "classId", c.grade::text || c.letter AS "className",
         a.subgroup_id AS "subgroupId", g.name AS "subgroupName", a.subject_id AS "subjectId", sj.name AS subject,
         a.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
         e.room_id AS "roomId", r.number AS room, e.valid_from AS "validFrom", e.valid_to AS "validTo"
    FROM timetable_entry e
    JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN room r ON r.id = e.room_id`;

export const ENTRY_ORDER = `ORDER BY e.weekday, e.lesson_number, c.grade, c.letter COLLATE "ru-RU-x-icu",
  g.name COLLATE "ru-RU-x-icu" NULLS FIRST, sj.name COLLATE "ru-RU-x-icu", e.valid_from, e.id`;

/**
 * The conflicts of the entries `ids` (just written in this transaction, in request order) with every entry of the
 * school at the same weekday and lesson number whose validity overlaps, the others of `ids` included:
 * - teacher: the same teacher;
 * - room: the same room;
 * - class: the same class, unless both are subgroups and no student is a member of both over the common days
 *   (English «1 группа» and «2 группа» at once are fine; a subgroup and the whole class, or two groups sharing a
 *   student, are not).
 * A pair of two written entries is reported once, on the later one.
 */
export async function findConflicts(m: EntityManager, schoolId: string, ids: string[]): Promise<TimetableConflict[]> {
  if (ids.length === 0) return [];
  const pairs: Array<{ requestIndex: number; otherId: string; otherIndex: number | null; reason: TimetableConflict['reason'] }> =
    await m.query(
      `WITH n AS (SELECT id, (ord - 1)::int AS idx FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)),
       x AS (SELECT e.id, e.academic_year_id, e.weekday, e.lesson_number, e.room_id, n.idx, a.staff_id, a.class_id, a.subgroup_id,
                    daterange(e.valid_from, e.valid_to) AS span
               FROM n JOIN timetable_entry e ON e.id = n.id JOIN teaching_assignment a ON a.id = e.teaching_assignment_id)
       SELECT x.idx AS "requestIndex", o.id AS "otherId", nn.idx AS "otherIndex", r.reason
         FROM x
         JOIN timetable_entry o ON o.school_id = $1 AND o.academic_year_id = x.academic_year_id AND o.weekday = x.weekday
                               AND o.lesson_number = x.lesson_number AND o.id <> x.id
                               AND daterange(o.valid_from, o.valid_to) && x.span
         JOIN teaching_assignment oa ON oa.id = o.teaching_assignment_id
         LEFT JOIN n nn ON nn.id = o.id
         CROSS JOIN LATERAL (VALUES
           ('class', oa.class_id = x.class_id AND (
              oa.subgroup_id IS NULL OR x.subgroup_id IS NULL OR oa.subgroup_id = x.subgroup_id OR EXISTS (
                SELECT 1 FROM subgroup_member m1 JOIN subgroup_member m2 ON m2.student_id = m1.student_id
                 WHERE m1.subgroup_id = x.subgroup_id AND m2.subgroup_id = oa.subgroup_id
                   AND NOT isempty(daterange(m1.starts_on, m1.ends_on) * daterange(m2.starts_on, m2.ends_on)
                                   * x.span * daterange(o.valid_from, o.valid_to))))),
           ('teacher', oa.staff_id = x.staff_id),
           ('room', o.room_id = x.room_id)
         ) AS r(reason, hit)
        WHERE r.hit AND (nn.idx IS NULL OR nn.idx < x.idx)
        ORDER BY x.idx, r.reason, o.valid_from, o.id`,
      [schoolId, ids],
    );
  if (pairs.length === 0) return [];
  const others: TimetableEntryResponse[] = await m.query(`${ENTRY_SELECT} WHERE e.id = ANY($1::uuid[])`, [
    [...new Set(pairs.map((p) => p.otherId))],
  ]);
  const byId = new Map(others.map((o) => [o.id, o]));
  return pairs.map((p) => {
    const o = byId.get(p.otherId)!;
    return {
      entryId: p.otherIndex === null ? o.id : null,
      requestIndex: p.requestIndex,
      otherRequestIndex: p.otherIndex,
      weekday: o.weekday,
      lessonNumber: o.lessonNumber,
      className: o.className,
      subgroupName: o.subgroupName,
      subject: o.subject,
      teacher: o.teacher,
      room: o.room,
      validFrom: o.validFrom,
      validTo: o.validTo,
      reason: p.reason,
    };
  });
}

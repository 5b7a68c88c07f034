import { EntityManager } from 'typeorm';
import { ChangeConflict } from './dto/timetable-change.dto';
import { TimetableChangeKind } from './entities/timetable-change.entity';
import { SchoolDayOf } from './timetable-view.service';

/**
 * A dated change with the lesson it concerns: the original (the assignment's teacher, the entry's room) and the
 * effective lesson (the substitute, the new room), held on `onDate` at `onLesson` (the target of a move, else the
 * change's own date and lesson number). Columns in the shape of TimetableChangeResponse plus onDate, onLesson, grade and
 * `live`: false when the weekly timetable has since been rewritten so that the entry no longer has that lesson (such a
 * change stays in the log but no longer acts on the views or the slot checks).
 */
export const CHANGE_SELECT = `
  SELECT ch.id, ch.kind, to_char(ch.date, 'YYYY-MM-DD') AS date, ch.lesson_number AS "lessonNumber",
         ch.timetable_entry_id AS "entryId", a.id AS "assignmentId", a.class_id AS "classId", c.grade::text || c.letter AS "className",
         c.grade, a.subgroup_id AS "subgroupId", g.name AS "subgroupName", a.subject_id AS "subjectId", sj.name AS subject,
         a.staff_id AS "originalStaffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS "originalTeacher",
         coalesce(ch.substitute_staff_id, a.staff_id) AS "staffId",
         CASE WHEN sub.id IS NULL THEN concat_ws(' ', st.surname, st.name, st.patronymic)
              ELSE concat_ws(' ', sub.surname, sub.name, sub.patronymic) END AS teacher,
         orr.number AS "originalRoom", coalesce(ch.room_id, e.room_id) AS "roomId", coalesce(nr.number, orr.number) AS room,
         to_char(ch.moved_to_date, 'YYYY-MM-DD') AS "movedToDate", ch.moved_to_lesson AS "movedToLesson",
         ch.reason, ch.order_number AS "orderNumber", ch.created_at AS "createdAt",
         to_char(coalesce(ch.moved_to_date, ch.date), 'YYYY-MM-DD') AS "onDate", coalesce(ch.moved_to_lesson, ch.lesson_number) AS "onLesson",
         (e.id IS NULL OR (e.weekday = timetable_weekday(ch.school_id, ch.date) AND e.lesson_number = ch.lesson_number
                           AND e.valid_from <= ch.date AND (e.valid_to IS NULL OR e.valid_to > ch.date))) AS live
    FROM timetable_change ch
    LEFT JOIN timetable_entry e ON e.id = ch.timetable_entry_id
    JOIN teaching_assignment a ON a.id = coalesce(ch.teaching_assignment_id, e.teaching_assignment_id)
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN staff sub ON sub.id = ch.substitute_staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN room orr ON orr.id = e.room_id
    LEFT JOIN room nr ON nr.id = ch.room_id`;

export const CHANGE_ORDER = `ORDER BY ch.date, ch.lesson_number, c.grade, c.letter COLLATE "ru-RU-x-icu", g.name COLLATE "ru-RU-x-icu" NULLS FIRST, ch.id`;

/** A row of CHANGE_SELECT. */
export interface ChangeRow {
  id: string;
  kind: TimetableChangeKind;
  date: string;
  lessonNumber: number;
  entryId: string | null;
  assignmentId: string;
  classId: string;
  className: string;
  grade: number;
  subgroupId: string | null;
  subgroupName: string | null;
  subjectId: string;
  subject: string;
  originalStaffId: string;
  originalTeacher: string;
  staffId: string;
  teacher: string;
  originalRoom: string | null;
  roomId: string | null;
  room: string | null;
  movedToDate: string | null;
  movedToLesson: number | null;
  reason: string;
  orderNumber: string | null;
  createdAt: Date;
  onDate: string;
  onLesson: number;
  live: boolean;
}

/** A lesson held at a slot: who, where, which class. */
interface Occupant {
  entryId: string | null;
  changeId: string | null;
  staffId: string;
  roomId: string | null;
  classId: string;
  subgroupId: string | null;
  grade: number;
  className: string;
  subgroupName: string | null;
  subject: string;
  teacher: string;
  room: string | null;
}

/**
 * The lessons actually held in the school on `date` at `lessonNumber`: the weekly timetable's (valid on the date, a
 * school day for their grade) without those a dated change cancels, moves away or otherwise changes, plus the
 * changed lessons that land there (substituted, in another room, moved in, extra).
 */
export async function slotOccupants(m: EntityManager, schoolId: string, date: string, lessonNumber: number, dayOf: SchoolDayOf): Promise<Occupant[]> {
  const rows: Occupant[] = await m.query(
    `SELECT e.id AS "entryId", NULL::uuid AS "changeId", a.staff_id AS "staffId", e.room_id AS "roomId", a.class_id AS "classId",
            a.subgroup_id AS "subgroupId", c.grade, c.grade::text || c.letter AS "className", g.name AS "subgroupName", sj.name AS subject,
            concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher, r.number AS room
       FROM timetable_entry e
       JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
       JOIN school_class c ON c.id = a.class_id
       JOIN subject sj ON sj.id = a.subject_id
       JOIN staff st ON st.id = a.staff_id
       LEFT JOIN subgroup g ON g.id = a.subgroup_id
       LEFT JOIN room r ON r.id = e.room_id
      WHERE e.school_id = $1 AND e.weekday = timetable_weekday($1, $2::date) AND e.lesson_number = $3
        AND e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date)
        AND NOT EXISTS (SELECT 1 FROM timetable_change x WHERE x.timetable_entry_id = e.id AND x.date = $2::date)
     UNION ALL
     SELECT x."entryId", x.id, x."staffId", x."roomId", x."classId", x."subgroupId", x.grade, x."className", x."subgroupName", x.subject,
            x.teacher, x.room
       FROM (${CHANGE_SELECT} WHERE ch.school_id = $1 AND ch.kind <> 'cancellation'
               AND coalesce(ch.moved_to_date, ch.date) = $2::date AND coalesce(ch.moved_to_lesson, ch.lesson_number) = $3) x
      WHERE x.live`,
    [schoolId, date, lessonNumber],
  );
  return rows.filter((o) => o.changeId !== null || dayOf(date, o.grade).schoolDay);
}

/** The first clash of a lesson (teacher, room, class or subgroup) with the occupants of its slot. */
export function clashOf(
  occupants: Occupant[],
  date: string,
  lessonNumber: number,
  lesson: { staffId: string | null; roomId: string | null; classId: string | null; subgroupId: string | null },
): ChangeConflict | null {
  for (const o of occupants) {
    const reason: ChangeConflict['reason'] | null =
      lesson.staffId !== null && o.staffId === lesson.staffId
        ? 'teacher'
        : lesson.roomId !== null && o.roomId === lesson.roomId
          ? 'room'
          : lesson.classId !== null && o.classId === lesson.classId && (o.subgroupId === null || lesson.subgroupId === null || o.subgroupId === lesson.subgroupId)
            ? 'class'
            : null;
    if (reason) {
      return {
        reason,
        date,
        lessonNumber,
        entryId: o.entryId,
        changeId: o.changeId,
        className: o.className,
        subgroupName: o.subgroupName,
        subject: o.subject,
        teacher: o.teacher,
        room: o.room,
      };
    }
  }
  return null;
}

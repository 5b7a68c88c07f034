import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { assertClassInReach, assertClassManagedBy, assertStudentInReach, classManagedBy, positionalParams } from '../contingent/reach/reach';
import { addDays } from '../school/calendar/working-calendar';
import { schoolToday } from '../school/school-today';
import { appendAttendanceHistory, missedLessons } from './attendance-sql';
import { mondayOf, spanOf } from './attendance-rules';
import {
  AttendanceHistoryQuery,
  AttendanceHistoryResponse,
  AttendanceRecordResponse,
  AttendanceWeekResponse,
  ChangeAttendanceDto,
  MissedLessonsQuery,
  MissedLessonsResponse,
  StudentMissedLessons,
  VerifyAttendanceWeekDto,
  WeekDay,
  WeekLesson,
} from './dto/attendance.dto';

const notClassTeacher = () =>
  new ProblemError(403, 'not-class-teacher', 'Not the class teacher', "Only the class teacher of the student's class or the administrator may do this");

/**
 * Attendance (R-ATT-1…3, §4.3.7): the class teacher's week (absences per day and lesson, the verification), the class
 * teacher's change of a reason with its history, and missed lessons as data (`missedLessons()`).
 */
@Injectable()
export class AttendanceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The week of `weekOf`: the class teacher and the admin; the deputy and the director read every class. */
  async week(actor: Actor, classId: string, weekOf: string): Promise<AttendanceWeekResponse> {
    const m = this.db.manager;
    await this.assertWeekReader(m, actor, classId);
    return this.readWeek(m, actor.schoolId, classId, mondayOf(weekOf));
  }

  /** Marks the week verified by the class teacher (or the admin); verifying again updates who, when and the note. */
  async verify(actor: Actor, classId: string, dto: VerifyAttendanceWeekDto): Promise<AttendanceWeekResponse> {
    const monday = mondayOf(dto.weekOf);
    return this.db.transaction(async (m) => {
      await assertClassManagedBy(m, actor, classId);
      if (monday > (await schoolToday(m, actor.schoolId))) throw fieldProblem('week-not-started', 'weekOf', 'the week has not begun yet');
      await m.query(
        `INSERT INTO attendance_week (school_id, class_id, week_starts_on, verified_by_user_id, verified_at, note)
         VALUES ($1, $2, $3::date, $4, now(), $5)
         ON CONFLICT (class_id, week_starts_on) DO UPDATE
           SET verified_by_user_id = EXCLUDED.verified_by_user_id, verified_at = EXCLUDED.verified_at, note = EXCLUDED.note, updated_at = now()`,
        [actor.schoolId, classId, monday, actor.userId, dto.note ?? null],
      );
      return this.readWeek(m, actor.schoolId, classId, monday);
    });
  }

  /**
   * The class teacher of the lesson's class (the student's class that day) or the admin changes the student's record
   * at a conducted lesson; the change and its reason go to attendance_history in the same transaction.
   */
  async change(actor: Actor, lessonId: string, studentId: string, dto: ChangeAttendanceDto): Promise<AttendanceRecordResponse> {
    return this.db.transaction(async (m) => {
      const lesson = ((await m.query(
        `SELECT l.id, l.date::text AS date, a.class_id AS "classId", a.subgroup_id AS "subgroupId", l.conducted_at IS NOT NULL AS conducted, l.cancelled
           FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
          WHERE l.id = $1 AND l.school_id = $2
          FOR UPDATE OF l`,
        [lessonId, actor.schoolId],
      )) as Array<{ id: string; date: string; classId: string; subgroupId: string | null; conducted: boolean; cancelled: boolean }>)[0];
      if (lesson === undefined) throw notFound('Lesson');
      await assertClassManagedBy(m, actor, lesson.classId);
      const due = (await m.query(
        `SELECT 1 FROM enrollment en
          WHERE en.student_id = $1 AND en.class_id = $2 AND en.starts_on <= $3::date AND (en.ends_on IS NULL OR en.ends_on > $3::date)
            AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = $4 AND sm.student_id = $1
                  AND sm.starts_on <= $3::date AND (sm.ends_on IS NULL OR sm.ends_on > $3::date)))`,
        [studentId, lesson.classId, lesson.date, lesson.subgroupId],
      )) as unknown[];
      if (due.length === 0) throw fieldProblem('student-not-at-lesson', 'studentId', 'the student was not due at this lesson (not in the class or subgroup that day)');
      if (!lesson.conducted || lesson.cancelled) throw conflict('lesson-not-conducted', 'The lesson has not been conducted: its attendance is entered with the lesson');
      const old = ((await m.query('SELECT code, note FROM attendance WHERE lesson_id = $1 AND student_id = $2 FOR UPDATE', [lessonId, studentId])) as Array<{
        code: string;
        note: string | null;
      }>)[0];
      const code = dto.code;
      const note = code === null ? null : dto.note !== undefined ? dto.note : (old?.note ?? null);
      const oldCode = old?.code ?? null;
      const oldNote = old?.note ?? null;
      if (code === oldCode && note === oldNote) return { lessonId, studentId, code, note, changed: false };
      if (code === null) {
        await m.query('DELETE FROM attendance WHERE lesson_id = $1 AND student_id = $2', [lessonId, studentId]);
      } else if (old === undefined) {
        // a correction by the class teacher, not a late entry of the lesson's teacher: due on the lesson's day, not late
        await m.query(
          `INSERT INTO attendance (school_id, lesson_id, student_id, code, note, deadline, late, recorded_by_user_id)
           VALUES ($1, $2, $3, $4, $5, $6::date, false, $7)`,
          [actor.schoolId, lessonId, studentId, code, note, lesson.date, actor.userId],
        );
      } else {
        await m.query('UPDATE attendance SET code = $3, note = $4, updated_at = now() WHERE lesson_id = $1 AND student_id = $2', [lessonId, studentId, code, note]);
      }
      await appendAttendanceHistory(m, actor.schoolId, actor.userId, [{ lessonId, studentId, oldCode, newCode: code, oldNote, newNote: note, reason: dto.reason }]);
      return { lessonId, studentId, code, note, changed: true };
    });
  }

  /** Every change of the student's attendance (lessons in [from, to] when given): the class teacher, the deputy, the admin. */
  async history(actor: Actor, studentId: string, q: AttendanceHistoryQuery): Promise<AttendanceHistoryResponse> {
    const m = this.db.manager;
    await assertStudentInReach(m, actor, studentId);
    if (!hasRole(actor, Role.Admin, Role.Deputy)) {
      const p = positionalParams([studentId]);
      const rows = (await m.query(`SELECT 1 FROM enrollment en WHERE en.student_id = $1 AND ${classManagedBy(actor, 'en.class_id', p.bind)}`, p.values)) as unknown[];
      if (rows.length === 0) throw notClassTeacher();
    }
    const items = await m.query(
      `SELECT h.id, h.lesson_id AS "lessonId", to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", sj.name AS subject,
              h.old_code AS "oldCode", h.new_code AS "newCode", h.old_note AS "oldNote", h.new_note AS "newNote", h.reason,
              h.changed_by_user_id AS "changedByUserId", u.full_name AS "changedBy", h.changed_at AS "changedAt"
         FROM attendance_history h
         JOIN lesson l ON l.id = h.lesson_id
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN subject sj ON sj.id = a.subject_id
         LEFT JOIN app_user u ON u.id = h.changed_by_user_id
        WHERE h.student_id = $1 AND h.school_id = $2 AND ($3::date IS NULL OR l.date >= $3::date) AND ($4::date IS NULL OR l.date <= $4::date)
        ORDER BY h.changed_at, h.id`,
      [studentId, actor.schoolId, q.from ?? null, q.to ?? null],
    );
    return { items };
  }

  /** Missed lessons per student of the class (Russian order) over a study period or dates. */
  async classMissed(actor: Actor, classId: string, q: MissedLessonsQuery): Promise<MissedLessonsResponse> {
    const m = this.db.manager;
    await assertClassInReach(m, { ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) }, classId);
    const { from, to } = await this.span(m, actor, q);
    const rows = await missedLessons(m, actor.schoolId, { classId }, from, to);
    return { from, to, items: await this.named(m, rows) };
  }

  /** One student's missed lessons: the student, their guardians, the class teacher, the staff who reach them. */
  async studentMissed(actor: Actor, studentId: string, q: MissedLessonsQuery): Promise<MissedLessonsResponse> {
    const m = this.db.manager;
    await assertStudentInReach(m, actor, studentId);
    const { from, to } = await this.span(m, actor, q);
    const rows = await missedLessons(m, actor.schoolId, { studentIds: [studentId] }, from, to);
    const counts = rows[0] ?? { studentId, lessons: 0, missed: 0, excused: 0, ill: 0, late: 0, missedDays: 0 };
    return { from, to, items: await this.named(m, [counts]) };
  }

  private async span(m: EntityManager, actor: Actor, q: MissedLessonsQuery): Promise<{ from: string; to: string }> {
    const span = spanOf(q);
    if (!('periodId' in span)) return span;
    const period = ((await m.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to" FROM study_period WHERE id = $1 AND school_id = $2`,
      [span.periodId, actor.schoolId],
    )) as Array<{ from: string; to: string }>)[0];
    if (period === undefined) throw notFound('Study period');
    return period;
  }

  /** The counts with the students' names, in Russian order. */
  private async named(m: EntityManager, rows: Array<Omit<StudentMissedLessons, 'surname' | 'name' | 'patronymic'>>): Promise<StudentMissedLessons[]> {
    if (rows.length === 0) return [];
    const byId = new Map(rows.map((r) => [r.studentId, r]));
    const names = (await m.query(
      `SELECT id, surname, name, patronymic FROM student WHERE id = ANY($1::uuid[])
        ORDER BY surname COLLATE "ru-RU-x-icu", name COLLATE "ru-RU-x-icu", patronymic COLLATE "ru-RU-x-icu" NULLS FIRST, id`,
      [[...byId.keys()]],
    )) as Array<{ id: string; surname: string; name: string; patronymic: string | null }>;
    return names.map((n) => ({ ...byId.get(n.id)!, surname: n.surname, name: n.name, patronymic: n.patronymic }));
  }

  /** Deputy, director, admin: every class of the school; a teacher: only as the class teacher (403 `not-class-teacher`). */
  private async assertWeekReader(m: EntityManager, actor: Actor, classId: string): Promise<void> {
    const wide = actor.roles.filter((r) => r === Role.Admin || r === Role.Deputy || r === Role.Director);
    if (wide.length > 0) await assertClassInReach(m, { ...actor, roles: wide }, classId);
    else await assertClassManagedBy(m, actor, classId);
  }

  private async readWeek(m: EntityManager, schoolId: string, classId: string, monday: string): Promise<AttendanceWeekResponse> {
    const sunday = addDays(monday, 6);
    const cls = ((await m.query(
      `SELECT c.grade::text || c.letter AS "className",
              (SELECT json_build_object('verifiedByUserId', w.verified_by_user_id, 'verifiedBy', u.full_name, 'verifiedAt', w.verified_at, 'note', w.note)
                 FROM attendance_week w LEFT JOIN app_user u ON u.id = w.verified_by_user_id
                WHERE w.class_id = c.id AND w.week_starts_on = $3::date) AS verification
         FROM school_class c WHERE c.id = $1 AND c.school_id = $2`,
      [classId, schoolId, monday],
    )) as Array<{ className: string; verification: AttendanceWeekResponse['verification'] }>)[0];
    if (cls === undefined) throw notFound('Class');
    const lessons = (await m.query(
      `SELECT to_char(l.date, 'YYYY-MM-DD') AS date, l.id AS "lessonId", l.lesson_number AS "lessonNumber", a.id AS "assignmentId", sj.name AS subject,
              a.subgroup_id AS "subgroupId", g.name AS "subgroupName", l.conducted_at IS NOT NULL AS conducted, l.cancelled,
              coalesce((SELECT json_agg(json_build_object('studentId', s.id, 'student', concat_ws(' ', s.surname, s.name, s.patronymic), 'code', at.code, 'note', at.note)
                                 ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu" NULLS FIRST, s.id)
                          FROM attendance at JOIN student s ON s.id = at.student_id WHERE at.lesson_id = l.id), '[]'::json) AS absences
         FROM lesson l
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN subject sj ON sj.id = a.subject_id
         LEFT JOIN subgroup g ON g.id = a.subgroup_id
        WHERE a.class_id = $1 AND l.school_id = $2 AND l.date BETWEEN $3::date AND $4::date
        ORDER BY l.date, l.lesson_number, g.name COLLATE "ru-RU-x-icu" NULLS FIRST, sj.name COLLATE "ru-RU-x-icu", l.id`,
      [classId, schoolId, monday, sunday],
    )) as Array<WeekLesson & { date: string }>;
    const days: WeekDay[] = [];
    for (const { date, ...lesson } of lessons) {
      if (days.at(-1)?.date !== date) days.push({ date, lessons: [] });
      days.at(-1)!.lessons.push(lesson);
    }
    return { classId, className: cls.className, weekStartsOn: monday, weekEndsOn: sunday, days, verification: cls.verification };
  }
}

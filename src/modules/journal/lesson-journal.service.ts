import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { preparedQuery } from '../../database/prepared';
import { AttendanceChange, appendAttendanceHistory } from '../attendance/attendance-sql';
import { assignmentInReach, classInReach, positionalParams, staffTimetableInReach } from '../contingent/reach/reach';
import { LaidTopic, layTopics } from '../lessons/lesson-topics';
import { YearCalendarData, YearCalendars, calendarsOf, yearCalendarsSelect } from '../school/calendar/year-calendars';
import { MarkCategory } from '../school/entities/mark-type.entity';
import {
  AttendanceHistoryView,
  JournalAbsenceView,
  JournalHomeworkView,
  JournalLessonView,
  JournalMarkView,
  LessonHistoryResponse,
  LessonJournalResponse,
  MarkHistoryView,
  PutLessonJournalDto,
} from './dto/lesson-journal.dto';
import { idempotent } from './idempotency';
import { grade1HomeworkFrom, isLate, isRussianText, LessonDeadlineFacts, markDeadline, OutageDays, recordDeadline, WorkKind } from './journal-rules';
import { outageDaysSelect } from './outage.service';

/** The actor with their staff roles only. */
const staffOnly = (actor: Actor): Actor => ({ ...actor, roles: actor.roles.filter((r) => STAFF_ROLES.includes(r)) });

/** A lesson within the actor's reach, as LessonService.get decides it (class, assignment, or the lesson they give). */
export function lessonReach(actor: Actor, bind: (v: unknown) => string): string {
  return `(${[classInReach(staffOnly(actor), 'a.class_id', bind), assignmentInReach(actor, 'a.id', bind, 'read'), staffTimetableInReach(actor, 'l.staff_id', bind)].join(' OR ')})`;
}

interface LessonFacts {
  id: string;
  date: string;
  lessonNumber: number;
  assignmentId: string;
  staffId: string;
  assignmentStaffId: string;
  classId: string;
  subgroupId: string | null;
  yearId: string;
  grade: number;
  /** the date of the assignment's next held lesson on a later day */
  nextLessonDate: string | null;
  cancelled: boolean;
  conducted: boolean;
  today: string;
}

interface MarkTypeRow {
  id: string;
  category: MarkCategory;
  archived: boolean;
}

interface ExistingMark {
  id: string;
  studentId: string;
  markTypeId: string;
  value: number;
  comment: string | null;
  deadline: string;
}

/** History reason of a journal mark annulled by the lesson's PUT without a reason given. */
const DEFAULT_ANNUL_REASON = 'Отметка снята учителем при заполнении урока';

const LESSON_VIEW = `
  SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", a.id AS "assignmentId",
         a.class_id AS "classId", c.grade::text || c.letter AS "className", c.grade, a.subgroup_id AS "subgroupId", g.name AS "subgroupName",
         a.subject_id AS "subjectId", sj.name AS subject, l.staff_id AS "staffId", l.taught_by_staff_id AS "taughtByStaffId",
         CASE WHEN tb.id IS NULL THEN NULL ELSE concat_ws(' ', tb.surname, tb.name, tb.patronymic) END AS "taughtBy",
         l.topic, l.work_kind AS "workKind", l.cancelled, l.conducted_at IS NOT NULL AS conducted,
         to_char(l.record_deadline, 'YYYY-MM-DD') AS "recordDeadline", l.record_late AS "recordLate"
    FROM lesson l
    JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN staff tb ON tb.id = l.taught_by_staff_id`;

export const MARK_HISTORY_SELECT = `
  SELECT h.id, h.mark_id AS "markId", mk.student_id AS "studentId", mk.lesson_id AS "lessonId", to_char(mk.date, 'YYYY-MM-DD') AS date,
         a.subject_id AS "subjectId", mk.source, h.action, h.old_value AS "oldValue", h.new_value AS "newValue",
         h.old_mark_type_id AS "oldMarkTypeId", h.new_mark_type_id AS "newMarkTypeId", h.reason, h.after_deadline AS "afterDeadline",
         h.changed_by_user_id AS "changedByUserId", u.full_name AS "changedBy", h.changed_at AS "changedAt"
    FROM mark_history h
    JOIN mark mk ON mk.id = h.mark_id
    JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id
    LEFT JOIN app_user u ON u.id = h.changed_by_user_id`;

/** What a lesson write is checked against (WRITE_FACTS). */
interface WriteFacts {
  existing: ExistingMark[];
  types: MarkTypeRow[];
  due: string[];
  years: YearCalendarData[];
  outages: OutageDays[];
  attendance: Array<{ studentId: string; code: string; note: string | null }>;
}

/**
 * One statement for WriteFacts: the lesson's ($1) marks not annulled and absences, both locked; the mark types of
 * school $2 among $3; the students among $5 due at the lesson (enrolled in class $4 on $6; for subgroup $7, a member
 * that day); the calendar data of the year of $6; the outage windows ending on or after $6.
 */
const WRITE_FACTS = `SELECT
  coalesce((SELECT json_agg(e) FROM (
     SELECT id, student_id AS "studentId", mark_type_id AS "markTypeId", value, comment, to_char(deadline, 'YYYY-MM-DD') AS deadline
       FROM mark WHERE lesson_id = $1 AND annulled_at IS NULL FOR UPDATE) e), '[]') AS existing,
  coalesce((SELECT json_agg(t) FROM (
     SELECT id, category, archived_at IS NOT NULL AS archived FROM mark_type WHERE school_id = $2 AND id = ANY($3::uuid[])) t), '[]') AS types,
  coalesce((SELECT json_agg(en.student_id) FROM enrollment en
             WHERE en.class_id = $4 AND en.student_id = ANY($5::uuid[]) AND en.starts_on <= $6::date AND (en.ends_on IS NULL OR en.ends_on > $6::date)
               AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = $7 AND sm.student_id = en.student_id
                                                   AND sm.starts_on <= $6::date AND (sm.ends_on IS NULL OR sm.ends_on > $6::date)))), '[]') AS due,
  coalesce((SELECT json_agg(y) FROM (${yearCalendarsSelect('$2', '$6', '$6')}) y), '[]') AS years,
  coalesce((SELECT json_agg(o) FROM (${outageDaysSelect('$2', '$6')}) o), '[]') AS outages,
  coalesce((SELECT json_agg(a) FROM (
     SELECT student_id AS "studentId", code, note FROM attendance WHERE lesson_id = $1 FOR UPDATE) a), '[]') AS attendance`;

/** The deadline facts of a lesson: the grade's working calendar of the lesson's year and the outage windows. */
function deadlineFacts(lesson: LessonFacts, workKind: WorkKind, years: YearCalendars, outages: OutageDays[]): LessonDeadlineFacts {
  const year = years.years.find((y) => y.id === lesson.yearId) ?? years.yearOf(lesson.date);
  if (year === undefined) throw new Error(`lesson ${lesson.id} lies outside its academic year`);
  const { calendar } = years.of(year, lesson.grade);
  return { lessonDate: lesson.date, grade: lesson.grade, workKind, nextLessonDate: lesson.nextLessonDate, calendar, outages };
}

/**
 * The lesson's journal record (R-JRN-1…6): topic, kind of work, who taught it, marks, absences and homework written in
 * one request and one transaction, with the deadlines (R-JRN-4), the mark history (R-JRN-5), the attendance history
 * (R-ATT-2) and the idempotent retry (R-JRN-6).
 */
@Injectable()
export class LessonJournalService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Actor, lessonId: string): Promise<LessonJournalResponse> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const rows = (await this.db.query(`SELECT 1 FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
      WHERE l.id = $1 AND l.school_id = $2 AND ${lessonReach(actor, p.bind)}`, p.values)) as unknown[];
    if (rows.length === 0) throw notFound('Lesson');
    return this.state(this.db.manager, lessonId);
  }

  /** PUT the lesson's record; `key`: the Idempotency-Key header, `fingerprint`: of the request. */
  async put(actor: Actor, lessonId: string, body: PutLessonJournalDto, key: string | undefined, fingerprint: string): Promise<LessonJournalResponse> {
    return this.db.transaction(async (m) => {
      const lesson = await this.lockLesson(m, actor, lessonId);
      return idempotent(m, { userId: actor.userId, schoolId: actor.schoolId, key, fingerprint }, async () => {
        await this.write(m, actor, lesson, body, body.workKind ?? (await plannedKind(m, lesson)) ?? 'lesson');
        return this.state(m, lessonId);
      });
    });
  }

  /** The lesson, locked for the write; 404 out of reach, 403 `not-lesson-teacher` for a reader who does not give it. */
  private async lockLesson(m: EntityManager, actor: Actor, lessonId: string): Promise<LessonFacts & { writerStaffId: string }> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const rows = (await preparedQuery(m,
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", a.id AS "assignmentId", l.staff_id AS "staffId",
              a.staff_id AS "assignmentStaffId", a.class_id AS "classId", a.subgroup_id AS "subgroupId", a.academic_year_id AS "yearId",
              c.grade, l.cancelled, l.conducted_at IS NOT NULL AS conducted, to_char(school_today(s.time_zone), 'YYYY-MM-DD') AS today,
              (SELECT to_char(min(n.date), 'YYYY-MM-DD') FROM lesson n WHERE n.teaching_assignment_id = a.id AND NOT n.cancelled AND n.date > l.date) AS "nextLessonDate",
              ARRAY(SELECT ow.id FROM staff ow WHERE ow.user_id = ${p.bind(actor.userId)} AND ow.school_id = $2) AS "ownStaff"
         FROM lesson l
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN school_class c ON c.id = a.class_id
         JOIN school s ON s.id = l.school_id
        WHERE l.id = $1 AND l.school_id = $2 AND ${lessonReach(actor, p.bind)}
        FOR UPDATE OF l`,
      p.values,
    )) as Array<LessonFacts & { ownStaff: string[] }>;
    const row = rows[0];
    if (row === undefined) throw notFound('Lesson');
    const { ownStaff: own, ...lesson } = row;
    const writer = own.includes(lesson.staffId) ? lesson.staffId : own.includes(lesson.assignmentStaffId) ? lesson.assignmentStaffId : undefined;
    if (writer === undefined || !hasRole(actor, Role.Teacher)) {
      throw new ProblemError(403, 'not-lesson-teacher', 'Not the lesson teacher', "Only the assignment's teacher or that date's substitute may write the lesson");
    }
    return { ...lesson, writerStaffId: writer };
  }

  private async write(m: EntityManager, actor: Actor, lesson: LessonFacts & { writerStaffId: string }, body: PutLessonJournalDto, workKind: WorkKind): Promise<void> {
    if (lesson.cancelled) throw conflict('lesson-cancelled', 'The lesson is cancelled');
    if (lesson.date > lesson.today) throw conflict('lesson-in-future', 'The lesson has not taken place yet');
    if (!isRussianText(body.topic)) throw fieldProblem('topic-not-russian', 'topic', 'must be Russian text (Cyrillic letters)');
    if (lesson.grade === 1 && body.marks.length > 0) {
      throw fieldProblem('grade-1-no-marks', 'marks', 'grade 1 gets no marks (§3.7)');
    }
    const seen = new Set<string>();
    body.marks.forEach((mk, i) => {
      const k = `${mk.studentId}:${mk.markTypeId}`;
      if (seen.has(k)) throw fieldProblem('duplicate-mark', `marks[${i}]`, 'the same mark type twice for one student');
      seen.add(k);
    });
    const absent = new Set<string>();
    body.attendance.forEach((a, i) => {
      if (absent.has(a.studentId)) throw fieldProblem('duplicate-absence', `attendance[${i}]`, 'the same student twice');
      absent.add(a.studentId);
    });

    // what the write is checked against, read in one statement: the lesson's marks and absences (locked), the mark
    // types named, which students are due at the lesson (enrolled in the class that day; for a subgroup lesson, a
    // member that day), the working calendar of the lesson's year and the outage windows
    const typeIds = [...new Set(body.marks.map((mk) => mk.markTypeId))];
    const studentIds = [...new Set([...body.marks.map((mk) => mk.studentId), ...body.attendance.map((a) => a.studentId)])];
    const [pre] = await preparedQuery<WriteFacts>(m, WRITE_FACTS, [lesson.id, actor.schoolId, typeIds, lesson.classId, studentIds, lesson.date, lesson.subgroupId]);
    const existing = pre.existing;

    // mark types: the school's, not archived (an unchanged existing mark may keep its since-archived type)
    const types = new Map(pre.types.map((t) => [t.id, t]));
    body.marks.forEach((mk, i) => {
      const t = types.get(mk.markTypeId);
      const kept = existing.some((e) => e.studentId === mk.studentId && e.markTypeId === mk.markTypeId);
      if (t === undefined || (t.archived && !kept)) throw fieldProblem('mark-type-invalid', `marks[${i}].markTypeId`, "not one of the school's mark types in use");
    });

    if (studentIds.length > 0) {
      const due = new Set(pre.due);
      const field = (id: string) => {
        const i = body.marks.findIndex((mk) => mk.studentId === id);
        return i >= 0 ? `marks[${i}].studentId` : `attendance[${body.attendance.findIndex((a) => a.studentId === id)}].studentId`;
      };
      const stranger = studentIds.find((id) => !due.has(id));
      if (stranger !== undefined) throw fieldProblem('student-not-in-lesson', field(stranger), 'the student is not due at this lesson');
    }

    // deadlines
    const facts = deadlineFacts(lesson, workKind, calendarsOf(pre.years), pre.outages);
    const recDeadline = recordDeadline(facts);
    const recLate = isLate(lesson.today, recDeadline);
    const reason = body.reason ?? null;

    // homework checks
    let homework: { text: string; dueDate: string; dueLessonId: string | null; links: string[] } | null | undefined;
    if (body.homework === null) homework = null;
    else if (body.homework !== undefined) homework = await this.checkHomework(m, actor.schoolId, lesson, body.homework);

    // the lesson's record: the first write conducts it (who taught it, its deadline and lateness)
    await preparedQuery(m,
      `UPDATE lesson SET topic = $2, work_kind = $3,
              record_deadline = CASE WHEN conducted_at IS NULL THEN $4::date ELSE record_deadline END,
              record_late = CASE WHEN conducted_at IS NULL THEN $5 ELSE record_late END,
              taught_by_staff_id = coalesce(taught_by_staff_id, $6), conducted_at = coalesce(conducted_at, now())
        WHERE id = $1`,
      [lesson.id, body.topic, workKind, recDeadline, recLate, lesson.writerStaffId],
    );

    await this.writeMarks(m, actor, lesson, body, existing, types, facts, reason);
    await this.writeAttendance(m, actor, lesson, body, pre.attendance, recDeadline, recLate, reason);

    if (homework === null) {
      await preparedQuery(m, 'DELETE FROM homework WHERE lesson_id = $1', [lesson.id]);
    } else if (homework !== undefined) {
      await preparedQuery(m,
        `INSERT INTO homework (school_id, lesson_id, text, due_date, due_lesson_id, links, deadline, late, created_by_user_id, teaching_assignment_id)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
         ON CONFLICT (lesson_id) DO UPDATE SET text = EXCLUDED.text, due_date = EXCLUDED.due_date, due_lesson_id = EXCLUDED.due_lesson_id,
                links = EXCLUDED.links, updated_at = now()
          WHERE (homework.text, homework.due_date, homework.due_lesson_id, homework.links)
                IS DISTINCT FROM (EXCLUDED.text, EXCLUDED.due_date, EXCLUDED.due_lesson_id, EXCLUDED.links)`,
        [actor.schoolId, lesson.id, homework.text, homework.dueDate, homework.dueLessonId, JSON.stringify(homework.links), recDeadline, recLate, actor.userId, lesson.assignmentId],
      );
    }
  }

  /**
   * Marks: matched by (student, type). A new one is created; a matched one whose value or comment differs is changed;
   * an old one missing from the body is annulled — except that when a student has exactly one unmatched old and one
   * unmatched new mark, that is a change of the mark's type. A change or annulment after the mark's deadline needs
   * `reason` (422 `reason-required`). A change keeps the mark's creation deadline and `late` flag; the history row
   * says whether the change came after the deadline.
   */
  private async writeMarks(
    m: EntityManager,
    actor: Actor,
    lesson: LessonFacts,
    body: PutLessonJournalDto,
    existing: ExistingMark[],
    types: Map<string, MarkTypeRow>,
    facts: LessonDeadlineFacts,
    reason: string | null,
  ): Promise<void> {
    const matched = new Set<string>();
    const creates: typeof body.marks = [];
    const changes: Array<{ old: ExistingMark; mk: (typeof body.marks)[number] }> = [];
    for (const mk of body.marks) {
      const old = existing.find((e) => e.studentId === mk.studentId && e.markTypeId === mk.markTypeId);
      if (old === undefined) creates.push(mk);
      else {
        matched.add(old.id);
        if (old.value !== mk.value || (old.comment ?? null) !== (mk.comment ?? null)) changes.push({ old, mk });
      }
    }
    let annuls = existing.filter((e) => !matched.has(e.id));
    // one unmatched old and one unmatched new mark of a student: a change of type
    for (const old of [...annuls]) {
      const olds = annuls.filter((a) => a.studentId === old.studentId);
      const news = creates.filter((c) => c.studentId === old.studentId);
      if (olds.length === 1 && news.length === 1) {
        changes.push({ old, mk: news[0] });
        creates.splice(creates.indexOf(news[0]), 1);
        annuls = annuls.filter((a) => a !== old);
      }
    }
    const after = (deadline: string) => isLate(lesson.today, deadline);
    if (reason === null) {
      const late = [...changes.map((c) => c.old), ...annuls].find((e) => after(e.deadline));
      if (late !== undefined) {
        throw fieldProblem('reason-required', 'reason', `a mark changed or annulled after its deadline (${late.deadline}) needs a reason`);
      }
    }

    if (creates.length > 0) {
      const deadlines = creates.map((mk) => markDeadline(facts, types.get(mk.markTypeId)!.category));
      // the marks and their 'create' history rows in one statement
      await preparedQuery(
        m,
        `WITH created AS (
           INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, comment, source, deadline, late, created_by_user_id)
           SELECT $1, $2, $3, $4::date, s, t, v, c, 'journal', d, d < $9::date, $10
             FROM unnest($5::uuid[], $6::uuid[], $7::smallint[], $8::varchar[], $11::date[]) AS x(s, t, v, c, d)
           RETURNING id, mark_type_id, value, late)
         INSERT INTO mark_history (school_id, mark_id, action, old_value, new_value, old_mark_type_id, new_mark_type_id, reason, after_deadline, changed_by_user_id)
         SELECT $1, id, 'create', NULL, value, NULL, mark_type_id, NULL, late, $10 FROM created`,
        [
          actor.schoolId,
          lesson.assignmentId,
          lesson.id,
          lesson.date,
          creates.map((c) => c.studentId),
          creates.map((c) => c.markTypeId),
          creates.map((c) => c.value),
          creates.map((c) => c.comment ?? null),
          lesson.today,
          actor.userId,
          deadlines,
        ],
      );
    }
    if (changes.length > 0) {
      // a change of type takes the new type's deadline; a change of value or comment keeps the mark's
      const deadlines = changes.map(({ old, mk }) => (old.markTypeId !== mk.markTypeId ? markDeadline(facts, types.get(mk.markTypeId)!.category) : old.deadline));
      await preparedQuery(m,
        `UPDATE mark SET value = x.v, comment = x.c, mark_type_id = x.t, deadline = x.d, updated_at = now()
           FROM unnest($1::uuid[], $2::smallint[], $3::varchar[], $4::uuid[], $5::date[]) AS x(id, v, c, t, d)
          WHERE mark.id = x.id`,
        [changes.map((c) => c.old.id), changes.map((c) => c.mk.value), changes.map((c) => c.mk.comment ?? null), changes.map((c) => c.mk.markTypeId), deadlines],
      );
      await this.history(
        m,
        actor,
        changes.map(({ old, mk }) => ({
          markId: old.id,
          action: 'change',
          oldValue: old.value,
          newValue: mk.value,
          oldType: old.markTypeId,
          newType: mk.markTypeId,
          reason,
          afterDeadline: after(old.deadline),
        })),
      );
    }
    if (annuls.length > 0) {
      await preparedQuery(m, `UPDATE mark SET annulled_at = now(), annul_reason = $2, updated_at = now() WHERE id = ANY($1::uuid[])`, [
        annuls.map((a) => a.id),
        reason ?? DEFAULT_ANNUL_REASON,
      ]);
      await this.history(
        m,
        actor,
        annuls.map((a) => ({
          markId: a.id,
          action: 'annul',
          oldValue: a.value,
          newValue: null,
          oldType: a.markTypeId,
          newType: null,
          reason: reason ?? DEFAULT_ANNUL_REASON,
          afterDeadline: after(a.deadline),
        })),
      );
    }
  }

  /** Appends mark_history rows in one statement. */
  async history(
    m: EntityManager,
    actor: Actor,
    rows: Array<{ markId: string; action: string; oldValue: number | null; newValue: number | null; oldType: string | null; newType: string | null; reason: string | null; afterDeadline: boolean }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await preparedQuery(m,
      `INSERT INTO mark_history (school_id, mark_id, action, old_value, new_value, old_mark_type_id, new_mark_type_id, reason, after_deadline, changed_by_user_id)
       SELECT $1, * , $10::uuid FROM unnest($2::uuid[], $3::varchar[], $4::smallint[], $5::smallint[], $6::uuid[], $7::uuid[], $8::varchar[], $9::boolean[])`,
      [
        actor.schoolId,
        rows.map((r) => r.markId),
        rows.map((r) => r.action),
        rows.map((r) => r.oldValue),
        rows.map((r) => r.newValue),
        rows.map((r) => r.oldType),
        rows.map((r) => r.newType),
        rows.map((r) => r.reason),
        rows.map((r) => r.afterDeadline),
        actor.userId,
      ],
    );
  }

  /** Absences: the body is the complete set; every change is in attendance_history. */
  private async writeAttendance(
    m: EntityManager,
    actor: Actor,
    lesson: LessonFacts,
    body: PutLessonJournalDto,
    stored: Array<{ studentId: string; code: string; note: string | null }>,
    deadline: string,
    late: boolean,
    reason: string | null,
  ): Promise<void> {
    const old = new Map(stored.map((r) => [r.studentId, r]));
    const changes: AttendanceChange[] = [];
    const upserts: typeof body.attendance = [];
    for (const a of body.attendance) {
      const o = old.get(a.studentId);
      const note = a.note ?? null;
      if (o === undefined || o.code !== a.code || o.note !== note) {
        upserts.push(a);
        changes.push({ lessonId: lesson.id, studentId: a.studentId, oldCode: o?.code ?? null, newCode: a.code, oldNote: o?.note ?? null, newNote: note, reason });
      }
    }
    const gone = [...old.values()].filter((o) => !body.attendance.some((a) => a.studentId === o.studentId));
    for (const o of gone) changes.push({ lessonId: lesson.id, studentId: o.studentId, oldCode: o.code, newCode: null, oldNote: o.note, newNote: null, reason });
    if (gone.length > 0) {
      await preparedQuery(m, 'DELETE FROM attendance WHERE lesson_id = $1 AND student_id = ANY($2::uuid[])', [lesson.id, gone.map((o) => o.studentId)]);
    }
    if (upserts.length > 0) {
      await preparedQuery(m,
        `INSERT INTO attendance (school_id, lesson_id, student_id, code, note, deadline, late, recorded_by_user_id)
         SELECT $1, $2, s, c, n, $6::date, $7, $8 FROM unnest($3::uuid[], $4::varchar[], $5::varchar[]) AS x(s, c, n)
         ON CONFLICT (lesson_id, student_id) DO UPDATE SET code = EXCLUDED.code, note = EXCLUDED.note, updated_at = now()`,
        [actor.schoolId, lesson.id, upserts.map((a) => a.studentId), upserts.map((a) => a.code), upserts.map((a) => a.note ?? null), deadline, late, actor.userId],
      );
    }
    await appendAttendanceHistory(m, actor.schoolId, actor.userId, changes);
  }

  private async checkHomework(
    m: EntityManager,
    schoolId: string,
    lesson: LessonFacts,
    hw: NonNullable<PutLessonJournalDto['homework']>,
  ): Promise<{ text: string; dueDate: string; dueLessonId: string | null; links: string[] }> {
    if (lesson.grade === 1) {
      const year = (await preparedQuery(m, `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn" FROM academic_year WHERE id = $1`, [lesson.yearId])) as Array<{
        startsOn: string;
      }>;
      const periods = (await preparedQuery(m,
        `SELECT kind, number, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn" FROM study_period
          WHERE school_id = $1 AND academic_year_id = $2 AND 1 BETWEEN grade_from AND grade_to`,
        [schoolId, lesson.yearId],
      )) as Array<{ kind: string; number: number; startsOn: string }>;
      const from = grade1HomeworkFrom(year[0].startsOn, periods);
      if (lesson.date < from) {
        throw fieldProblem('grade-1-homework-first-half', 'homework', `grade 1 gets homework from the second half-year (${from}, §3.7)`);
      }
    }
    let dueDate = hw.dueDate;
    const dueLessonId = hw.dueLessonId ?? null;
    if (dueLessonId !== null) {
      const rows = (await preparedQuery(m,
        `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM lesson
          WHERE id = $1 AND teaching_assignment_id = $2 AND NOT cancelled AND (date, lesson_number) > ($3::date, $4::int)`,
        [dueLessonId, lesson.assignmentId, lesson.date, lesson.lessonNumber],
      )) as Array<{ date: string }>;
      if (rows.length === 0) throw fieldProblem('homework-due-invalid', 'homework.dueLessonId', 'must be a later lesson of the same assignment');
      if (dueDate !== undefined && dueDate !== rows[0].date) throw fieldProblem('homework-due-invalid', 'homework.dueDate', 'differs from the due lesson date');
      dueDate = rows[0].date;
    }
    if (dueDate === undefined) {
      // neither given: the assignment's next lesson on a later day
      if (lesson.nextLessonDate === null) throw fieldProblem('homework-due-invalid', 'homework.dueDate', 'give a due date: the assignment has no later lesson');
      dueDate = lesson.nextLessonDate;
    }
    if (dueDate <= lesson.date) throw fieldProblem('homework-due-invalid', 'homework.dueDate', 'must be after the lesson date');
    return { text: hw.text, dueDate, dueLessonId, links: hw.links ?? [] };
  }



  /** The lesson's journal state (marks not annulled). */
  async state(m: EntityManager, lessonId: string): Promise<LessonJournalResponse> {
    const [row] = (await preparedQuery(m,
      `SELECT (SELECT to_jsonb(v) FROM (${LESSON_VIEW} WHERE l.id = $1) v) AS lesson,
              (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'ord' ORDER BY x.ord), '[]') FROM (
                 SELECT mk.id, mk.student_id AS "studentId", mk.mark_type_id AS "markTypeId", t.name AS "markType", t.short_name AS "markTypeShortName",
                        t.weight::float AS weight, t.category, mk.value, mk.comment, to_char(mk.deadline, 'YYYY-MM-DD') AS deadline, mk.late,
                        row_number() OVER (ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.id, t.name COLLATE "ru-RU-x-icu") AS ord
                   FROM mark mk JOIN mark_type t ON t.id = mk.mark_type_id JOIN student s ON s.id = mk.student_id
                  WHERE mk.lesson_id = $1 AND mk.annulled_at IS NULL) x) AS marks,
              (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'ord' ORDER BY x.ord), '[]') FROM (
                 SELECT at.student_id AS "studentId", at.code, at.note, to_char(at.deadline, 'YYYY-MM-DD') AS deadline, at.late,
                        row_number() OVER (ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.id) AS ord
                   FROM attendance at JOIN student s ON s.id = at.student_id
                  WHERE at.lesson_id = $1) x) AS attendance,
              (SELECT to_jsonb(x) FROM (
                 SELECT text, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", due_lesson_id AS "dueLessonId", links,
                        to_char(deadline, 'YYYY-MM-DD') AS deadline, late FROM homework WHERE lesson_id = $1) x) AS homework`,
      [lessonId],
    )) as Array<{ lesson: JournalLessonView; marks: JournalMarkView[]; attendance: JournalAbsenceView[]; homework: JournalHomeworkView | null }>;
    return { lesson: row.lesson, marks: row.marks, attendance: row.attendance, homework: row.homework ?? null };
  }

  /** The lesson's history: readable by the admin, the deputy and the class teacher of the lesson's class. */
  async lessonHistory(actor: Actor, lessonId: string): Promise<LessonHistoryResponse> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const rows = (await this.db.query(
      `SELECT a.class_id AS "classId", EXISTS (SELECT 1 FROM school_class c WHERE c.id = a.class_id
              AND c.class_teacher_staff_id IN (SELECT id FROM staff WHERE user_id = ${p.bind(actor.userId)} AND school_id = $2)) AS "classTeacher"
         FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE l.id = $1 AND l.school_id = $2 AND ${lessonReach(actor, p.bind)}`,
      p.values,
    )) as Array<{ classId: string; classTeacher: boolean }>;
    if (rows.length === 0) throw notFound('Lesson');
    if (!hasRole(actor, Role.Admin, Role.Deputy) && !rows[0].classTeacher) throw notClassTeacher();
    const marks = (await this.db.query(`${MARK_HISTORY_SELECT} WHERE mk.lesson_id = $1 ORDER BY h.changed_at, h.id`, [lessonId])) as MarkHistoryView[];
    const attendance = (await this.db.query(
      `SELECT h.id, h.student_id AS "studentId", h.old_code AS "oldCode", h.new_code AS "newCode", h.old_note AS "oldNote", h.new_note AS "newNote",
              h.reason, h.changed_by_user_id AS "changedByUserId", u.full_name AS "changedBy", h.changed_at AS "changedAt"
         FROM attendance_history h LEFT JOIN app_user u ON u.id = h.changed_by_user_id
        WHERE h.lesson_id = $1 ORDER BY h.changed_at, h.id`,
      [lessonId],
    )) as AttendanceHistoryView[];
    return { marks, attendance };
  }
}

/**
 * The kind of work of the approved plan's topic laid on the lesson (the same layout as GET /lessons/{id} `plannedTopic`:
 * the lesson's ordinal among the assignment's held lessons, `layTopics`); null without an approved plan or topic.
 */
async function plannedKind(m: EntityManager, lesson: LessonFacts): Promise<WorkKind | null> {
  const [row] = (await preparedQuery(m,
    `SELECT (SELECT json_agg(json_build_object('position', t.position, 'title', t.title, 'kind', t.kind, 'hours', t.hours::float) ORDER BY t.position)
               FROM thematic_plan p JOIN plan_topic t ON t.plan_id = p.id WHERE p.teaching_assignment_id = $1 AND p.status = 'approved') AS topics,
            (SELECT count(*)::int FROM lesson x WHERE x.teaching_assignment_id = $1 AND NOT x.cancelled AND (x.date, x.lesson_number) <= ($2::date, $3::int)) AS n`,
    [lesson.assignmentId, lesson.date, lesson.lessonNumber],
  )) as Array<{ topics: LaidTopic[] | null; n: number }>;
  if (row.topics === null || row.n === 0) return null;
  return (layTopics(row.topics, row.n)[row.n - 1]?.kind as WorkKind | undefined) ?? null;
}

export function notClassTeacher(): ProblemError {
  return new ProblemError(403, 'not-class-teacher', 'Not the class teacher', 'Only the class teacher, the deputy and the administrator read the history');
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole } from '../../common/access/actor';
import { Role, STAFF_ROLES } from '../../common/access/role';
import { conflict, fieldProblem, notFound, ProblemError } from '../../common/errors/problem';
import { preparedQuery } from '../../database/prepared';
import { AttendanceChange, attendanceHistoryArrays, attendanceHistoryInsert } from '../attendance/attendance-sql';
import { assignmentInReach, classInReach, positionalParams, staffTimetableInReach } from '../contingent/reach/reach';
import { LaidTopic, layTopics } from '../lessons/lesson-topics';
import { YearCalendarData, YearCalendars, calendarsOf, yearCalendarsSelect } from '../school/calendar/year-calendars';
import { MarkCategory } from '../school/entities/mark-type.entity';
import {
  AttendanceHistoryView,
  LessonHistoryResponse,
  MarkHistoryView,
  PutLessonJournalDto,
} from './dto/lesson-journal.dto';
import { checkIdempotencyKey, idempotencyLock, idempotencyLockName, idempotent, IdempotentRequest, StoredAnswer, storedAnswerSelect } from './idempotency';
import { grade1HomeworkFrom, isLate, isRussianText, LessonDeadlineFacts, markDeadline, OutageDays, recordDeadline, WorkKind } from './journal-rules';
import { MARK_HISTORY_COLUMNS, MarkHistoryRow, markHistoryArrays, markHistoryUnnest } from './journal-sql';
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
  /** the answer stored for the request's Idempotency-Key (user $8, key $9), null without one */
  stored: StoredAnswer | null;
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
     SELECT student_id AS "studentId", code, note FROM attendance WHERE lesson_id = $1 FOR UPDATE) a), '[]') AS attendance,
  (${storedAnswerSelect('$8::uuid', '$9::varchar')}) AS stored`;

/** The students a lesson's PUT names (marks and absences), each once. */
function studentsNamed(body: PutLessonJournalDto): string[] {
  return [...new Set([...body.marks.map((mk) => mk.studentId), ...body.attendance.map((a) => a.studentId)])];
}

/** The deadline facts of a lesson: the grade's working calendar of the lesson's year and the outage windows. */
function deadlineFacts(lesson: LessonFacts, workKind: WorkKind, years: YearCalendars, outages: OutageDays[]): LessonDeadlineFacts {
  const year = years.years.find((y) => y.id === lesson.yearId) ?? years.yearOf(lesson.date);
  if (year === undefined) throw new Error(`lesson ${lesson.id} lies outside its academic year`);
  const { calendar } = years.of(year, lesson.grade);
  return { lessonDate: lesson.date, grade: lesson.grade, workKind, nextLessonDate: lesson.nextLessonDate, calendar, outages };
}

type MarkInput = PutLessonJournalDto['marks'][number];
type AbsenceInput = PutLessonJournalDto['attendance'][number];

/** The statement of LessonJournalService.state: lesson $1's journal state as JSON text (column `answer`). */
const LESSON_STATE = `SELECT jsonb_build_object(
    'lesson', (SELECT to_jsonb(v) FROM (${LESSON_VIEW} WHERE l.id = $1) v),
    'marks', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'ord' ORDER BY x.ord), '[]') FROM (
       SELECT mk.id, mk.student_id AS "studentId", mk.mark_type_id AS "markTypeId", t.name AS "markType", t.short_name AS "markTypeShortName",
              t.weight::float AS weight, t.category, mk.value, mk.comment, to_char(mk.deadline, 'YYYY-MM-DD') AS deadline, mk.late,
              row_number() OVER (ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.id, t.name COLLATE "ru-RU-x-icu") AS ord
         FROM mark mk JOIN mark_type t ON t.id = mk.mark_type_id JOIN student s ON s.id = mk.student_id
        WHERE mk.lesson_id = $1 AND mk.annulled_at IS NULL) x),
    'attendance', (SELECT coalesce(jsonb_agg(to_jsonb(x) - 'ord' ORDER BY x.ord), '[]') FROM (
       SELECT at.student_id AS "studentId", at.code, at.note, to_char(at.deadline, 'YYYY-MM-DD') AS deadline, at.late,
              row_number() OVER (ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.id) AS ord
         FROM attendance at JOIN student s ON s.id = at.student_id
        WHERE at.lesson_id = $1) x),
    'homework', (SELECT to_jsonb(x) FROM (
       SELECT text, to_char(due_date, 'YYYY-MM-DD') AS "dueDate", due_lesson_id AS "dueLessonId", links,
              to_char(deadline, 'YYYY-MM-DD') AS deadline, late FROM homework WHERE lesson_id = $1) x))::text AS answer`;

/** What the lesson's PUT does to its marks (planMarks). */
interface MarkPlan {
  creates: Array<MarkInput & { deadline: string }>;
  changes: Array<MarkInput & { id: string; deadline: string }>;
  /** ids of the marks annulled */
  annuls: string[];
  /** the history rows of the changes and annulments (a creation's row is written from the mark inserted) */
  history: MarkHistoryRow[];
}

/**
 * Marks: matched by (student, type). A new one is created; a matched one whose value or comment differs is changed;
 * an old one missing from the body is annulled — except that when a student has exactly one unmatched old and one
 * unmatched new mark, that is a change of the mark's type. A change or annulment after the mark's deadline needs
 * `reason` (422 `reason-required`). A change keeps the mark's creation deadline and `late` flag (a change of type takes
 * the new type's deadline); the history row says whether the change came after the deadline.
 */
function planMarks(
  lesson: LessonFacts,
  body: PutLessonJournalDto,
  existing: ExistingMark[],
  types: Map<string, MarkTypeRow>,
  facts: LessonDeadlineFacts,
  reason: string | null,
): MarkPlan {
  const matched = new Set<string>();
  const creates: MarkInput[] = [];
  const changes: Array<{ old: ExistingMark; mk: MarkInput }> = [];
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
  const deadlineOf = (mk: MarkInput) => markDeadline(facts, types.get(mk.markTypeId)!.category);
  return {
    creates: creates.map((mk) => ({ ...mk, deadline: deadlineOf(mk) })),
    changes: changes.map(({ old, mk }) => ({ ...mk, id: old.id, deadline: old.markTypeId !== mk.markTypeId ? deadlineOf(mk) : old.deadline })),
    annuls: annuls.map((a) => a.id),
    history: [
      ...changes.map(({ old, mk }): MarkHistoryRow => ({
        markId: old.id,
        action: 'change',
        oldValue: old.value,
        newValue: mk.value,
        oldType: old.markTypeId,
        newType: mk.markTypeId,
        reason,
        afterDeadline: after(old.deadline),
      })),
      ...annuls.map((a): MarkHistoryRow => ({
        markId: a.id,
        action: 'annul',
        oldValue: a.value,
        newValue: null,
        oldType: a.markTypeId,
        newType: null,
        reason: reason ?? DEFAULT_ANNUL_REASON,
        afterDeadline: after(a.deadline),
      })),
    ],
  };
}

/** Absences: the body is the complete set; the students no longer absent, those set or changed, every change for the history. */
function planAttendance(
  lesson: LessonFacts,
  body: PutLessonJournalDto,
  stored: Array<{ studentId: string; code: string; note: string | null }>,
  reason: string | null,
): { gone: string[]; set: AbsenceInput[]; history: AttendanceChange[] } {
  const old = new Map(stored.map((r) => [r.studentId, r]));
  const history: AttendanceChange[] = [];
  const set: AbsenceInput[] = [];
  for (const a of body.attendance) {
    const o = old.get(a.studentId);
    const note = a.note ?? null;
    if (o === undefined || o.code !== a.code || o.note !== note) {
      set.push(a);
      history.push({ lessonId: lesson.id, studentId: a.studentId, oldCode: o?.code ?? null, newCode: a.code, oldNote: o?.note ?? null, newNote: note, reason });
    }
  }
  const present = new Set(body.attendance.map((a) => a.studentId));
  const gone = [...old.values()].filter((o) => !present.has(o.studentId));
  for (const o of gone) history.push({ lessonId: lesson.id, studentId: o.studentId, oldCode: o.code, newCode: null, oldNote: o.note, newNote: null, reason });
  return { gone: gone.map((o) => o.studentId), set, history };
}

const APPEND_MARK_HISTORY = `INSERT INTO mark_history (${MARK_HISTORY_COLUMNS}) SELECT $1::uuid, x.*, $2::uuid FROM ${markHistoryUnnest(3)} AS x`;

/**
 * The lesson's write, one statement (each step a data-modifying CTE; the steps touch different rows): lesson $1 of
 * school $2 by user $3 — topic $4, kind of work $5; on the first write its record deadline $6 and lateness $7, the
 * teacher who taught it $8 and the time it was conducted; new marks of assignment $9 on date $10 (late when their
 * deadline is before today $11) with their 'create' history; changed and annulled marks; the history of the changes
 * and annulments; absences removed, set (with the record's deadline and lateness) and their history; the homework
 * kept, removed or set ($43: 'keep', 'delete', 'set'). Empty arrays write nothing.
 */
const WRITE_LESSON = `WITH
  lesson_record AS (
    UPDATE lesson SET topic = $4, work_kind = $5,
           record_deadline = CASE WHEN conducted_at IS NULL THEN $6::date ELSE record_deadline END,
           record_late = CASE WHEN conducted_at IS NULL THEN $7::boolean ELSE record_late END,
           taught_by_staff_id = coalesce(taught_by_staff_id, $8::uuid), conducted_at = coalesce(conducted_at, now())
     WHERE id = $1),
  created AS (
    INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, comment, source, deadline, late, created_by_user_id)
    SELECT $2, $9, $1, $10::date, s, t, v, c, 'journal', d, d < $11::date, $3
      FROM unnest($12::uuid[], $13::uuid[], $14::smallint[], $15::varchar[], $16::date[]) AS x(s, t, v, c, d)
    RETURNING id, mark_type_id, value, late),
  changed AS (
    UPDATE mark SET value = x.v, comment = x.c, mark_type_id = x.t, deadline = x.d, updated_at = now()
      FROM unnest($17::uuid[], $18::smallint[], $19::varchar[], $20::uuid[], $21::date[]) AS x(id, v, c, t, d)
     WHERE mark.id = x.id),
  annulled AS (
    UPDATE mark SET annulled_at = now(), annul_reason = $23, updated_at = now() WHERE id = ANY($22::uuid[])),
  mark_log AS (
    INSERT INTO mark_history (${MARK_HISTORY_COLUMNS})
    SELECT $2::uuid, id, 'create', NULL::smallint, value, NULL::uuid, mark_type_id, NULL::varchar, late, $3::uuid FROM created
    UNION ALL
    SELECT $2::uuid, x.*, $3::uuid FROM ${markHistoryUnnest(24)} AS x),
  absence_gone AS (
    DELETE FROM attendance WHERE lesson_id = $1 AND student_id = ANY($32::uuid[])),
  absence_set AS (
    INSERT INTO attendance (school_id, lesson_id, student_id, code, note, deadline, late, recorded_by_user_id)
    SELECT $2, $1, s, c, n, $6::date, $7::boolean, $3 FROM unnest($33::uuid[], $34::varchar[], $35::varchar[]) AS x(s, c, n)
    ON CONFLICT (lesson_id, student_id) DO UPDATE SET code = EXCLUDED.code, note = EXCLUDED.note, updated_at = now()),
  absence_log AS (
    ${attendanceHistoryInsert('$2::uuid', '$3::uuid', 36)}),
  homework_gone AS (
    DELETE FROM homework WHERE lesson_id = $1 AND $43::text = 'delete'),
  homework_set AS (
    INSERT INTO homework (school_id, lesson_id, text, due_date, due_lesson_id, links, deadline, late, created_by_user_id, teaching_assignment_id)
    SELECT $2, $1, $44, $45::date, $46::uuid, $47::jsonb, $6::date, $7::boolean, $3, $9 WHERE $43::text = 'set'
    ON CONFLICT (lesson_id) DO UPDATE SET text = EXCLUDED.text, due_date = EXCLUDED.due_date, due_lesson_id = EXCLUDED.due_lesson_id,
           links = EXCLUDED.links, updated_at = now()
     WHERE (homework.text, homework.due_date, homework.due_lesson_id, homework.links)
           IS DISTINCT FROM (EXCLUDED.text, EXCLUDED.due_date, EXCLUDED.due_lesson_id, EXCLUDED.links))
SELECT 1`;

/**
 * The lesson's journal record (R-JRN-1…6): topic, kind of work, who taught it, marks, absences and homework written in
 * one request and one transaction, with the deadlines (R-JRN-4), the mark history (R-JRN-5), the attendance history
 * (R-ATT-2) and the idempotent retry (R-JRN-6).
 */
@Injectable()
export class LessonJournalService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The lesson's journal state as JSON text (LessonJournalResponse). */
  async get(actor: Actor, lessonId: string): Promise<string> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const rows = (await this.db.query(`SELECT 1 FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
      WHERE l.id = $1 AND l.school_id = $2 AND ${lessonReach(actor, p.bind)}`, p.values)) as unknown[];
    if (rows.length === 0) throw notFound('Lesson');
    return this.state(this.db.manager, lessonId);
  }

  /**
   * PUT the lesson's record; `key`: the Idempotency-Key header, `fingerprint`: of the request. Answers the lesson's
   * state as JSON text (LessonJournalResponse). Round trips besides BEGIN and COMMIT: the lesson's lock (with the
   * key's lock), what the write is checked against (with the stored answer), the write, the state (stored with it).
   */
  async put(actor: Actor, lessonId: string, body: PutLessonJournalDto, key: string | undefined, fingerprint: string): Promise<string> {
    checkIdempotencyKey(key);
    const req: IdempotentRequest = { userId: actor.userId, schoolId: actor.schoolId, key, fingerprint };
    return this.db.transaction(async (m) => {
      const lesson = await this.lockLesson(m, actor, lessonId, idempotencyLockName(req));
      // what the write is checked against, read in one statement: the lesson's marks and absences (locked), the mark
      // types named, which students are due at the lesson (enrolled in the class that day; for a subgroup lesson, a
      // member that day), the working calendar of the lesson's year, the outage windows, and the stored answer
      const [facts] = await preparedQuery<WriteFacts>(m, WRITE_FACTS, [
        lesson.id,
        actor.schoolId,
        [...new Set(body.marks.map((mk) => mk.markTypeId))],
        lesson.classId,
        studentsNamed(body),
        lesson.date,
        lesson.subgroupId,
        actor.userId,
        key ?? null,
      ]);
      return idempotent(
        m,
        req,
        async () => {
          await this.write(m, actor, lesson, body, facts, body.workKind ?? (await plannedKind(m, lesson)) ?? 'lesson');
          return { text: LESSON_STATE, values: [lessonId] };
        },
        { locked: true, stored: facts.stored },
      );
    });
  }

  /**
   * The lesson, locked for the write; 404 out of reach, 403 `not-lesson-teacher` for a reader who does not give it.
   * With `keyLock` (idempotencyLockName), the idempotency key's lock is taken by the same statement.
   */
  private async lockLesson(m: EntityManager, actor: Actor, lessonId: string, keyLock: string | null): Promise<LessonFacts & { writerStaffId: string }> {
    const p = positionalParams([lessonId, actor.schoolId]);
    const rows = (await preparedQuery(m,
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", a.id AS "assignmentId", l.staff_id AS "staffId",
              a.staff_id AS "assignmentStaffId", a.class_id AS "classId", a.subgroup_id AS "subgroupId", a.academic_year_id AS "yearId",
              c.grade, l.cancelled, l.conducted_at IS NOT NULL AS conducted, to_char(school_today(s.time_zone), 'YYYY-MM-DD') AS today,
              (SELECT to_char(min(n.date), 'YYYY-MM-DD') FROM lesson n WHERE n.teaching_assignment_id = a.id AND NOT n.cancelled AND n.date > l.date) AS "nextLessonDate",
              ARRAY(SELECT ow.id FROM staff ow WHERE ow.user_id = ${p.bind(actor.userId)} AND ow.school_id = $2) AS "ownStaff"
              ${keyLock === null ? '' : `, ${idempotencyLock(`${p.bind(keyLock)}::text`)} AS "keyLocked"`}
         FROM lesson l
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN school_class c ON c.id = a.class_id
         JOIN school s ON s.id = l.school_id
        WHERE l.id = $1 AND l.school_id = $2 AND ${lessonReach(actor, p.bind)}
        FOR UPDATE OF l`,
      p.values,
    )) as Array<LessonFacts & { ownStaff: string[]; keyLocked?: unknown }>;
    const row = rows[0];
    if (row === undefined) throw notFound('Lesson');
    const { ownStaff: own, keyLocked: _, ...lesson } = row;
    const writer = own.includes(lesson.staffId) ? lesson.staffId : own.includes(lesson.assignmentStaffId) ? lesson.assignmentStaffId : undefined;
    if (writer === undefined || !hasRole(actor, Role.Teacher)) {
      throw new ProblemError(403, 'not-lesson-teacher', 'Not the lesson teacher', "Only the assignment's teacher or that date's substitute may write the lesson");
    }
    return { ...lesson, writerStaffId: writer };
  }

  private async write(
    m: EntityManager,
    actor: Actor,
    lesson: LessonFacts & { writerStaffId: string },
    body: PutLessonJournalDto,
    pre: WriteFacts,
    workKind: WorkKind,
  ): Promise<void> {
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

    const studentIds = studentsNamed(body);
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

    const marks = planMarks(lesson, body, existing, types, facts, reason);
    const absences = planAttendance(lesson, body, pre.attendance, reason);
    // the lesson's record (the first write conducts it: who taught it, its deadline and lateness), the marks and their
    // history, the absences and their history, the homework: one statement
    await preparedQuery(m, WRITE_LESSON, [
      lesson.id,
      actor.schoolId,
      actor.userId,
      body.topic,
      workKind,
      recDeadline,
      recLate,
      lesson.writerStaffId,
      lesson.assignmentId,
      lesson.date,
      lesson.today,
      marks.creates.map((c) => c.studentId),
      marks.creates.map((c) => c.markTypeId),
      marks.creates.map((c) => c.value),
      marks.creates.map((c) => c.comment ?? null),
      marks.creates.map((c) => c.deadline),
      marks.changes.map((c) => c.id),
      marks.changes.map((c) => c.value),
      marks.changes.map((c) => c.comment ?? null),
      marks.changes.map((c) => c.markTypeId),
      marks.changes.map((c) => c.deadline),
      marks.annuls,
      reason ?? DEFAULT_ANNUL_REASON,
      ...markHistoryArrays(marks.history),
      absences.gone,
      absences.set.map((a) => a.studentId),
      absences.set.map((a) => a.code),
      absences.set.map((a) => a.note ?? null),
      ...attendanceHistoryArrays(absences.history),
      homework === undefined ? 'keep' : homework === null ? 'delete' : 'set',
      homework?.text ?? null,
      homework?.dueDate ?? null,
      homework?.dueLessonId ?? null,
      JSON.stringify(homework?.links ?? []),
    ]);
  }

  /** Appends mark_history rows in one statement. */
  async history(m: EntityManager, actor: Actor, rows: MarkHistoryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await preparedQuery(m, APPEND_MARK_HISTORY, [actor.schoolId, actor.userId, ...markHistoryArrays(rows)]);
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



  /**
   * The lesson's journal state (marks not annulled) as JSON text in the shape of LessonJournalResponse, built by
   * PostgreSQL and passed on as it is (answered, and stored for idempotent retries, without parsing it).
   */
  async state(m: EntityManager, lessonId: string): Promise<string> {
    const [row] = await preparedQuery<{ answer: string }>(m, LESSON_STATE, [lessonId]);
    return row.answer;
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { fieldProblem, notFound } from '../../common/errors/problem';
import { preparedQuery } from '../../database/prepared';
import { positionalParams, studentInReach } from '../contingent/reach/reach';
import { subjectAverages } from '../journal/journal-sql';
import { approvedTopics } from '../lessons/approved-topics';
import { layTopics } from '../lessons/lesson-topics';
import { schoolDayRule } from '../schedule/timetable-view.service';
import { YearCalendarData, calendarsOf, yearCalendarsSelect } from '../school/calendar/year-calendars';
import { addDays, weekday } from '../school/calendar/working-calendar';
import {
  DiaryCardResponse,
  DiaryDay,
  DiaryHomeworkItem,
  DiaryHomeworkQuery,
  DiaryHomeworkResponse,
  DiaryLesson,
  DiaryMarksQuery,
  DiaryMarksResponse,
  DiaryPeriodMark,
  DiarySubjectMarks,
  DiaryWeekQuery,
} from './dto/diary.dto';
import { HOMEWORK_COLUMNS, HOMEWORK_JOINS, HOMEWORK_ORDER, studentLessonJoin, studentLessonWhere } from './diary-sql';

const MAX_RANGE_DAYS = 366;

interface Enrollment {
  classId: string;
  grade: number;
  startsOn: string;
  endsOn: string | null;
}

/** The row of diaryWeekQuery: JSON data, and each day's lessons and homework due as JSON text (null: none). */
type WeekRow = {
  enrollments: Enrollment[];
  coming: ComingLesson[];
  years: YearCalendarData[];
} & Record<`lessons${number}` | `homework${number}`, string | null>;

/** A lesson of the week not yet given, of an assignment with an approved plan: its place among the held lessons. */
interface ComingLesson {
  id: string;
  assignmentId: string;
  ordinal: number;
}

/**
 * Homework due in [$3, $4] set at lessons the student ($1, of school $2) was due at: by the assignments of the
 * student's classes (homework carries its lesson's assignment), then the lesson's date within the enrollment.
 */
const HOMEWORK_DUE = `SELECT ${HOMEWORK_COLUMNS}
         FROM enrollment en
         JOIN teaching_assignment a ON a.class_id = en.class_id
         JOIN homework hw ON hw.teaching_assignment_id = a.id AND hw.due_date BETWEEN $3::date AND $4::date
         JOIN lesson l ON l.id = hw.lesson_id AND l.date >= en.starts_on AND (en.ends_on IS NULL OR l.date < en.ends_on)
         ${HOMEWORK_JOINS}
        WHERE ${studentLessonWhere('$1')} AND en.school_id = $2
        ${HOMEWORK_ORDER}`;

/** The days of a diary week, from Monday (0). */
const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * The diary week's one statement for the student ($1) of school $2 and the week [$3, $4]: no row when the student is
 * out of the actor's reach; otherwise the enrollments meeting the week, the lessons (bell times, subject, teacher, room,
 * change, topic, the homework set, the student's absence and marks, and — for a lesson not yet given of an
 * assignment with an approved plan — its ordinal among the assignment's held lessons), the homework due, and the
 * academic years' calendar data. Exported for the benchmark's floor, which runs the same SQL.
 */
export function diaryWeekQuery(actor: Actor, studentId: string, date: string): { from: string; to: string; text: string; values: unknown[] } {
  const from = addDays(date, 1 - weekday(date));
  const to = addDays(from, 6);
  const p = positionalParams([studentId, actor.schoolId, from, to]);
  const reach = studentInReach(actor, 's.id', p.bind);
  // one text per reach condition (a few, by role), kept: the same string each request is hashed and compared once
  let text = WEEK_TEXTS.get(reach);
  if (text === undefined) {
    text = diaryWeekText(reach);
    WEEK_TEXTS.set(reach, text);
  }
  return { from, to, text, values: p.values };
}

/** The texts of diaryWeekQuery by reach condition. */
const WEEK_TEXTS = new Map<string, string>();

function diaryWeekText(reach: string): string {
  return `WITH me AS (SELECT s.id FROM student s WHERE s.id = $1 AND s.school_id = $2 AND ${reach}),
     bells AS (SELECT b.lesson_number, to_char(b.starts_at, 'HH24:MI') AS starts_at, to_char(b.ends_at, 'HH24:MI') AS ends_at
                 FROM bell_schedule bs JOIN bell b ON b.bell_schedule_id = bs.id WHERE bs.school_id = $2 AND bs.is_default),
     -- the student's lessons of the week (none when out of reach)
     wk AS MATERIALIZED (
       SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber",
              (SELECT starts_at FROM bells WHERE lesson_number = l.lesson_number) AS "startsAt",
              (SELECT ends_at FROM bells WHERE lesson_number = l.lesson_number) AS "endsAt",
              a.id AS "assignmentId", a.subject_id AS "subjectId", sj.name AS subject, g.name AS "subgroupName",
              (SELECT concat_ws(' ', st.surname, st.name, st.patronymic) FROM staff st WHERE st.id = l.staff_id) AS teacher,
              (SELECT r.number FROM room r WHERE r.id = l.room_id) AS room, l.cancelled,
              ch.kind AS "changeKind", ch.reason AS "changeReason", l.conducted_at IS NOT NULL AS conducted, l.topic,
              hw.id AS "hwId", hw.text AS "hwText", to_char(hw.due_date, 'YYYY-MM-DD') AS "hwDueDate", hw.links AS "hwLinks",
              (SELECT at.code FROM attendance at WHERE at.lesson_id = l.id AND at.student_id = $1) AS attendance,
              coalesce((SELECT json_agg(json_build_object('id', mk.id, 'value', mk.value, 'markType', mt.short_name,
                                                          'weight', mt.weight::float, 'comment', mk.comment) ORDER BY mk.created_at, mk.id)
                          FROM mark mk JOIN mark_type mt ON mt.id = mk.mark_type_id
                         WHERE mk.lesson_id = l.id AND mk.student_id = $1 AND mk.annulled_at IS NULL), '[]') AS marks,
              CASE WHEN l.conducted_at IS NULL AND NOT l.cancelled
                        AND EXISTS (SELECT 1 FROM thematic_plan tp WHERE tp.teaching_assignment_id = a.id AND tp.status = 'approved')
                   THEN (SELECT count(*)::int FROM lesson x WHERE x.teaching_assignment_id = l.teaching_assignment_id AND NOT x.cancelled
                            AND (x.date, x.lesson_number) <= (l.date, l.lesson_number)) END AS ordinal
         FROM ${studentLessonJoin()}
         JOIN subject sj ON sj.id = a.subject_id
         LEFT JOIN subgroup g ON g.id = a.subgroup_id
         LEFT JOIN timetable_change ch ON ch.id = l.timetable_change_id
         LEFT JOIN homework hw ON hw.lesson_id = l.id
        WHERE ${studentLessonWhere('$1')} AND en.school_id = $2 AND l.date BETWEEN $3::date AND $4::date
          AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $3::date) AND EXISTS (SELECT 1 FROM me)),
     -- each day's lessons in their answer's shape (DiaryLesson)
     day_lessons AS MATERIALIZED (
     SELECT w.date, json_agg(json_build_object('id', w.id, 'lessonNumber', w."lessonNumber", 'startsAt', w."startsAt", 'endsAt', w."endsAt",
                  'subjectId', w."subjectId", 'subject', w.subject, 'subgroupName', w."subgroupName", 'teacher', w.teacher, 'room', w.room,
                  'cancelled', w.cancelled, 'change', CASE WHEN w."changeKind" IS NULL THEN NULL ELSE json_build_object('kind', w."changeKind", 'reason', w."changeReason") END,
                  'conducted', w.conducted, 'topic', w.topic, 'plannedTopic', NULL,
                  'homework', CASE WHEN w."hwId" IS NULL THEN NULL
                                   ELSE json_build_object('id', w."hwId", 'text', w."hwText", 'dueDate', w."hwDueDate", 'links', coalesce(w."hwLinks", '[]')) END,
                  'marks', w.marks, 'attendance', w.attendance)
                  ORDER BY w."lessonNumber", w.subject COLLATE "ru-RU-x-icu", w."subgroupName" COLLATE "ru-RU-x-icu" NULLS FIRST, w.id) AS lessons
       FROM wk w GROUP BY w.date),
     -- each day's homework due (DiaryHomeworkItem)
     day_homework AS MATERIALIZED (
     SELECT h."dueDate", json_agg(h ORDER BY h.subject COLLATE "ru-RU-x-icu", h."subgroupName" COLLATE "ru-RU-x-icu" NULLS FIRST, h."lessonDate", h."lessonNumber", h.id) AS items
       FROM (${HOMEWORK_DUE}) h GROUP BY h."dueDate")
SELECT
  coalesce((SELECT json_agg(json_build_object('classId', en.class_id, 'grade', c.grade, 'startsOn', en.starts_on, 'endsOn', en.ends_on)
                            ORDER BY en.starts_on)
              FROM enrollment en JOIN school_class c ON c.id = en.class_id
             WHERE en.student_id = me.id AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $3::date)), '[]') AS enrollments,
  coalesce((SELECT json_agg(json_build_object('id', w.id, 'assignmentId', w."assignmentId", 'ordinal', w.ordinal)) FROM wk w WHERE w.ordinal IS NOT NULL), '[]') AS coming,
  ${WEEK_DAYS.map((i) => `(SELECT d.lessons::text FROM day_lessons d WHERE d.date = to_char($3::date + ${i}, 'YYYY-MM-DD')) AS "lessons${i}",
  (SELECT d.items::text FROM day_homework d WHERE d."dueDate" = to_char($3::date + ${i}, 'YYYY-MM-DD')) AS "homework${i}",`).join('\n  ')}
  coalesce((SELECT json_agg(y) FROM (${yearCalendarsSelect('$2', '$3', '$4')}) y), '[]') AS years
FROM me`;
}

/**
 * The diary (дневник, R-HW-3): what a student and their guardians read — the personal card, the week's lessons with
 * topics, homework, marks, absences and changes, the period's marks with the weighted and class averages, homework by
 * due date. Every read names the student and answers 404 when the student is out of the actor's reach (a guardian:
 * their children; a student: themself; staff: as the relationship layer says). Explicit SQL, few statements.
 */
@Injectable()
export class DiaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async card(actor: Actor, studentId: string): Promise<DiaryCardResponse> {
    const p = positionalParams([studentId, actor.schoolId]);
    const rows = (await this.db.manager.query(
      `SELECT s.id AS "studentId", concat_ws(' ', s.surname, s.name, s.patronymic) AS "fullName", s.surname, s.name, s.patronymic,
              sc.id AS "schoolId", sc.name AS school, c.id AS "classId", c.grade::text || c.letter AS "className"
         FROM student s
         JOIN school sc ON sc.id = s.school_id
         LEFT JOIN LATERAL (
           SELECT en.class_id FROM enrollment en
            WHERE en.student_id = s.id AND en.starts_on <= school_today(sc.time_zone) AND (en.ends_on IS NULL OR en.ends_on > school_today(sc.time_zone))
            ORDER BY en.starts_on DESC LIMIT 1) e ON true
         LEFT JOIN school_class c ON c.id = e.class_id
        WHERE s.id = $1 AND s.school_id = $2 AND ${studentInReach(actor, 's.id', p.bind)}`,
      p.values,
    )) as DiaryCardResponse[];
    if (rows.length === 0) throw notFound('Student');
    return rows[0];
  }

  /**
   * The Monday–Sunday week containing `date`, as the JSON text of a DiaryWeekResponse: each day (a school day for the
   * grade of the student's class that day, or why not) with the student's lessons and the homework due that day. One
   * statement (diaryWeekQuery) whose lessons and homework come as JSON text in their answer's shape, so they are passed
   * on without being parsed and serialised again; only a week with lessons not yet given is parsed, to lay the approved
   * plans' topics on them (one more statement).
   */
  async week(actor: Actor, q: DiaryWeekQuery): Promise<string> {
    const m = this.db.manager;
    const { from, to, text, values } = diaryWeekQuery(actor, q.studentId, q.date);
    const rows = await preparedQuery<WeekRow>(m, text, values);
    if (rows.length === 0) throw notFound('Student');
    const row = rows[0];
    const dayOf = schoolDayRule(calendarsOf(row.years));
    const lessons = WEEK_DAYS.map((i) => row[`lessons${i}`] ?? '[]');
    if (row.coming.length > 0) {
      const planned = await this.plannedTopics(m, row.coming);
      for (const i of WEEK_DAYS) {
        const day = JSON.parse(lessons[i]) as DiaryLesson[];
        if (!day.some((l) => planned.has(l.id))) continue;
        for (const l of day) if (planned.has(l.id)) l.plannedTopic = planned.get(l.id) ?? null;
        lessons[i] = JSON.stringify(day);
      }
    }
    const days = WEEK_DAYS.map((i) => {
      const date = addDays(from, i);
      const en = row.enrollments.find((e) => e.startsOn <= date && (e.endsOn === null || e.endsOn > date));
      const sd = en ? dayOf(date, en.grade) : { schoolDay: false, reason: null };
      const head: Omit<DiaryDay, 'lessons' | 'homeworkDue'> = { date, weekday: i + 1, schoolDay: sd.schoolDay, reason: sd.reason };
      return `${JSON.stringify(head).slice(0, -1)},"lessons":${lessons[i]},"homeworkDue":${row[`homework${i}`] ?? '[]'}}`;
    });
    return `{"studentId":${JSON.stringify(q.studentId)},"from":"${from}","to":"${to}","days":[${days.join(',')}]}`;
  }

  /** Homework due in [from, to] set at the student's lessons, by due date. */
  async homework(actor: Actor, q: DiaryHomeworkQuery): Promise<DiaryHomeworkResponse> {
    if (q.to < q.from) throw fieldProblem('date-range-invalid', 'to', 'must not be before from');
    if (addDays(q.from, MAX_RANGE_DAYS - 1) < q.to) throw fieldProblem('date-range-invalid', 'to', `at most ${MAX_RANGE_DAYS} days`);
    await this.enrollments(this.db.manager, actor, q.studentId, q.from, q.to);
    return { items: await this.homeworkDue(this.db.manager, actor.schoolId, q.studentId, q.from, q.to) };
  }

  /**
   * The period's marks by subject: the student's marks (not annulled) with the weighted average, and the class average
   * — both from subjectAverages(), the one definition the journal page shows. Only aggregates of other students.
   * Subjects: those of the classes the student was in during the period (whole class or their subgroups) and any with
   * a mark of the student.
   */
  async marks(actor: Actor, q: DiaryMarksQuery): Promise<DiaryMarksResponse> {
    const m = this.db.manager;
    const periods = (await m.query(
      `SELECT name, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to" FROM study_period WHERE id = $1 AND school_id = $2`,
      [q.periodId, actor.schoolId],
    )) as Array<{ name: string; from: string; to: string }>;
    if (periods.length === 0) throw notFound('Study period');
    const { name, from, to } = periods[0];
    await this.enrollments(m, actor, q.studentId, from, to);
    const subjects = (await m.query(
      `SELECT DISTINCT a.class_id AS "classId", a.subject_id AS "subjectId", sj.name AS subject
         FROM enrollment en
         JOIN teaching_assignment a ON a.class_id = en.class_id
         JOIN subject sj ON sj.id = a.subject_id
        WHERE en.student_id = $1 AND en.school_id = $2 AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $3::date)
          AND (a.subgroup_id IS NULL OR EXISTS (
                SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = en.student_id
                   AND sm.starts_on <= $4::date AND (sm.ends_on IS NULL OR sm.ends_on > $3::date)))
       UNION
       SELECT a.class_id, a.subject_id, sj.name
         FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id JOIN subject sj ON sj.id = a.subject_id
        WHERE mk.student_id = $1 AND mk.school_id = $2 AND mk.date BETWEEN $3::date AND $4::date AND mk.annulled_at IS NULL`,
      [q.studentId, actor.schoolId, from, to],
    )) as Array<{ classId: string; subjectId: string; subject: string }>;
    const marks = (await m.query(
      `SELECT mk.id, a.class_id AS "classId", a.subject_id AS "subjectId", to_char(mk.date, 'YYYY-MM-DD') AS date, mk.lesson_id AS "lessonId",
              mk.value, mt.short_name AS "markType", mt.weight::float AS weight, mk.comment
         FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id JOIN mark_type mt ON mt.id = mk.mark_type_id
        WHERE mk.student_id = $1 AND mk.school_id = $2 AND mk.date BETWEEN $3::date AND $4::date AND mk.annulled_at IS NULL
        ORDER BY mk.date, mk.created_at, mk.id`,
      [q.studentId, actor.schoolId, from, to],
    )) as Array<DiaryPeriodMark & { classId: string; subjectId: string }>;
    const out: DiarySubjectMarks[] = [];
    for (const s of subjects.sort((x, y) => x.subject.localeCompare(y.subject, 'ru') || x.classId.localeCompare(y.classId))) {
      const own = marks.filter((k) => k.classId === s.classId && k.subjectId === s.subjectId).map(({ classId: _c, subjectId: _s, ...k }) => k);
      const averages = await subjectAverages(m, actor.schoolId, s.classId, s.subjectId, from, to);
      out.push({
        subjectId: s.subjectId,
        subject: s.subject,
        classId: s.classId,
        marks: own,
        average: averages.students.find((x) => x.studentId === q.studentId)?.average ?? null,
        classAverage: averages.classAverage,
      });
    }
    return { studentId: q.studentId, periodId: q.periodId, periodName: name, from, to, subjects: out };
  }

  /**
   * The student's enrollments meeting [from, to], checking the reach in the same statement: 404 «Student not found»
   * when the student is not the actor's to read.
   */
  private async enrollments(m: EntityManager, actor: Actor, studentId: string, from: string, to: string): Promise<Enrollment[]> {
    const p = positionalParams([studentId, actor.schoolId, from, to]);
    const rows = await preparedQuery<{ enrollments: Enrollment[] }>(
      m,
      `SELECT coalesce((SELECT json_agg(json_build_object('classId', en.class_id, 'grade', c.grade, 'startsOn', en.starts_on, 'endsOn', en.ends_on)
                                        ORDER BY en.starts_on)
                          FROM enrollment en JOIN school_class c ON c.id = en.class_id
                         WHERE en.student_id = s.id AND en.starts_on <= $4::date AND (en.ends_on IS NULL OR en.ends_on > $3::date)), '[]') AS enrollments
         FROM student s
        WHERE s.id = $1 AND s.school_id = $2 AND ${studentInReach(actor, 's.id', p.bind)}`,
      p.values,
    );
    if (rows.length === 0) throw notFound('Student');
    return rows[0].enrollments;
  }

  private async homeworkDue(m: EntityManager, schoolId: string, studentId: string, from: string, to: string): Promise<DiaryHomeworkItem[]> {
    return preparedQuery<DiaryHomeworkItem>(m, HOMEWORK_DUE, [studentId, schoolId, from, to]);
  }

  /** The approved plan's topic of each lesson not yet given, by its ordinal among its assignment's held lessons. */
  private async plannedTopics(m: EntityManager, coming: ComingLesson[]): Promise<Map<string, DiaryLesson['plannedTopic']>> {
    const out = new Map<string, DiaryLesson['plannedTopic']>();
    const plans = await approvedTopics(m, [...new Set(coming.map((l) => l.assignmentId))]);
    for (const l of coming) {
      const plan = plans.get(l.assignmentId);
      if (!plan) continue;
      const laid = layTopics(plan, l.ordinal)[l.ordinal - 1] ?? null;
      out.set(l.id, laid === null ? null : { position: laid.position, title: laid.title, kind: laid.kind, hours: laid.hours });
    }
    return out;
  }

}

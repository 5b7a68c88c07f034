import { EntityManager } from 'typeorm';
import { systemContext } from '../../common/context/request-context';
import { MarkCategory } from '../../modules/school/entities/mark-type.entity';
import { yearCalendars } from '../../modules/school/calendar/year-calendars';
import { addDays } from '../../modules/school/calendar/working-calendar';
import { markDeadline } from '../../modules/journal/journal-rules';
import { layTopics, LaidTopic } from '../../modules/lessons/lesson-topics';
import { setAuditContext } from '../audit-context.subscriber';
import { generateJournal, JournalLessonInput, Random } from './generator';

/** What seedJournal wrote. */
export interface SeededJournal {
  from: string;
  to: string;
  lessons: number;
  marks: number;
  absences: number;
  homework: number;
  /** milliseconds of each phase: reading the school, generating, writing lessons, attendance, marks, homework (with ANALYZE) */
  timings: Record<'read' | 'generate' | 'lessons' | 'attendance' | 'marks' | 'homework', number>;
}

/** Rows per statement of the bulk writes. */
const CHUNK = 10_000;

async function bulk(rows: number, write: (from: number, to: number) => Promise<void>): Promise<void> {
  for (let from = 0; from < rows; from += CHUNK) await write(from, Math.min(rows, from + CHUNK));
}

interface LessonRow {
  id: string;
  date: string;
  staffId: string;
  teacherUserId: string | null;
  assignmentId: string;
  subject: string;
  grade: number;
  classKey: string;
  subgroup: string | null;
  lessonNumber: number;
  ordinal: number;
  nextLessonId: string | null;
  nextDate: string | null;
  /** the date of the assignment's next held lesson on a later day (written work is due by it) */
  nextDay: string | null;
  studentIds: string[];
}

/**
 * The first quarter of the school's year: study period 'quarter' number 1 (the earliest of its grade bands), else from
 * the first day of the year to the day before the first holidays, else its first 53 days.
 */
async function firstQuarter(m: EntityManager, schoolId: string): Promise<{ from: string; to: string; yearId: string; halfYear2: string | null }> {
  const [y] = (await m.query(
    `SELECT y.id, to_char(y.starts_on, 'YYYY-MM-DD') AS "startsOn",
            (SELECT to_char(p.starts_on, 'YYYY-MM-DD') || ' ' || to_char(p.ends_on, 'YYYY-MM-DD') FROM study_period p
              WHERE p.academic_year_id = y.id AND p.kind = 'quarter' AND p.number = 1 ORDER BY p.grade_from LIMIT 1) AS quarter,
            (SELECT to_char(min(h.starts_on) - 1, 'YYYY-MM-DD') FROM holiday h WHERE h.academic_year_id = y.id AND h.starts_on > y.starts_on) AS "beforeHoliday",
            to_char(y.starts_on + 52, 'YYYY-MM-DD') AS "weeks",
            (SELECT to_char(min(p.starts_on), 'YYYY-MM-DD') FROM study_period p
              WHERE p.academic_year_id = y.id AND p.grade_from <= 1 AND ((p.kind = 'half_year' AND p.number = 2) OR (p.kind = 'quarter' AND p.number = 3)
                 OR (p.kind = 'trimester' AND p.number = 2))) AS "halfYear2"
       FROM academic_year y WHERE y.school_id = $1 ORDER BY y.starts_on LIMIT 1`,
    [schoolId],
  )) as Array<{ id: string; startsOn: string; quarter: string | null; beforeHoliday: string | null; weeks: string; halfYear2: string | null }>;
  if (!y) throw new Error(`school ${schoolId} has no academic year`);
  if (y.quarter) {
    const [from, to] = y.quarter.split(' ') as [string, string];
    return { from, to, yearId: y.id, halfYear2: y.halfYear2 };
  }
  return { from: y.startsOn, to: y.beforeHoliday ?? y.weeks, yearId: y.id, halfYear2: y.halfYear2 };
}

/**
 * Conducts the first quarter of a seeded school (src/database/seed/generator/journal.ts): every held lesson of the
 * quarter not yet conducted gets its topic (the approved plan's, laid as GET /lessons lays it), kind of work, teacher
 * and record time; marks (grades 2–11), absences and homework for the students due at each lesson (enrolled in the
 * class that day; members of the subgroup) — with their deadlines (the journal's rule, markDeadline), a small share late, and the 'create' rows of the mark and attendance
 * histories. Bulk statements (unnest arrays), inside the caller's transaction; the audit context is set here
 * (system 'seed'). Deterministic for a seed and a school generated alike (draws are keyed by names, not ids).
 */
export async function seedJournal(m: EntityManager, schoolId: string, seed: number): Promise<SeededJournal> {
  await setAuditContext(m, systemContext('seed'));
  let t0 = performance.now();
  const timings = { read: 0, generate: 0, lessons: 0, attendance: 0, marks: 0, homework: 0 };
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] = Math.round(now - t0);
    t0 = now;
  };
  const q = await firstQuarter(m, schoolId);
  const years = await yearCalendars(m, schoolId, q.from, q.to);
  const year = years.years.find((y) => y.id === q.yearId);
  if (year === undefined) throw new Error(`school ${schoolId}: the quarter lies outside its year`);
  const calendarOf = (grade: number) => years.of(year, grade).calendar;
  const [{ timeZone }] = (await m.query('SELECT time_zone AS "timeZone" FROM school WHERE id = $1', [schoolId])) as Array<{ timeZone: string }>;

  const lessons = (await m.query(
    `WITH held AS (
       SELECT l.id, l.date, l.lesson_number, l.staff_id, l.teaching_assignment_id, l.conducted_at,
              (row_number() OVER w)::int AS ordinal, lead(l.id) OVER w AS next_id, lead(l.date) OVER w AS next_date,
              min(l.date) OVER (PARTITION BY l.teaching_assignment_id ORDER BY l.date
                                RANGE BETWEEN '1 day'::interval FOLLOWING AND UNBOUNDED FOLLOWING) AS next_day
         FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE l.school_id = $1 AND a.academic_year_id = $4 AND NOT l.cancelled
       WINDOW w AS (PARTITION BY l.teaching_assignment_id ORDER BY l.date, l.lesson_number))
     SELECT h.id, to_char(h.date, 'YYYY-MM-DD') AS date, h.staff_id AS "staffId", st.user_id AS "teacherUserId",
            h.teaching_assignment_id AS "assignmentId", sj.code AS subject, c.grade, c.grade::text || c.letter AS "classKey",
            g.name AS subgroup, h.lesson_number AS "lessonNumber", h.ordinal, h.next_id AS "nextLessonId",
            to_char(h.next_date, 'YYYY-MM-DD') AS "nextDate", to_char(h.next_day, 'YYYY-MM-DD') AS "nextDay",
            coalesce((SELECT array_agg(en.student_id)
                        FROM enrollment en
                       WHERE en.class_id = a.class_id AND en.starts_on <= h.date AND (en.ends_on IS NULL OR en.ends_on > h.date)
                         AND (a.subgroup_id IS NULL OR EXISTS (
                               SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = en.student_id
                                  AND sm.starts_on <= h.date AND (sm.ends_on IS NULL OR sm.ends_on > h.date)))), '{}') AS "studentIds"
       FROM held h
       JOIN teaching_assignment a ON a.id = h.teaching_assignment_id
       JOIN school_class c ON c.id = a.class_id
       JOIN subject sj ON sj.id = a.subject_id
       JOIN staff st ON st.id = h.staff_id
       LEFT JOIN subgroup g ON g.id = a.subgroup_id
      WHERE h.date BETWEEN $2::date AND $3::date AND h.conducted_at IS NULL
      ORDER BY c.grade, c.letter, sj.code, g.name NULLS FIRST, h.date, h.lesson_number`,
    [schoolId, q.from, q.to, q.yearId],
  )) as LessonRow[];

  // the approved plans' topics, laid on the held lessons in order (as the lessons module lays them)
  const topicRows = (await m.query(
    `SELECT p.teaching_assignment_id AS "assignmentId", t.position, t.title, t.kind, t.hours::float AS hours
       FROM thematic_plan p JOIN plan_topic t ON t.plan_id = p.id
      WHERE p.school_id = $1 AND p.status = 'approved' ORDER BY p.teaching_assignment_id, t.position`,
    [schoolId],
  )) as Array<LaidTopic & { assignmentId: string }>;
  const plans = new Map<string, LaidTopic[]>();
  for (const { assignmentId, ...t } of topicRows) plans.set(assignmentId, [...(plans.get(assignmentId) ?? []), t]);
  const most = new Map<string, number>();
  for (const l of lessons) most.set(l.assignmentId, Math.max(most.get(l.assignmentId) ?? 0, l.ordinal));
  const laid = new Map([...plans].map(([a, topics]) => [a, layTopics(topics, most.get(a) ?? 0)]));

  // students in a stable order, keyed by name and file number (ids are random)
  const students = (await m.query(
    `SELECT id, concat_ws(' ', surname, name, patronymic, birth_date, personal_file_number) AS key FROM student WHERE school_id = $1
      ORDER BY surname, name, patronymic, birth_date, personal_file_number, id`,
    [schoolId],
  )) as Array<{ id: string; key: string }>;
  const studentIndex = new Map(students.map((s, i) => [s.id, i]));
  const markTypes = (await m.query(
    `SELECT id, code, category FROM mark_type WHERE school_id = $1 AND archived_at IS NULL ORDER BY code`,
    [schoolId],
  )) as Array<{ id: string; code: string; category: string }>;

  const input: JournalLessonInput[] = lessons.map((l) => ({
    key: `${l.classKey} ${l.subject} ${l.subgroup ?? ''} ${l.date} ${l.lessonNumber}`,
    subjectKey: `${l.classKey} ${l.subject}`,
    subject: l.subject,
    grade: l.grade,
    date: l.date,
    plannedTopic: laid.get(l.assignmentId)?.[l.ordinal - 1] ?? null,
    homeworkAllowed: l.nextLessonId !== null && (l.grade > 1 || (q.halfYear2 !== null && l.date >= q.halfYear2)),
    students: l.studentIds.map((id) => studentIndex.get(id) as number),
  }));
  lap('read');
  const journal = generateJournal(new Random(seed).fork('journal'), { lessons: input, studentKeys: students.map((s) => s.key), markTypes });

  lap('generate');
  /** when an entry was made: the afternoon of `date` (school time), or the day after its deadline when late */
  const madeOn = (date: string, deadline: string, late: boolean): string => (late ? addDays(deadline, 1) : date);

  // lessons
  await bulk(lessons.length, async (from, to) => {
    const part = lessons.slice(from, to);
    const rec = journal.lessons.slice(from, to);
    await m.query(
      `UPDATE lesson l SET topic = u.topic, work_kind = u.kind, taught_by_staff_id = l.staff_id, record_deadline = l.date,
              record_late = u.late, conducted_at = ((u.made + time '14:30') AT TIME ZONE $7), updated_at = now()
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::boolean[], $5::date[]) AS u(id, topic, kind, late, made)
        WHERE l.id = u.id AND l.school_id = $6`,
      [part.map((l) => l.id), rec.map((r) => r.topic), rec.map((r) => r.workKind), rec.map((r) => r.late),
        part.map((l, k) => madeOn(l.date, l.date, rec[k]!.late)), schoolId, timeZone],
    );
  });

  lap('lessons');
  // attendance (and its history: the first record)
  const att = journal.attendance;
  const NOTES: Record<string, string | null> = { 'Н': null, 'У': 'По заявлению родителей', 'Б': 'По болезни', 'О': null };
  await bulk(att.length, async (from, to) => {
    const part = att.slice(from, to);
    await m.query(
      `INSERT INTO attendance (school_id, lesson_id, student_id, code, note, deadline, late, recorded_by_user_id, created_at, updated_at)
       SELECT $1, u.lesson_id, u.student_id, u.code, u.note, u.date, false, u.by, (u.date + time '14:30') AT TIME ZONE $2, (u.date + time '14:30') AT TIME ZONE $2
         FROM unnest($3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[], $7::date[], $8::uuid[]) AS u(lesson_id, student_id, code, note, date, by)`,
      [schoolId, timeZone, part.map((a) => lessons[a.lesson]!.id), part.map((a) => students[a.student]!.id), part.map((a) => a.code),
        part.map((a) => NOTES[a.code] ?? null), part.map((a) => lessons[a.lesson]!.date), part.map((a) => lessons[a.lesson]!.teacherUserId)],
    );
  });
  await m.query(
    `INSERT INTO attendance_history (school_id, lesson_id, student_id, old_code, new_code, old_note, new_note, reason, changed_by_user_id, changed_at)
     SELECT at.school_id, at.lesson_id, at.student_id, NULL, at.code, NULL, at.note, NULL, at.recorded_by_user_id, at.created_at
       FROM attendance at
      WHERE at.school_id = $1 AND at.lesson_id = ANY($2::uuid[])`,
    [schoolId, lessons.map((l) => l.id)],
  );

  lap('attendance');
  // marks (and their history: the creation)
  const marks = journal.marks;
  // the journal's own deadline rule (journal-rules.ts), as the lesson PUT applies it
  const deadlineOf = (k: number, category: string): string => {
    const lesson = lessons[k]!;
    return markDeadline(
      { lessonDate: lesson.date, grade: lesson.grade, workKind: journal.lessons[k]!.workKind, nextLessonDate: lesson.nextDay, calendar: calendarOf(lesson.grade), outages: [] },
      category as MarkCategory,
    );
  };
  await bulk(marks.length, async (from, to) => {
    const part = marks.slice(from, to);
    const deadlines = part.map((k) => deadlineOf(k.lesson, markTypes[k.markType]!.category));
    const made = part.map((k, i) => madeOn(lessons[k.lesson]!.date, deadlines[i] as string, k.late));
    await m.query(
      `INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, deadline, late, created_by_user_id,
                         created_at, updated_at)
       SELECT $1, u.assignment_id, u.lesson_id, u.date, u.student_id, u.mark_type_id, u.value, u.deadline, u.late, u.by,
              (u.made + time '15:00') AT TIME ZONE $2, (u.made + time '15:00') AT TIME ZONE $2
         FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::uuid[], $7::uuid[], $8::smallint[], $9::date[], $10::boolean[], $11::uuid[], $12::date[])
              AS u(assignment_id, lesson_id, date, student_id, mark_type_id, value, deadline, late, by, made)`,
      [schoolId, timeZone, part.map((k) => lessons[k.lesson]!.assignmentId), part.map((k) => lessons[k.lesson]!.id),
        part.map((k) => lessons[k.lesson]!.date), part.map((k) => students[k.student]!.id), part.map((k) => markTypes[k.markType]!.id),
        part.map((k) => k.value), deadlines, part.map((k) => k.late), part.map((k) => lessons[k.lesson]!.teacherUserId), made],
    );
  });
  await m.query(
    `INSERT INTO mark_history (school_id, mark_id, action, old_value, new_value, old_mark_type_id, new_mark_type_id, reason, after_deadline,
                               changed_by_user_id, changed_at)
     SELECT mk.school_id, mk.id, 'create', NULL, mk.value, NULL, mk.mark_type_id, NULL, mk.late, mk.created_by_user_id, mk.created_at
       FROM mark mk
      WHERE mk.school_id = $1 AND mk.lesson_id = ANY($2::uuid[])`,
    [schoolId, lessons.map((l) => l.id)],
  );

  lap('marks');
  // homework, due the next lesson of the assignment
  const hw = journal.homework;
  await bulk(hw.length, async (from, to) => {
    const part = hw.slice(from, to);
    await m.query(
      `INSERT INTO homework (school_id, lesson_id, text, due_date, due_lesson_id, links, deadline, late, created_by_user_id, created_at, updated_at,
                             teaching_assignment_id)
       SELECT $1, u.lesson_id, u.text, u.due_date, u.due_lesson_id, '[]', u.date, false, u.by, (u.date + time '14:30') AT TIME ZONE $2,
              (u.date + time '14:30') AT TIME ZONE $2, u.assignment_id
         FROM unnest($3::uuid[], $4::varchar[], $5::date[], $6::uuid[], $7::date[], $8::uuid[], $9::uuid[]) AS u(lesson_id, text, due_date, due_lesson_id, date, by, assignment_id)`,
      [schoolId, timeZone, part.map((h) => lessons[h.lesson]!.id), part.map((h) => h.text), part.map((h) => lessons[h.lesson]!.nextDate),
        part.map((h) => lessons[h.lesson]!.nextLessonId), part.map((h) => lessons[h.lesson]!.date), part.map((h) => lessons[h.lesson]!.teacherUserId),
        part.map((h) => lessons[h.lesson]!.assignmentId)],
    );
  });
  // fresh statistics for the planner: the journal tables grew from nothing in this transaction
  await m.query('ANALYZE lesson, mark, mark_history, attendance, attendance_history, homework');
  lap('homework');
  const absences = att.filter((a) => a.code !== 'О').length;
  return { from: q.from, to: q.to, lessons: lessons.length, marks: marks.length, absences, homework: hw.length, timings };
}

// The floors of the journal figures (journal-bench.mjs): node:http and one pg Pool, no framework, no token, no
// session, no ETag; named (prepared) statements. Started with DATABASE_URL and PORT (after `npm run build`).
//  The same SQL as the service (the floor): the statement texts come from the service's own builders in dist,
//  for the actor named in the path, and the row is answered as it comes:
//  GET /journal-same/<userId>/<schoolId>/<role>/<assignmentId>/<periodId>  journalPageQuery
//  GET /diary-same/<userId>/<schoolId>/<studentId>/<date>                  diaryWeekQuery (a guardian)
//  The lesson PUT's floor (the issue's: the same rows inserted in one transaction), journal-floor-sql.mjs:
//  PUT /lesson-rows/<schoolId>/<userId>/<lessonId>/<assignmentId>/<date>   the body: the PUT's JSON body; answers 204
//  Hand-written minimal statements returning the same data (no relationship check), for reference:
//  GET /journal/<assignmentId>/<from>/<to>  the class journal page: two statements — the students due in the period
//      (enrolled in the class, members of the subgroup) in Russian order with their weighted average, and the
//      assignment's held lessons of the period (date, number, topic, kind) each with its marks (student, value, type,
//      weight) and absences as JSON arrays;
//  GET /diary/<studentId>/<monday>         a student's diary week: one statement — the lessons of the student's class on
//      the 7 days (whole class, and the subgroups the student belongs to that day), with bell times, subject, teacher,
//      room, topic, the homework set, the student's marks and absence, and the change acting on the lesson.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLessonRows } from './journal-floor-sql.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'pg'));
const { diaryWeekQuery } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'modules', 'diary', 'diary.service.js'));
const { journalPageQuery } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'modules', 'journal', 'journal-page.service.js'));
const { setAuditContext } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'database', 'audit-context.subscriber.js'));
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL ?? 10) });

const JOURNAL_STUDENTS = `
  WITH a AS (SELECT id, class_id, subject_id, subgroup_id FROM teaching_assignment WHERE id = $1),
       avg AS (
         SELECT mk.student_id, round(sum(mk.value * mt.weight) / sum(mt.weight), 2)::float AS average
           FROM a JOIN teaching_assignment a2 ON a2.class_id = a.class_id AND a2.subject_id = a.subject_id
           JOIN mark mk ON mk.teaching_assignment_id = a2.id AND mk.date BETWEEN $2::date AND $3::date AND mk.annulled_at IS NULL
           JOIN mark_type mt ON mt.id = mk.mark_type_id
          GROUP BY mk.student_id)
  SELECT s.id, s.surname, s.name, s.patronymic, avg.average
    FROM a
    JOIN enrollment en ON en.class_id = a.class_id AND en.starts_on <= $3::date AND (en.ends_on IS NULL OR en.ends_on > $2::date)
    JOIN student s ON s.id = en.student_id
    LEFT JOIN avg ON avg.student_id = s.id
   WHERE a.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = s.id
                                             AND sm.starts_on <= $3::date AND (sm.ends_on IS NULL OR sm.ends_on > $2::date))
   ORDER BY s.surname COLLATE "ru-RU-x-icu", s.name COLLATE "ru-RU-x-icu", s.patronymic COLLATE "ru-RU-x-icu", s.id`;

const JOURNAL_LESSONS = `
  SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", l.topic, l.work_kind AS "workKind",
         coalesce((SELECT json_agg(json_build_object('id', mk.id, 'studentId', mk.student_id, 'value', mk.value, 'markTypeId', mk.mark_type_id,
                                                     'type', mt.short_name, 'weight', mt.weight::float) ORDER BY mk.created_at)
                     FROM mark mk JOIN mark_type mt ON mt.id = mk.mark_type_id WHERE mk.lesson_id = l.id AND mk.annulled_at IS NULL), '[]') AS marks,
         coalesce((SELECT json_agg(json_build_object('studentId', at.student_id, 'code', at.code))
                     FROM attendance at WHERE at.lesson_id = l.id), '[]') AS attendance
    FROM lesson l
   WHERE l.teaching_assignment_id = $1 AND l.date BETWEEN $2::date AND $3::date AND NOT l.cancelled
   ORDER BY l.date, l.lesson_number`;

const DIARY_WEEK = `
  SELECT to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", l.id AS "lessonId",
         to_char(b.starts_at, 'HH24:MI') AS "startsAt", to_char(b.ends_at, 'HH24:MI') AS "endsAt",
         sj.name AS subject, concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher, r.number AS room,
         l.cancelled, l.topic, ch.kind AS change,
         h.text AS homework, to_char(h.due_date, 'YYYY-MM-DD') AS "homeworkDue",
         coalesce((SELECT json_agg(json_build_object('value', mk.value, 'type', mt.short_name, 'weight', mt.weight::float))
                     FROM mark mk JOIN mark_type mt ON mt.id = mk.mark_type_id
                    WHERE mk.lesson_id = l.id AND mk.student_id = $1 AND mk.annulled_at IS NULL), '[]') AS marks,
         at.code AS attendance
    FROM enrollment en
    JOIN teaching_assignment a ON a.class_id = en.class_id
    JOIN lesson l ON l.teaching_assignment_id = a.id AND l.date BETWEEN $2::date AND $2::date + 6
                 AND l.date >= en.starts_on AND (en.ends_on IS NULL OR l.date < en.ends_on)
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = l.staff_id
    LEFT JOIN room r ON r.id = l.room_id
    LEFT JOIN timetable_change ch ON ch.id = l.timetable_change_id
    LEFT JOIN bell_schedule bs ON bs.school_id = l.school_id AND bs.is_default
    LEFT JOIN bell b ON b.bell_schedule_id = bs.id AND b.lesson_number = l.lesson_number
    LEFT JOIN homework h ON h.lesson_id = l.id
    LEFT JOIN attendance at ON at.lesson_id = l.id AND at.student_id = $1
   WHERE en.student_id = $1 AND en.starts_on <= $2::date + 6 AND (en.ends_on IS NULL OR en.ends_on > $2::date)
     AND (a.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = $1
                                              AND sm.starts_on <= l.date AND (sm.ends_on IS NULL OR sm.ends_on > l.date)))
   ORDER BY l.date, l.lesson_number`;

createServer(async (req, res) => {
  try {
    const [, what, id, a, b] = req.url.split('/');
    let body;
    if (req.method === 'PUT' && what === 'lesson-rows') {
      // /lesson-rows/<schoolId>/<userId>/<lessonId>/<assignmentId>/<date>, the PUT's JSON body
      const [, , schoolId, userId, lessonId, assignmentId, date] = req.url.split('/');
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const put = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const client = await pool.connect();
      try {
        await writeLessonRows(client, setAuditContext, schoolId, userId, { id: lessonId, assignmentId, date }, put);
      } finally {
        client.release();
      }
      res.writeHead(204).end();
      return;
    }
    if (what === 'journal') {
      const [students, lessons] = await Promise.all([
        pool.query({ name: 'journal-students', text: JOURNAL_STUDENTS, values: [id, a, b] }),
        pool.query({ name: 'journal-lessons', text: JOURNAL_LESSONS, values: [id, a, b] }),
      ]);
      body = { students: students.rows, lessons: lessons.rows };
    } else if (what === 'journal-same') {
      // the service's own statement (journalPageQuery), for the actor given: /journal-same/<userId>/<schoolId>/<role>/<assignmentId>/<periodId>
      const [, , userId, schoolId, role, assignmentId, periodId] = req.url.split('/');
      const q = journalPageQuery({ userId, schoolId, roles: [role], sessionId: '' }, { assignmentId }, { periodId });
      const { rows } = await pool.query({ name: `journal-same-${role}`, text: q.text, values: q.values });
      body = rows[0] ?? null;
    } else if (what === 'diary-same') {
      // the service's own statement (diaryWeekQuery), for the actor given: /diary-same/<userId>/<schoolId>/<studentId>/<date>
      const [, , userId, schoolId, studentId, date] = req.url.split('/');
      const q = diaryWeekQuery({ userId, schoolId, roles: ['parent'], sessionId: '' }, studentId, date);
      const { rows } = await pool.query({ name: 'diary-same', text: q.text, values: q.values });
      body = rows[0] ?? null;
    } else if (what === 'diary') {
      const { rows } = await pool.query({ name: 'diary-week', text: DIARY_WEEK, values: [id, a] });
      const days = [];
      for (const { date, ...lesson } of rows) {
        if (days.at(-1)?.date !== date) days.push({ date, lessons: [] });
        days.at(-1).lessons.push(lesson);
      }
      body = { days };
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));

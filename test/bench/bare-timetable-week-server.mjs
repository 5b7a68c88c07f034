// The hand-written floor of the class-week view figure: node:http and one pg Pool answering GET /<classId>/<monday>
// with one SQL — the class's timetable entries valid on each day of that week, joined with the default bell schedule,
// subject, teacher, room and subgroup names — grouped into days as JSON. No framework, no token, no session check, no
// relationship check, no calendar, no ETag. Started by timetable-bench.mjs with DATABASE_URL and PORT.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Pool } = require(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'pg'));
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const SQL = `
  SELECT to_char($2::date + d.i, 'YYYY-MM-DD') AS date, e.lesson_number AS "lessonNumber",
         to_char(b.starts_at, 'HH24:MI') AS "startsAt", to_char(b.ends_at, 'HH24:MI') AS "endsAt",
         a.subject_id AS "subjectId", sj.name AS subject, a.staff_id AS "staffId", concat_ws(' ', st.surname, st.name, st.patronymic) AS teacher,
         e.room_id AS "roomId", r.number AS room, a.class_id AS "classId", c.grade::text || c.letter AS "className",
         a.subgroup_id AS "subgroupId", g.name AS "subgroupName", a.id AS "assignmentId", e.id AS "entryId"
    FROM generate_series(0, 6) AS d(i)
    JOIN timetable_entry e ON e.weekday = d.i + 1 AND e.valid_from <= $2::date + d.i AND (e.valid_to IS NULL OR e.valid_to > $2::date + d.i)
    JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
    JOIN school_class c ON c.id = a.class_id
    JOIN subject sj ON sj.id = a.subject_id
    JOIN staff st ON st.id = a.staff_id
    LEFT JOIN subgroup g ON g.id = a.subgroup_id
    LEFT JOIN room r ON r.id = e.room_id
    LEFT JOIN bell_schedule bs ON bs.school_id = e.school_id AND bs.is_default
    LEFT JOIN bell b ON b.bell_schedule_id = bs.id AND b.lesson_number = e.lesson_number
   WHERE a.class_id = $1
   ORDER BY d.i, e.lesson_number, g.name COLLATE "ru-RU-x-icu" NULLS FIRST, e.id`;

createServer(async (req, res) => {
  try {
    const [, classId, monday] = req.url.split('/');
    const { rows } = await pool.query(SQL, [classId, monday]);
    const days = [];
    for (const { date, ...lesson } of rows) {
      if (days.at(-1)?.date !== date) days.push({ date, lessons: [] });
      days.at(-1).lessons.push(lesson);
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ days }));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));

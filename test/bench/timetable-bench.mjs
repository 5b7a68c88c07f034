// Figure of issue 5 (timetable), against a hand-written floor measured in the same run:
//  PUT /classes/{classId}/timetable (replace a class's whole week, ~30 entries, checked as a whole) p50, sequential
//  requests with a token, on the demo school — a class of its own (grade 5, 6-day week) with ten teachers and a room,
//  so that whatever timetable the seed holds does not clash; every request replaces the same week from the same date
//  (the previous one is removed, the new one written and checked, and the class's dated lessons re-derived from that
//  date to the end of the year). Floor: the same in one transaction through pg — the timetable lock, the audit
//  context, the DELETE, one multi-row INSERT and the same conflict SQL (dist/modules/schedule/timetable-sql.js
//  findConflicts), then the class's dated lessons from that date to the end of the year by hand, under the lessons
//  lock, in place as the service does (UPDATE the lessons whose slot the new week has, DELETE the orphans,
//  INSERT new slots with LESSONS_FLOOR_SQL of lessons-bench.mjs restricted to the class and the dates; no dated changes) —
//  alternating rounds. The class's lessons after a PUT and after the floor are checked equal (count and md5).
//  GET /timetable/week?classId=… (that class's ~30-entry week, a school week of September, with bell times and the
//  calendar, reach and ETag) p50, sequential requests with a token, against a bare node:http + pg server running one SQL
//  that returns the same week's entries joined with the bells (bare-timetable-week-server.mjs) — alternating rounds.
//
// Standalone: `npm run build && node test/bench/timetable-bench.mjs` (needs a PostgreSQL: BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). It creates and drops its own
// database and uses a Redis key prefix of its own.
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlOf, freePort, median, sequentialP50, signIn, startApiWithDemo, startProcess, stopAll, waitUntil } from './bench-utils.mjs';
import { LESSONS_FLOOR_SQL, lessonChecksum } from './lessons-bench.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));


async function call(base, auth, method, path, body) {
  const res = await fetch(`${base}/api/v1${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** The floor: one replace of the class's week and of its dated lessons to the end of the year by hand through pg, in one transaction; ms. */
async function handWritten(pg, findConflicts, systemContext, setAuditContext, { schoolId, yearId, yearEndsOn, classId, validFrom, entries }) {
  const t0 = performance.now();
  await pg.query('BEGIN');
  try {
    await setAuditContext(pg, systemContext('bench', schoolId));
    await pg.query(`SELECT pg_advisory_xact_lock(hashtextextended('timetable:' || $1::text, 0))`, [schoolId]);
    await pg.query(`SELECT pg_advisory_xact_lock(hashtextextended('lessons:' || $1::text, 0))`, [schoolId]);
    await pg.query(
      `DELETE FROM timetable_entry WHERE school_id = $1 AND valid_from >= $3::date
          AND teaching_assignment_id IN (SELECT id FROM teaching_assignment WHERE class_id = $2)`,
      [schoolId, classId, validFrom],
    );
    const ids = entries.map(() => randomUUID());
    await pg.query(
      `INSERT INTO timetable_entry (id, school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from)
       SELECT u.id, $1, $2, u.w, u.l, u.a, u.r, $3::date FROM unnest($4::uuid[], $5::smallint[], $6::smallint[], $7::uuid[], $8::uuid[]) AS u(id, w, l, a, r)`,
      [schoolId, yearId, validFrom, ids, entries.map((e) => e.weekday), entries.map((e) => e.lessonNumber), entries.map((e) => e.assignmentId), entries.map((e) => e.roomId)],
    );
    const conflicts = await findConflicts({ query: async (sql, params) => (await pg.query(sql, params)).rows }, schoolId, ids);
    if (conflicts.length > 0) throw new Error(`floor: unexpected conflicts ${JSON.stringify(conflicts[0])}`);
    // the class's dated lessons from validFrom on, in place, as the service does: a lesson of a slot the new week still
    // has takes its new entry (teacher, room); one whose slot is gone goes (unless it has journal data); new slots
    // get lessons (LESSONS_FLOOR_SQL, ON CONFLICT DO NOTHING)
    await pg.query(
      `UPDATE lesson l SET timetable_entry_id = e.id, staff_id = a.staff_id, room_id = e.room_id, updated_at = now()
         FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
        WHERE e.id = ANY($5::uuid[]) AND l.teaching_assignment_id = e.teaching_assignment_id AND l.lesson_number = e.lesson_number
          AND extract(isodow FROM l.date) = e.weekday AND l.school_id = $1 AND l.date BETWEEN $3::date AND $4::date
          AND a.class_id = $2 AND l.conducted_at IS NULL`,
      [schoolId, classId, validFrom, yearEndsOn, ids],
    );
    await pg.query(
      `DELETE FROM lesson l USING teaching_assignment a
        WHERE a.id = l.teaching_assignment_id AND a.class_id = $2 AND l.school_id = $1 AND l.date BETWEEN $3::date AND $4::date
          AND l.timetable_entry_id IS NULL AND l.timetable_change_id IS NULL AND l.conducted_at IS NULL`,
      [schoolId, classId, validFrom, yearEndsOn],
    );
    await pg.query(LESSONS_FLOOR_SQL, [schoolId, validFrom, yearEndsOn, [classId]]);
    await pg.query('COMMIT');
  } catch (e) {
    await pg.query('ROLLBACK');
    throw e;
  }
  return performance.now() - t0;
}

export async function measureTimetable(root, { pgAdminUrl, redisUrl, rounds = 5, requestsPerRound = 40 } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const { findConflicts } = require(`${root}/dist/modules/schedule/timetable-sql.js`);
  const { setAuditContext } = require(`${root}/dist/database/audit-context.subscriber.js`);
  const { systemContext } = require(`${root}/dist/common/context/request-context.js`);
  const Redis = require(`${root}/node_modules/ioredis`);
  const tag = randomBytes(4).toString('hex');
  const database = `ejournal_bench_timetable_${tag}`;
  const prefix = `ejbench-${tag}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  const procs = [];
  let pg;
  try {
    await admin.query(`CREATE DATABASE "${database}" ENCODING 'UTF8'`);
    const databaseUrl = databaseUrlOf(pgAdminUrl, database);
    await runMigrations(databaseUrl);
    const env = {
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: String(await freePort()),
      HOST: '127.0.0.1', JWT_SECRET: 'bench-only-secret-of-sufficient-length-0123456789', LOG_LEVEL: 'warn',
    };
    const seeded = await startApiWithDemo(root, env);
    procs.push(seeded.api);
    const base = seeded.base;
    const auth = { authorization: `Bearer ${await signIn(base, 'admin', seeded.password)}`, 'content-type': 'application/json' };
    pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const { rows: years } = await pg.query(
      `SELECT id, school_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM academic_year ORDER BY starts_on LIMIT 1`,
    );
    const { id: yearId, school_id: schoolId, starts_on: validFrom, ends_on: yearEndsOn } = years[0];
    const { rows: bellRows } = await pg.query(
      `SELECT b.lesson_number AS n FROM bell b JOIN bell_schedule s ON s.id = b.bell_schedule_id WHERE s.school_id = $1 AND s.is_default ORDER BY 1`,
      [schoolId],
    );
    const { rows: subjects } = await pg.query(`SELECT id FROM subject WHERE school_id = $1 AND archived_at IS NULL ORDER BY code LIMIT 10`, [schoolId]);

    // a class of the bench's own, with ten teachers (one subject each) and one room
    const cls = await call(base, auth, 'POST', `/academic-years/${yearId}/classes`, { grade: 5, letter: 'Ж' });
    const room = await call(base, auth, 'POST', '/rooms', { number: `Б-${tag}` });
    const assignments = [];
    for (const [i, s] of subjects.entries()) {
      const st = await call(base, auth, 'POST', '/staff', { surname: `Расписаниев${i}`, name: 'Бенч' });
      const a = await call(base, auth, 'POST', `/academic-years/${yearId}/teaching-assignments`, { staffId: st.id, subjectId: s.id, classId: cls.id, hoursPerWeek: 3 });
      assignments.push(a.id);
    }
    const lessons = bellRows.map((b) => b.n).filter((n) => n >= 1).slice(0, 5);
    const entries = [];
    for (let weekday = 1; weekday <= 6 && entries.length < 30; weekday++) {
      for (const lessonNumber of lessons) {
        if (entries.length >= 30) break;
        entries.push({ weekday, lessonNumber, assignmentId: assignments[entries.length % assignments.length], roomId: room.id });
      }
    }
    const body = JSON.stringify({ validFrom, entries });
    const put = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/classes/${cls.id}/timetable`, { method: 'PUT', headers: auth, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`PUT timetable answered ${res.status}: ${text.slice(0, 500)}`);
      return performance.now() - t0;
    };
    const floorArgs = { schoolId, yearId, yearEndsOn, classId: cls.id, validFrom, entries };
    const floor = () => handWritten(pg, findConflicts, systemContext, setAuditContext, floorArgs);
    for (let i = 0; i < 20; i++) await put(); // warm-up, not counted
    const byApi = await lessonChecksum(pg, schoolId, [cls.id]);
    for (let i = 0; i < 20; i++) await floor();
    const byFloor = await lessonChecksum(pg, schoolId, [cls.id]);
    if (byApi.n === 0 || byApi.n !== byFloor.n || byApi.md5 !== byFloor.md5) {
      throw new Error(`the class's dated lessons after a PUT ${JSON.stringify(byApi)} differ from those after the floor ${JSON.stringify(byFloor)}`);
    }
    const runs = { api: [], floor: [] };
    for (let r = 0; r < rounds; r++) {
      const api = [];
      for (let i = 0; i < requestsPerRound; i++) api.push(await put());
      runs.api.push(median(api));
      const hand = [];
      for (let i = 0; i < requestsPerRound; i++) hand.push(await floor());
      runs.floor.push(median(hand));
    }
    const { rows: check } = await pg.query(
      `SELECT count(*)::int AS n FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id WHERE a.class_id = $1`,
      [cls.id],
    );
    if (check[0].n !== entries.length) throw new Error(`the class holds ${check[0].n} entries, expected ${entries.length}`);
    // the fixed cost of one authenticated request, for reading the ratio: GET /rooms/{id} (one primary-key read)
    const getRoom = [];
    for (let i = 0; i < 20 + requestsPerRound; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/rooms/${room.id}`, { headers: auth });
      await res.arrayBuffer();
      if (i >= 20) getRoom.push(performance.now() - t0);
    }
    // the class-week view: the Monday two weeks after the start of the year, against the bare server
    const startDay = new Date(`${validFrom}T00:00:00Z`);
    startDay.setUTCDate(startDay.getUTCDate() + 14 - ((startDay.getUTCDay() + 6) % 7));
    const monday = startDay.toISOString().slice(0, 10);
    const barePort = await freePort();
    const bare = startProcess(root, ['test/bench/bare-timetable-week-server.mjs'], { DATABASE_URL: databaseUrl, PORT: String(barePort) });
    procs.push(bare);
    await waitUntil('bare timetable server', async () => bare.output().includes('ready'), bare);
    const weekUrl = `${base}/api/v1/timetable/week?date=${monday}&classId=${cls.id}`;
    const bareUrl = `http://127.0.0.1:${barePort}/${cls.id}/${monday}`;
    const view = await (await fetch(weekUrl, { headers: auth })).json();
    const bareView = await (await fetch(bareUrl)).json();
    const weekLessons = view.days.reduce((n, d) => n + d.lessons.length, 0);
    const bareLessons = bareView.days.reduce((n, d) => n + d.lessons.length, 0);
    if (weekLessons === 0 || bareLessons !== entries.length) {
      throw new Error(`class week: the view shows ${weekLessons} lessons, the floor ${bareLessons}, the class has ${entries.length} entries`);
    }
    await sequentialP50(weekUrl, auth, 50); // warm-up, not counted
    await sequentialP50(bareUrl, {}, 50);
    const weekRuns = { api: [], floor: [] };
    for (let r = 0; r < rounds; r++) {
      weekRuns.api.push(await sequentialP50(weekUrl, auth, requestsPerRound));
      weekRuns.floor.push(await sequentialP50(bareUrl, {}, requestsPerRound));
    }
    const weekApiP50 = median(weekRuns.api);
    const weekFloorP50 = median(weekRuns.floor);
    const apiP50 = median(runs.api);
    const floorP50 = median(runs.floor);
    return {
      entries: entries.length, classLessons: byApi.n, getRoomP50Ms: +median(getRoom).toFixed(2), apiP50Ms: +apiP50.toFixed(2), floorP50Ms: +floorP50.toFixed(2), ratio: +(apiP50 / floorP50).toFixed(2),
      rounds, requestsPerRound, runs: { api: runs.api.map((x) => +x.toFixed(2)), floor: runs.floor.map((x) => +x.toFixed(2)) },
      weekDate: monday, weekLessons, weekApiP50Ms: +weekApiP50.toFixed(2), weekFloorP50Ms: +weekFloorP50.toFixed(2),
      weekRatio: +(weekApiP50 / weekFloorP50).toFixed(2),
      weekRuns: { api: weekRuns.api.map((x) => +x.toFixed(2)), floor: weekRuns.floor.map((x) => +x.toFixed(2)) },
    };
  } finally {
    if (pg) await pg.end().catch(() => {});
    await stopAll(procs);
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

export function describeTimetable(r) {
  return `PUT /classes/{id}/timetable (a ${r.entries}-entry week replaced and checked, ${r.classLessons} dated lessons re-derived) p50 ${r.apiP50Ms} ms vs the same by hand through pg in one transaction (lock, DELETE, INSERT, the conflict SQL, the class's lessons updated in place, orphans deleted, new slots inserted) ${r.floorP50Ms} ms: ratio ${r.ratio} (medians of ${r.rounds} alternating rounds of ${r.requestsPerRound} sequential requests); one authenticated GET /rooms/{id} p50 ${r.getRoomP50Ms} ms
GET /timetable/week?classId=… (the same class's week of ${r.weekDate}, ${r.weekLessons} lessons with bell times, calendar, reach, ETag) p50 ${r.weekApiP50Ms} ms vs bare node:http + pg with one SQL of the week's entries joined with the bells ${r.weekFloorP50Ms} ms: ratio ${r.weekRatio} (medians of ${r.rounds} alternating rounds of ${r.requestsPerRound} sequential requests)`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(here, '..', '..');
  const r = await measureTimetable(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  process.stdout.write(`${describeTimetable(r)}\n`);
}

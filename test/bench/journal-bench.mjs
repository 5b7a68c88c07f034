// Figures of issue 6 (journal), each against floors measured in the same run, on the demo school with its generated
// journal (the first quarter conducted: topics, ~10 marks per student per subject, ~8 % absences, homework —
// src/database/seed/seed-journal.ts, seeded by the demo seed at the api's first start). The issue's floor is "a bare
// node:http + pg handler running the same SQL": bare-journal-server.mjs runs the service's own statements
// (journalPageQuery, diaryWeekQuery, imported from dist) for the same actor, as named statements — the goal ratios are
// against it; a hand-written minimal statement returning the same data is measured too, for reference:
//  1. GET /journal?assignmentId=&periodId= — the class journal page of the whole-class assignment (grades 5–9) of a
//     class of ≥ 28 students with the most conducted lessons in quarter 1 (~30 students × ~45 lessons), read by the
//     assignment's teacher: p50 and p99 of sequential requests, alternating rounds against /journal-same/… and the
//     hand-written /journal/… (two statements);
//  2. GET /diary/week?studentId=&date= — the demo parent's child's week (the third week of quarter 1), as the demo
//     parent: requests per second with autocannon at 64 connections (0 errors and 0 non-2xx required), p50/p99,
//     alternating rounds against /diary-same/… and the hand-written /diary/… (one statement);
//  3. PUT /lessons/{lessonId}/journal — conducting a lesson of quarter 2 (not yet conducted; a few teachers' lessons) of a class of ≥ 28
//     students: topic, 30 marks and 3 absences (Н, Б, О), by the lesson's teacher, each request on a new lesson, with an
//     Idempotency-Key; p50/p99 of sequential requests against the floor: the same rows, with who wrote them, written by
//     hand in one transaction (audit context, UPDATE lesson, INSERT marks + their history, INSERT attendance + its
//     history; journal-floor-sql.mjs) by a node:http + pg handler (PUT /lesson-rows/… of bare-journal-server.mjs, the
//     PUT's body as JSON), as the floor is; the same rows written by the bench process itself, without HTTP,
//     are measured too, for reference. Alternating rounds on lessons of the same kind.
// The bench database's today is fixed (ALTER DATABASE … SET ejournal.today, the test clock school_today() honours) to
// the last day of quarter 2, so that quarter 2's lessons are in the past whatever the real date. The assignments'
// teachers get users created directly in the bench database (login bench.teacher.<n>, linked to their staff record,
// one argon2 hash), as the demo seed creates a user for one teacher only; staff holding another demo account (the
// deputy, the director …) are left out of both the page and the lessons.
// The journal endpoints are checked first: a missing or failing endpoint fails the bench (no ratio printed);
// BENCH_JOURNAL_FLOORS_ONLY=1 measures the seeding and the floors only (for a branch without the endpoints).
//
// Standalone: `npm run build && node test/bench/journal-bench.mjs` (needs a PostgreSQL and a Redis: BENCH_PG_URL,
// default postgres://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). It creates and
// drops its own database and uses a Redis key prefix of its own.
import autocannon from 'autocannon';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlOf, freePort, median, signIn, startApiWithDemo, startProcess, stopAll, waitUntil } from './bench-utils.mjs';
import { writeLessonRows } from './journal-floor-sql.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const TEACHER_PASSWORD = 'bench-teacher-password-0001';

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => +x.toFixed(2);

/** ms of one request; fails loudly on anything but `status`. */
async function timed(url, init, status = 200) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const t = performance.now() - t0;
  if (res.status !== status) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${res.status} (expected ${status}): ${text.slice(0, 300)}`);
  return t;
}

async function load(url, headers, seconds, connections) {
  const r = await autocannon({ url, headers, connections, duration: seconds, pipelining: 1 });
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** Users for these staff records (those without one), linked to them; login of each staff id. */
async function teacherUsers(root, pg, schoolId, staffIds) {
  const { hashPassword } = require(`${root}/dist/modules/auth/password-hasher.js`);
  const { setAuditContext } = require(`${root}/dist/database/audit-context.subscriber.js`);
  const { systemContext } = require(`${root}/dist/common/context/request-context.js`);
  const hash = await hashPassword(TEACHER_PASSWORD);
  const { rows } = await pg.query(
    `SELECT s.id, u.login, concat_ws(' ', s.surname, s.name, s.patronymic) AS name FROM staff s LEFT JOIN app_user u ON u.id = s.user_id WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`,
    [staffIds],
  );
  const logins = new Map();
  await pg.query('BEGIN');
  try {
    await setAuditContext(pg, systemContext('bench', schoolId));
    for (const [n, s] of rows.entries()) {
      if (s.login) {
        logins.set(s.id, { login: s.login, password: null });
        continue;
      }
      const login = `bench.teacher.${n}`;
      const { rows: [u] } = await pg.query(
        `INSERT INTO app_user (school_id, login, password_hash, full_name) VALUES ($1, $2, $3, $4) RETURNING id`,
        [schoolId, login, hash, s.name],
      );
      await pg.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'teacher')`, [u.id]);
      await pg.query(`UPDATE staff SET user_id = $1 WHERE id = $2`, [u.id, s.id]);
      logins.set(s.id, { login, password: TEACHER_PASSWORD });
    }
    await pg.query('COMMIT');
  } catch (e) {
    await pg.query('ROLLBACK');
    throw e;
  }
  return logins;
}

/** The lesson PUT's rows written by hand in one transaction in this process (no HTTP), for reference; ms. */
async function inProcessLesson(pg, setAuditContext, schoolId, userId, lesson, body) {
  const t0 = performance.now();
  await writeLessonRows(pg, setAuditContext, schoolId, userId, lesson, body);
  return performance.now() - t0;
}

export async function measureJournal(root, { pgAdminUrl, redisUrl, rounds = 5, requestsPerRound = 20, seconds = 5, connections = 64, floorsOnly = false } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const { setAuditContext } = require(`${root}/dist/database/audit-context.subscriber.js`);
  const { buildSchoolCalendar, currentAcademicStartYear } = require(`${root}/dist/database/seed/generator/index.js`);
  const Redis = require(`${root}/node_modules/ioredis`);
  const tag = randomBytes(4).toString('hex');
  const database = `ejournal_bench_journal_${tag}`;
  const prefix = `ejbench-${tag}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  const procs = [];
  let pg;
  try {
    await admin.query(`CREATE DATABASE "${database}" ENCODING 'UTF8'`);
    const databaseUrl = databaseUrlOf(pgAdminUrl, database);
    await runMigrations(databaseUrl);
    // the year the demo seed generates, and its quarters
    const calendar = buildSchoolCalendar(currentAcademicStartYear(new Date()));
    const quarter = (n) => calendar.studyPeriods.find((p) => p.kind === 'quarter' && p.number === n);
    const today = quarter(2).endsOn;
    await admin.query(`ALTER DATABASE "${database}" SET ejournal.today = '${today}'`);
    const env = {
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: String(await freePort()),
      HOST: '127.0.0.1', JWT_SECRET: 'bench-only-secret-of-sufficient-length-0123456789', LOG_LEVEL: 'warn',
    };
    const t0 = performance.now();
    const seeded = await startApiWithDemo(root, env);
    const firstStartMs = Math.round(performance.now() - t0);
    procs.push(seeded.api);
    const base = seeded.base;
    pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    const { rows: [school] } = await pg.query(`SELECT id FROM school LIMIT 1`);
    const schoolId = school.id;
    const { rows: [journal] } = await pg.query(
      `SELECT (SELECT count(*) FROM lesson WHERE school_id = $1 AND conducted_at IS NOT NULL)::int AS lessons,
              (SELECT count(*) FROM mark WHERE school_id = $1)::int AS marks,
              (SELECT count(*) FROM attendance WHERE school_id = $1 AND code <> 'О')::int AS absences,
              (SELECT count(*) FROM homework WHERE school_id = $1)::int AS homework,
              (SELECT count(*) FROM student WHERE school_id = $1)::int AS students`,
      [schoolId],
    );
    if (journal.marks === 0 || journal.lessons === 0) throw new Error(`the demo school has no journal: ${JSON.stringify(journal)}`);

    // 1. the class journal page
    const q1 = quarter(1);
    const { rows: [page] } = await pg.query(
      `SELECT a.id AS "assignmentId", a.staff_id AS "staffId", p.id AS "periodId", c.grade::text || c.letter AS class,
              (SELECT count(*) FROM enrollment en WHERE en.class_id = c.id AND en.ends_on IS NULL)::int AS students,
              (SELECT count(*) FROM lesson l WHERE l.teaching_assignment_id = a.id AND l.conducted_at IS NOT NULL AND l.date BETWEEN $2::date AND $3::date)::int AS lessons
         FROM teaching_assignment a
         JOIN school_class c ON c.id = a.class_id
         JOIN study_period p ON p.academic_year_id = a.academic_year_id AND p.kind = 'quarter' AND p.number = 1 AND c.grade BETWEEN p.grade_from AND p.grade_to
         JOIN staff st ON st.id = a.staff_id LEFT JOIN app_user su ON su.id = st.user_id
        WHERE a.school_id = $1 AND a.subgroup_id IS NULL AND c.grade BETWEEN 5 AND 9 AND (su.id IS NULL OR su.login = 'teacher')
          AND (SELECT count(*) FROM enrollment en WHERE en.class_id = c.id AND en.ends_on IS NULL) >= 28
        ORDER BY lessons DESC, students DESC, a.id LIMIT 1`,
      [schoolId, q1.startsOn, q1.endsOn],
    );
    if (!page) throw new Error('no whole-class assignment of a class of ≥ 28 students in grades 5–9');

    // 3. the lessons to conduct: quarter 2, of whole classes of ≥ 28 students (grades 2–11), not conducted yet
    const warm = 10;
    const needed = 3 * (warm + rounds * requestsPerRound + 1); // +1: the first PUT checks the endpoint
    const { rows: lessons } = await pg.query(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.staff_id AS "staffId", l.teaching_assignment_id AS "assignmentId",
              (SELECT array_agg(en.student_id ORDER BY en.student_id) FROM enrollment en
                WHERE en.class_id = a.class_id AND en.starts_on <= l.date AND (en.ends_on IS NULL OR en.ends_on > l.date)) AS students
         FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id JOIN school_class c ON c.id = a.class_id
         JOIN staff st ON st.id = l.staff_id LEFT JOIN app_user su ON su.id = st.user_id
        WHERE l.school_id = $1 AND (su.id IS NULL OR su.login = 'teacher') AND l.date BETWEEN $2::date AND $3::date AND NOT l.cancelled AND l.conducted_at IS NULL
          AND a.subgroup_id IS NULL AND c.grade >= 2
          AND (SELECT count(*) FROM enrollment en WHERE en.class_id = c.id AND en.ends_on IS NULL) >= 28
        ORDER BY st.id, l.date, l.lesson_number, l.id LIMIT $4`,
      [schoolId, quarter(2).startsOn, today, needed],
    );
    if (lessons.length < needed) throw new Error(`only ${lessons.length} lessons of quarter 2 to conduct, ${needed} needed`);
    const { rows: types } = await pg.query(`SELECT id, code FROM mark_type WHERE school_id = $1`, [schoolId]);
    const typeId = (code) => types.find((t) => t.code === code).id;
    const bodyOf = (lesson, k) => {
      const [n, b, o, ...rest] = lesson.students;
      const present = [o, ...rest];
      const marks = present.map((studentId, i) => ({ studentId, markTypeId: typeId('oral_answer'), value: 5 - ((i + k) % 4) }));
      for (let i = 0; marks.length < 30; i++) marks.push({ studentId: present[i], markTypeId: typeId('homework'), value: 5 - (i % 3) });
      return {
        topic: 'Решение задач по теме',
        workKind: 'lesson',
        marks: marks.slice(0, 30),
        attendance: [{ studentId: n, code: 'Н' }, { studentId: b, code: 'Б' }, { studentId: o, code: 'О' }],
      };
    };

    // the teachers' users and tokens; the demo parent
    const logins = await teacherUsers(root, pg, schoolId, [...new Set([page.staffId, ...lessons.map((l) => l.staffId)])]);
    const tokens = new Map();
    for (const [staffId, { login, password }] of logins) {
      if (password === null) continue; // the demo teacher: not used unless among these (then signs in below)
      tokens.set(staffId, await signIn(base, login, password));
    }
    const demoPassword = (role) => new RegExp(`^\\s+${role}\\s+(\\S+)\\s+${role}$`, 'm').exec(seeded.api.output())?.[1];
    for (const [staffId, { login, password }] of logins) {
      if (password === null) tokens.set(staffId, await signIn(base, login, demoPassword('teacher')));
    }
    const auth = (staffId) => ({ authorization: `Bearer ${tokens.get(staffId)}`, 'content-type': 'application/json' });
    const parentToken = await signIn(base, 'parent', demoPassword('parent'));
    const { rows: [child] } = await pg.query(
      `SELECT sg.student_id AS id FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id JOIN app_user u ON u.id = g.user_id
        WHERE u.login = 'parent' ORDER BY sg.student_id LIMIT 1`,
    );
    const monday = new Date(`${q1.startsOn}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() + 14 - ((monday.getUTCDay() + 6) % 7));
    const diaryDate = monday.toISOString().slice(0, 10);

    const barePort = await freePort();
    const bare = startProcess(root, ['test/bench/bare-journal-server.mjs'], { DATABASE_URL: databaseUrl, PORT: String(barePort) });
    procs.push(bare);
    await waitUntil('bare journal server', async () => bare.output().includes('ready'), bare);
    const bareBase = `http://127.0.0.1:${barePort}`;
    const pageUrl = `${base}/api/v1/journal?assignmentId=${page.assignmentId}&periodId=${page.periodId}`;
    const barePageUrl = `${bareBase}/journal/${page.assignmentId}/${q1.startsOn}/${q1.endsOn}`;
    const diaryUrl = `${base}/api/v1/diary/week?studentId=${child.id}&date=${diaryDate}`;
    const bareDiaryUrl = `${bareBase}/diary/${child.id}/${diaryDate}`;
    // the floors running the service's own statements (journalPageQuery, diaryWeekQuery) for the same actors
    const { rows: [pageUser] } = await pg.query(`SELECT user_id AS id FROM staff WHERE id = $1`, [page.staffId]);
    const { rows: [parentUser] } = await pg.query(`SELECT id FROM app_user WHERE login = 'parent'`);
    const samePageUrl = `${bareBase}/journal-same/${pageUser.id}/${schoolId}/teacher/${page.assignmentId}/${page.periodId}`;
    const sameDiaryUrl = `${bareBase}/diary-same/${parentUser.id}/${schoolId}/${child.id}/${diaryDate}`;
    const parentAuth = { authorization: `Bearer ${parentToken}` };
    const putUrl = (lesson) => `${base}/api/v1/lessons/${lesson.id}/journal`;

    // the floors' answers (and, unless floors only, the service's: every endpoint must answer 200 before anything is measured)
    const barePage = await (await fetch(barePageUrl)).json();
    const bareDiary = await (await fetch(bareDiaryUrl)).json();
    const floorShape = {
      pageStudents: barePage.students.length, pageLessons: barePage.lessons.length,
      pageMarks: barePage.lessons.reduce((n, l) => n + l.marks.length, 0),
      diaryLessons: bareDiary.days.reduce((n, d) => n + d.lessons.length, 0),
    };
    if (floorShape.pageLessons === 0 || floorShape.pageMarks === 0 || floorShape.diaryLessons === 0) throw new Error(`floor answers are empty: ${JSON.stringify(floorShape)}`);
    const samePage = await (await fetch(samePageUrl)).json();
    const sameDiary = await (await fetch(sameDiaryUrl)).json();
    // the row as it comes: the students as JSON text
    const sameStudents = JSON.parse(samePage?.students ?? '[]').length;
    if (sameStudents !== floorShape.pageStudents || samePage?.lessons?.length !== floorShape.pageLessons) {
      throw new Error(`the same-SQL page floor answers ${sameStudents} students × ${samePage?.lessons?.length} lessons, the hand-written one ${floorShape.pageStudents} × ${floorShape.pageLessons}`);
    }
    // the row as it comes: each day's lessons as JSON text (lessons0 … lessons6)
    const sameDiaryLessons = [0, 1, 2, 3, 4, 5, 6].reduce((n, i) => n + JSON.parse(sameDiary?.[`lessons${i}`] ?? '[]').length, 0);
    if (sameDiaryLessons !== floorShape.diaryLessons) throw new Error(`the same-SQL diary floor answers ${sameDiaryLessons} lessons, the hand-written one ${floorShape.diaryLessons}`);
    const apiLessons = lessons.filter((_, i) => i % 3 === 0);
    const floorLessons = lessons.filter((_, i) => i % 3 === 1);
    const inProcessLessons = lessons.filter((_, i) => i % 3 === 2);
    const { rows: staffUsers } = await pg.query(`SELECT id, user_id AS "userId" FROM staff WHERE id = ANY($1::uuid[])`, [[...new Set(lessons.map((l) => l.staffId))]]);
    const userOf = new Map(staffUsers.map((s) => [s.id, s.userId]));
    let apiShape = null;
    if (!floorsOnly) {
      await timed(pageUrl, { headers: auth(page.staffId) });
      await timed(diaryUrl, { headers: parentAuth });
      const first = apiLessons.shift();
      await timed(putUrl(first), { method: 'PUT', headers: { ...auth(first.staffId), 'idempotency-key': randomUUID() }, body: JSON.stringify(bodyOf(first, 0)) });
      const { rows: [w] } = await pg.query(`SELECT count(*)::int AS marks, (SELECT count(*) FROM attendance WHERE lesson_id = $1)::int AS absences FROM mark WHERE lesson_id = $1 AND annulled_at IS NULL`, [first.id]);
      if (w.marks !== 30 || w.absences !== 3) throw new Error(`PUT /lessons/{id}/journal wrote ${w.marks} marks and ${w.absences} absences, expected 30 and 3`);
      const apiPage = await (await fetch(pageUrl, { headers: auth(page.staffId) })).json();
      const apiDiary = await (await fetch(diaryUrl, { headers: parentAuth })).json();
      apiShape = {
        pageStudents: Array.isArray(apiPage.students) ? apiPage.students.length : null,
        pageLessons: Array.isArray(apiPage.lessons) ? apiPage.lessons.length : null,
        diaryLessons: Array.isArray(apiDiary.days) ? apiDiary.days.reduce((n, d) => n + (d.lessons?.length ?? 0), 0) : null,
      };
    }

    // 1. journal page: sequential, alternating rounds
    const seq = async (url, headers, count) => {
      const out = [];
      for (let i = 0; i < count; i++) out.push(await timed(url, { headers }));
      return out;
    };
    const pageRuns = { api: [], floor: [], apiAll: [], floorAll: [], same: [], sameAll: [] };
    if (!floorsOnly) await seq(pageUrl, auth(page.staffId), 20);
    await seq(barePageUrl, {}, 20);
    await seq(samePageUrl, {}, 20);
    for (let r = 0; r < rounds; r++) {
      if (!floorsOnly) {
        const a = await seq(pageUrl, auth(page.staffId), requestsPerRound * 2);
        pageRuns.api.push(median(a));
        pageRuns.apiAll.push(...a);
      }
      const f = await seq(barePageUrl, {}, requestsPerRound * 2);
      pageRuns.floor.push(median(f));
      pageRuns.floorAll.push(...f);
      const g = await seq(samePageUrl, {}, requestsPerRound * 2);
      pageRuns.same.push(median(g));
      pageRuns.sameAll.push(...g);
    }

    // 2. diary week: autocannon, alternating rounds
    const diaryRuns = { api: [], floor: [], same: [] };
    if (!floorsOnly) await load(diaryUrl, parentAuth, 2, connections);
    await load(bareDiaryUrl, {}, 2, connections);
    await load(sameDiaryUrl, {}, 2, connections);
    for (let r = 0; r < Math.min(rounds, 3); r++) {
      if (!floorsOnly) diaryRuns.api.push(await load(diaryUrl, parentAuth, seconds, connections));
      diaryRuns.floor.push(await load(bareDiaryUrl, {}, seconds, connections));
      diaryRuns.same.push(await load(sameDiaryUrl, {}, seconds, connections));
    }

    // 3. lesson PUT: each request on a new lesson, alternating rounds; the floor: the same rows by a node:http + pg
    // handler (bare-journal-server.mjs), and, for reference, by this process itself (no HTTP)
    const putRuns = { api: [], floor: [], apiAll: [], floorAll: [], inProcess: [], inProcessAll: [] };
    let k = 0;
    const put = (lesson) =>
      timed(putUrl(lesson), { method: 'PUT', headers: { ...auth(lesson.staffId), 'idempotency-key': randomUUID() }, body: JSON.stringify(bodyOf(lesson, k++)) });
    const floorPut = (lesson) =>
      timed(`${bareBase}/lesson-rows/${schoolId}/${userOf.get(lesson.staffId)}/${lesson.id}/${lesson.assignmentId}/${lesson.date}`,
        { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodyOf(lesson, k++)) }, 204);
    const inProcessPut = (lesson) => inProcessLesson(pg, setAuditContext, schoolId, userOf.get(lesson.staffId), lesson, bodyOf(lesson, k++));
    for (let i = 0; i < warm; i++) {
      if (!floorsOnly) await put(apiLessons.shift());
      await floorPut(floorLessons.shift());
      await inProcessPut(inProcessLessons.shift());
    }
    for (let r = 0; r < rounds; r++) {
      if (!floorsOnly) {
        const a = [];
        for (let i = 0; i < requestsPerRound; i++) a.push(await put(apiLessons.shift()));
        putRuns.api.push(median(a));
        putRuns.apiAll.push(...a);
      }
      const f = [];
      for (let i = 0; i < requestsPerRound; i++) f.push(await floorPut(floorLessons.shift()));
      putRuns.floor.push(median(f));
      putRuns.floorAll.push(...f);
      const p = [];
      for (let i = 0; i < requestsPerRound; i++) p.push(await inProcessPut(inProcessLessons.shift()));
      putRuns.inProcess.push(median(p));
      putRuns.inProcessAll.push(...p);
    }
    const { rows: [floorRows] } = await pg.query(
      `SELECT count(*)::int AS marks, (SELECT count(*) FROM attendance WHERE lesson_id = ANY($1::uuid[]))::int AS absences FROM mark WHERE lesson_id = ANY($1::uuid[])`,
      [lessons.filter((_, i) => i % 3 === 1).slice(0, warm + rounds * requestsPerRound).map((l) => l.id)],
    );
    if (floorRows.marks !== 30 * (warm + rounds * requestsPerRound) || floorRows.absences !== 3 * (warm + rounds * requestsPerRound)) {
      throw new Error(`the PUT floor wrote ${floorRows.marks} marks and ${floorRows.absences} absences`);
    }

    const side = (runs, all) => (runs.length === 0 ? null : { p50Ms: ms(median(runs)), p99Ms: ms(percentile(all, 99)) });
    const loadSide = (runs) =>
      runs.length === 0 ? null : { rps: Math.round(median(runs.map((x) => x.rps))), p50Ms: median(runs.map((x) => x.p50)), p99Ms: median(runs.map((x) => x.p99)) };
    const result = {
      floorsOnly, today, firstStartMs, journal,
      page: { class: page.class, students: page.students, lessons: page.lessons, ...floorShape, apiShape,
        api: side(pageRuns.api, pageRuns.apiAll), floor: side(pageRuns.floor, pageRuns.floorAll), same: side(pageRuns.same, pageRuns.sameAll) },
      diary: { date: diaryDate, lessons: floorShape.diaryLessons, connections, seconds, api: loadSide(diaryRuns.api), floor: loadSide(diaryRuns.floor), same: loadSide(diaryRuns.same) },
      put: { marks: 30, absences: 3, api: side(putRuns.api, putRuns.apiAll), floor: side(putRuns.floor, putRuns.floorAll), inProcess: side(putRuns.inProcess, putRuns.inProcessAll) },
      rounds, requestsPerRound,
    };
    if (!floorsOnly) {
      result.page.ratio = +(result.page.api.p50Ms / result.page.same.p50Ms).toFixed(2);
      result.page.handRatio = +(result.page.api.p50Ms / result.page.floor.p50Ms).toFixed(2);
      result.diary.ratio = +(result.diary.api.rps / result.diary.same.rps).toFixed(2);
      result.diary.handRatio = +(result.diary.api.rps / result.diary.floor.rps).toFixed(2);
      result.put.ratio = +(result.put.floor.p50Ms / result.put.api.p50Ms).toFixed(2);
      result.put.inProcessRatio = +(result.put.inProcess.p50Ms / result.put.api.p50Ms).toFixed(2);
    }
    return result;
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

export function describeJournal(r) {
  const j = r.journal;
  const p = r.page;
  const d = r.diary;
  const u = r.put;
  const side = (x) => (x ? `p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms` : 'not measured');
  const load = (x) => (x ? `${x.rps} req/s (p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms)` : 'not measured');
  const goal = (ok) => (ok ? 'goal met' : 'GOAL MISSED');
  return [
    `journal seed: the demo school's first quarter conducted at the first start (${r.firstStartMs} ms to ready, seed included): ${j.lessons} lessons, ${j.marks} marks, ${j.absences} absences, ${j.homework} homework for ${j.students} students`,
    `GET /journal (${p.class}: ${p.pageStudents} students × ${p.pageLessons} lessons, ${p.pageMarks} marks, quarter 1, as the teacher) ${side(p.api)} vs bare node:http + pg running the same SQL (the service's statement) ${side(p.same)}` +
      (r.floorsOnly ? '' : `: ratio ${p.ratio} (goal ≤ 1.5: ${goal(p.ratio <= 1.5)})`) +
      `; vs a hand-written minimal pair of statements ${side(p.floor)}` + (r.floorsOnly ? '' : `: ratio ${p.handRatio}`),
    `GET /diary/week (${d.date}, ${d.lessons} lessons, as the parent) ${load(d.api)} vs bare node:http + pg running the same SQL (the service's statement) ${load(d.same)} at ${d.connections} connections, 0 errors` +
      (r.floorsOnly ? '' : `: throughput ratio ${d.ratio} (goal ≥ 0.6: ${goal(d.ratio >= 0.6)})`) +
      `; vs a hand-written minimal statement ${load(d.floor)}` + (r.floorsOnly ? '' : `: ratio ${d.handRatio}`),
    `PUT /lessons/{id}/journal (topic, ${u.marks} marks, ${u.absences} absences, a new lesson each time, as its teacher) ${side(u.api)} vs bare node:http + pg writing the same rows by hand in one transaction ${side(u.floor)}` +
      (r.floorsOnly ? '' : `: speed ratio floor/api ${u.ratio} (goal ≥ 0.5: ${goal(u.ratio >= 0.5)})`) +
      `; vs the same rows written by the bench process itself, no HTTP ${side(u.inProcess)}` + (r.floorsOnly ? '' : `: ratio ${u.inProcessRatio}`),
    `(medians of ${r.rounds} alternating rounds of sequential requests; diary: autocannon, ${d.seconds}-s rounds; the bench's today: ${r.today})` +
      (r.floorsOnly ? ' — FLOORS ONLY: the service was not measured' : ''),
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(here, '..', '..');
  const r = await measureJournal(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    floorsOnly: process.env.BENCH_JOURNAL_FLOORS_ONLY === '1',
  });
  process.stdout.write(`${describeJournal(r)}\n`);
}

// Figures of issue 4 (contingent), each against a hand-written floor measured in the same run:
//  1. GET /classes/{classId}/students (the class list on today's date) p50, sequential requests with a token, for the
//     largest class of the demo school (~30 of its ~1,100 students) — against bare node:http + pg running the same
//     roster SQL (bare-class-list-server.mjs), alternating rounds;
//  2. the class-list import of a whole generated school (~1,100 students, ~2,000 guardians; XLSX) end to end — api
//     (POST /imports/class-lists) → Redis → worker → job succeeded — with the worker's peak RSS (VmHWM), into a
//     new academic year's 44 empty classes of the demo school; then the same file again (nothing to change).
//     Floor: the same students, guardians, links, enrolments and arrivals written by hand in one transaction
//     (multi-row INSERTs through pg, audit context set, the audit trigger firing), on a clone of the same database.
//
// Standalone: `npm run build && node test/bench/contingent-bench.mjs` (needs a PostgreSQL and a Redis: BENCH_PG_URL,
// default postgres://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). Linux only (reads
// /proc/<pid>/status). It creates and drops its own databases and uses a Redis key prefix of its own.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlOf, freePort, median, processMemory, sequentialP50, signIn, startApiWithDemo, startProcess, stopAll, waitUntil } from './bench-utils.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));


/** The XLSX of the generated school's class lists, and what the import should create. */
async function classListFile(root, startYear) {
  const ExcelJS = require(`${root}/node_modules/exceljs`);
  const { buildSchoolRows } = require(`${root}/dist/database/seed/class-list-rows.js`);
  const { CLASS_LIST_COLUMNS } = require(`${root}/dist/modules/imports/class-list-format.js`);
  const built = buildSchoolRows({ seed: 7, startYear, prefix: 'BENCH' }) // the import test's school: ~1,130 students, ~2,010 guardians;
  const headers = CLASS_LIST_COLUMNS.map((c) => c.header);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Список');
  sheet.addRow(headers);
  for (const r of built.rows) sheet.addRow(headers.map((h) => r[h] ?? null));
  sheet.getColumn(headers.indexOf('Дата рождения') + 1).numFmt = 'dd.mm.yyyy';
  return { ...built, file: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/**
 * The floor: the rows written by hand in one transaction — students, guardians (one per ФИО + phone, else ФИО +
 * e-mail, else per row: the import's rule), links, enrolments and arrivals — with multi-row INSERTs.
 */
async function handWritten(root, databaseUrl, rows, yearId, date) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { setAuditContext } = require(`${root}/dist/database/audit-context.subscriber.js`);
  const { systemContext } = require(`${root}/dist/common/context/request-context.js`);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const { rows: classes } = await pg.query(`SELECT id, school_id, grade || letter AS name FROM school_class WHERE academic_year_id = $1`, [yearId]);
    const classOf = new Map(classes.map((c) => [c.name, c.id]));
    const school = classes[0].school_id;
    const t0 = performance.now();
    await pg.query('BEGIN');
    await setAuditContext(pg, systemContext('bench', school));
    const students = rows.map((r) => ({ id: crypto.randomUUID(), r }));
    const guardians = new Map();
    const links = [];
    const REL = { мать: 'mother', отец: 'father', опекун: 'guardian', попечитель: 'trustee', 'приёмный родитель': 'foster_parent', иное: 'other' };
    for (const { id, r } of students) {
      for (const k of [1, 2]) {
        const fio = r[`Представитель ${k}: ФИО`];
        if (!fio) continue;
        const phone = r[`Представитель ${k}: телефон`];
        const email = r[`Представитель ${k}: e-mail`];
        const key = phone ? `${fio}|p|${phone}` : email ? `${fio}|e|${email}` : crypto.randomUUID();
        if (!guardians.has(key)) {
          const [surname, name, ...rest] = fio.split(' ');
          guardians.set(key, { id: crypto.randomUUID(), surname, name, patronymic: rest.join(' ') || null, phone, email });
        }
        links.push([id, guardians.get(key).id, REL[r[`Представитель ${k}: кем приходится`]]]);
      }
    }
    const col = (xs, f) => xs.map(f);
    await pg.query(
      `INSERT INTO student (id, school_id, surname, name, patronymic, birth_date, gender, personal_file_number, phone, email)
       SELECT u.id, $1::uuid, u.surname, u.name, u.patronymic, u.birth_date, u.gender, u.file_number, u.phone, u.email
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS u(id, surname, name, patronymic, birth_date, gender, file_number, phone, email)`,
      [
        school, col(students, (s) => s.id), col(students, (s) => s.r['Фамилия']), col(students, (s) => s.r['Имя']),
        col(students, (s) => s.r['Отчество']), col(students, (s) => s.r['Дата рождения'].toISOString().slice(0, 10)),
        col(students, (s) => (s.r['Пол'] === 'ж' ? 'f' : 'm')), col(students, (s) => s.r['№ личного дела']),
        col(students, (s) => s.r['Телефон']), col(students, (s) => s.r['E-mail']),
      ],
    );
    const gs = [...guardians.values()];
    await pg.query(
      `INSERT INTO guardian (id, school_id, surname, name, patronymic, phone, email)
       SELECT u.id, $1::uuid, u.surname, u.name, u.patronymic, u.phone, u.email
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, surname, name, patronymic, phone, email)`,
      [school, col(gs, (g) => g.id), col(gs, (g) => g.surname), col(gs, (g) => g.name), col(gs, (g) => g.patronymic), col(gs, (g) => g.phone), col(gs, (g) => g.email)],
    );
    await pg.query(
      `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation)
       SELECT $1::uuid, u.s, u.g, u.r FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(s, g, r)`,
      [school, col(links, (l) => l[0]), col(links, (l) => l[1]), col(links, (l) => l[2])],
    );
    const classIds = col(students, (s) => classOf.get(s.r['Класс']));
    await pg.query(
      `INSERT INTO enrollment (school_id, student_id, class_id, starts_on) SELECT $1::uuid, u.s, u.c, $4::date FROM unnest($2::uuid[], $3::uuid[]) AS u(s, c)`,
      [school, col(students, (s) => s.id), classIds, date],
    );
    await pg.query(
      `INSERT INTO movement (school_id, student_id, kind, occurred_on, order_number, to_class_id)
       SELECT $1::uuid, u.s, 'arrival', $4::date, 'bench-1', u.c FROM unnest($2::uuid[], $3::uuid[]) AS u(s, c)`,
      [school, col(students, (s) => s.id), classIds, date],
    );
    await pg.query('COMMIT');
    return { ms: performance.now() - t0, guardians: gs.length, links: links.length };
  } finally {
    await pg.end();
  }
}

export async function measureContingent(root, { pgAdminUrl, redisUrl, runs = 3, rounds = 5, requestsPerRound = 100 } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const Redis = require(`${root}/node_modules/ioredis`);
  const tag = randomBytes(4).toString('hex');
  const template = `ejournal_bench_contingent_${tag}`;
  const prefix = `ejbench-${tag}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  const databases = [template];
  const procs = [];
  const envOf = async (databaseUrl) => ({
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: String(await freePort()),
    HOST: '127.0.0.1', JWT_SECRET: 'bench-only-secret-of-sufficient-length-0123456789', LOG_LEVEL: 'warn',
  });
  try {
    // the template: the demo school, and a next academic year with 44 empty classes for the import
    await admin.query(`CREATE DATABASE "${template}" ENCODING 'UTF8'`);
    const templateUrl = databaseUrlOf(pgAdminUrl, template);
    await runMigrations(templateUrl);
    const seeded = await startApiWithDemo(root, await envOf(templateUrl));
    procs.push(seeded.api);
    const password = seeded.password;
    const token = await signIn(seeded.base, 'admin', password);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const pg = new Client({ connectionString: templateUrl });
    await pg.connect();
    const { rows: years } = await pg.query(`SELECT to_char(max(ends_on), 'YYYY')::int AS y FROM academic_year`);
    const startYear = years[0].y;
    const yearRes = await fetch(`${seeded.base}/api/v1/academic-years`, {
      method: 'POST', headers: auth,
      body: JSON.stringify({ name: `${startYear}/${startYear + 1}`, startsOn: `${startYear}-09-01`, endsOn: `${startYear + 1}-05-31` }),
    });
    if (yearRes.status !== 201) throw new Error(`academic year: ${yearRes.status} ${await yearRes.text()}`);
    const yearId = (await yearRes.json()).id;
    for (let grade = 1; grade <= 11; grade++) {
      for (const letter of ['А', 'Б', 'В', 'Г']) {
        const r = await fetch(`${seeded.base}/api/v1/academic-years/${yearId}/classes`, { method: 'POST', headers: auth, body: JSON.stringify({ grade, letter }) });
        if (r.status !== 201) throw new Error(`class: ${r.status} ${await r.text()}`);
      }
    }

    // 1. class list p50 against the bare floor, alternating rounds
    const { rows: big } = await pg.query(
      `SELECT e.class_id, count(*)::int AS n FROM enrollment e WHERE e.ends_on IS NULL GROUP BY e.class_id ORDER BY n DESC, e.class_id LIMIT 1`,
    );
    await pg.end();
    const classId = big[0].class_id;
    const barePort = await freePort();
    const bare = startProcess(root, ['test/bench/bare-class-list-server.mjs'], { DATABASE_URL: templateUrl, PORT: String(barePort) });
    procs.push(bare);
    await waitUntil('bare server', async () => bare.output().includes('ready'), bare);
    const apiUrl = `${seeded.base}/api/v1/classes/${classId}/students`;
    const bareUrl = `http://127.0.0.1:${barePort}/${classId}`;
    const check = await (await fetch(apiUrl, { headers: auth })).json();
    await sequentialP50(apiUrl, auth, 50); // warm-up (JIT, connections, session cache), not counted
    await sequentialP50(bareUrl, {}, 50);
    const listRuns = { api: [], bare: [] };
    for (let i = 0; i < rounds; i++) {
      listRuns.api.push(await sequentialP50(apiUrl, auth, requestsPerRound));
      listRuns.bare.push(await sequentialP50(bareUrl, {}, requestsPerRound));
    }
    await stopAll(procs.splice(0));

    // 2. the import, each run on a fresh clone of the template; the floor on another clone
    const file = await classListFile(root, startYear);
    const importRuns = [];
    const floorRuns = [];
    for (let i = 0; i < runs; i++) {
      const name = `${template}_run${i}`;
      databases.push(name);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      const env = await envOf(databaseUrlOf(pgAdminUrl, name));
      const api = startProcess(root, ['dist/main.js'], env);
      procs.push(api);
      const base = `http://127.0.0.1:${env.PORT}`;
      await waitUntil('api ready', async () => (await fetch(`${base}/health/ready`)).status === 200, api);
      const worker = startProcess(root, ['dist/worker.js'], { ...env, LOG_LEVEL: 'info' });
      procs.push(worker);
      await waitUntil('worker ready', async () => worker.output().includes('Worker ready'), worker);
      const runToken = await signIn(base, 'admin', password);
      const importOnce = async () => {
        const t0 = performance.now();
        const q = new URLSearchParams({ academicYearId: yearId, date: `${startYear}-09-01`, orderNumber: 'bench-1', fileName: 'bench.xlsx' });
        const res = await fetch(`${base}/api/v1/imports/class-lists?${q}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${runToken}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
          body: file.file,
        });
        if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
        const { id } = await res.json();
        let job;
        await waitUntil(
          'import job',
          async () => {
            job = await (await fetch(`${base}/api/v1/jobs/${id}`, { headers: { authorization: `Bearer ${runToken}` } })).json();
            if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
            return job.status === 'succeeded';
          },
          worker,
          300_000,
        );
        return { ms: performance.now() - t0, result: job.result };
      };
      const idle = processMemory(worker.child.pid);
      const first = await importOnce();
      const afterFirst = processMemory(worker.child.pid);
      const second = await importOnce();
      if (first.result.applied !== true || first.result.created !== file.rows.length || second.result.unchanged !== file.rows.length) {
        throw new Error(`unexpected import result: ${JSON.stringify({ first: first.result, second: second.result }).slice(0, 500)}`);
      }
      importRuns.push({ firstMs: first.ms, secondMs: second.ms, idleMiB: idle.rss, peakMiB: afterFirst.peak, guardians: first.result.guardiansCreated });
      await stopAll(procs.splice(0));
      const floorDb = `${template}_floor${i}`;
      databases.push(floorDb);
      await admin.query(`CREATE DATABASE "${floorDb}" TEMPLATE "${template}"`);
      floorRuns.push(await handWritten(root, databaseUrlOf(pgAdminUrl, floorDb), file.rows, yearId, `${startYear}-09-01`));
    }
    const apiP50 = median(listRuns.api);
    const bareP50 = median(listRuns.bare);
    const importMs = median(importRuns.map((r) => r.firstMs));
    const floorMs = median(floorRuns.map((r) => r.ms));
    return {
      classList: {
        students: check.items.length, apiP50Ms: +apiP50.toFixed(2), bareP50Ms: +bareP50.toFixed(2), ratio: +(apiP50 / bareP50).toFixed(2),
        rounds, requestsPerRound, runs: { api: listRuns.api.map((x) => +x.toFixed(2)), bare: listRuns.bare.map((x) => +x.toFixed(2)) },
      },
      import: {
        students: file.rows.length, guardians: importRuns[0].guardians, fileKiB: Math.round(file.file.length / 1024),
        firstMsMedian: Math.round(importMs), secondMsMedian: Math.round(median(importRuns.map((r) => r.secondMs))),
        peakMiBMedian: median(importRuns.map((r) => r.peakMiB)), idleMiBMedian: median(importRuns.map((r) => r.idleMiB)),
        floorMsMedian: Math.round(floorMs), ratio: +(importMs / floorMs).toFixed(1),
        runs: importRuns.map((r) => ({ ...r, firstMs: Math.round(r.firstMs), secondMs: Math.round(r.secondMs) })),
        floorRuns: floorRuns.map((r) => Math.round(r.ms)),
      },
    };
  } finally {
    await stopAll(procs);
    for (const d of databases.reverse()) await admin.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

export function describeContingent(r) {
  const c = r.classList;
  const i = r.import;
  return [
    `GET /classes/{id}/students (${c.students} students) p50 ${c.apiP50Ms} ms vs bare node:http + the same SQL ${c.bareP50Ms} ms: ratio ${c.ratio} (medians of ${c.rounds} alternating rounds of ${c.requestsPerRound} sequential requests)`,
    `class-list import, XLSX ${i.fileKiB} KiB, ${i.students} students + ${i.guardians} guardians, api → Redis → worker → succeeded: median ${i.firstMsMedian} ms (runs ${i.runs.map((x) => x.firstMs).join(', ')}); same file again ${i.secondMsMedian} ms`,
    `  worker RSS idle ${i.idleMiBMedian} MiB, peak (VmHWM) ${i.peakMiBMedian} MiB (runs ${i.runs.map((x) => x.peakMiB).join(', ')})`,
    `  floor: the same rows written by hand in one transaction ${i.floorMsMedian} ms (runs ${i.floorRuns.join(', ')}): ratio ${i.ratio}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(here, '..', '..');
  const r = await measureContingent(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    runs: Number(process.env.BENCH_IMPORT_RUNS ?? 3),
  });
  process.stdout.write(`${describeContingent(r)}\n`);
}

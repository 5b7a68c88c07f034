// Figure of issue 4: the class-list import of a whole school (~1,100 students with their guardians) as XLSX, end to
// end — api (POST /imports/class-lists, file stored with the job) → Redis → worker (`node dist/worker.js`) → job
// succeeded — and the worker's peak RSS (VmHWM) while it ran. Then the same file again (nothing to change).
// The rows come from test/fixtures/imports/school-rows.ts (the import tests' builder), into the classes of the demo
// school's current year, with file numbers of their own («BENCH-…») and confirm=true (the seed's own students, once
// it has them, make the classes non-empty: the safety threshold would otherwise ask for confirmation).
//
// Standalone: `npm run build && node test/bench/import-bench.mjs` (needs a PostgreSQL and a Redis: BENCH_PG_URL,
// default postgres://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379). Linux only (reads
// /proc/<pid>/status). It creates and drops its own database and uses a Redis key prefix of its own.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess } from './bench-utils.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

async function waitUntil(what, probe, proc, ms = 120_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what}: process exited:\n${proc.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

/** VmRSS and VmHWM (peak) of a process in MiB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** The import tests' row builder, transpiled on the fly (it is TypeScript and imports nothing). */
async function rowBuilder(root) {
  const ts = require(`${root}/node_modules/typescript`);
  const source = readFileSync(resolve(root, 'test/fixtures/imports/school-rows.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
}

const HEADERS = [
  '№ личного дела', 'Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Пол', 'Класс', 'Телефон', 'E-mail',
  'Представитель 1: ФИО', 'Представитель 1: кем приходится', 'Представитель 1: телефон', 'Представитель 1: e-mail',
  'Представитель 2: ФИО', 'Представитель 2: кем приходится', 'Представитель 2: телефон', 'Представитель 2: e-mail',
];

export async function measureImport(root, { pgAdminUrl, redisUrl, students = 1100 } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const Redis = require(`${root}/node_modules/ioredis`);
  const ExcelJS = require(`${root}/node_modules/exceljs`);
  const name = `ejournal_bench_import_${randomBytes(4).toString('hex')}`;
  const prefix = `ejbench-${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`);
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const port = await freePort();
  const env = {
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: String(port),
    HOST: '127.0.0.1', JWT_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn', SEED_DEMO: 'true',
  };
  const procs = [];
  const pg = new Client({ connectionString: databaseUrl });
  try {
    await runMigrations(databaseUrl);
    const api = startProcess(root, ['dist/main.js'], env);
    procs.push(api);
    const apiBase = `http://127.0.0.1:${port}`;
    await waitUntil('api ready', async () => (await fetch(`${apiBase}/health/ready`)).status === 200, api);
    await waitUntil('demo logins printed', async () => /^\s+admin\s+\S+\s+admin$/m.test(api.output()), api, 10_000);
    const password = /^\s+admin\s+(\S+)\s+admin$/m.exec(api.output())[1];
    const worker = startProcess(root, ['dist/worker.js'], { ...env, LOG_LEVEL: 'info' });
    procs.push(worker);
    await waitUntil('worker ready', async () => worker.output().includes('Worker ready'), worker);
    const login = await fetch(`${apiBase}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const token = (await login.json()).accessToken;
    await pg.connect();

    const { rows: years } = await pg.query(
      `SELECT y.id, to_char(y.starts_on, 'YYYY') AS start_year, to_char(greatest(y.starts_on, least(now()::date, y.ends_on)), 'YYYY-MM-DD') AS date
         FROM academic_year y ORDER BY abs(now()::date - y.starts_on) LIMIT 1`,
    );
    const year = years[0];
    const { rows: classes } = await pg.query(
      `SELECT grade || letter AS name FROM school_class WHERE academic_year_id = $1 ORDER BY grade, letter`,
      [year.id],
    );
    const { buildSchoolRows } = await rowBuilder(root);
    const perClass = Math.ceil(students / classes.length);
    const built = buildSchoolRows(classes.map((c) => c.name), { seed: 11, perClass, startYear: Number(year.start_year), prefix: 'BENCH' });
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Список');
    sheet.addRow(HEADERS);
    for (const r of built.rows) sheet.addRow(HEADERS.map((h) => r[h] ?? null));
    sheet.getColumn(5).numFmt = 'dd.mm.yyyy';
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const importOnce = async () => {
      const t0 = performance.now();
      const q = new URLSearchParams({ academicYearId: year.id, date: year.date, orderNumber: 'bench-1', confirm: 'true', fileName: 'bench.xlsx' });
      const res = await fetch(`${apiBase}/api/v1/imports/class-lists?${q}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: file,
      });
      if (res.status !== 202) throw new Error(`import answered ${res.status}: ${await res.text()}`);
      const { id } = await res.json();
      let job;
      let peakSeen = 0;
      await waitUntil(
        'import job',
        async () => {
          peakSeen = Math.max(peakSeen, memory(worker.child.pid).rss);
          job = await (await fetch(`${apiBase}/api/v1/jobs/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();
          if (job.status === 'failed') throw new Error(`import failed: ${job.error}`);
          return job.status === 'succeeded';
        },
        worker,
        300_000,
      );
      return { ms: Math.round(performance.now() - t0), result: job.result };
    };

    const before = memory(worker.child.pid);
    const first = await importOnce();
    const afterFirst = memory(worker.child.pid);
    const second = await importOnce();
    const afterSecond = memory(worker.child.pid);
    return { students: built.rows.length, guardians: built.guardians, fileKiB: Math.round(file.length / 1024), before, first, afterFirst, second, afterSecond };
  } finally {
    await pg.end().catch(() => {});
    for (const p of procs.reverse()) {
      if (p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(here, '..', '..');
  const r = await measureImport(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  const c = r.first.result;
  process.stdout.write(
    `class-list import, XLSX ${r.fileKiB} KiB, ${r.students} students, ${r.guardians} guardians, end to end (api → Redis → worker → succeeded):\n` +
      `  first import ${r.first.ms} ms (created ${c.created}, guardians ${c.guardiansCreated}, links ${c.guardianLinksCreated}, errors ${c.errorCount})\n` +
      `  same file again ${r.second.ms} ms (unchanged ${r.second.result.unchanged}, applied ${r.second.result.applied})\n` +
      `  worker RSS: ${r.before.rss} MiB idle; peak (VmHWM) ${r.afterFirst.peak} MiB after the first import, ${r.afterSecond.peak} MiB after the second\n`,
  );
}

// npm run bench: figures measured in one run on this machine, reported as medians and as ratios
// against a hand-written floor measured in the same run.
//  1. cold start of the built api (`node dist/main.js`, embedded PostgreSQL): first start on an empty
//     data folder (initdb + migrations + demo seed) and restarts on existing data, to /health/ready 200;
//  2. requests per second of GET /health/live against a bare node:http server (autocannon, alternating rounds);
//  3. sign-in p50 against one argon2id verify, and the cost of an audited write (identity-audit-bench.mjs);
//  4. 100 small jobs end to end (api → Redis → worker) against bare BullMQ (jobs-bench.mjs); needs a PostgreSQL
//     server and Redis: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) and REDIS_URL;
//  5. the class list p50 against bare node:http + the same SQL, and the import of a whole generated school (~1,100
//     students, ~2,000 guardians) with the worker's peak RSS against the same rows written by hand
//     (contingent-bench.mjs); same needs as 4;
//  6. the bulk class-week timetable replace p50 against the same writes, conflict SQL and dated lessons by hand
//     (timetable-bench.mjs);
//  7. the time to materialise a school year of dated lessons (a generated school of 40 classes) through deriveLessons,
//     and its no-op re-derivation, against one hand-written INSERT … SELECT of the same rows (lessons-bench.mjs); needs
//     the PostgreSQL server of 4.
//  8. the journal (journal-bench.mjs), on the demo school with its generated first quarter: the class journal page p50/p99
//     and the diary week's requests per second at 64 connections against bare node:http + pg running the service's own
//     statement (and, for reference, hand-written minimal ones); the lesson PUT (30 marks, absences) p50/p99 against the
//     same rows by hand; same needs as 4.
import autocannon from 'autocannon';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, median, startProcess as startRoot } from './bench-utils.mjs';
import { measureAuditCost, measureLogin } from './identity-audit-bench.mjs';
import { describeContingent, measureContingent } from './contingent-bench.mjs';
import { measureJobs } from './jobs-bench.mjs';
import { describeTimetable, measureTimetable } from './timetable-bench.mjs';
import { describeLessons, measureLessons } from './lessons-bench.mjs';
import { describeJournal, measureJournal } from './journal-bench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 3);

const startProcess = (args, env) => startRoot(root, args, env);

async function waitFor(url, proc, ms = 120_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (proc.child.exitCode !== null) throw new Error(`process exited:\n${proc.output()}`);
    try {
      if ((await fetch(url)).status === 200) return performance.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not ready in ${ms} ms:\n${proc.output()}`);
}

async function stop(proc) {
  proc.child.kill('SIGTERM');
  await proc.exited;
}

async function load(url) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ejournal-bench-'));
  chmodSync(dir, 0o711);
  const [apiPort, pgPort, barePort] = [await freePort(), await freePort(), await freePort()];
  const apiEnv = { PORT: String(apiPort), EMBEDDED_PG_DIR: join(dir, 'data'), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '', JWT_SECRET: '' };
  const results = { machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS };
  try {
    // 1. cold start
    let api = startProcess(['dist/main.js'], apiEnv);
    results.firstStartMs = Math.round(await waitFor(`http://127.0.0.1:${apiPort}/health/ready`, api));
    await stop(api);
    const restarts = [];
    for (let i = 0; i < RESTARTS; i++) {
      api = startProcess(['dist/main.js'], apiEnv);
      restarts.push(await waitFor(`http://127.0.0.1:${apiPort}/health/ready`, api));
      if (i < RESTARTS - 1) await stop(api);
    }
    results.restartMs = { median: Math.round(median(restarts)), runs: restarts.map(Math.round) };

    // 2. /health/live vs bare node:http, alternating rounds so both see the same machine state
    const bare = startProcess(['test/bench/bare-server.mjs'], { PORT: String(barePort) });
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);
    const apiUrl = `http://127.0.0.1:${apiPort}/health/live`;
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await load(apiUrl); // warm-up (JIT), not counted
    await load(bareUrl);
    const runs = { api: [], bare: [] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.api.push(await load(apiUrl));
      runs.bare.push(await load(bareUrl));
    }
    await stop(bare);

    // 3. sign-in and audited writes, on the same api and database
    const pgDir = join(dir, 'data');
    const demo = JSON.parse(readFileSync(join(pgDir, 'demo-logins.json'), 'utf8')).find((l) => l.role === 'teacher');
    results.login = await measureLogin(root, `http://127.0.0.1:${apiPort}`, demo.login, demo.password);
    const pgPassword = readFileSync(join(pgDir, 'pg-password'), 'utf8').trim();
    results.auditWrite = await measureAuditCost(root, `postgres://postgres:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/ejournal`);
    await stop(api);
    const apiRps = median(runs.api.map((r) => r.rps));
    const bareRps = median(runs.bare.map((r) => r.rps));
    results.healthLive = {
      apiRps: Math.round(apiRps),
      bareRps: Math.round(bareRps),
      ratio: Number((apiRps / bareRps).toFixed(3)),
      apiLatencyP50Ms: median(runs.api.map((r) => r.p50)),
      apiLatencyP99Ms: median(runs.api.map((r) => r.p99)),
      bareLatencyP50Ms: median(runs.bare.map((r) => r.p50)),
      runs,
    };

    // 4. the job pipeline, on the machine's PostgreSQL and Redis
    if (process.env.REDIS_URL) {
      results.jobs = await measureJobs(root, {
        pgAdminUrl: process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        redisUrl: process.env.REDIS_URL,
        runs: Number(process.env.BENCH_JOB_RUNS ?? 3),
      });
      results.contingent = await measureContingent(root, {
        pgAdminUrl: process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        redisUrl: process.env.REDIS_URL,
        runs: Number(process.env.BENCH_IMPORT_RUNS ?? 3),
      });
      results.timetable = await measureTimetable(root, {
        pgAdminUrl: process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        redisUrl: process.env.REDIS_URL,
      });
      results.lessons = await measureLessons(root, {
        pgAdminUrl: process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        rounds: ROUNDS,
      });
      results.journal = await measureJournal(root, {
        pgAdminUrl: process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
        redisUrl: process.env.REDIS_URL,
        rounds: ROUNDS,
        seconds: SECONDS,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2));
  const h = results.healthLive;
  process.stdout.write(
    [
      `machine: ${results.machine}`,
      `cold start to /health/ready: first start (initdb + migrations + seed) ${results.firstStartMs} ms; restart median ${results.restartMs.median} ms (${results.restartMs.runs.join(', ')})`,
      `GET /health/live: ${h.apiRps} req/s (p50 ${h.apiLatencyP50Ms} ms, p99 ${h.apiLatencyP99Ms} ms) vs bare node:http ${h.bareRps} req/s (p50 ${h.bareLatencyP50Ms} ms)`,
      `ratio api / bare: ${h.ratio}  (medians of ${ROUNDS} alternating ${SECONDS}-s rounds, ${CONNECTIONS} connections; details in .bench/results.json)`,
      `POST /auth/login p50 ${results.login.loginP50Ms} ms vs one argon2id verify ${results.login.argon2VerifyP50Ms} ms: ratio ${results.login.ratio} (${results.login.count} sequential sign-ins, alternating)`,
      `audited write ${results.auditWrite.auditedWriteUs} µs vs the same write without the audit row ${results.auditWrite.bareWriteUs} µs: ratio ${results.auditWrite.ratio} (one-row UPDATE per transaction, medians of ${results.auditWrite.rounds} alternating rounds of ${results.auditWrite.writesPerRound})`,
      results.jobs
        ? `${results.jobs.jobs} small jobs api → Redis → worker → succeeded: median ${results.jobs.wallMsMedian} ms (runs ${results.jobs.runs.map((r) => r.wallMs).join(', ')}) vs bare BullMQ with one INSERT per job ${results.jobs.floorMsMedian} ms: ratio ${results.jobs.ratio}`
        : 'job pipeline: not measured (set REDIS_URL, and BENCH_PG_URL for a PostgreSQL server)',
      results.contingent ? describeContingent(results.contingent) : 'contingent: not measured (set REDIS_URL, and BENCH_PG_URL for a PostgreSQL server)',
      results.timetable ? describeTimetable(results.timetable) : 'timetable: not measured (set REDIS_URL, and BENCH_PG_URL for a PostgreSQL server)',
      results.lessons ? describeLessons(results.lessons) : 'dated lessons: not measured (set REDIS_URL, and BENCH_PG_URL for a PostgreSQL server)',
      results.journal ? describeJournal(results.journal) : 'journal: not measured (set REDIS_URL, and BENCH_PG_URL for a PostgreSQL server)',
      '',
    ].join('\n'),
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});

// Figure of issue 3: the wall time of 100 small jobs end to end — api (POST /audit-events/exports, row + audit event
// in one transaction, then BullMQ add) → Redis → worker (`node dist/worker.js`) → status succeeded with its file in
// PostgreSQL. A "small job" is an audit export whose filter matches no rows (an XLSX with the header row only), so
// the figure is the pipeline's cost, not the report's.
//
// Standalone: `npm run build && node test/bench/jobs-bench.mjs` (needs a PostgreSQL and a Redis:
// BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres; REDIS_URL, default redis://127.0.0.1:6379).
// It creates and drops its own database and uses a Redis key prefix of its own. Or import measureJobs().
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseUrlOf, freePort, median, signIn, startApiWithDemo, startProcess, waitUntil } from './bench-utils.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** Sends `count` export requests (at most `parallel` at once) and waits until every job has succeeded. */
async function oneRun(apiBase, token, pg, { count, parallel }) {
  const ids = [];
  const t0 = performance.now();
  let next = 0;
  const submit = async () => {
    while (next < count) {
      next += 1;
      const res = await fetch(`${apiBase}/api/v1/audit-events/exports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ entity: 'bench_matches_nothing' }),
      });
      if (res.status !== 202) throw new Error(`export answered ${res.status}: ${await res.text()}`);
      ids.push((await res.json()).id);
    }
  };
  await Promise.all(Array.from({ length: parallel }, submit));
  const submittedMs = performance.now() - t0;
  for (;;) {
    const { rows } = await pg.query(
      `SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS done, count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM job WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows[0].failed > 0) throw new Error(`${rows[0].failed} job(s) failed`);
    if (rows[0].done === count) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { wallMs: performance.now() - t0, submittedMs };
}

/**
 * The hand-written floor: the same number of jobs through bare BullMQ in this process — a Queue, a Worker with the
 * same concurrency, a processor that does one PostgreSQL round trip (INSERT … RETURNING) — from the first add until
 * every job has completed. No HTTP, no job row, no file, no audit: what any queue-backed job costs at least here.
 */
async function bareQueueRun(root, redisUrl, databaseUrl, prefix, { count, parallel, concurrency }) {
  const { Queue, Worker } = require(`${root}/node_modules/bullmq`);
  const { Pool } = require(`${root}/node_modules/pg`);
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_floor (id serial PRIMARY KEY, n int)');
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const name = `floor-${randomBytes(3).toString('hex')}`;
  const queue = new Queue(name, { connection, prefix });
  let done = 0;
  let finish;
  const finished = new Promise((ok) => (finish = ok));
  const worker = new Worker(
    name,
    async (job) => (await pool.query('INSERT INTO bench_floor (n) VALUES ($1) RETURNING id', [job.data.n])).rows[0].id,
    { connection, prefix, concurrency },
  );
  worker.on('completed', () => {
    if (++done === count) finish();
  });
  await worker.waitUntilReady();
  const t0 = performance.now();
  let next = 0;
  const add = async () => {
    while (next < count) {
      const n = next++;
      await queue.add('floor', { n }, { jobId: `j${n}` });
    }
  };
  await Promise.all(Array.from({ length: parallel }, add));
  await finished;
  const wallMs = performance.now() - t0;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await pool.end();
  return wallMs;
}

/**
 * Starts an api (REDIS_URL) and one worker on a fresh database, seeds the demo school, and measures `runs` runs of
 * `count` small jobs. Returns medians and every run.
 */
export async function measureJobs(root, { pgAdminUrl, redisUrl, runs = 3, count = 100, parallel = 8 } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const { runMigrations } = require(`${root}/dist/database/runtime.js`);
  const Redis = require(`${root}/node_modules/ioredis`);
  const name = `ejournal_bench_jobs_${randomBytes(4).toString('hex')}`;
  const prefix = `ejbench-${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" ENCODING 'UTF8'`);
  const databaseUrl = databaseUrlOf(pgAdminUrl, name);
  const port = await freePort();
  const env = {
    NODE_ENV: 'production', DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: String(port),
    HOST: '127.0.0.1', JWT_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn',
  };
  const procs = [];
  const pg = new Client({ connectionString: databaseUrl });
  try {
    await runMigrations(databaseUrl);
    const { api, base: apiBase, password } = await startApiWithDemo(root, env);
    procs.push(api);
    const worker = startProcess(root, ['dist/worker.js'], { ...env, LOG_LEVEL: 'info' });
    procs.push(worker);
    await waitUntil('worker ready', async () => worker.output().includes('Worker ready'), worker);
    const token = await signIn(apiBase, 'admin', password);
    await pg.connect();

    await oneRun(apiBase, token, pg, { count: 10, parallel }); // warm-up (JIT, connections), not counted
    const concurrency = 2; // JOB_CONCURRENCY default of the worker
    await bareQueueRun(root, redisUrl, databaseUrl, prefix, { count: 10, parallel, concurrency }); // warm-up
    const results = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      results.push(await oneRun(apiBase, token, pg, { count, parallel }));
      floor.push(await bareQueueRun(root, redisUrl, databaseUrl, prefix, { count, parallel, concurrency }));
    }
    const wall = median(results.map((r) => r.wallMs));
    const floorMs = median(floor);
    return {
      floorMsMedian: Math.round(floorMs),
      floorRuns: floor.map(Math.round),
      ratio: +(wall / floorMs).toFixed(1),
      jobs: count,
      parallelRequests: parallel,
      workerConcurrency: concurrency,
      wallMsMedian: Math.round(median(results.map((r) => r.wallMs))),
      submitMsMedian: Math.round(median(results.map((r) => r.submittedMs))),
      jobsPerSecond: +((count * 1000) / median(results.map((r) => r.wallMs))).toFixed(1),
      runs: results.map((r) => ({ wallMs: Math.round(r.wallMs), submittedMs: Math.round(r.submittedMs) })),
    };
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
  const r = await measureJobs(root, {
    pgAdminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    runs: Number(process.env.BENCH_JOB_RUNS ?? 3),
  });
  process.stdout.write(
    `${r.jobs} small jobs end to end (api → Redis → worker → succeeded): median ${r.wallMsMedian} ms ` +
      `(${r.jobsPerSecond} jobs/s; runs ${r.runs.map((x) => x.wallMs).join(', ')} ms; all ${r.jobs} requests answered 202 ` +
      `within a median ${r.submitMsMedian} ms, ${r.parallelRequests} at a time; one worker, JOB_CONCURRENCY ${r.workerConcurrency})\n` +
      `floor: the same ${r.jobs} jobs through bare BullMQ with one PostgreSQL INSERT each: median ${r.floorMsMedian} ms ` +
      `(runs ${r.floorRuns.join(', ')} ms); ratio ${r.ratio}\n`,
  );
}

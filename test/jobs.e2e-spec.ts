import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, Server, Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Response } from 'supertest';
import { ConfigModule } from '../src/config/config.module';
import { databaseModule } from '../src/database/database.module';
import { JobFailure } from '../src/jobs/job-failure';
import { JobHandlerRegistry } from '../src/jobs/job-handler.registry';
import { JobOutput, JobProcessor } from '../src/jobs/job-processor';
import { JobRunner } from '../src/jobs/job-runner';
import { JobsModule } from '../src/jobs/jobs.module';
import { AuditModule } from '../src/modules/audit/audit.module';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

const root = resolve(__dirname, '..');
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const redisTarget = new URL(REDIS_URL);
const HEADER = ['Дата и время', 'Пользователь', 'Роль', 'Действие', 'Объект', 'Адрес', 'Результат'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A TCP proxy in front of the shared Redis that the test can cut and restore (the real server stays up). */
class RedisProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(Number(redisTarget.port || 6379), redisTarget.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', () => ok());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
    this.server = undefined;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function loadSheet(content: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Журнал доступа');
  if (!sheet) throw new Error('no sheet «Журнал доступа»');
  return sheet;
}

async function readSheet(content: Buffer): Promise<string[][]> {
  const sheet = await loadSheet(content);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))));
  return rows;
}

// The queue and the worker need a Redis server: CI always has one (.ci/run starts it and sets REDIS_URL). On a machine
// without Redis these tests are reported as skipped, by name; the in-process runner below runs everywhere.
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('background jobs with Redis (set REDIS_URL): outbox, BullMQ worker, audit export', () => {
  const prefix = `ejtest-jobs-${randomBytes(4).toString('hex')}`; // test-app's close() removes its keys
  const proxy = new RedisProxy();
  let t: TestApp;
  let own: TestSchool;
  let other: TestSchool;
  const auth: Record<string, string> = {};
  let worker: WorkerProcess | undefined;

  function startWorker(env: Record<string, string> = {}): WorkerProcess {
    const child = spawn(process.execPath, [resolve(root, 'dist', 'worker.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.databaseUrl,
        REDIS_URL: proxy.url,
        REDIS_PREFIX: prefix,
        JWT_SECRET: t.config.JWT_SECRET,
        JOB_LOCK_DURATION_MS: '2000',
        JOB_RELAY_INTERVAL_MS: '300',
        // test-only slowness: 300 ms after each full page of 500 audit rows (small exports have no full page and
        // are not slowed: the seeded school's own trail is thousands of rows, so exports here are filtered); the worker
        // tests below add 3000 mark_type rows so that a job is still running when they stop the worker
        AUDIT_EXPORT_PAGE_DELAY_MS: '300',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    return { child, exited, output: () => out };
  }

  async function ready(w: WorkerProcess): Promise<WorkerProcess> {
    await waitFor('the worker to be ready', async () => {
      if (w.child.exitCode !== null) throw new Error(`worker exited:\n${w.output()}`);
      return w.output().includes('Worker ready');
    });
    return w;
  }

  async function stopWorker(w: WorkerProcess | undefined): Promise<void> {
    if (!w || w.child.exitCode !== null) return;
    w.child.kill('SIGTERM');
    await w.exited;
  }

  const job = async (id: string) =>
    ((await t.db.query('SELECT status, progress, attempts, error, dispatched_at FROM job WHERE id = $1', [id])) as Array<{
      status: string;
      progress: number;
      attempts: number;
      error: string | null;
      dispatched_at: Date | null;
    }>)[0];

  const succeeded = (id: string, ms = 20_000) =>
    waitFor(`job ${id} to succeed`, async () => {
      const j = await job(id);
      if (j.status === 'failed') throw new Error(`job failed: ${j.error}`);
      return j.status === 'succeeded' ? j : undefined;
    }, ms);

  async function requestExport(token: string, body: object = {}): Promise<string> {
    const res = await t.http.post('/api/v1/audit-events/exports').set('authorization', token).send(body);
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.body.id}`);
    return res.body.id as string;
  }

  beforeAll(async () => {
    await proxy.start();
    t = await createTestApp({ REDIS_URL: proxy.url, REDIS_PREFIX: prefix, JOB_RELAY_INTERVAL_MS: '300' });
    own = await seedTestSchool(t, 31);
    other = await seedTestSchool(t, 32);
    for (const role of ['admin', 'director', 'deputy', 'teacher'] as const) auth[role] = await bearer(t, own.logins[role]);
    auth.otherAdmin = await bearer(t, other.logins.admin);
    worker = await ready(startWorker());
  }, 60_000);

  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await proxy.stop();
  });

  it('with Redis and a worker, an audit export is produced and downloadable', async () => {
    const id = await requestExport(auth.admin, { action: 'audit-export' });
    const done = await succeeded(id);
    expect(done.progress).toBe(100);
    expect(done.dispatched_at).not.toBeNull();

    const status = await t.http.get(`/api/v1/jobs/${id}`).set('authorization', auth.admin);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ id, type: 'audit-export', status: 'succeeded', progress: 100, hasFile: true, error: null });
    expect(status.body.links).toEqual({ self: `/api/v1/jobs/${id}`, file: `/api/v1/jobs/${id}/file` });

    const file = await t.http.get(`/api/v1/jobs/${id}/file`).set('authorization', auth.admin).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Number(file.headers['content-length'])).toBe((file.body as Buffer).length);
    const disposition = file.headers['content-disposition'] as string;
    expect(disposition).toMatch(/^attachment; filename="Zhurnal dostupa [ -~]+\.xlsx"; filename\*=UTF-8''/);
    const utf8Name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]);
    expect(utf8Name).toMatch(/^Журнал доступа .+ \d{4}-\d{2}-\d{2}\.xlsx$/);

    const rows = await readSheet(file.body as Buffer);
    expect(rows[0]).toEqual(HEADER);
    const sheet = await loadSheet(file.body as Buffer);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBeInstanceOf(Date);
    // the request itself is audited (in its own transaction, with the job row) and so appears in the file, in Russian words
    const audited = await t.db.query(`SELECT details, client_ip FROM audit_event WHERE action = 'audit-export' AND entity_id = $1`, [id]);
    expect(audited).toEqual([{ details: { action: 'audit-export' }, client_ip: expect.any(String) }]);
    const mine = rows.find((r) => r[4] === `job ${id}`);
    expect(mine?.slice(1)).toEqual([
      expect.stringContaining(`(${own.logins.admin})`), 'администратор', 'Выгрузка журнала доступа', `job ${id}`, audited[0].client_ip, 'успешно',
    ]);
    // the filter applies: only exports
    expect(rows.slice(1).every((r) => r[3] === 'Выгрузка журнала доступа')).toBe(true);
  });

  it('the export refuses unknown filter fields (mass assignment) and a period that ends before it starts', async () => {
    const unknown = await t.http.post('/api/v1/audit-events/exports').set('authorization', auth.admin).send({ schoolId: other.id });
    expect(unknown.status).toBe(422);
    const period = await t.http.post('/api/v1/audit-events/exports').set('authorization', auth.admin).send({ from: '2026-11-02', to: '2026-11-01' });
    expect(period.status).toBe(422);
    expect(period.body.code).toBe('period-invalid');
  });

  it('only the requester and the school admin see a job; another school\'s admin gets 404', async () => {
    const id = await requestExport(auth.director, { action: 'audit-export' });
    await succeeded(id);
    for (const who of ['director', 'admin']) {
      expect((await t.http.get(`/api/v1/jobs/${id}`).set('authorization', auth[who])).status).toBe(200);
      expect((await t.http.get(`/api/v1/jobs/${id}/file`).set('authorization', auth[who])).status).toBe(200);
    }
    for (const who of ['deputy', 'teacher', 'otherAdmin']) {
      const res = await t.http.get(`/api/v1/jobs/${id}`).set('authorization', auth[who]);
      expect({ who, status: res.status, code: res.body.code }).toEqual({ who, status: 404, code: 'not-found' });
      const file = await t.http.get(`/api/v1/jobs/${id}/file`).set('authorization', auth[who]);
      expect({ who, status: file.status }).toEqual({ who, status: 404 });
    }
  });

  it('the queue dashboard is mounted for admins only: anonymous 401, teacher 403, admin 200', async () => {
    const anonymous = await t.http.get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.body.code).toBe('unauthenticated');
    const teacher = await t.http.get('/admin/queues').set('authorization', auth.teacher);
    expect(teacher.status).toBe(403);
    expect(teacher.body.code).toBe('forbidden');
    const admin = await t.http.get('/admin/queues').set('authorization', auth.admin);
    expect(admin.status).toBe(200);
    expect(admin.headers['content-type']).toContain('text/html');
    const api = await t.http.get('/admin/queues/api/queues').set('authorization', auth.admin);
    expect(api.status).toBe(200);
    expect(JSON.stringify(api.body)).toContain('reports');
    expect((await t.http.get('/admin/queues/api/queues')).status).toBe(401);
    // a signed-out admin's token opens nothing, as on the API
    const ended = await bearer(t, own.logins.admin);
    await t.http.post('/api/v1/auth/logout').set('authorization', ended).expect(204);
    const refused = await t.http.get('/admin/queues').set('authorization', ended);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 401, code: 'session-ended' });
  });

  it('submitted while Redis is unreachable, the export answers 202 and is produced once Redis is reachable', async () => {
    await proxy.stop();
    try {
      const res = await t.http.post('/api/v1/audit-events/exports').set('authorization', auth.admin).send({ action: 'audit-export' });
      expect(res.status).toBe(202);
      expect(res.body.status).toBe('queued');
      const id = res.body.id as string;
      await sleep(700); // two relay intervals: still nothing can reach Redis
      expect(await job(id)).toMatchObject({ status: 'queued', dispatched_at: null });
      await proxy.start();
      const done = await succeeded(id, 30_000);
      expect(done.dispatched_at).not.toBeNull();
    } finally {
      await proxy.start().catch(() => undefined);
    }
  }, 45_000);

  describe('the shared runner', () => {
    let runner: JobRunner;
    let outcome: () => Promise<JobOutput>;

    /** a job row nobody else takes (running, never dispatched): only the test's runner calls run it */
    async function row(): Promise<string> {
      const user = ((await t.db.query('SELECT id FROM app_user WHERE login = $1', [own.logins.admin])) as Array<{ id: string }>)[0].id;
      const rows = (await systemWrite(
        t,
        `INSERT INTO job (school_id, type, queue, params, requested_by, status, dispatched_at)
         VALUES ($1, 'audit-export', 'reports', '{}', $2, 'running', now()) RETURNING id`,
        [own.id, user],
      )) as Array<{ id: string }>;
      return rows[0].id;
    }

    beforeAll(() => {
      const fake: JobProcessor = { run: () => outcome() };
      runner = new JobRunner(t.db, { get: () => fake } as unknown as JobHandlerRegistry);
    });

    it('an unrecoverable error fails the job at once with its reason; a transient error is retried with backoff', async () => {
      const hopeless = await row();
      outcome = async () => {
        throw new JobFailure('Школа не найдена');
      };
      await expect(runner.run(hopeless, { attempt: 1, final: false })).rejects.toBeInstanceOf(JobFailure);
      expect(await job(hopeless)).toMatchObject({ status: 'failed', error: 'Школа не найдена', attempts: 1 });

      const flaky = await row();
      outcome = async () => {
        throw new Error('connection reset');
      };
      await expect(runner.run(flaky, { attempt: 1, final: false })).rejects.toThrow('connection reset');
      const waiting = ((await t.db.query(`SELECT status, error, attempts, run_after > now() AS later FROM job WHERE id = $1`, [flaky])) as object[])[0];
      expect(waiting).toEqual({ status: 'queued', error: 'connection reset', attempts: 1, later: true });
      outcome = async () => ({ result: { ok: true } });
      await expect(runner.run(flaky, { attempt: 2, final: false })).resolves.toBe('succeeded');
      expect(await job(flaky)).toMatchObject({ status: 'succeeded', error: null, attempts: 2 });

      const exhausted = await row();
      outcome = async () => {
        throw new Error('still down');
      };
      await expect(runner.run(exhausted, { attempt: 5, final: true })).rejects.toThrow('still down');
      expect(await job(exhausted)).toMatchObject({ status: 'failed', error: 'still down' });
    });

    it('a job run twice produces one result and one file', async () => {
      const id = await row();
      let n = 0;
      outcome = async () => {
        n += 1;
        return { result: { run: n }, file: { fileName: 'Отчёт.xlsx', contentType: 'application/octet-stream', content: Buffer.from(`run ${n}`) } };
      };
      await expect(runner.run(id, { attempt: 1, final: false })).resolves.toBe('succeeded');
      // delivered again: already succeeded, not run again
      await expect(runner.run(id, { attempt: 1, final: false })).resolves.toBe('skipped');
      // run again for real (a worker lost its lock while still running): the file is replaced, not added
      await systemWrite(t, `UPDATE job SET status = 'running' WHERE id = $1`, [id]);
      await expect(runner.run(id, { attempt: 2, final: false })).resolves.toBe('succeeded');
      const files = (await t.db.query('SELECT file_name, convert_from(content, $2) AS content FROM job_file WHERE job_id = $1', [id, 'UTF8'])) as object[];
      expect(files).toEqual([{ file_name: 'Отчёт.xlsx', content: 'run 2' }]);
      expect(((await t.db.query('SELECT result FROM job WHERE id = $1', [id])) as object[])[0]).toEqual({ result: { run: 2 } });
      expect(n).toBe(2);
    });

    it('the file is refused with 409 job-not-finished while the job has not succeeded', async () => {
      const id = await row();
      const res = await t.http.get(`/api/v1/jobs/${id}/file`).set('authorization', auth.admin);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('job-not-finished');
    });
  });

  describe('worker processes', () => {
    beforeAll(async () => {
      // enough audit rows that the slowed-down export (AUDIT_EXPORT_PAGE_DELAY_MS per page of 500) takes seconds
      await systemWrite(
        t,
        `INSERT INTO audit_event (school_id, action, outcome, entity, entity_id, system)
         SELECT $1, 'update', 'success', 'mark_type', g::text, 'test' FROM generate_series(1, 3000) g`,
        [own.id],
      );
    });

    const underWay = (id: string) =>
      waitFor('the job to be under way', async () => {
        const j = await job(id);
        return j.status === 'running' && j.progress > 0;
      });

    it('kill -9 of the worker during a job: after a restart the job completes and exactly one file exists', async () => {
      const id = await requestExport(auth.admin, { entity: 'mark_type' });
      await underWay(id);
      const killed = worker as WorkerProcess;
      killed.child.kill('SIGKILL');
      await killed.exited;
      expect((await job(id)).status).toBe('running');

      worker = await ready(startWorker());
      const done = await succeeded(id, 30_000);
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      expect(await t.db.query('SELECT count(*)::int AS n FROM job_file WHERE job_id = $1', [id])).toEqual([{ n: 1 }]);
      const file = await t.http.get(`/api/v1/jobs/${id}/file`).set('authorization', auth.admin).buffer(true).parse(binary);
      expect((await readSheet(file.body as Buffer)).length).toBeGreaterThan(3000);
    }, 45_000);

    it('SIGTERM lets the running job finish and the worker exits 0', async () => {
      const id = await requestExport(auth.admin, { entity: 'mark_type' });
      await underWay(id);
      const stopping = worker as WorkerProcess;
      stopping.child.kill('SIGTERM');
      expect(await stopping.exited).toBe(0);
      expect((await job(id)).status).toBe('succeeded');
      expect(stopping.output()).toContain('closing: waiting up to');
    }, 30_000);
  });
});

describe('jobs without Redis', () => {
  let u: TestApp;
  let school: TestSchool;

  beforeAll(async () => {
    u = await createTestApp({ REDIS_URL: '' });
    school = await seedTestSchool(u, 33);
  }, 60_000);
  afterAll(() => u?.close());

  it('without REDIS_URL the export completes inside the api process', async () => {
    const admin = await bearer(u, school.logins.admin);
    const res = await u.http.post('/api/v1/audit-events/exports').set('authorization', admin).send({});
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    await waitFor('the job to succeed', async () => {
      const r = await u.http.get(`/api/v1/jobs/${id}`).set('authorization', admin);
      if (r.body.status === 'failed') throw new Error(r.body.error);
      return r.body.status === 'succeeded';
    });
    const file = await u.http.get(`/api/v1/jobs/${id}/file`).set('authorization', admin).buffer(true).parse(binary);
    expect(file.status).toBe(200);
    const rows = await readSheet(file.body as Buffer);
    expect(rows[0]).toEqual(HEADER);
    expect(rows.some((r) => r[1].includes(`(${school.logins.admin})`) && r[3] === 'Выгрузка журнала доступа' && r[4] === `job ${id}`)).toBe(true);
    // no Redis, no dashboard
    expect((await u.http.get('/admin/queues').set('authorization', admin)).status).toBe(404);
  });

  it('a job type without exactly one handler stops the worker with a clear message', async () => {
    // the worker's job modules without the handler modules: start-up must fail and name the type
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(u.config), databaseModule(u.config, 'ejournal-test-nohandler'), AuditModule, JobsModule.forRoot(u.config, 'worker')],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(/no handler for the job type\(s\) audit-export/);
    await moduleRef.close().catch(() => undefined);
  });
});

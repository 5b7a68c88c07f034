import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cloneTemplateDatabase, dropDatabase } from './utils/test-app';

const root = resolve(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` without its build step: `node dist/main.js` with no DATABASE_URL and no REDIS_URL. */
function start(dir: string, port: number, pgPort: number): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.JWT_SECRET;
  const child = spawn(process.execPath, [resolve(root, 'dist', 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, output: () => out, exited };
}

async function waitReady(port: number, s: Started, ms: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (s.child.exitCode !== null) throw new Error(`exited early:\n${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return Date.now() - t0;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready within ${ms} ms:\n${s.output()}`);
}

describe('smoke: the built service starts as "npm start" does, on embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ejournal-smoke-'));
  chmodSync(dir, 0o711);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with no DATABASE_URL, seeds the demo school, serves /docs, stops on SIGTERM and keeps its data', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = start(join(dir, 'data'), port, pgPort);
    try {
      await waitReady(port, first, 90_000);
      expect(first.output()).toContain('Swagger UI');
      const admin = /^\s+admin\s+(\S+)\s+admin$/m.exec(first.output());
      expect(admin).not.toBeNull();
      const docs = await fetch(`http://127.0.0.1:${port}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger');
      const spec = await fetch(`http://127.0.0.1:${port}/docs/openapi.json`);
      expect((await spec.json()).paths['/api/v1/auth/login']).toBeDefined();
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: admin?.[1] }),
      });
      expect(login.status).toBe(200);
      const token = (await login.json()).accessToken as string;
      const me = await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json();
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      // a second start reuses the data: same school, same logins, no second seeding
      const second = start(join(dir, 'data'), port, pgPort);
      try {
        await waitReady(port, second, 90_000);
        expect(second.output()).not.toContain('Applied migrations');
        const again = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'admin', password: admin?.[1] }),
        });
        expect(again.status).toBe(200);
        const token2 = (await again.json()).accessToken as string;
        const me2 = await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token2}` } })).json();
        expect(me2.schoolId).toBe(me.schoolId);
      } finally {
        second.child.kill('SIGINT');
        expect(await second.exited).toBe(0);
      }
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
    }
  }, 180_000);

  it('the worker starts on DATABASE_URL, stops gracefully on SIGTERM with exit code 0, and refuses to start without it', async () => {
    const url = await cloneTemplateDatabase();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, JWT_SECRET: 'w'.repeat(40), LOG_LEVEL: 'info' };
      const worker = spawn(process.execPath, [resolve(root, 'dist', 'worker.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      worker.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
      worker.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
      const exited = new Promise<number | null>((ok) => worker.once('exit', ok));
      const t0 = Date.now();
      while (!out.includes('Worker ready') && Date.now() - t0 < 30_000 && worker.exitCode === null) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain('Worker ready');
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);

      const bare = { ...process.env, DATABASE_URL: '' };
      const refused = spawn(process.execPath, [resolve(root, 'dist', 'worker.js')], { cwd: root, env: bare, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      refused.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
      expect(await new Promise((ok) => refused.once('exit', ok))).toBe(1);
      expect(err).toContain('DATABASE_URL');
    } finally {
      await dropDatabase(url);
    }
  }, 60_000);

  it('a bad variable stops start-up with a message naming it', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: 'eighty', DATABASE_URL: '' };
    const child = spawn(process.execPath, [resolve(root, 'dist', 'main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    expect(code).toBe(1);
    expect(err).toContain('PORT');
  });
});

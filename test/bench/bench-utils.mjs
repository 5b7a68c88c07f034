// Helpers shared by the benchmark scripts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A node process in `root` with extra environment; its output is kept for error messages. */
export function startProcess(root, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise((ok) => child.once('exit', ok));
  return { child, exited, output: () => out };
}

/** Polls `probe` until it answers true; fails when `proc` exits first or after `ms`. */
export async function waitUntil(what, probe, proc, ms = 120_000) {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what}: process exited:\n${proc.output()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrlOf(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** VmRSS and VmHWM (the peak) of a process, in MiB (Linux /proc). */
export function processMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** Starts `node dist/main.js` with SEED_DEMO and waits for /health/ready and the demo admin's password in its output. */
export async function startApiWithDemo(root, env) {
  const api = startProcess(root, ['dist/main.js'], { SEED_DEMO: 'true', ...env });
  const base = `http://127.0.0.1:${env.PORT}`;
  await waitUntil('api ready', async () => (await fetch(`${base}/health/ready`)).status === 200, api);
  await waitUntil('demo logins printed', async () => /^\s+admin\s+\S+\s+admin$/m.test(api.output()), api, 10_000);
  return { api, base, password: /^\s+admin\s+(\S+)\s+admin$/m.exec(api.output())[1] };
}

/** POST /auth/login; the access token. */
export async function signIn(base, login, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login} answered ${res.status}`);
  return (await res.json()).accessToken;
}

/** SIGTERM to each process (last started first) and wait for it to exit. */
export async function stopAll(procs) {
  for (const p of [...procs].reverse()) {
    if (p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }
}

/** p50 of `count` sequential GETs of `url`, in ms; every answer must be 200. */
export async function sequentialP50(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

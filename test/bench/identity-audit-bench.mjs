// Figures of issue 3, run by run-bench.mjs against the benchmark's own api and embedded PostgreSQL:
//  - sign-in latency (POST /auth/login: throttle check, argon2id verify, session, audit row) against the floor of
//    one argon2id verify of the same password with the same parameters, in this process;
//  - the cost of auditing a write: the same one-row UPDATE in its own transaction, with the audit context and the
//    audit_row_change() trigger, against the floor of that UPDATE with the trigger disabled and no context.
import { createRequire } from 'node:module';
import { median } from './bench-utils.mjs';

const require = createRequire(import.meta.url);

export async function measureLogin(root, apiBase, login, password, { count = 40, warmup = 5 } = {}) {
  const argon2 = require(`${root}/node_modules/argon2`);
  const { hashPassword } = require(`${root}/dist/modules/auth/password-hasher.js`);
  const hash = await hashPassword(password);
  const signIn = async () => {
    const t0 = performance.now();
    const res = await fetch(`${apiBase}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  const verify = async () => {
    const t0 = performance.now();
    if (!(await argon2.verify(hash, password))) throw new Error('argon2 verify failed');
    return performance.now() - t0;
  };
  for (let i = 0; i < warmup; i++) {
    await signIn();
    await verify();
  }
  const api = [];
  const floor = [];
  for (let i = 0; i < count; i++) {
    api.push(await signIn());
    floor.push(await verify());
  }
  const p50 = median(api);
  const floorP50 = median(floor);
  return { loginP50Ms: +p50.toFixed(1), argon2VerifyP50Ms: +floorP50.toFixed(1), ratio: +(p50 / floorP50).toFixed(2), count };
}

export async function measureAuditCost(root, databaseUrl, { rounds = 5, writes = 400 } = {}) {
  const { Client } = require(`${root}/node_modules/pg`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [row] = (await client.query('SELECT id, school_id FROM holiday ORDER BY id LIMIT 1')).rows;
    if (!row) throw new Error('no holiday row to write');
    const ctx = JSON.stringify({ userId: null, schoolId: row.school_id, roles: [], sessionId: null, ip: '127.0.0.1', requestId: 'bench', system: 'bench' });
    let n = 0;
    const write = async (audited) => {
      await client.query('BEGIN');
      if (audited) await client.query(`SELECT set_config('ejournal.ctx', $1, true)`, [ctx]);
      await client.query('UPDATE holiday SET name = $1 WHERE id = $2', [`Каникулы ${++n}`, row.id]);
      await client.query('COMMIT');
    };
    const round = async (audited) => {
      const t0 = performance.now();
      for (let i = 0; i < writes; i++) await write(audited);
      return ((performance.now() - t0) * 1000) / writes; // µs per write
    };
    const setTrigger = (on) => client.query(`ALTER TABLE holiday ${on ? 'ENABLE' : 'DISABLE'} TRIGGER audit_row_change`);
    // warm-up
    await round(true);
    await setTrigger(false);
    await round(false);
    await setTrigger(true);
    const audited = [];
    const bare = [];
    for (let i = 0; i < rounds; i++) {
      audited.push(await round(true));
      await setTrigger(false);
      bare.push(await round(false));
      await setTrigger(true);
    }
    const a = median(audited);
    const b = median(bare);
    return { auditedWriteUs: Math.round(a), bareWriteUs: Math.round(b), ratio: +(a / b).toFixed(2), rounds, writesPerRound: writes };
  } finally {
    await client.query('ALTER TABLE holiday ENABLE TRIGGER audit_row_change').catch(() => {});
    await client.end();
  }
}

import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Role, SCHOOL_ROLES } from '../../src/common/access/role';
import { configureApp, createFastifyAdapter } from '../../src/common/http/configure-app';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { generateSchool } from '../../src/database/seed/generator';
import { insertOperator } from '../../src/database/seed/seed-operator';
import { schoolUsers, seedSchool } from '../../src/database/seed/seed-school';
import { setAuditContext } from '../../src/database/audit-context.subscriber';
import { systemContext } from '../../src/common/context/request-context';

export const TEST_PASSWORD = 'проверка-пароля-2026';

export interface TestSchool {
  id: string;
  /** login per role, e.g. logins.admin === 'admin.s1' */
  logins: Record<Role, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  db: DataSource;
  config: AppConfig;
  databaseUrl: string;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_PG_ADMIN_URL;
  if (!url || !process.env.TEST_TEMPLATE_DB) throw new Error('e2e global set-up did not run');
  return url;
}

/** A fresh database cloned from the migrated template. */
export async function cloneTemplateDatabase(): Promise<string> {
  const template = process.env.TEST_TEMPLATE_DB as string;
  const name = `${template.replace('_tpl_', '_t_')}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The api exactly as main.ts builds it, on a database of its own; requests go over a real socket (supertest).
 * `env` overrides variables; `{ REDIS_URL: undefined }` runs without Redis. Redis keys get a prefix of their own
 * (REDIS_PREFIX `ejtest-<random>` unless given), so suites never share throttle counters or queues.
 */
export async function createTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const databaseUrl = await cloneTemplateDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `ejtest-${randomBytes(6).toString('hex')}`,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Redis is shared: each test app writes its keys (job queues …) under a prefix of its own
    REDIS_PREFIX: `ejtest-${randomBytes(4).toString('hex')}`,
    ...env,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createFastifyAdapter(config), {
    logger: false,
  });
  await configureApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    databaseUrl,
    async close() {
      await app.close();
      await dropDatabase(databaseUrl);
      await deleteRedisKeys(config);
    },
  };
}

/** Removes the keys a test app wrote under its own prefix (never anything else: the Redis server is shared). */
async function deleteRedisKeys(config: AppConfig): Promise<void> {
  if (!config.REDIS_URL || !config.REDIS_PREFIX.startsWith('ejtest-')) return;
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys: string[] = [];
    const stream = redis.scanStream({ match: `${config.REDIS_PREFIX}:*`, count: 500 });
    for await (const batch of stream) keys.push(...(batch as string[]));
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  } catch {
    /* Redis unreachable: nothing to clean */
  } finally {
    redis.disconnect();
  }
}

/** Seeds a generated school with one user per role (login `<role>.s<seed>`, password TEST_PASSWORD). */
export async function seedTestSchool(t: TestApp, seed: number): Promise<TestSchool> {
  const g = generateSchool({ seed, startYear: 2026, schoolNumber: seed });
  const roles = SCHOOL_ROLES;
  const id = await t.db.transaction((m) => seedSchool(m, g, schoolUsers(g, seed, TEST_PASSWORD)));
  return { id, logins: Object.fromEntries(roles.map((r) => [r, `${r}.s${seed}`])) as Record<Role, string> };
}

/** Signs in (a new session) and returns the whole login answer: access and refresh token, session id. */
export async function signIn(
  t: TestApp,
  login: string,
  password = TEST_PASSWORD,
): Promise<{ accessToken: string; refreshToken: string; sessionId: string; mustChangePassword: boolean; auth: string }> {
  const res = await t.http.post('/api/v1/auth/login').send({ login, password });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, auth: `Bearer ${res.body.accessToken}` };
}

/** Signs in and returns the Authorization header value. */
export async function bearer(t: TestApp, login: string, password = TEST_PASSWORD): Promise<string> {
  return (await signIn(t, login, password)).auth;
}

/** A direct write by the test itself (not through the API), recorded in the audit trail as system work 'test'. */
export async function systemWrite(t: TestApp, sql: string, params: unknown[] = []): Promise<unknown> {
  return t.db.transaction(async (m) => {
    await setAuditContext(m, systemContext('test'));
    return m.query(sql, params);
  });
}

/** A regional operator (no school, role `operator`) with TEST_PASSWORD, written as system work 'test'. Returns the user id. */
export async function seedOperator(t: TestApp, login = 'operator.test'): Promise<string> {
  return t.db.transaction(async (m) => {
    await setAuditContext(m, systemContext('test'));
    return insertOperator(m, { login, fullName: 'Региональный оператор', password: TEST_PASSWORD, mustChangePassword: false });
  });
}

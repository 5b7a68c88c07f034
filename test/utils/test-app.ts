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
import { GeneratedSchool, generateSchool } from '../../src/database/seed/generator';
import { insertOperator } from '../../src/database/seed/seed-operator';
import { SeededSchool, schoolUsers, seedSchool } from '../../src/database/seed/seed-school';
import { seedJournal } from '../../src/database/seed/seed-journal';
import { setAuditContext } from '../../src/database/audit-context.subscriber';
import { systemContext } from '../../src/common/context/request-context';

export const TEST_PASSWORD = 'проверка-пароля-2026';

export interface TestSchool {
  id: string;
  /** login per role, e.g. logins.admin === 'admin.s1' */
  logins: Record<Role, string>;
  /**
   * The records behind the accounts (GeneratedSchool.accounts), for tests that need facts about them:
   * - `student`: student.s<k> is the student `studentId` (student.user_id = userId), in class `classId` of grade ≥ 5;
   * - `parent`: parent.s<k> is the guardian `guardianId` (the mother, relation 'mother'; guardian.user_id = userId) of
   *   exactly two children `childIds`, in two different classes `childClassIds` (same order); the older child is the
   *   student above; the father is a second guardian of both;
   * - `teacher`: teacher.s<k> is the staff record `staffId` (an English teacher), class teacher of exactly one class,
   *   `classId` (5А), where they also teach English to subgroup «1 группа»; `taughtClassIds` are all classes where they
   *   have a teaching assignment (classId first, then others; English is taught in subgroups from grade 5, to the whole
   *   class in grades 2–4); `subgroupIds` are the subgroups they teach (at least the one in classId);
   *   `unrelatedClassId` is a class they neither lead nor teach in.
   */
  ids: {
    academicYearId: string;
    student: { studentId: string; userId: string; classId: string };
    parent: { guardianId: string; userId: string; childIds: [string, string]; childClassIds: [string, string] };
    teacher: { staffId: string; userId: string; classId: string; taughtClassIds: string[]; subgroupIds: string[]; unrelatedClassId: string };
  };
  /** what the generator made, and the ids seedSchool gave it (arrays parallel to the generator's) */
  generated: GeneratedSchool;
  seeded: SeededSchool;
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

/**
 * Fixes the schools' "today" of a test database (the setting `ejournal.today` that `school_today()` honours), for
 * suites whose rules depend on the date (future vs past, the coming week) and must not depend on the day they run.
 */
async function fixToday(url: string, today: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, not ${today}`);
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET ejournal.today = '${today}'`);
  } finally {
    await client.end();
  }
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
 * `env` overrides variables; `{ REDIS_URL: undefined }` runs without Redis; `options.today` fixes the schools' today. Redis keys get a prefix of their own
 * (REDIS_PREFIX `ejtest-<random>` unless given), so suites never share throttle counters or queues.
 */
export async function createTestApp(env: Record<string, string | undefined> = {}, options: { today?: string } = {}): Promise<TestApp> {
  const databaseUrl = await cloneTemplateDatabase();
  if (options.today !== undefined) await fixToday(databaseUrl, options.today);
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

/**
 * Seeds a generated school (≈1,100 students, ≈2,000 guardians, ≈70 staff, assignments, subgroups, for 2026/2027)
 * with one user per role (login `<role>.s<seed>`, password TEST_PASSWORD), linked to the records described in
 * TestSchool.ids. About 1 s a school; `{ studentsPerClass: 8 }` gives the same school with 8 pupils a class (≈0.3 s)
 * for suites that do not need the full size. The year's dated lessons (`lesson`, ≈40,000 rows, ≈2 s) only with
 * `{ lessons: true }`: suites that read lessons, the journal or the diary ask for them; timetable and calendar writes
 * in the others still derive the lessons of what they touch. `{ journal: true }` (implies lessons) also conducts the
 * first quarter (seedJournal: topics, marks, absences, homework; a few seconds for the full size).
 */
export async function seedTestSchool(
  t: TestApp,
  seed: number,
  options: { studentsPerClass?: number; lessons?: boolean; journal?: boolean } = {},
): Promise<TestSchool> {
  const { journal, lessons, ...generate } = options;
  const g = generateSchool({ seed, startYear: 2026, schoolNumber: seed, ...generate });
  const users = schoolUsers(g, seed, TEST_PASSWORD);
  const s = await t.db.transaction(async (m) => {
    const seeded = await seedSchool(m, g, users, { lessons: lessons === true || journal === true });
    if (journal) await seedJournal(m, seeded.schoolId, seed);
    return seeded;
  });
  const logins = Object.fromEntries(SCHOOL_ROLES.map((r) => [r, `${r}.s${seed}`])) as Record<Role, string>;
  const userId = (role: Role): string => s.userIds.get(logins[role]) as string;
  const a = g.accounts;
  const children = g.studentGuardians.filter((l) => l.guardianIndex === a.parent).map((l) => l.studentIndex);
  const teacherClass = g.classes.findIndex((c) => c.classTeacherStaffIndex === a.teacher);
  const taught = g.assignments.filter((x) => x.staffIndex === a.teacher);
  const taughtClasses = [...new Set([teacherClass, ...taught.map((x) => x.classIndex)])];
  const unrelated = g.classes.findIndex((_, i) => !taughtClasses.includes(i));
  return {
    id: s.schoolId,
    logins,
    ids: {
      academicYearId: s.academicYearId,
      student: { studentId: s.studentIds[a.student], userId: userId(Role.Student), classId: s.classIds[g.students[a.student].classIndex] },
      parent: {
        guardianId: s.guardianIds[a.parent],
        userId: userId(Role.Parent),
        childIds: children.map((i) => s.studentIds[i]) as [string, string],
        childClassIds: children.map((i) => s.classIds[g.students[i].classIndex]) as [string, string],
      },
      teacher: {
        staffId: s.staffIds[a.teacher],
        userId: userId(Role.Teacher),
        classId: s.classIds[teacherClass],
        taughtClassIds: taughtClasses.map((i) => s.classIds[i]),
        subgroupIds: [...new Set(taught.flatMap((x) => (x.subgroupIndex === null ? [] : [s.subgroupIds[x.subgroupIndex]])))],
        unrelatedClassId: s.classIds[unrelated],
      },
    },
    generated: g,
    seeded: s,
  };
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

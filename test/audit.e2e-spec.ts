/**
 * The audit trail (журнал действий) and usage monitoring — through HTTP against a real PostgreSQL.
 *
 * - audit_event is append-only in the database; every row write of an audited table is recorded by the
 *   audit_row_change() trigger in the writing transaction, with who, roles, school, time, address, request id
 *   and the changed fields; a write without the action context is refused.
 * - GET /audit-events (admin, director): filters, school-local periods, newest first, cursor pages.
 * - GET /usage (admin, deputy, director): sign-ins and writes per role and per user over a period.
 *
 * Sign-in events are written by the identity code; these tests insert the `login` events they count themselves
 * (INSERT into audit_event is allowed) so that they do not depend on how a sign-in is recorded.
 * The school's time zone is Asia/Krasnoyarsk (UTC+7, no daylight saving).
 */
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../src/common/access/role';
import { runWithContext, systemContext } from '../src/common/context/request-context';
import { setAuditContext } from '../src/database/audit-context.subscriber';
import { AuditService } from '../src/modules/audit/audit.service';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

/**
 * Tables that carry no audit row trigger: the trail itself, the migrations bookkeeping, and technical tables whose
 * rows are not school data written by users (sessions, tokens, throttling, background jobs and their files).
 * Every other table must carry `audit_row_change` (checked below). Extend this list only for such tables.
 */
export const AUDIT_TRIGGER_EXEMPT_TABLES: readonly string[] = [
  'audit_event',
  'migrations',
  'typeorm_metadata',
  'job',
  'job_file',
  'import_upload',
  'user_session',
  'refresh_token',
  'login_throttle',
  // bookkeeping derived from audited writes (a timetable change is audited itself); read_at is the recipient's own
  // state; an audit row per recipient would multiply the trail by the size of a class and its guardians
  'notification',
  // append-only histories of audited rows (mark, attendance): each history row accompanies an audited change
  'mark_history',
  'attendance_history',
  // stored answers of idempotent writes (bookkeeping; the writes themselves are audited)
  'idempotency_key',
];

/**
 * Tables audited only in part, with the trigger type (pg_trigger.tgtype) of their `audit_row_change` and the other
 * audit triggers they carry. `lesson`: the dated lessons are derived from audited sources (timetable, changes,
 * calendar) and re-derived in bulk, so their inserts are not audited; a lesson with journal data is — every update and
 * delete of it (`audit_row_change`, AFTER UPDATE OR DELETE WHEN OLD.conducted_at IS NOT NULL: 1 + 8 + 16) and the update
 * that gives it journal data (`audit_row_change_conducted`, AFTER UPDATE: 1 + 16).
 */
export const PARTLY_AUDITED_TABLES: Readonly<Record<string, { tgtype: number; also: Record<string, number> }>> = {
  lesson: { tgtype: 25, also: { audit_row_change_conducted: 17 } },
};

/**
 * Columns of audited tables whose names look like secrets but are not (flags, times): shown in the trail as they are.
 * Any other column named like a secret must be masked by the trigger (a name ending in _hash, _secret or _token).
 */
export const NOT_SECRET_COLUMNS: readonly string[] = ['must_change_password', 'password_changed_at'];
const SECRET_LOOKING = /hash|secret|token|password/;
/** the trigger's mask, as in the migration */
const MASKED = /(^|_)(hash|secret|token)$/;

const API = '/api/v1';
const TZ = 'Asia/Krasnoyarsk';
const APPEND_ONLY = /audit_event is append-only/;
const CONTEXT_MISSING = /audit context missing/;

interface AuditItem {
  id: string;
  occurredAt: string;
  actor: { id: string; login: string; fullName: string } | null;
  actorRoles: string[];
  sessionId: string | null;
  action: string;
  outcome: string;
  entity: string | null;
  entityId: string | null;
  subjectPersonId: string | null;
  changes: Record<string, unknown> | null;
  clientIp: string | null;
  requestId: string | null;
  system: string | null;
  details: Record<string, unknown> | null;
}

interface UserUsage {
  userId: string;
  login: string;
  fullName: string;
  roles: string[];
  status: string;
  lastLoginAt: string | null;
  logins: number;
  writes: number;
}

interface RoleUsage {
  role: string;
  users: number;
  activeUsers: number;
  logins: number;
  writes: number;
}

/** A problem+json answer with the status, code and (when given) the first field named. */
function expectProblem(res: Response, status: number, code: string, field?: string): void {
  if (res.status !== status || res.body?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: `urn:ejournal:error:${code}`, status, code });
  if (field !== undefined) expect(res.body.errors?.[0]).toEqual({ field, message: expect.any(String) });
}

/** Tables of the public schema with the audit_row_change trigger's definition, when they have one. */
async function auditTriggers(db: DataSource) {
  const rows: { table: string; tgtype: number | null; enabled: string | null; fn: string | null; def: string | null }[] = await db.query(`
    SELECT c.relname AS table, t.tgtype::int AS tgtype, t.tgenabled::text AS enabled, p.proname AS fn,
           CASE WHEN t.oid IS NOT NULL THEN pg_get_triggerdef(t.oid) END AS def
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = 'audit_row_change'
      LEFT JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE c.relkind IN ('r', 'p')
     ORDER BY c.relname`);
  // the arguments: … EXECUTE FUNCTION audit_row_change('id', 'school_id', '')
  return rows.map((r) => ({ ...r, args: r.def ? [...(r.def.match(/\((.*)\)$/)?.[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]) : null }));
}

describe('audit trail and usage monitoring (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let year1: string;
  /** Authorization header values of school 1 per role, and of school 2's admin. */
  const auth: Record<string, string> = {};
  /** user ids of school 1 per role, and of school 2's admin */
  const uid: Record<string, string> = {};

  const get = (path: string, token = auth.admin) => t.http.get(`${API}${path}`).set('Authorization', token);
  const post = (path: string, body: object, token = auth.admin) => t.http.post(`${API}${path}`).set('Authorization', token).send(body);
  const patch = (path: string, body: object, token = auth.admin) => t.http.patch(`${API}${path}`).set('Authorization', token).send(body);
  const del = (path: string, token = auth.admin) => t.http.delete(`${API}${path}`).set('Authorization', token);

  /** Follows nextCursor until the last page; fails on a repeated item. */
  async function listAll<T extends { id?: string; userId?: string }>(
    path: string,
    limit: number,
    token = auth.admin,
    pick: (body: { items: T[]; nextCursor: string | null } & Record<string, unknown>) => { items: T[]; nextCursor: string | null } = (b) => b,
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 500; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      const body = pick(res.body);
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) {
        const keys = items.map((i) => i.id ?? i.userId);
        expect(new Set(keys).size).toBe(keys.length);
        return items;
      }
      expect(body.items).toHaveLength(limit);
    }
    throw new Error(`${path}: more than 500 pages`);
  }

  const events = (query: string, token = auth.admin) => listAll<AuditItem>(`/audit-events?${query}`, 100, token);

  /** Writes one audit event directly (INSERT is allowed; only UPDATE, DELETE and TRUNCATE are refused). */
  async function insertEvent(e: {
    schoolId?: string | null;
    actorUserId?: string | null;
    actorRoles?: string[];
    action: string;
    outcome?: string;
    entity?: string | null;
    entityId?: string | null;
    subjectPersonId?: string | null;
    /** an SQL expression of type timestamptz */
    at: string;
  }): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO audit_event (school_id, actor_user_id, actor_roles, action, outcome, entity, entity_id, subject_person_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${e.at}) RETURNING id`,
      [
        e.schoolId === undefined ? s1.id : e.schoolId,
        e.actorUserId ?? null,
        e.actorRoles ?? [],
        e.action,
        e.outcome ?? 'success',
        e.entity ?? null,
        e.entityId ?? null,
        e.subjectPersonId ?? null,
      ],
    );
    return String(row.id);
  }

  /** A user of school 1 written directly (recorded as system work 'test'). */
  async function createUser(login: string, fullName: string, roles: Role[], status = 'active'): Promise<string> {
    const [row] = (await systemWrite(
      t,
      `INSERT INTO app_user (school_id, login, password_hash, full_name, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s1.id, login, `$argon2id$v=19$m=65536,t=3,p=4$not-a-real-hash-${login}`, fullName, status],
    )) as { id: string }[];
    for (const role of roles) await systemWrite(t, 'INSERT INTO user_role (user_id, role) VALUES ($1, $2)', [row.id, role]);
    return row.id;
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await t.db.query(sql, params);
    return Number(row.count);
  }

  /** Today at the school, and the first day of the default usage period (29 days before). */
  async function localToday(): Promise<{ today: string; first: string }> {
    const [row] = await t.db.query(
      `SELECT to_char((now() AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS today, to_char((now() AT TIME ZONE $1)::date - 29, 'YYYY-MM-DD') AS first`,
      [TZ],
    );
    return row;
  }

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    // nobody signs in as a teacher: the usage tests count the teachers' sign-ins they insert themselves
    for (const role of ['admin', 'director', 'deputy', 'secretary'] as const) auth[role] = await bearer(t, s1.logins[role]);
    auth.admin2 = await bearer(t, s2.logins.admin);
    const users: { login: string; id: string }[] = await t.db.query('SELECT login, id FROM app_user');
    for (const u of users) {
      const [role, school] = u.login.split('.');
      if (school === 's1') uid[role] = u.id;
      if (u.login === s2.logins.admin) uid.admin2 = u.id;
    }
    const years = await get('/academic-years').expect(200);
    year1 = years.body.items[0].id;
  });

  afterAll(() => t?.close());

  // ======================================================================================================
  describe('the trail is append-only in the database', () => {
    let eventId: string;

    beforeAll(async () => {
      eventId = await insertEvent({ action: 'login', actorUserId: uid.parent, actorRoles: ['parent'], at: 'now()' });
    });

    it('UPDATE audit_event … fails in the database and the event stays as it was', async () => {
      const [before] = await t.db.query('SELECT to_jsonb(e) AS row FROM audit_event e WHERE id = $1', [eventId]);
      await expect(t.db.query(`UPDATE audit_event SET action = 'logout', actor_user_id = NULL WHERE id = $1`, [eventId])).rejects.toThrow(APPEND_ONLY);
      // even inside an audited transaction
      await expect(systemWrite(t, `UPDATE audit_event SET outcome = 'failure' WHERE id = $1`, [eventId])).rejects.toThrow(APPEND_ONLY);
      const [after] = await t.db.query('SELECT to_jsonb(e) AS row FROM audit_event e WHERE id = $1', [eventId]);
      expect(after).toEqual(before);
    });

    it('DELETE FROM audit_event … fails in the database and nothing is removed', async () => {
      const total = await count('SELECT count(*) FROM audit_event');
      await expect(t.db.query('DELETE FROM audit_event WHERE id = $1', [eventId])).rejects.toThrow(APPEND_ONLY);
      await expect(t.db.query('DELETE FROM audit_event')).rejects.toThrow(APPEND_ONLY);
      expect(await count('SELECT count(*) FROM audit_event')).toBe(total);
    });

    it('the append-only triggers fire even with session_replication_role = replica', async () => {
      const runner = t.db.createQueryRunner();
      try {
        await runner.query('SET session_replication_role = replica');
        await expect(runner.query(`UPDATE audit_event SET action = 'logout' WHERE id = $1`, [eventId])).rejects.toThrow(APPEND_ONLY);
        await expect(runner.query('DELETE FROM audit_event WHERE id = $1', [eventId])).rejects.toThrow(APPEND_ONLY);
        await expect(runner.query('TRUNCATE audit_event')).rejects.toThrow(APPEND_ONLY);
      } finally {
        await runner.query('RESET session_replication_role');
        await runner.release();
      }
      expect(await count('SELECT count(*) FROM audit_event WHERE id = $1', [eventId])).toBe(1);
    });

    it('TRUNCATE audit_event fails in the database and nothing is removed', async () => {
      const total = await count('SELECT count(*) FROM audit_event');
      expect(total).toBeGreaterThan(0);
      await expect(t.db.query('TRUNCATE audit_event')).rejects.toThrow(APPEND_ONLY);
      expect(await count('SELECT count(*) FROM audit_event')).toBe(total);
    });
  });

  // ======================================================================================================
  describe('every write is recorded in its transaction', () => {
    it('every write through the API is recorded with who, role, school, when, address and the changed fields', async () => {
      const name = 'Дополнительные каникулы для 2–4 классов';
      const started = Date.now();
      const created = await post(`/academic-years/${year1}/holidays`, {
        name, gradeFrom: 2, gradeTo: 4, startsOn: '2027-04-19', endsOn: '2027-04-23',
      }).expect(201);
      const holidayId = created.body.id as string;

      const [create] = await events(`entity=holiday&action=create&actorUserId=${uid.admin}`);
      expect(create).toMatchObject({
        action: 'create',
        outcome: 'success',
        entity: 'holiday',
        entityId: holidayId,
        actor: { id: uid.admin, login: s1.logins.admin, fullName: expect.any(String) },
        actorRoles: ['admin'],
        requestId: created.headers['x-request-id'],
        system: null,
        subjectPersonId: null,
      });
      expect(create.actor!.fullName.length).toBeGreaterThan(0);
      expect(create.clientIp).toMatch(/127\.0\.0\.1|::1/);
      expect(Date.parse(create.occurredAt)).toBeGreaterThanOrEqual(started - 5_000);
      expect(Date.parse(create.occurredAt)).toBeLessThanOrEqual(Date.now() + 5_000);
      expect(create.changes).toEqual({
        id: holidayId,
        school_id: s1.id,
        academic_year_id: year1,
        name,
        grade_from: 2,
        grade_to: 4,
        starts_on: '2027-04-19',
        ends_on: '2027-04-23',
      });
      const [row] = await t.db.query('SELECT school_id FROM audit_event WHERE id = $1', [create.id]);
      expect(row.school_id).toBe(s1.id);

      // an update records only the fields that changed, as {from, to}
      const updated = await patch(`/holidays/${holidayId}`, { name, endsOn: '2027-04-22' }).expect(200);
      const [update] = await events(`entity=holiday&action=update&actorUserId=${uid.admin}`);
      expect(update).toMatchObject({ entityId: holidayId, requestId: updated.headers['x-request-id'], actorRoles: ['admin'] });
      expect(update.changes).toEqual({ ends_on: { from: '2027-04-23', to: '2027-04-22' } });

      // an update that changes nothing is not an event
      const same = await patch(`/holidays/${holidayId}`, { name }).expect(200);
      expect(await count('SELECT count(*) FROM audit_event WHERE request_id = $1', [same.headers['x-request-id']])).toBe(0);

      // a delete is recorded with the removed row
      const deleted = await del(`/holidays/${holidayId}`).expect(204);
      const [gone] = await events(`entity=holiday&action=delete&actorUserId=${uid.admin}`);
      expect(gone).toMatchObject({ entityId: holidayId, requestId: deleted.headers['x-request-id'], actor: { id: uid.admin } });
      expect(gone.changes).toMatchObject({ id: holidayId, name, ends_on: '2027-04-22' });

      // the three events of the holiday, newest first
      const trail = (await events('entity=holiday')).filter((e) => e.entityId === holidayId);
      expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    });

    it('school and settings changes are recorded with the Russian text and the old and new values', async () => {
      const name = 'МБОУ «Средняя школа № 1 имени В. П. Астафьева»';
      const [before] = await t.db.query('SELECT name, rounding_threshold::float AS r FROM school JOIN school_settings ON school_id = school.id WHERE school.id = $1', [s1.id]);
      const renamed = await patch(`/schools/${s1.id}`, { name }).expect(200);
      const settings = await patch(`/schools/${s1.id}/settings`, { roundingThreshold: before.r === 0.6 ? 0.7 : 0.6 }).expect(200);

      const [school] = await events(`entity=school&action=update`);
      expect(school).toMatchObject({ entity: 'school', entityId: s1.id, requestId: renamed.headers['x-request-id'], actorRoles: ['admin'] });
      expect(school.changes).toEqual({ name: { from: before.name, to: name } });

      const [set] = await events(`entity=school_settings&action=update`);
      expect(set).toMatchObject({ entity: 'school_settings', entityId: s1.id, requestId: settings.headers['x-request-id'] });
      expect(set.changes).toEqual({ rounding_threshold: { from: before.r, to: settings.body.roundingThreshold } });
    });

    it("the caller's X-Request-Id of the longest accepted length is recorded and the write succeeds", async () => {
      const requestId = `audit-probe-${'x'.repeat(116)}`;
      expect(requestId).toHaveLength(128);
      const res = await post(`/academic-years/${year1}/holidays`, {
        name: 'День здоровья', gradeFrom: 5, gradeTo: 5, startsOn: '2027-04-19', endsOn: '2027-04-19',
      }).set('X-Request-Id', requestId);
      expect(res.status).toBe(201);
      expect(res.headers['x-request-id']).toBe(requestId);
      const [event] = await events('entity=holiday&action=create');
      expect(event).toMatchObject({ entityId: res.body.id, requestId });
      await del(`/holidays/${res.body.id}`).expect(204);
    });

    it('a write whose audit row cannot be written fails and leaves nothing behind', async () => {
      const holidays = 'SELECT count(*) FROM holiday WHERE academic_year_id = $1';
      const before = await count(holidays, [year1]);
      const trail = await count('SELECT count(*) FROM audit_event');
      const body = { name: 'Каникулы, которых не будет', gradeFrom: 6, gradeTo: 6, startsOn: '2027-04-26', endsOn: '2027-04-27' };
      await t.db.query(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'test: the audit trail is unavailable'; END $$`);
      await t.db.query(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW
        WHEN (NEW.entity = 'holiday') EXECUTE FUNCTION test_refuse_audit()`);
      let res: Response;
      try {
        res = await post(`/academic-years/${year1}/holidays`, body);
      } finally {
        await t.db.query('DROP TRIGGER test_refuse_audit ON audit_event');
        await t.db.query('DROP FUNCTION test_refuse_audit()');
      }
      expectProblem(res, 500, 'internal-error');
      expect(JSON.stringify(res.body)).not.toContain('audit trail is unavailable');
      expect(await count(holidays, [year1])).toBe(before);
      expect(await count('SELECT count(*) FROM holiday WHERE name = $1', [body.name])).toBe(0);
      expect(await count('SELECT count(*) FROM audit_event')).toBe(trail);
      // the same write goes through once the trail accepts it again
      const ok = await post(`/academic-years/${year1}/holidays`, body).expect(201);
      await del(`/holidays/${ok.body.id}`).expect(204);
    });

    it('a write outside an audited transaction is refused by the database', async () => {
      const [before] = await t.db.query('SELECT name FROM school WHERE id = $1', [s1.id]);
      await expect(t.db.query(`UPDATE school SET name = 'Школа без следа' WHERE id = $1`, [s1.id])).rejects.toThrow(CONTEXT_MISSING);
      await expect(
        t.db.query(`INSERT INTO holiday (school_id, academic_year_id, name, starts_on, ends_on) VALUES ($1, $2, 'Тайные каникулы', '2027-05-24', '2027-05-25')`, [s1.id, year1]),
      ).rejects.toThrow(CONTEXT_MISSING);
      await expect(t.db.query(`DELETE FROM mark_type WHERE school_id = $1`, [s1.id])).rejects.toThrow(CONTEXT_MISSING);
      // a transaction opened outside any request or job context carries none either
      await expect(t.db.transaction((m) => m.query(`UPDATE school SET name = 'Школа без следа' WHERE id = $1`, [s1.id]))).rejects.toThrow(CONTEXT_MISSING);
      const [after] = await t.db.query('SELECT name FROM school WHERE id = $1', [s1.id]);
      expect(after.name).toBe(before.name);
      expect(await count(`SELECT count(*) FROM holiday WHERE name = 'Тайные каникулы'`)).toBe(0);
    });

    it('a transaction opened inside a job context is stamped with it by the subscriber', async () => {
      const [before] = await t.db.query('SELECT short_name FROM school WHERE id = $1', [s1.id]);
      await runWithContext(systemContext('job:audit-probe', s1.id), () =>
        t.db.transaction((m) => m.query(`UPDATE school SET short_name = 'МБОУ СШ № 1 (задание)' WHERE id = $1`, [s1.id])),
      );
      const [event] = await events('entity=school&action=update');
      expect(event).toMatchObject({
        actor: null,
        actorRoles: [],
        system: 'job:audit-probe',
        entityId: s1.id,
        changes: { short_name: { from: before.short_name, to: 'МБОУ СШ № 1 (задание)' } },
      });
      // with an isolation level too (set before the context, as PostgreSQL requires)
      await runWithContext(systemContext('job:audit-probe-2', s1.id), () =>
        t.db.transaction('SERIALIZABLE', (m) => m.query(`UPDATE school SET short_name = $2 WHERE id = $1`, [s1.id, before.short_name])),
      );
      const [restored] = await events('entity=school&action=update');
      expect(restored).toMatchObject({ system: 'job:audit-probe-2', changes: { short_name: { from: 'МБОУ СШ № 1 (задание)', to: before.short_name } } });
    });

    it('the action context is local to its transaction: the next statement on the same connection is refused', async () => {
      const runner = t.db.createQueryRunner();
      try {
        await runner.startTransaction();
        await setAuditContext(runner, systemContext('test'));
        await runner.query(`UPDATE school SET address = 'г. Красноярск, ул. Мира, д. 1' WHERE id = $1`, [s1.id]);
        await runner.commitTransaction();
        await expect(runner.query(`UPDATE school SET address = 'г. Красноярск, ул. Мира, д. 2' WHERE id = $1`, [s1.id])).rejects.toThrow(CONTEXT_MISSING);
      } finally {
        await runner.release();
      }
      const [row] = await t.db.query('SELECT address FROM school WHERE id = $1', [s1.id]);
      expect(row.address).toBe('г. Красноярск, ул. Мира, д. 1');
    });

    it("a role granted by system work without a school (seed, operator) is in the trail of the user's school", async () => {
      const [granted] = await events(`entity=user_role&subjectPersonId=${uid.teacher}`);
      expect(granted).toMatchObject({
        action: 'create',
        entityId: `${uid.teacher}:teacher`,
        subjectPersonId: uid.teacher,
        system: 'seed',
        changes: { user_id: uid.teacher, role: 'teacher' },
      });
      // a role granted now by system work with no school in its context
      await systemWrite(t, `INSERT INTO user_role (user_id, role) VALUES ($1, 'deputy')`, [uid.teacher]);
      await systemWrite(t, `DELETE FROM user_role WHERE user_id = $1 AND role = 'deputy'`, [uid.teacher]);
      const trail = await events(`entity=user_role&subjectPersonId=${uid.teacher}`);
      expect(trail.map((e) => [e.action, e.entityId, e.system])).toEqual([
        ['delete', `${uid.teacher}:deputy`, 'test'],
        ['create', `${uid.teacher}:deputy`, 'test'],
        ['create', `${uid.teacher}:teacher`, 'seed'],
      ]);
      // and not in the other school's
      expect(await events(`entity=user_role&subjectPersonId=${uid.teacher}`, auth.admin2)).toEqual([]);
    });

    it('secrets never appear in the trail', async () => {
      const hash = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQtZm9yLXRlc3Q$0123456789abcdefSECRETHASHVALUE';
      const [old] = await t.db.query('SELECT password_hash FROM app_user WHERE id = $1', [uid.teacher]);
      await systemWrite(t, 'UPDATE app_user SET password_hash = $1 WHERE id = $2', [hash, uid.teacher]);
      const [update] = await events(`entity=app_user&action=update&subjectPersonId=${uid.teacher}`);
      expect(update).toMatchObject({ system: 'test', entityId: uid.teacher, subjectPersonId: uid.teacher });
      expect(update.changes).toEqual({ password_hash: '***' });
      // the seeded user's creation shows the column masked too
      const [created] = await events(`entity=app_user&action=create&subjectPersonId=${uid.teacher}`);
      expect(created.changes).toMatchObject({ login: s1.logins.teacher, password_hash: '***' });
      for (const secret of [hash, old.password_hash as string]) {
        expect(await count(`SELECT count(*) FROM audit_event WHERE strpos(coalesce(changes::text, '') || coalesce(details::text, ''), $1) > 0`, [secret])).toBe(0);
      }
      // every secret column name is masked, whatever the table
      const leaked: { count: string }[] = await t.db.query(`
        SELECT count(*) FROM audit_event e, jsonb_each(coalesce(e.changes, '{}')) AS c(k, v)
         WHERE c.k IN ('password_hash', 'token_hash', 'code_hash', 'secret') AND c.v <> '"***"'::jsonb`);
      expect(Number(leaked[0].count)).toBe(0);
      await systemWrite(t, 'UPDATE app_user SET password_hash = $1 WHERE id = $2', [old.password_hash, uid.teacher]);
    });

    it('a secret column by any name ending in _hash, _secret or _token is masked on create, update and delete', async () => {
      await t.db.query(`CREATE TABLE test_secret_probe (id uuid PRIMARY KEY, school_id uuid, note text, refresh_token_hash text,
        otp_secret text, api_token text, secret text, hashtag text, token_count int)`);
      try {
        await t.db.query(`CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON test_secret_probe FOR EACH ROW
          EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`);
        const id = '6f1d8a52-3c4b-4e8f-9a7d-2b5c6e1f0a93';
        await systemWrite(t, `INSERT INTO test_secret_probe VALUES ($1, $2, 'заметка', 'rt-h4sh-1', 'otp-s3cret-1', 'api-t0ken-1', 's3cret-1', '#школа', 3)`, [id, s1.id]);
        await systemWrite(t, `UPDATE test_secret_probe SET refresh_token_hash = 'rt-h4sh-2', otp_secret = 'otp-s3cret-2', api_token = 'api-t0ken-2', secret = 's3cret-2', note = 'другая' WHERE id = $1`, [id]);
        await systemWrite(t, 'DELETE FROM test_secret_probe WHERE id = $1', [id]);
        const trail = await events('entity=test_secret_probe');
        const masked = { refresh_token_hash: '***', otp_secret: '***', api_token: '***', secret: '***' };
        expect(trail.map((e) => [e.action, e.changes])).toEqual([
          ['delete', { id, school_id: s1.id, note: 'другая', hashtag: '#школа', token_count: 3, ...masked }],
          ['update', { note: { from: 'заметка', to: 'другая' }, ...masked }],
          ['create', { id, school_id: s1.id, note: 'заметка', hashtag: '#школа', token_count: 3, ...masked }],
        ]);
        expect(await count(`SELECT count(*) FROM audit_event WHERE changes::text ~ '(h4sh|s3cret|t0ken)'`)).toBe(0);
      } finally {
        await t.db.query('DROP TABLE test_secret_probe');
      }
    });
  });

  // ======================================================================================================
  describe('reads of personal data', () => {
    const context = () => ({
      userId: uid.director,
      schoolId: s1.id,
      roles: [Role.Director],
      sessionId: '0b7c2a9e-8d1f-4f5e-9a3b-6c2d1e0f4a11',
      ip: '192.0.2.10',
      requestId: 'pd-read-probe-1',
    });

    it('personal-data reads go through the helper and are listed by subject and action', async () => {
      const audit = t.app.get(AuditService);
      await runWithContext(context(), () =>
        audit.personalDataRead({ entity: 'app_user', entityId: uid.student, subjectPersonId: uid.student, fields: ['fullName', 'login'] }),
      );
      const found = await events(`action=personal-data-read&subjectPersonId=${uid.student}`);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        action: 'personal-data-read',
        outcome: 'success',
        entity: 'app_user',
        entityId: uid.student,
        subjectPersonId: uid.student,
        actor: { id: uid.director, login: s1.logins.director },
        actorRoles: ['director'],
        sessionId: '0b7c2a9e-8d1f-4f5e-9a3b-6c2d1e0f4a11',
        clientIp: '192.0.2.10',
        requestId: 'pd-read-probe-1',
        details: { fields: ['fullName', 'login'] },
        changes: null,
      });
      // the director may read the trail too
      const asDirector = await events(`action=personal-data-read&subjectPersonId=${uid.student}`, auth.director);
      expect(asDirector.map((e) => e.id)).toEqual([found[0].id]);
    });

    it("a read recorded with a transaction's manager rolls back with it", async () => {
      const audit = t.app.get(AuditService);
      const before = await count(`SELECT count(*) FROM audit_event WHERE action = 'personal-data-read' AND subject_person_id = $1`, [uid.parent]);
      await expect(
        runWithContext(context(), () =>
          t.db.transaction(async (m) => {
            await audit.personalDataRead({ entity: 'app_user', entityId: uid.parent, subjectPersonId: uid.parent }, m);
            throw new Error('the operation failed');
          }),
        ),
      ).rejects.toThrow('the operation failed');
      expect(await count(`SELECT count(*) FROM audit_event WHERE action = 'personal-data-read' AND subject_person_id = $1`, [uid.parent])).toBe(before);
    });
  });

  // ======================================================================================================
  describe('filters and pages of GET /audit-events', () => {
    it('filters by actor, subject, entity and action, each alone and together', async () => {
      const a = await insertEvent({ action: 'login', actorUserId: uid.secretary, actorRoles: ['secretary'], at: `'2025-02-03T05:00:00Z'` });
      const b = await insertEvent({ action: 'update', actorUserId: uid.secretary, actorRoles: ['secretary'], entity: 'app_user', entityId: uid.parent, subjectPersonId: uid.parent, at: `'2025-02-03T06:00:00Z'` });
      const c = await insertEvent({ action: 'personal-data-read', actorUserId: uid.deputy, actorRoles: ['deputy'], entity: 'app_user', entityId: uid.parent, subjectPersonId: uid.parent, at: `'2025-02-03T07:00:00Z'` });
      const window = 'from=2025-02-03&to=2025-02-03';

      const ids = async (q: string) => (await events(`${window}&${q}`)).map((e) => e.id);
      expect(await ids(`actorUserId=${uid.secretary}`)).toEqual([b, a]);
      expect(await ids(`subjectPersonId=${uid.parent}`)).toEqual([c, b]);
      expect(await ids('entity=app_user')).toEqual([c, b]);
      expect(await ids('action=login')).toEqual([a]);
      expect(await ids(`actorUserId=${uid.secretary}&entity=app_user&action=update&subjectPersonId=${uid.parent}`)).toEqual([b]);
      expect(await ids(`actorUserId=${uid.deputy}&action=update`)).toEqual([]);
      expect(await ids('')).toEqual([c, b, a]);
      // every filter applies on the database side: the same filter without the period still finds only matching rows
      const all = await events(`actorUserId=${uid.secretary}`);
      expect(all.every((e) => e.actor?.id === uid.secretary)).toBe(true);
      expect(all.map((e) => e.id)).toEqual(expect.arrayContaining([a, b]));
    });

    it('from and to are school-local days: 23:30 UTC is already the next day in Krasnoyarsk', async () => {
      // 2025-03-09 23:30 UTC = 2025-03-10 06:30 in Krasnoyarsk; 2025-03-10 16:59:59 UTC = 23:59:59 local; 17:00 UTC = next day
      const before = await insertEvent({ action: 'login', actorUserId: uid.secretary, at: `'2025-03-09T16:59:59Z'` });
      const early = await insertEvent({ action: 'login', actorUserId: uid.secretary, at: `'2025-03-09T23:30:00Z'` });
      const lastSecond = await insertEvent({ action: 'login', actorUserId: uid.secretary, at: `'2025-03-10T16:59:59Z'` });
      const nextDay = await insertEvent({ action: 'login', actorUserId: uid.secretary, at: `'2025-03-10T17:00:00Z'` });
      const ids = async (q: string) => (await events(`actorUserId=${uid.secretary}&${q}`)).map((e) => e.id);

      expect(await ids('from=2025-03-10&to=2025-03-10')).toEqual([lastSecond, early]);
      expect(await ids('from=2025-03-09&to=2025-03-09')).toEqual([before]);
      expect(await ids('from=2025-03-11&to=2025-03-11')).toEqual([nextDay]);
      expect(await ids('from=2025-03-09&to=2025-03-11')).toEqual([nextDay, lastSecond, early, before]);
      // open-ended periods
      expect(await ids('to=2025-03-09')).toContain(before);
      expect(await ids('to=2025-03-09')).not.toContain(early);
      expect(await ids('from=2025-03-11')).toContain(nextDay);
      expect(await ids('from=2025-03-11')).not.toContain(lastSecond);
    });

    it('a period with to before from is 422 period-invalid naming to; one day (from = to) is allowed', async () => {
      expectProblem(await get('/audit-events?from=2025-03-10&to=2025-03-09'), 422, 'period-invalid', 'to');
      await get('/audit-events?from=2025-03-10&to=2025-03-10').expect(200);
    });

    it('malformed filters are 422 naming the field, and a forged cursor is 400 invalid-cursor', async () => {
      expectProblem(await get('/audit-events?action=drop-everything'), 422, 'validation-failed', 'action');
      expectProblem(await get('/audit-events?actorUserId=42'), 422, 'validation-failed', 'actorUserId');
      expectProblem(await get('/audit-events?subjectPersonId=not-a-uuid'), 422, 'validation-failed', 'subjectPersonId');
      expectProblem(await get(`/audit-events?entity=${encodeURIComponent("holiday' OR 1=1 --")}`), 422, 'validation-failed', 'entity');
      expectProblem(await get('/audit-events?from=2025-02-30'), 422, 'validation-failed', 'from');
      expectProblem(await get('/audit-events?limit=0'), 422, 'validation-failed', 'limit');
      expectProblem(await get('/audit-events?schoolId=00000000-0000-0000-0000-000000000000'), 422, 'validation-failed', 'schoolId');
      for (const forged of [
        Buffer.from(JSON.stringify(['1; DROP TABLE audit_event'])).toString('base64url'),
        Buffer.from(JSON.stringify([1])).toString('base64url'),
        Buffer.from(JSON.stringify(['1', '2'])).toString('base64url'),
        Buffer.from('not json').toString('base64url'),
      ]) {
        expectProblem(await get(`/audit-events?cursor=${forged}`), 400, 'invalid-cursor', 'cursor');
      }
    });

    it('pagination walks all pages newest first without duplicates or gaps (limit=2)', async () => {
      const inserted: string[] = [];
      for (let i = 0; i < 5; i++) {
        inserted.push(await insertEvent({ action: 'update', entity: 'pagination_probe', entityId: String(i), at: `'2025-04-01T0${i}:00:00Z'` }));
      }
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/audit-events?entity=pagination_probe&limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        pages.push(res.body.items.map((e: AuditItem) => e.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual([...inserted].reverse());

      // the whole trail of the school, page by page, is exactly its rows in the database
      const walked = await listAll<AuditItem>('/audit-events', 97);
      const db: { id: string }[] = await t.db.query('SELECT e.id::text AS id FROM audit_event e WHERE e.school_id = $1 ORDER BY e.id DESC', [s1.id]);
      expect(walked.map((e) => e.id)).toEqual(db.map((r) => r.id));
    });
  });

  // ======================================================================================================
  describe('access to the trail', () => {
    it('a school sees only its own audit events', async () => {
      // school 2's admin acts, school 1's admin acts
      const holiday2 = await post(
        `/academic-years/${(await get('/academic-years', auth.admin2).expect(200)).body.items[0].id}/holidays`,
        { name: 'Каникулы школы № 2', gradeFrom: 7, gradeTo: 7, startsOn: '2027-04-19', endsOn: '2027-04-20' },
        auth.admin2,
      ).expect(201);
      const holiday1 = await post(`/academic-years/${year1}/holidays`, { name: 'Каникулы школы № 1', gradeFrom: 7, gradeTo: 7, startsOn: '2027-04-19', endsOn: '2027-04-20' }).expect(201);
      await insertEvent({ action: 'personal-data-read', actorUserId: uid.director, subjectPersonId: uid.student, at: 'now()' });

      const seen = await listAll<AuditItem>('/audit-events', 500, auth.admin2);
      const rows: { school_id: string | null }[] = await t.db.query('SELECT school_id FROM audit_event WHERE id = ANY($1::bigint[])', [seen.map((e) => e.id)]);
      expect(rows).toHaveLength(seen.length);
      expect(rows.every((r) => r.school_id === s2.id)).toBe(true);
      expect(seen.map((e) => e.entityId)).toContain(holiday2.body.id);
      expect(seen.map((e) => e.entityId)).not.toContain(holiday1.body.id);
      expect(seen.length).toBe(await count('SELECT count(*) FROM audit_event WHERE school_id = $1', [s2.id]));
      // filters naming school 1's people find nothing
      expect(await events(`actorUserId=${uid.admin}`, auth.admin2)).toEqual([]);
      expect(await events(`subjectPersonId=${uid.student}`, auth.admin2)).toEqual([]);
      // and school 1 does not see school 2's holiday
      expect((await events('entity=holiday')).map((e) => e.entityId)).not.toContain(holiday2.body.id);
    });

    it('deputy, secretary and anonymous callers may not read the trail', async () => {
      expectProblem(await get('/audit-events', auth.deputy), 403, 'forbidden');
      expectProblem(await get('/audit-events', auth.secretary), 403, 'forbidden');
      expectProblem(await t.http.get(`${API}/audit-events`), 401, 'unauthenticated');
    });
  });

  // ======================================================================================================
  describe('usage monitoring (GET /usage)', () => {
    const teacherNames = { u1: 'Ёлкина Анна Сергеевна', u2: 'Елисеев Борис Петрович', u3: 'Жуков Виктор Ильич' };
    const ids: Record<string, string> = {};
    /** SQL for a moment `days` local days before today's local midnight, plus `offset` */
    const localDay = (days: number, offset = '0 seconds') =>
      `(((now() AT TIME ZONE '${TZ}')::date - ${days})::timestamp AT TIME ZONE '${TZ}' + interval '${offset}')`;

    beforeAll(async () => {
      ids.u1 = await createUser('yolkina.s1', teacherNames.u1, [Role.Teacher]);
      ids.u2 = await createUser('eliseev.s1', teacherNames.u2, [Role.Teacher, Role.Deputy]);
      ids.u3 = await createUser('zhukov.s1', teacherNames.u3, [Role.Teacher], 'disabled');
      const login = (user: string, at: string, outcome = 'success', action = 'login') =>
        insertEvent({ action, outcome, actorUserId: ids[user] ?? user, actorRoles: ['teacher'], at });
      // u1: two sign-ins in the default period, one 40 days ago, one failure and one refused attempt
      await login('u1', localDay(1, '10 hours'));
      await login('u1', localDay(10, '8 hours'));
      await login('u1', localDay(40, '8 hours'));
      await login('u1', localDay(2, '8 hours'), 'failure');
      await login('u1', localDay(2, '9 hours'), 'failure', 'login-failed');
      // u2: one sign-in a minute into the first day of the default period, one a minute before it
      await login('u2', localDay(29, '1 minute'));
      await login('u2', localDay(29, '-1 minute'));
      // u3 (disabled): signed in 400 days ago only
      await login('u3', localDay(400, '12 hours'));
      // writes of u1 recorded by the trigger (the teacher has no write API yet): two updates and a delete, and a read
      for (const action of ['update', 'update', 'delete', 'personal-data-read']) {
        await insertEvent({ action, actorUserId: ids.u1, actorRoles: ['teacher'], entity: 'mark_type', at: localDay(3, '9 hours') });
      }
      // a write in the other school by nobody of ours, and a sign-in of u1 recorded for another school: not counted
      await insertEvent({ schoolId: s2.id, action: 'login', actorUserId: ids.u1, at: localDay(1) });
    });

    const usage = async (query = '', token = auth.admin) => {
      const res = await get(`/usage${query ? `?${query}` : ''}`, token);
      if (res.status !== 200) throw new Error(`usage ${query}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { from: string; to: string; byRole: RoleUsage[]; users: { items: UserUsage[]; nextCursor: string | null } };
    };
    const allUsers = (query: string, token = auth.admin) =>
      listAll<UserUsage>(`/usage?${query}`, 2, token, (b) => b.users as { items: UserUsage[]; nextCursor: string | null });

    it('the default period is the last 30 days at the school, today included', async () => {
      const { today, first } = await localToday();
      const body = await usage();
      expect(body).toMatchObject({ from: first, to: today });
      const users = await allUsers('');
      const u1 = users.find((u) => u.userId === ids.u1)!;
      const u2 = users.find((u) => u.userId === ids.u2)!;
      expect(u1).toMatchObject({ login: 'yolkina.s1', fullName: teacherNames.u1, roles: ['teacher'], status: 'active', logins: 2, writes: 3 });
      expect(u2).toMatchObject({ roles: ['deputy', 'teacher'], logins: 1, writes: 0 });
      // only `to` given: the 30 days before it
      const shifted = await usage('to=2025-06-30');
      expect(shifted).toMatchObject({ from: '2025-06-01', to: '2025-06-30' });
    });

    it('logins and writes per role in a period: active accounts, users who signed in, sign-ins and writes', async () => {
      const teacher = (await usage()).byRole.find((r) => r.role === 'teacher');
      // teacher.s1, u1 and u2 are active (u3 is disabled); u1 and u2 signed in during the period
      expect(teacher).toEqual({ role: 'teacher', users: 3, activeUsers: 2, logins: 3, writes: 3 });
      // a user with two roles counts under both
      const deputy = (await usage()).byRole.find((r) => r.role === 'deputy')!;
      expect(deputy.users).toBe(2);
      expect(deputy.logins).toBeGreaterThanOrEqual(1);
      // roles nobody holds do not appear; each role once, in order
      const roles = (await usage()).byRole.map((r) => r.role);
      expect(roles).toEqual([...new Set(roles)].sort());
      expect(roles).not.toContain('operator');
    });

    it('writes through the API are counted for their author, per user and per role', async () => {
      const admin = async () => (await allUsers('role=admin')).find((u) => u.userId === uid.admin)!;
      const adminRole = async () => (await usage()).byRole.find((r) => r.role === 'admin')!;
      const [beforeUser, beforeRole] = [await admin(), await adminRole()];
      const created = await post(`/academic-years/${year1}/holidays`, { name: 'Учёт записей', gradeFrom: 8, gradeTo: 8, startsOn: '2027-04-19', endsOn: '2027-04-20' }).expect(201);
      const changed = await patch(`/holidays/${created.body.id}`, { name: 'Учёт записей (исправлено)' }).expect(200);
      const deleted = await del(`/holidays/${created.body.id}`).expect(204);
      const recorded = await count('SELECT count(*) FROM audit_event WHERE request_id = ANY($1)', [
        [created, changed, deleted].map((r) => r.headers['x-request-id']),
      ]);
      expect(recorded).toBe(3);
      expect((await admin()).writes).toBe(beforeUser.writes + 3);
      expect((await adminRole()).writes).toBe(beforeRole.writes + 3);
    });

    it('lastLoginAt is the last successful sign-in ever, also outside the period', async () => {
      const [times] = await t.db.query(`SELECT ${localDay(1, '10 hours')} AS u1, ${localDay(29, '1 minute')} AS u2, ${localDay(400, '12 hours')} AS u3`);
      const users = await allUsers('role=teacher');
      const byId = Object.fromEntries(users.map((u) => [u.userId, u]));
      expect(byId[ids.u1].lastLoginAt).toBe((times.u1 as Date).toISOString());
      expect(byId[ids.u2].lastLoginAt).toBe((times.u2 as Date).toISOString());
      expect(byId[ids.u3]).toMatchObject({ status: 'disabled', logins: 0, writes: 0, lastLoginAt: (times.u3 as Date).toISOString() });
      expect(byId[uid.teacher]).toMatchObject({ logins: 0, writes: 0 });
    });

    it('an explicit period counts school-local days', async () => {
      // 2025-06-14 17:30 UTC is 2025-06-15 00:30 in Krasnoyarsk
      await insertEvent({ action: 'login', actorUserId: ids.u3, actorRoles: ['teacher'], at: `'2025-06-14T17:30:00Z'` });
      await insertEvent({ action: 'create', actorUserId: ids.u3, actorRoles: ['teacher'], entity: 'mark_type', at: `'2025-06-14T16:59:00Z'` });
      const u3 = async (q: string) => (await allUsers(`role=teacher&${q}`)).find((u) => u.userId === ids.u3)!;
      expect(await u3('from=2025-06-15&to=2025-06-15')).toMatchObject({ logins: 1, writes: 0 });
      expect(await u3('from=2025-06-14&to=2025-06-14')).toMatchObject({ logins: 0, writes: 1 });
      expect(await u3('from=2025-06-01&to=2025-06-30')).toMatchObject({ logins: 1, writes: 1 });
      const teacher = (await usage('from=2025-06-15&to=2025-06-15')).byRole.find((r) => r.role === 'teacher');
      // u3 is disabled: its sign-in counts, but it is not one of the active accounts that signed in
      expect(teacher).toEqual({ role: 'teacher', users: 3, activeUsers: 0, logins: 1, writes: 0 });
    });

    it('the role filter lists only users holding the role', async () => {
      const teachers = await allUsers('role=teacher');
      expect(teachers.map((u) => u.userId).sort()).toEqual([uid.teacher, ids.u1, ids.u2, ids.u3].sort());
      const deputies = await allUsers('role=deputy');
      expect(deputies.map((u) => u.userId).sort()).toEqual([uid.deputy, ids.u2].sort());
      expect(deputies.find((u) => u.userId === ids.u2)!.roles).toEqual(['deputy', 'teacher']);
      expect(await allUsers('role=operator')).toEqual([]);
      expectProblem(await get('/usage?role=superuser'), 422, 'validation-failed', 'role');
    });

    it('users are listed in Russian alphabetical order (Ё with Е), page by page', async () => {
      const users = await allUsers('');
      const inDb = await count('SELECT count(*) FROM app_user WHERE school_id = $1', [s1.id]);
      expect(users).toHaveLength(inDb);
      const collator = new Intl.Collator('ru');
      const names = users.map((u) => u.fullName);
      expect(names).toEqual([...names].sort(collator.compare));
      const [i1, i2, i3] = [teacherNames.u2, teacherNames.u1, teacherNames.u3].map((n) => names.indexOf(n));
      // Елисеев < Ёлкина < Жуков (a byte order would put Ё before every other letter)
      expect(i1).toBeGreaterThanOrEqual(0);
      expect(i1).toBeLessThan(i2);
      expect(i2).toBeLessThan(i3);
      // school 2's users are not listed
      expect(users.map((u) => u.userId)).not.toContain(uid.admin2);
    });

    it('a period longer than 366 days is 422 period-too-long; 366 days are allowed; to before from is period-invalid', async () => {
      expectProblem(await get('/usage?from=2025-01-01&to=2026-01-02'), 422, 'period-too-long', 'from');
      expect(await usage('from=2025-01-01&to=2026-01-01')).toMatchObject({ from: '2025-01-01', to: '2026-01-01' });
      expect(await usage('from=2024-01-01&to=2024-12-31')).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
      expectProblem(await get('/usage?from=2025-03-10&to=2025-03-09'), 422, 'period-invalid', 'to');
      expectProblem(await get('/usage?from=2025-13-01'), 422, 'validation-failed', 'from');
      const forged = Buffer.from(JSON.stringify(['Ёлкина', 'not-a-uuid'])).toString('base64url');
      expectProblem(await get(`/usage?cursor=${forged}`), 400, 'invalid-cursor', 'cursor');
    });

    it('deputy and director may read usage but the deputy not the audit list; the secretary gets 403', async () => {
      const asDeputy = await usage('', auth.deputy);
      expect(asDeputy.byRole.find((r) => r.role === 'teacher')).toMatchObject({ users: 3 });
      await usage('', auth.director);
      expectProblem(await get('/audit-events', auth.deputy), 403, 'forbidden');
      expectProblem(await get('/usage', auth.secretary), 403, 'forbidden');
    });

    it("a school's usage counts only its own users and events", async () => {
      const other = await usage('', auth.admin2);
      expect(other.users.items.map((u) => u.userId)).not.toContain(ids.u1);
      const teacher = other.byRole.find((r) => r.role === 'teacher')!;
      expect(teacher).toEqual({ role: 'teacher', users: 1, activeUsers: 0, logins: 0, writes: 0 });
      // u1's sign-in recorded under school 2 is not counted for school 1
      const u1 = (await allUsers('role=teacher')).find((u) => u.userId === ids.u1)!;
      expect(u1.logins).toBe(2);
    });
  });

  // ======================================================================================================
  describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
    let p: TestApp;
    let token: string;
    let year: string;

    beforeAll(async () => {
      p = await createTestApp({ TRUST_PROXY: 'true' });
      await seedTestSchool(p, 3);
      token = await bearer(p, 'admin.s3');
      year = (await p.http.get(`${API}/academic-years`).set('Authorization', token).expect(200)).body.items[0].id;
    });

    afterAll(() => p?.close());

    const createHoliday = (grade: number, forwardedFor: string) =>
      p.http
        .post(`${API}/academic-years/${year}/holidays`)
        .set('Authorization', token)
        .set('X-Forwarded-For', forwardedFor)
        .send({ name: `Каникулы ${grade}-х классов`, gradeFrom: grade, gradeTo: grade, startsOn: '2027-04-19', endsOn: '2027-04-20' });

    const clientIpOf = async (requestId: string) => {
      const rows: { client_ip: string | null }[] = await p.db.query('SELECT client_ip FROM audit_event WHERE request_id = $1', [requestId]);
      expect(rows).toHaveLength(1);
      return rows[0].client_ip;
    };

    it("the client's address from X-Forwarded-For is recorded", async () => {
      const res = await createHoliday(5, '203.0.113.7').expect(201);
      expect(await clientIpOf(res.headers['x-request-id'])).toBe('203.0.113.7');
      const v6 = await createHoliday(6, '2001:db8::17').expect(201);
      expect(await clientIpOf(v6.headers['x-request-id'])).toBe('2001:db8::17');
    });

    it('a forged or overlong X-Forwarded-For does not fail the write; no address is recorded for it', async () => {
      for (const [grade, forged] of [[7, 'x'.repeat(300)], [8, '<script>alert(1)</script>'], [9, "1.2.3.4'; DROP TABLE holiday; --"]] as const) {
        const res = await createHoliday(grade, forged);
        expect(res.status).toBe(201);
        expect(await clientIpOf(res.headers['x-request-id'])).toBeNull();
      }
    });
  });

  // ======================================================================================================
  describe('contract', () => {
    it('every table but the listed bookkeeping ones carries the audit row trigger', async () => {
      const tables = await auditTriggers(t.db);
      expect(tables.length).toBeGreaterThan(5);
      const missing = tables.filter((r) => !AUDIT_TRIGGER_EXEMPT_TABLES.includes(r.table) && r.fn === null).map((r) => r.table);
      expect(missing).toEqual([]);
      // the trail itself must never carry it (it would record its own rows)
      expect(tables.find((r) => r.table === 'audit_event')?.fn).toBeNull();

      const columns: { table: string; column: string }[] = await t.db.query(
        `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const has = (table: string, column: string) => columns.some((c) => c.table === table && c.column === column);
      for (const r of tables.filter((x) => x.fn !== null)) {
        // AFTER INSERT OR UPDATE OR DELETE, FOR EACH ROW (ROW=1, INSERT=4, DELETE=8, UPDATE=16; BEFORE=2 unset), enabled
        const partly = PARTLY_AUDITED_TABLES[r.table];
        expect({ table: r.table, fn: r.fn, tgtype: r.tgtype, enabled: r.enabled }).toEqual({
          table: r.table,
          fn: 'audit_row_change',
          tgtype: partly?.tgtype ?? 29,
          enabled: 'O',
        });
        for (const [name, tgtype] of Object.entries(partly?.also ?? {})) {
          const [other] = (await t.db.query(
            `SELECT t.tgtype::int AS tgtype, p.proname AS fn, t.tgenabled::text AS enabled, pg_get_triggerdef(t.oid) AS def
               FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = $1::regclass AND t.tgname = $2`,
            [r.table, name],
          )) as Array<{ tgtype: number; fn: string; enabled: string; def: string }>;
          expect({ name, tgtype: other?.tgtype, fn: other?.fn, enabled: other?.enabled }).toEqual({ name, tgtype, fn: 'audit_row_change', enabled: 'O' });
          expect(other.def).toContain(r.def?.slice(r.def.indexOf('EXECUTE FUNCTION')) ?? 'missing');
        }
        // its arguments name real columns: the key, the school ('' for none) and the subject person ('' for none)
        const [keys, school, subject] = r.args ?? [];
        expect({ table: r.table, args: r.args?.length }).toEqual({ table: r.table, args: 3 });
        for (const key of keys.split(',')) expect({ table: r.table, key, exists: has(r.table, key) }).toEqual({ table: r.table, key, exists: true });
        if (school.includes('>')) {
          // '<column>><table>': the school of the referenced row
          const [col, parent] = school.split('>');
          expect({ table: r.table, col, exists: has(r.table, col) }).toEqual({ table: r.table, col, exists: true });
          expect({ parent, schoolColumn: has(parent, 'school_id'), id: has(parent, 'id') }).toEqual({ parent, schoolColumn: true, id: true });
        } else if (school !== '') {
          expect({ table: r.table, school, exists: has(r.table, school) }).toEqual({ table: r.table, school, exists: true });
        }
        if (subject !== '') expect({ table: r.table, subject, exists: has(r.table, subject) }).toEqual({ table: r.table, subject, exists: true });
        // a column named like a secret is masked, unless it is a known flag or time
        for (const c of columns.filter((x) => x.table === r.table && SECRET_LOOKING.test(x.column))) {
          const shown = MASKED.test(c.column) ? 'masked' : NOT_SECRET_COLUMNS.includes(c.column) ? 'not a secret' : 'SHOWN IN THE TRAIL';
          expect({ table: r.table, column: c.column, shown }).not.toEqual({ table: r.table, column: c.column, shown: 'SHOWN IN THE TRAIL' });
        }
        // a table with a school column must say so, or its events would not reach that school's trail
        if (has(r.table, 'school_id')) expect({ table: r.table, school }).toEqual({ table: r.table, school: 'school_id' });
      }
    });
  });
});

import { createHash, randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Role } from '../src/common/access/role';
import { hashPassword } from '../src/modules/auth/password-hasher';
import { LOGIN_THROTTLE } from '../src/modules/auth/throttle/throttle-rules';
import { createTestApp, seedTestSchool, signIn, systemWrite, TEST_PASSWORD, TestApp, TestSchool } from './utils/test-app';

/**
 * Identity rules of issue 3: sessions and refresh tokens, access tokens that die with their session, passwords,
 * brute-force throttling (with Redis and with PostgreSQL), and the audit events of each.
 */

jest.setTimeout(30_000);

const API = '/api/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let addressCounter = 0;
/** A client address of its own (the apps trust X-Forwarded-For), so that per-address counters of tests stay apart. */
function freshAddress(): string {
  addressCounter++;
  return `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

function claimsOf(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
}

let passwordHash: Promise<string> | undefined;
/** A user made directly in the database (login unique per test), with TEST_PASSWORD. */
async function makeUser(t: TestApp, schoolId: string | null, login: string, roles: Role[]): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const rows = (await systemWrite(
    t,
    `INSERT INTO app_user (school_id, login, full_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [schoolId, login, 'Проверочный Пользователь Тестович', await passwordHash],
  )) as Array<{ id: string }>;
  for (const role of roles) await systemWrite(t, `INSERT INTO user_role (user_id, role) VALUES ($1, $2)`, [rows[0].id, role]);
  return rows[0].id;
}

interface AuditRow {
  action: string;
  outcome: string;
  actor_user_id: string | null;
  session_id: string | null;
  subject_person_id: string | null;
  school_id: string | null;
  entity: string | null;
  entity_id: string | null;
  details: Record<string, unknown> | null;
  client_ip: string | null;
}

async function auditOf(t: TestApp, action: string, where: string, params: unknown[]): Promise<AuditRow[]> {
  return t.db.query(`SELECT * FROM audit_event WHERE action = $1 AND ${where} ORDER BY id`, [action, ...params]);
}

function login(t: TestApp, body: Record<string, unknown>, address = freshAddress()) {
  return t.http.post(`${API}/auth/login`).set('x-forwarded-for', address).send(body);
}

/** Sign-in from an address of its own. */
async function session(t: TestApp, name: string, password = TEST_PASSWORD) {
  const res = await login(t, { login: name, password });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, auth: `Bearer ${res.body.accessToken}` } as {
    accessToken: string;
    refreshToken: string;
    sessionId: string;
    mustChangePassword: boolean;
    auth: string;
  };
}

/** Removes this suite's own keys (its prefix only) from the shared Redis. */
async function dropRedisKeys(t: TestApp, prefix: string): Promise<void> {
  if (!t.config.REDIS_URL) return;
  const redis = new Redis(t.config.REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

describe('identity: sessions, refresh tokens, passwords', () => {
  let t: TestApp;
  let school: TestSchool;
  let other: TestSchool;

  const prefix = `ejtest-identity-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', REDIS_PREFIX: prefix });
    school = await seedTestSchool(t, 31);
    other = await seedTestSchool(t, 32);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await dropRedisKeys(t, prefix);
  });

  const me = (auth: string) => t.http.get(`${API}/auth/me`).set('authorization', auth);
  const refresh = (refreshToken: string) => t.http.post(`${API}/auth/refresh`).send({ refreshToken });

  describe('sessions and refresh tokens', () => {
    it('login opens a session: a short-lived access token naming it, and a refresh token stored only as its SHA-256', async () => {
      const address = freshAddress();
      const res = await t.http
        .post(`${API}/auth/login`)
        .set('x-forwarded-for', address)
        .set('user-agent', 'Dnevnik/1.0 (Android 14)')
        .send({ login: school.logins.teacher, password: TEST_PASSWORD, deviceName: 'Телефон' })
        .expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false });
      expect(res.body.expiresIn).toBeLessThanOrEqual(900);
      expect(res.body.sessionId).toMatch(UUID);
      const claims = claimsOf(res.body.accessToken);
      expect(claims.sid).toBe(res.body.sessionId);
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
      expect(claims.pwc).toBeUndefined();

      const token: string = res.body.refreshToken;
      const secret = Buffer.from(token.split('.')[1], 'base64url');
      expect(secret.length).toBeGreaterThanOrEqual(32);
      const stored = await t.db.query('SELECT token_hash, rotated_at FROM refresh_token WHERE session_id = $1', [res.body.sessionId]);
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex'), rotated_at: null }]);
      const [row] = await t.db.query('SELECT * FROM user_session WHERE id = $1', [res.body.sessionId]);
      expect(row).toMatchObject({ device_name: 'Телефон', user_agent: 'Dnevnik/1.0 (Android 14)', ip: address, revoked_at: null });
      expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBeCloseTo(30 * 86_400_000, -5);
      const everything = JSON.stringify(await t.db.query('SELECT * FROM refresh_token')) + JSON.stringify(await t.db.query('SELECT * FROM audit_event'));
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(token.split('.')[1]);

      const [event] = await auditOf(t, 'login', 'session_id = $2', [res.body.sessionId]);
      expect(event).toMatchObject({ outcome: 'success', school_id: school.id, client_ip: address, entity: 'user_session' });
      expect(event.actor_user_id).toBe(event.subject_person_id);
    });

    it('unknown body fields on login are refused (422), so a client cannot ask for roles or a school', async () => {
      const res = await login(t, { login: school.logins.teacher, password: TEST_PASSWORD, roles: ['admin'], schoolId: other.id });
      expect(res.status).toBe(422);
    });

    it('refresh rotates: new tokens for the same session, and the old refresh token no longer works', async () => {
      const first = await session(t, school.logins.deputy);
      const res = await refresh(first.refreshToken).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.sessionId).toBe(first.sessionId);
      expect(res.body.refreshToken).not.toBe(first.refreshToken);
      await me(`Bearer ${res.body.accessToken}`).expect(200);
      const rows = await t.db.query(
        'SELECT token_hash, rotated_at IS NOT NULL AS rotated FROM refresh_token WHERE session_id = $1 ORDER BY created_at',
        [first.sessionId],
      );
      expect(rows.map((r: { rotated: boolean }) => r.rotated)).toEqual([true, false]);
      const again = await refresh(res.body.refreshToken).expect(200);
      expect(again.body.sessionId).toBe(first.sessionId);
      const events = await auditOf(t, 'refresh', 'session_id = $2', [first.sessionId]);
      expect(events.map((e) => e.outcome)).toEqual(['success', 'success']);
      // the first token, already exchanged, is refused
      const old = await refresh(first.refreshToken).expect(401);
      expect(old.body.code).toBe('refresh-token-reused');
    });

    it('reusing a rotated refresh token revokes the whole session', async () => {
      const s = await session(t, school.logins.secretary);
      const next = (await refresh(s.refreshToken).expect(200)).body;
      const reuse = await refresh(s.refreshToken).expect(401);
      expect(reuse.body.code).toBe('refresh-token-reused');
      // the thief's and the owner's tokens are both dead now
      const newer = await refresh(next.refreshToken).expect(401);
      expect(newer.body.code).toBe('invalid-refresh-token');
      const denied = await me(`Bearer ${next.accessToken}`).expect(401);
      expect(denied.body.code).toBe('session-ended');
      const [row] = await t.db.query('SELECT revoke_reason, revoked_at FROM user_session WHERE id = $1', [s.sessionId]);
      expect(row.revoke_reason).toBe('refresh-reuse');
      expect(row.revoked_at).not.toBeNull();
      const [event] = await auditOf(t, 'refresh', `session_id = $2 AND outcome = 'failure'`, [s.sessionId]);
      expect(event.details).toMatchObject({ reason: 'refresh-token-reused', sessionEnded: true });
    });

    it('two refreshes with one token at the same moment: one succeeds, the other is reuse', async () => {
      const s = await session(t, school.logins.student);
      const answers = await Promise.all([refresh(s.refreshToken), refresh(s.refreshToken)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
      expect(answers.find((a) => a.status === 401)?.body.code).toBe('refresh-token-reused');
      const [row] = await t.db.query('SELECT revoke_reason FROM user_session WHERE id = $1', [s.sessionId]);
      expect(row.revoke_reason).toBe('refresh-reuse');
    });

    it('an unknown, malformed, expired or signed-out refresh token answers 401 invalid-refresh-token', async () => {
      const s = await session(t, school.logins.parent);
      const [idPart] = s.refreshToken.split('.');
      const forged = `${idPart}.${randomBytes(32).toString('base64url')}`;
      for (const token of ['abc', forged, `${s.refreshToken}x`]) {
        const res = await refresh(token).expect(401);
        expect({ token, code: res.body.code }).toEqual({ token, code: 'invalid-refresh-token' });
      }
      // a guess does not harm the real session
      await refresh(s.refreshToken).expect(200);

      const expiring = await session(t, school.logins.parent);
      await systemWrite(t, `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.sessionId]);
      expect((await refresh(expiring.refreshToken).expect(401)).body.code).toBe('invalid-refresh-token');

      const out = await session(t, school.logins.parent);
      await t.http.post(`${API}/auth/logout`).set('authorization', out.auth).expect(204);
      expect((await refresh(out.refreshToken).expect(401)).body.code).toBe('invalid-refresh-token');
    });

    it('a disabled user\'s access token is refused within 5 s', async () => {
      await makeUser(t, school.id, 'disabled.s31', [Role.Teacher]);
      const s = await session(t, 'disabled.s31');
      await me(s.auth).expect(200);
      await systemWrite(t, `UPDATE app_user SET status = 'disabled' WHERE login = 'disabled.s31'`);
      const started = Date.now();
      let last: { status: number; body: { code?: string } } = { status: 200, body: {} };
      while (Date.now() - started < 5_000) {
        last = await me(s.auth);
        if (last.status !== 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect({ status: last.status, code: last.body.code }).toEqual({ status: 401, code: 'session-ended' });
      // nor can the session be refreshed
      expect((await refresh(s.refreshToken).expect(401)).body.code).toBe('invalid-refresh-token');
    });

    it('an ended session\'s access token is refused', async () => {
      const phone = await session(t, school.logins.director);
      const laptop = await session(t, school.logins.director);
      await me(phone.auth).expect(200);
      await t.http.delete(`${API}/auth/sessions/${phone.sessionId}`).set('authorization', laptop.auth).expect(204);
      const res = await me(phone.auth).expect(401);
      expect(res.body.code).toBe('session-ended');
      await me(laptop.auth).expect(200);
    });

    it('logout ends only this device\'s session', async () => {
      const a = await session(t, school.logins.admin);
      const b = await session(t, school.logins.admin);
      await t.http.post(`${API}/auth/logout`).set('authorization', a.auth).expect(204);
      expect((await me(a.auth).expect(401)).body.code).toBe('session-ended');
      await me(b.auth).expect(200);
      await refresh(b.refreshToken).expect(200);
      const [row] = await t.db.query('SELECT revoke_reason FROM user_session WHERE id = $1', [a.sessionId]);
      expect(row.revoke_reason).toBe('logout');
      const [event] = await auditOf(t, 'logout', 'session_id = $2', [a.sessionId]);
      expect(event).toMatchObject({ outcome: 'success', entity_id: a.sessionId });
    });

    it('a user lists and ends their own sessions; another user\'s session answers 404', async () => {
      await makeUser(t, school.id, 'lister.s31', [Role.Teacher]);
      const one = await session(t, 'lister.s31');
      const two = await session(t, 'lister.s31');
      const stranger = await session(t, school.logins.teacher);
      const list = await t.http.get(`${API}/auth/sessions`).set('authorization', one.auth).expect(200);
      expect(list.body.items.map((s: { id: string }) => s.id).sort()).toEqual([one.sessionId, two.sessionId].sort());
      expect(list.body.items.find((s: { id: string }) => s.id === one.sessionId).current).toBe(true);
      expect(list.body.items.find((s: { id: string }) => s.id === two.sessionId).current).toBe(false);
      expect(Object.keys(list.body.items[0]).sort()).toEqual(
        ['createdAt', 'current', 'deviceName', 'expiresAt', 'id', 'ip', 'lastUsedAt', 'userAgent'].sort(),
      );

      const foreign = await t.http.delete(`${API}/auth/sessions/${stranger.sessionId}`).set('authorization', one.auth).expect(404);
      expect(foreign.body.code).toBe('not-found');
      await me(stranger.auth).expect(200);

      await t.http.delete(`${API}/auth/sessions/${two.sessionId}`).set('authorization', one.auth).expect(204);
      const after = await t.http.get(`${API}/auth/sessions`).set('authorization', one.auth).expect(200);
      expect(after.body.items.map((s: { id: string }) => s.id)).toEqual([one.sessionId]);
      const [event] = await auditOf(t, 'session-end', 'entity_id = $2', [two.sessionId]);
      expect(event).toMatchObject({ outcome: 'success', actor_user_id: event.subject_person_id, details: { by: 'self', current: false } });
      await t.http.delete(`${API}/auth/sessions/not-a-uuid`).set('authorization', one.auth).expect(400);
    });

    it('an admin ends a user\'s sessions; another school\'s user answers 404', async () => {
      const teacherId = await makeUser(t, school.id, 'ended.s31', [Role.Teacher]);
      const a = await session(t, 'ended.s31');
      const b = await session(t, 'ended.s31');
      const admin = await session(t, school.logins.admin);
      await t.http.delete(`${API}/users/${teacherId}/sessions`).set('authorization', admin.auth).expect(204);
      for (const s of [a, b]) expect((await me(s.auth).expect(401)).body.code).toBe('session-ended');
      const rows = await t.db.query('SELECT DISTINCT revoke_reason FROM user_session WHERE user_id = $1', [teacherId]);
      expect(rows).toEqual([{ revoke_reason: 'ended-by-admin' }]);
      const [event] = await auditOf(t, 'session-end', 'subject_person_id = $2', [teacherId]);
      expect(event).toMatchObject({ details: { by: 'admin', sessionsEnded: 2 }, school_id: school.id });

      const [otherUser] = await t.db.query('SELECT id FROM app_user WHERE login = $1', [other.logins.teacher]);
      const otherSession = await session(t, other.logins.teacher);
      const res = await t.http.delete(`${API}/users/${otherUser.id}/sessions`).set('authorization', admin.auth).expect(404);
      expect(res.body.code).toBe('not-found');
      await me(otherSession.auth).expect(200);

      const director = await session(t, school.logins.director);
      await t.http.delete(`${API}/users/${teacherId}/sessions`).set('authorization', director.auth).expect(403);
    });

    it('the regional operator signs in without a school; who-am-I, sessions and logout work, school routes do not', async () => {
      const operatorId = await makeUser(t, null, 'operator.region', [Role.Operator]);
      const s = await session(t, 'operator.region');
      const claims = claimsOf(s.accessToken);
      expect(claims).toMatchObject({ sch: null, roles: ['operator'], sid: s.sessionId });
      const who = await me(s.auth).expect(200);
      expect(who.body).toMatchObject({ id: operatorId, schoolId: null, roles: ['operator'] });
      const list = await t.http.get(`${API}/auth/sessions`).set('authorization', s.auth).expect(200);
      expect(list.body.items).toHaveLength(1);
      await t.http.get(`${API}/schools/${school.id}`).set('authorization', s.auth).expect(403);
      const [row] = await t.db.query('SELECT school_id FROM user_session WHERE id = $1', [s.sessionId]);
      expect(row.school_id).toBeNull();
      await refresh(s.refreshToken).expect(200);
      await t.http.post(`${API}/auth/logout`).set('authorization', s.auth).expect(204);
      await me(s.auth).expect(401);
    });
  });

  describe('passwords', () => {
    const change = (auth: string, body: Record<string, unknown>) =>
      t.http.post(`${API}/auth/password`).set('authorization', auth).set('x-forwarded-for', freshAddress()).send(body);

    it.each([
      ['too short', 'кот-пёс', 'password-too-short'],
      ['too long', 'я'.repeat(129), 'password-too-long'],
      ['blocklisted (Russian keyboard walk)', 'йцукенгш', 'password-too-common'],
      ['blocklisted, whatever the case', 'QWERTY123', 'password-too-common'],
      ['equal to the login', 'Policy.S31', 'password-equals-login'],
    ])('a new password %s is refused with 422 naming newPassword', async (_, newPassword, code) => {
      await makeUser(t, school.id, 'policy.s31', [Role.Teacher]).catch(() => undefined);
      const s = await session(t, 'policy.s31');
      const res = await change(s.auth, { currentPassword: TEST_PASSWORD, newPassword }).expect(422);
      expect(res.body.code).toBe(code);
      expect(res.body.errors).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
      // the old password still works
      await session(t, 'policy.s31');
    });

    it('8 Cyrillic characters are accepted as a password, with no composition rules', async () => {
      await makeUser(t, school.id, 'cyrillic.s31', [Role.Teacher]);
      const s = await session(t, 'cyrillic.s31');
      await change(s.auth, { currentPassword: TEST_PASSWORD, newPassword: 'ёжиквтум' }).expect(204);
      await session(t, 'cyrillic.s31', 'ёжиквтум');
      const [row] = await t.db.query(`SELECT password_changed_at, must_change_password FROM app_user WHERE login = 'cyrillic.s31'`);
      expect(row.password_changed_at).not.toBeNull();
      expect(row.must_change_password).toBe(false);
    });

    it('changing a password needs the current one', async () => {
      const userId = await makeUser(t, school.id, 'current.s31', [Role.Teacher]);
      const s = await session(t, 'current.s31');
      const res = await change(s.auth, { currentPassword: 'не мой пароль', newPassword: 'новый длинный пароль' }).expect(422);
      expect(res.body.code).toBe('current-password-wrong');
      expect(res.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
      await session(t, 'current.s31'); // unchanged
      const [failure] = await auditOf(t, 'password-change', 'subject_person_id = $2', [userId]);
      expect(failure).toMatchObject({ outcome: 'failure', details: { reason: 'current-password-wrong' } });
      // a body cannot name another user: unknown fields are refused
      const [victim] = await t.db.query('SELECT id FROM app_user WHERE login = $1', [school.logins.admin]);
      await change(s.auth, { currentPassword: TEST_PASSWORD, newPassword: 'новый длинный пароль', userId: victim.id }).expect(422);
      await session(t, school.logins.admin);
    });

    it('endOtherSessions ends the other sessions only', async () => {
      const userId = await makeUser(t, school.id, 'devices.s31', [Role.Teacher]);
      const here = await session(t, 'devices.s31');
      const phone = await session(t, 'devices.s31');
      const tablet = await session(t, 'devices.s31');
      await change(here.auth, { currentPassword: TEST_PASSWORD, newPassword: 'первый новый пароль' }).expect(204);
      // without the flag, every device stays signed in
      for (const s of [here, phone, tablet]) await me(s.auth).expect(200);
      await change(here.auth, { currentPassword: 'первый новый пароль', newPassword: 'второй новый пароль', endOtherSessions: true }).expect(204);
      await me(here.auth).expect(200);
      for (const s of [phone, tablet]) expect((await me(s.auth).expect(401)).body.code).toBe('session-ended');
      const events = await auditOf(t, 'password-change', `subject_person_id = $2 AND outcome = 'success'`, [userId]);
      expect(events.map((e) => e.details)).toEqual([
        { endOtherSessions: false, sessionsEnded: 0 },
        { endOtherSessions: true, sessionsEnded: 2 },
      ]);
      const audited = JSON.stringify(await t.db.query('SELECT changes, details FROM audit_event WHERE subject_person_id = $1', [userId]));
      expect(audited).not.toContain('второй новый пароль');
    });

    it('an admin reset gives a one-time password that must be changed at first login', async () => {
      const userId = await makeUser(t, school.id, 'reset.s31', [Role.Teacher]);
      const before = await session(t, 'reset.s31');
      const admin = await session(t, school.logins.admin);
      const res = await t.http.post(`${API}/users/${userId}/password-reset`).set('authorization', admin.auth).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const otp: string = res.body.oneTimePassword;
      expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect((await me(before.auth).expect(401)).body.code).toBe('session-ended');
      expect((await login(t, { login: 'reset.s31', password: TEST_PASSWORD })).status).toBe(401);

      const first = await session(t, 'reset.s31', otp);
      expect(first.mustChangePassword).toBe(true);
      expect(claimsOf(first.accessToken).pwc).toBe(true);
      const blocked = await t.http.get(`${API}/schools/${school.id}`).set('authorization', first.auth).expect(403);
      expect(blocked.body.code).toBe('password-change-required');
      expect((await me(first.auth).expect(200)).body.mustChangePassword).toBe(true);
      await t.http.get(`${API}/auth/sessions`).set('authorization', first.auth).expect(200);
      const same = await change(first.auth, { currentPassword: otp, newPassword: otp }).expect(422);
      expect(same.body.code).toBe('password-unchanged');
      await change(first.auth, { currentPassword: otp, newPassword: 'мой собственный пароль' }).expect(204);
      await t.http.get(`${API}/schools/${school.id}`).set('authorization', first.auth).expect(200);
      expect((await me(first.auth).expect(200)).body.mustChangePassword).toBe(false);
      const next = await session(t, 'reset.s31', 'мой собственный пароль');
      expect(next.mustChangePassword).toBe(false);

      const [event] = await auditOf(t, 'password-reset', 'subject_person_id = $2', [userId]);
      expect(event).toMatchObject({ outcome: 'success', school_id: school.id, details: { sessionsEnded: 1 } });
      const audited = JSON.stringify(await t.db.query('SELECT changes, details FROM audit_event'));
      expect(audited).not.toContain(otp);

      // only for users of the admin's own school, and only for admins
      const [otherUser] = await t.db.query('SELECT id FROM app_user WHERE login = $1', [other.logins.teacher]);
      await t.http.post(`${API}/users/${otherUser.id}/password-reset`).set('authorization', admin.auth).expect(404);
      const director = await session(t, school.logins.director);
      await t.http.post(`${API}/users/${userId}/password-reset`).set('authorization', director.auth).expect(403);
    });

    it('a password-change-required user may still sign out', async () => {
      const userId = await makeUser(t, school.id, 'pending.s31', [Role.Teacher]);
      await systemWrite(t, 'UPDATE app_user SET must_change_password = true WHERE id = $1', [userId]);
      const s = await session(t, 'pending.s31');
      await t.http.post(`${API}/auth/logout`).set('authorization', s.auth).expect(204);
    });
  });
});

const STORES: Array<[string, Record<string, string | undefined>]> = [
  ['PostgreSQL (no REDIS_URL)', { REDIS_URL: undefined }],
  ...(process.env.REDIS_URL ? [['Redis', { REDIS_URL: process.env.REDIS_URL }] as [string, Record<string, string>]] : []),
];

describe.each(STORES)('brute-force throttle with %s', (store, env) => {
  let t: TestApp;
  let school: TestSchool;
  const prefix = `ejtest-identity-${randomBytes(6).toString('hex')}`;
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { lazyConnect: true }) : null;

  beforeAll(async () => {
    t = await createTestApp({ ...env, TRUST_PROXY: 'true', REDIS_PREFIX: prefix });
    school = await seedTestSchool(t, 33);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await dropRedisKeys(t, prefix);
    await redis?.quit();
  });

  /** Ends the account's window at once (instead of waiting a minute). */
  async function endWindow(name: string): Promise<void> {
    if (redis) await redis.pexpire(`${prefix}:login-throttle:acct:${name}`, 1);
    else await systemWrite(t, `UPDATE login_throttle SET expires_at = now() WHERE key = $1`, [`acct:${name}`]);
    await new Promise((r) => setTimeout(r, 5));
  }

  async function accountCount(name: string): Promise<number> {
    if (redis) return Number((await redis.get(`${prefix}:login-throttle:acct:${name}`)) ?? 0);
    const rows = await t.db.query(`SELECT hits FROM login_throttle WHERE key = $1 AND expires_at > now()`, [`acct:${name}`]);
    return rows[0]?.hits ?? 0;
  }

  it(`counts in ${store}`, async () => {
    const name = school.logins.parent;
    await login(t, { login: name, password: 'не тот пароль' }).expect(401);
    expect(await accountCount(name)).toBe(1);
    if (redis) {
      expect(await t.db.query('SELECT count(*)::int AS n FROM login_throttle')).toEqual([{ n: 0 }]);
      expect(await redis.pttl(`${prefix}:login-throttle:acct:${name}`)).toBeGreaterThan(0);
    }
    await endWindow(name);
  });

  it('the 11th failed login for one account within a minute answers 429 with Retry-After; a correct password then still waits', async () => {
    const name = school.logins.teacher;
    for (let i = 0; i < LOGIN_THROTTLE.account.limit; i++) {
      const res = await login(t, { login: name, password: `неверный ${i}` });
      expect({ attempt: i + 1, status: res.status }).toEqual({ attempt: i + 1, status: 401 });
    }
    const eleventh = await login(t, { login: name, password: 'неверный 11' }).expect(429);
    expect(eleventh.body.code).toBe('too-many-attempts');
    const retryAfter = Number(eleventh.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(eleventh.body.retryAfter).toBe(retryAfter);

    const correct = await login(t, { login: name, password: TEST_PASSWORD }).expect(429);
    expect(correct.body.code).toBe('too-many-attempts');
    expect(correct.headers['retry-after']).toBeDefined();
    const [denied] = await auditOf(t, 'login-failed', `outcome = 'denied' AND details ->> 'login' = $2`, [name]);
    expect(denied.details).toMatchObject({ reason: 'too-many-attempts' });
    const failures = await auditOf(t, 'login-failed', `outcome = 'failure' AND details ->> 'login' = $2`, [name]);
    expect(failures).toHaveLength(10);
    expect(failures[0].subject_person_id).not.toBeNull();

    // once the window has ended, the correct password gets in, and success clears the account's counter
    await endWindow(name);
    await login(t, { login: name, password: 'неверный снова' }).expect(401);
    await login(t, { login: name, password: TEST_PASSWORD }).expect(200);
    expect(await accountCount(name)).toBe(0);
  }, 30_000);

  it('the failure message does not tell whether the login exists', async () => {
    // the request id and the seconds left differ from call to call; everything else must be the same
    const strip = (body: Record<string, unknown>) => ({
      ...body,
      correlationId: undefined,
      instance: undefined,
      retryAfter: body.retryAfter === undefined ? undefined : 'set',
    });
    const known = school.logins.deputy;
    const unknown = 'nobody-at-all.s33';
    const answers: Record<string, { status: number; body: Record<string, unknown>; retry?: string }[]> = { known: [], unknown: [] };
    for (const [kind, name] of [['known', known], ['unknown', unknown]] as const) {
      for (let i = 0; i <= LOGIN_THROTTLE.account.limit; i++) {
        const res = await login(t, { login: name, password: 'не тот пароль' });
        answers[kind].push({ status: res.status, body: strip(res.body), retry: res.headers['retry-after'] === undefined ? undefined : 'set' });
      }
    }
    expect(answers.known.map((a) => a.status)).toEqual([...Array(10).fill(401), 429]);
    expect(answers.unknown).toEqual(answers.known);
  }, 30_000);

  it('per address: the 101st failed attempt from one address within 10 minutes answers 429, even for another login', async () => {
    const address = freshAddress();
    const attempts = Array.from({ length: LOGIN_THROTTLE.address.limit }, (_, i) => `guess-${i}.s33`);
    for (let i = 0; i < attempts.length; i += 10) {
      const batch = await Promise.all(attempts.slice(i, i + 10).map((name) => login(t, { login: name, password: 'x' }, address)));
      expect(batch.map((r) => r.status)).toEqual(Array(batch.length).fill(401));
    }
    const blocked = await login(t, { login: school.logins.director, password: TEST_PASSWORD }, address).expect(429);
    expect(blocked.body.code).toBe('too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    // the same account from another address is fine
    await login(t, { login: school.logins.director, password: TEST_PASSWORD }).expect(200);
  }, 60_000);

  it('a wrong current password in a password change counts as a failed sign-in attempt', async () => {
    const name = school.logins.secretary;
    const s = await signIn(t, name);
    for (let i = 0; i < LOGIN_THROTTLE.account.limit; i++) {
      await t.http
        .post(`${API}/auth/password`)
        .set('authorization', s.auth)
        .send({ currentPassword: `неверный ${i}`, newPassword: 'совсем новый пароль' })
        .expect(422);
    }
    const res = await t.http
      .post(`${API}/auth/password`)
      .set('authorization', s.auth)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'совсем новый пароль' })
      .expect(429);
    expect(res.headers['retry-after']).toBeDefined();
    await login(t, { login: name, password: TEST_PASSWORD }).expect(429);
  }, 30_000);

  it('an admin reset clears the account\'s failures', async () => {
    const name = school.logins.student;
    for (let i = 0; i <= LOGIN_THROTTLE.account.limit; i++) await login(t, { login: name, password: 'нет' });
    await login(t, { login: name, password: TEST_PASSWORD }).expect(429);
    const admin = await signIn(t, school.logins.admin);
    const [user] = await t.db.query('SELECT id FROM app_user WHERE login = $1', [name]);
    const res = await t.http.post(`${API}/users/${user.id}/password-reset`).set('authorization', admin.auth).expect(200);
    const s = await login(t, { login: name, password: res.body.oneTimePassword }).expect(200);
    expect(s.body.mustChangePassword).toBe(true);
  }, 30_000);
});

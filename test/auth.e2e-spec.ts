import { Role } from '../src/common/access/role';
import { bearer, createTestApp, seedTestSchool, systemWrite, TEST_PASSWORD, TestApp, TestSchool } from './utils/test-app';

describe('access core: login, tokens, roles', () => {
  let t: TestApp;
  let school: TestSchool;

  beforeAll(async () => {
    t = await createTestApp();
    school = await seedTestSchool(t, 1);
  });
  afterAll(() => t.close());

  it('login returns a short-lived bearer token and /auth/me names the user, school and roles', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ login: 'TEACHER.S1', password: TEST_PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, mustChangePassword: false });
    expect(typeof res.body.refreshToken).toBe('string');
    expect(typeof res.body.sessionId).toBe('string');
    const me = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ login: 'teacher.s1', schoolId: school.id, roles: [Role.Teacher], mustChangePassword: false });
  });

  it('a wrong password and an unknown login get the same answer', async () => {
    const wrong = await t.http.post('/api/v1/auth/login').send({ login: 'admin.s1', password: 'не тот пароль' }).expect(401);
    const unknown = await t.http.post('/api/v1/auth/login').send({ login: 'nobody.s1', password: 'не тот пароль' }).expect(401);
    expect(wrong.body.code).toBe('invalid-credentials');
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('passwords are stored as argon2id hashes with m ≥ 19 MiB and t ≥ 2', async () => {
    const [row] = await t.db.query('SELECT password_hash FROM app_user WHERE login = $1', ['admin.s1']);
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(row.password_hash);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(m?.[2])).toBeGreaterThanOrEqual(2);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('a disabled user cannot sign in', async () => {
    await systemWrite(t, `UPDATE app_user SET status = 'disabled' WHERE login = 'secretary.s1'`);
    const res = await t.http.post('/api/v1/auth/login').send({ login: 'secretary.s1', password: TEST_PASSWORD }).expect(401);
    expect(res.body.code).toBe('invalid-credentials');
  });

  it('a forged, expired or malformed token answers 401', async () => {
    const token = (await bearer(t, school.logins.admin)).slice('Bearer '.length);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    for (const value of [`Bearer ${forged}`, 'Bearer abc', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const res = await t.http.get('/api/v1/auth/me').set('authorization', value).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('a token signed with another secret is refused', async () => {
    const other = await createTestApp();
    try {
      await seedTestSchool(other, 1);
      const foreign = await bearer(other, 'admin.s1');
      await t.http.get('/api/v1/auth/me').set('authorization', foreign).expect(401);
    } finally {
      await other.close();
    }
  });
});

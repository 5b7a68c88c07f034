import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildMarkTypes } from '../src/database/seed/generator';
import { bearer, createTestApp, seedOperator, seedTestSchool, TEST_PASSWORD, TestApp, TestSchool } from './utils/test-app';

// argon2 hashing on every create: generous per-test time on a busy machine
jest.setTimeout(30_000);

describe('staff accounts and the regional operator', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let admin: string;
  let operator: string;

  const idOf = async (login: string): Promise<string> =>
    ((await t.db.query('SELECT id FROM app_user WHERE login = $1', [login])) as Array<{ id: string }>)[0].id;
  const rolesOf = async (login: string): Promise<string[]> =>
    ((await t.db.query('SELECT role FROM user_role WHERE user_id = $1 ORDER BY role', [await idOf(login)])) as Array<{ role: string }>).map(
      (r) => r.role,
    );
  const post = (auth: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`/api/v1${path}`).set('authorization', auth).send(body);
  const put = (auth: string, path: string, body: object) => t.http.put(`/api/v1${path}`).set('authorization', auth).send(body);
  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`/api/v1${path}`).query(query).set('authorization', auth);
  const signIn = (login: string, password: string) => t.http.post('/api/v1/auth/login').send({ login, password });

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    admin = await bearer(t, s1.logins.admin);
    await seedOperator(t, 'operator.region');
    operator = await bearer(t, 'operator.region');
  }, 60_000);
  afterAll(() => t.close());

  it('an admin creates a teacher who is also deputy (several roles)', async () => {
    const res = await post(admin, '/users', { login: 'petrova.an', fullName: '  Петрова   Анна Николаевна ', roles: ['teacher', 'deputy'] }).expect(201);
    expect(res.body.user).toMatchObject({
      login: 'petrova.an',
      fullName: 'Петрова Анна Николаевна',
      status: 'active',
      roles: ['deputy', 'teacher'],
      mustChangePassword: true,
      lastLoginAt: null,
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const read = await get(admin, `/users/${res.body.user.id}`).expect(200);
    expect(read.body).toEqual(res.body.user);
    const login = await signIn('petrova.an', res.body.oneTimePassword).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect([...me.body.roles].sort()).toEqual(['deputy', 'teacher']);
    expect(me.body.schoolId).toBe(s1.id);
    // the director reads the school's accounts too, but changes none
    const director = await bearer(t, s1.logins.director);
    await get(director, `/users/${res.body.user.id}`).expect(200);
    await patch(director, `/users/${res.body.user.id}`, { fullName: 'Другая' }).expect(403);
    // reading a person's card is a personal-data read in the audit trail: who read whose card
    const reads = await t.db.query(
      `SELECT u.login AS reader FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.action = 'personal-data-read' AND e.subject_person_id = $1 ORDER BY e.id`,
      [res.body.user.id],
    );
    expect(reads).toEqual([{ reader: s1.logins.admin }, { reader: s1.logins.director }]);
  });

  it('only staff roles are given here: parent, student and operator answer 422 role-not-assignable', async () => {
    for (const roles of [['teacher', 'parent'], ['student'], ['operator']]) {
      const res = await post(admin, '/users', { login: 'someone.new', fullName: 'Новиков Олег Петрович', roles }).expect(422);
      expect(res.body.code).toBe('role-not-assignable');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    }
    const empty = await post(admin, '/users', { login: 'someone.new', fullName: 'Новиков Олег Петрович', roles: [] }).expect(422);
    expect(empty.body.errors[0].field).toBe('roles');
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE login = 'someone.new'`)).toEqual([]);
  });

  it('the new account must change its one-time password', async () => {
    const res = await post(admin, '/users', { login: 'kuznetsov.ov', fullName: 'Кузнецов Олег Владимирович', roles: ['teacher'] }).expect(201);
    const password: string = res.body.oneTimePassword;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(password).not.toMatch(/[0Oo1lIi]/);
    expect(res.body.user.mustChangePassword).toBe(true);
    const [row] = await t.db.query('SELECT must_change_password, password_hash FROM app_user WHERE id = $1', [res.body.user.id]);
    expect(row.must_change_password).toBe(true);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);
    await signIn('kuznetsov.ov', password).expect(200);
    await signIn('kuznetsov.ov', TEST_PASSWORD).expect(401);
  });

  it('logins are unique regardless of case', async () => {
    await post(admin, '/users', { login: 'Sidorov.IP', fullName: 'Сидоров Иван Петрович', roles: ['teacher'] }).expect(201);
    const again = await post(admin, '/users', { login: 'sidorov.ip', fullName: 'Сидоров Илья Павлович', roles: ['teacher'] }).expect(409);
    expect(again.body.code).toBe('login-taken');
    // across the whole deployment: another school's login too
    const foreign = await post(admin, '/users', { login: s2.logins.admin.toUpperCase(), fullName: 'Иванов Иван Иванович', roles: ['teacher'] }).expect(409);
    expect(foreign.body.code).toBe('login-taken');
    // renaming onto a taken login
    const renamed = await patch(admin, `/users/${await idOf(s1.logins.teacher)}`, { login: 'SIDOROV.ip' }).expect(409);
    expect(renamed.body.code).toBe('login-taken');
    // two creates racing for one login: exactly one wins
    const race = await Promise.all([
      post(admin, '/users', { login: 'Twin.Login', fullName: 'Близнецов Первый', roles: ['teacher'] }),
      post(admin, '/users', { login: 'twin.LOGIN', fullName: 'Близнецов Второй', roles: ['teacher'] }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(login) = 'twin.login'`)).toEqual([{ n: 1 }]);
    // … also when the two accounts are of different schools (no common school lock: the unique index decides)
    const cross = await Promise.all([
      post(admin, '/users', { login: 'cross.race', fullName: 'Перекрёстов Первый', roles: ['teacher'] }),
      post(operator, `/schools/${s2.id}/admins`, { login: 'CROSS.RACE', fullName: 'Перекрёстов Второй' }),
    ]);
    expect(cross.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(cross.find((r) => r.status === 409)?.body.code).toBe('login-taken');
    // the format: latin letters, digits, dot, underscore, hyphen; 3–100 characters
    for (const login of ['ив', 'иванов', 'a b', 'x@y', 'x'.repeat(101)]) {
      const bad = await post(admin, '/users', { login, fullName: 'Плохой Логин', roles: ['teacher'] }).expect(422);
      expect(bad.body.errors[0].field).toBe('login');
    }
  });

  it('a body cannot set schoolId or roles (mass assignment)', async () => {
    const base = { login: 'mass.assign', fullName: 'Массов Назначенко', roles: ['teacher'] };
    for (const [field, value] of [
      ['schoolId', s2.id],
      ['id', '6f1d2c1e-0a51-4c2b-9a57-2d9e8f3c1b10'],
      ['passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB'],
      ['mustChangePassword', false],
      ['status', 'active'],
    ] as const) {
      const res = await post(admin, '/users', { ...base, [field]: value }).expect(422);
      expect(res.body.errors).toEqual([{ field, message: 'is not allowed here' }]);
    }
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE login = 'mass.assign'`)).toEqual([]);

    const teacherId = await idOf(s1.logins.teacher);
    for (const [field, value] of [
      ['roles', ['admin']],
      ['id', '6f1d2c1e-0a51-4c2b-9a57-2d9e8f3c1b10'],
      ['schoolId', s2.id],
      ['mustChangePassword', true],
      ['passwordHash', 'x'],
    ] as const) {
      const res = await patch(admin, `/users/${teacherId}`, { [field]: value }).expect(422);
      expect(res.body.errors).toEqual([{ field, message: 'is not allowed here' }]);
    }
    const roles = await put(admin, `/users/${teacherId}/roles`, { roles: ['admin'], schoolId: s2.id }).expect(422);
    expect(roles.body.errors).toEqual([{ field: 'schoolId', message: 'is not allowed here' }]);
    const [row] = await t.db.query('SELECT school_id, must_change_password FROM app_user WHERE id = $1', [teacherId]);
    expect(row).toEqual({ school_id: s1.id, must_change_password: false });
    expect(await rolesOf(s1.logins.teacher)).toEqual(['teacher']);
  });

  it("an admin cannot read or change another school's user (404)", async () => {
    const foreignId = await idOf(s2.logins.teacher);
    const operatorId = await idOf('operator.region');
    for (const id of [foreignId, operatorId]) {
      expect((await get(admin, `/users/${id}`).expect(404)).body.code).toBe('not-found');
      await patch(admin, `/users/${id}`, { status: 'disabled' }).expect(404);
      await patch(admin, `/users/${id}`, { fullName: 'Захвачен' }).expect(404);
      await put(admin, `/users/${id}/roles`, { roles: ['admin'] }).expect(404);
    }
    const [row] = await t.db.query('SELECT status, full_name FROM app_user WHERE id = $1', [foreignId]);
    expect(row.status).toBe('active');
    expect(row.full_name).not.toBe('Захвачен');
    expect(await rolesOf(s2.logins.teacher)).toEqual(['teacher']);
    // and the list holds only the own school's users
    const list = await get(admin, '/users', { limit: 500 }).expect(200);
    const ids: string[] = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(foreignId);
    expect(ids).not.toContain(operatorId);
    const own = await t.db.query('SELECT count(*)::int AS n FROM app_user WHERE school_id = $1', [s1.id]);
    expect(ids.length).toBe(own[0].n);
  });

  it('replacing staff roles keeps the parent and student roles a user holds', async () => {
    const parentId = await idOf(s1.logins.parent);
    const res = await put(admin, `/users/${parentId}/roles`, { roles: ['teacher'] }).expect(200);
    expect(res.body.roles).toEqual(['parent', 'teacher']);
    const refused = await put(admin, `/users/${parentId}/roles`, { roles: ['student'] }).expect(422);
    expect(refused.body.code).toBe('role-not-assignable');
    const back = await put(admin, `/users/${parentId}/roles`, { roles: ['secretary'] }).expect(200);
    expect(back.body.roles).toEqual(['parent', 'secretary']);
  });

  it('the last active admin cannot be disabled or lose the admin role', async () => {
    const adminId = await idOf(s1.logins.admin);
    const directorId = await idOf(s1.logins.director);
    // the only admin of school 1
    const self = await patch(admin, `/users/${adminId}`, { status: 'disabled' }).expect(422);
    expect(self.body.code).toBe('cannot-disable-self');
    const derole = await put(admin, `/users/${adminId}/roles`, { roles: ['teacher'] }).expect(409);
    expect(derole.body.code).toBe('last-admin');
    expect(await rolesOf(s1.logins.admin)).toEqual(['admin']);

    // a second admin takes the admin role from the first: the first one's token stops working for admin routes at once
    await put(admin, `/users/${directorId}/roles`, { roles: ['director', 'admin'] }).expect(200);
    const second = await bearer(t, s1.logins.director);
    await put(second, `/users/${adminId}/roles`, { roles: ['teacher'] }).expect(200);
    expect((await patch(admin, `/users/${directorId}`, { status: 'disabled' }).expect(403)).body.code).toBe('forbidden');
    // the only admin now, the second one cannot give up the admin role
    const strip = await put(second, `/users/${directorId}/roles`, { roles: ['director'] }).expect(409);
    expect(strip.body.code).toBe('last-admin');
    await put(second, `/users/${adminId}/roles`, { roles: ['admin'] }).expect(200);

    // two admins taking the role from each other at the same moment: the school lock lets one through
    const race = await Promise.all([
      put(admin, `/users/${directorId}/roles`, { roles: ['director'] }),
      put(second, `/users/${adminId}/roles`, { roles: ['teacher'] }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const admins = await t.db.query(
      `SELECT count(*)::int AS n FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'admin'
        WHERE u.school_id = $1 AND u.status = 'active'`,
      [s1.id],
    );
    expect(admins).toEqual([{ n: 1 }]);
    // put school 1 back: admin.s1 the admin, director.s1 the director
    const winner = race[0].status === 200 ? admin : second;
    await put(winner, `/users/${adminId}/roles`, { roles: ['admin'] }).expect(200);
    await put(admin, `/users/${directorId}/roles`, { roles: ['director'] }).expect(200);
    expect(await rolesOf(s1.logins.admin)).toEqual(['admin']);
    expect(await rolesOf(s1.logins.director)).toEqual(['director']);
  });

  it('a disabled user cannot sign in, and their sessions end at once', async () => {
    const teacherId = await idOf(s1.logins.teacher);
    const teacher = await bearer(t, s1.logins.teacher);
    await get(teacher, '/auth/me').expect(200);
    const res = await patch(admin, `/users/${teacherId}`, { status: 'disabled' }).expect(200);
    expect(res.body.status).toBe('disabled');
    expect((await get(teacher, '/auth/me').expect(401)).body.code).toBe('session-ended');
    const [open] = await t.db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`, [teacherId]);
    expect(open).toEqual({ n: 0 });
    const refused = await signIn(s1.logins.teacher, TEST_PASSWORD).expect(401);
    expect(refused.body.code).toBe('invalid-credentials');
    const disabled = await get(admin, '/users', { status: 'disabled' }).expect(200);
    expect(disabled.body.items.map((u: { id: string }) => u.id)).toEqual([teacherId]);
    await patch(admin, `/users/${teacherId}`, { status: 'active' }).expect(200);
    await signIn(s1.logins.teacher, TEST_PASSWORD).expect(200);
    // enabling the account again does not bring the old session back
    expect((await get(teacher, '/auth/me').expect(401)).body.code).toBe('session-ended');
  });

  it('the operator creates a school and its first admin, who can sign in', async () => {
    const created = await post(operator, '/schools', {
      name: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 150»',
      shortName: 'МБОУ СШ № 150',
      timeZone: 'Asia/Irkutsk',
      address: '664000, г. Иркутск, ул. Ленина, д. 5',
    }).expect(201);
    const schoolId: string = created.body.id;
    expect(created.body).toMatchObject({ shortName: 'МБОУ СШ № 150', timeZone: 'Asia/Irkutsk' });
    const [settings] = await t.db.query('SELECT rounding_threshold, min_marks_for_attestation FROM school_settings WHERE school_id = $1', [schoolId]);
    expect(settings).toEqual({ rounding_threshold: '0.50', min_marks_for_attestation: 3 });
    const types = await t.db.query('SELECT code FROM mark_type WHERE school_id = $1 ORDER BY code', [schoolId]);
    expect(types.map((r: { code: string }) => r.code)).toEqual(buildMarkTypes().map((m) => m.code).sort());
    // time zone defaults to Krasnoyarsk
    const plain = await post(operator, '/schools', { name: 'Школа без зоны', shortName: 'ШБЗ' }).expect(201);
    expect(plain.body.timeZone).toBe('Asia/Krasnoyarsk');

    const first = await post(operator, `/schools/${schoolId}/admins`, { login: 'admin.sch150', fullName: 'Орлова Светлана Игоревна' }).expect(201);
    expect(first.body.user).toMatchObject({ login: 'admin.sch150', roles: ['admin'], status: 'active', mustChangePassword: true });
    const login = await signIn('admin.sch150', first.body.oneTimePassword).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ schoolId, roles: ['admin'] });

    // the audit trail names the operator as the actor and the new school as the school
    const operatorId = await idOf('operator.region');
    const events = await t.db.query(
      `SELECT entity, school_id FROM audit_event WHERE actor_user_id = $1 AND action = 'create' AND entity IN ('app_user', 'user_role')
        AND subject_person_id = $2 ORDER BY entity`,
      [operatorId, first.body.user.id],
    );
    expect(events).toEqual([
      { entity: 'app_user', school_id: schoolId },
      { entity: 'user_role', school_id: schoolId },
    ]);

    const list = await get(operator, '/schools', { limit: 500 }).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([s1.id, s2.id, schoolId]));
    const names: string[] = list.body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));

    const unknown = await post(operator, '/schools/6f1d2c1e-0a51-4c2b-9a57-2d9e8f3c1b10/admins', { login: 'admin.nowhere', fullName: 'Никто Никтович' }).expect(404);
    expect(unknown.body.code).toBe('not-found');
    const taken = await post(operator, `/schools/${schoolId}/admins`, { login: 'ADMIN.SCH150', fullName: 'Дубль Дублевич' }).expect(409);
    expect(taken.body.code).toBe('login-taken');
    const mass = await post(operator, `/schools/${schoolId}/admins`, { login: 'admin.mass', fullName: 'Масс Ассайн', roles: ['teacher'] }).expect(422);
    expect(mass.body.errors).toEqual([{ field: 'roles', message: 'is not allowed here' }]);
    // the operator does not manage a school's staff
    await get(operator, '/users').expect(403);
    await get(operator, `/schools/${schoolId}`).expect(403);
  });

  it('a school admin cannot create schools (403)', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM school');
    for (const res of [
      await post(admin, '/schools', { name: 'Самозваная школа', shortName: 'СШ' }),
      await get(admin, '/schools'),
      await post(admin, `/schools/${s1.id}/admins`, { login: 'admin.self', fullName: 'Сам Себе Админ' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await t.db.query('SELECT count(*)::int AS n FROM school')).toEqual(before);
  });

  it('users are listed in Russian alphabetical order (Ёлкина after Елисеев, before Жуков)', async () => {
    for (const [login, fullName] of [
      ['zhukov.pi', 'Жуков Пётр Ильич'],
      ['yolkina.ms', 'Ёлкина Мария Сергеевна'],
      ['eliseev.ao', 'Елисеев Андрей Олегович'],
      ['abramova.ev', 'Абрамова Евгения Викторовна'],
    ]) {
      await post(admin, '/users', { login, fullName, roles: ['teacher'] }).expect(201);
    }
    // walk every page of two
    const seen: Array<{ id: string; fullName: string }> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; fullName: string }>; nextCursor: string | null } } = await get(admin, '/users', {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      }).expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const names = seen.map((u) => u.fullName);
    const collator = new Intl.Collator('ru');
    const expected = [...seen].sort((a, b) => collator.compare(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1)).map((u) => u.fullName);
    expect(names).toEqual(expected);
    expect(new Set(seen.map((u) => u.id)).size).toBe(seen.length);
    const at = (n: string) => names.indexOf(n);
    expect(at('Елисеев Андрей Олегович')).toBeLessThan(at('Ёлкина Мария Сергеевна'));
    expect(at('Ёлкина Мария Сергеевна')).toBeLessThan(at('Жуков Пётр Ильич'));
    expect(at('Абрамова Евгения Викторовна')).toBe(0);

    // filters: substring of the ФИО (Cyrillic, any case) or the login; role; status
    const byName = await get(admin, '/users', { q: 'ЁЛКИН' }).expect(200);
    expect(byName.body.items.map((u: { login: string }) => u.login)).toEqual(['yolkina.ms']);
    const byLogin = await get(admin, '/users', { q: 'ZHUKOV' }).expect(200);
    expect(byLogin.body.items.map((u: { login: string }) => u.login)).toEqual(['zhukov.pi']);
    const literal = await get(admin, '/users', { q: '%' }).expect(200);
    expect(literal.body.items).toEqual([]);
    const deputies = await get(admin, '/users', { role: 'deputy' }).expect(200);
    expect(deputies.body.items.map((u: { login: string }) => u.login).sort()).toEqual(['deputy.s1', 'petrova.an']);
    await get(admin, '/users', { role: 'superuser' }).expect(422);
    await get(admin, '/users', { cursor: 'not-a-cursor' }).expect(400);
  });

  it('every write is in the audit trail with the admin as actor, and no secret appears there', async () => {
    const adminId = await idOf(s1.logins.admin);
    const res = await post(admin, '/users', { login: 'audit.me', fullName: 'Аудитов Проверяй Записевич', roles: ['secretary'] }).expect(201);
    const userId: string = res.body.user.id;
    await patch(admin, `/users/${userId}`, { fullName: 'Аудитов Проверяй Исправлевич' }).expect(200);
    await put(admin, `/users/${userId}/roles`, { roles: ['teacher'] }).expect(200);

    const events = await t.db.query(
      `SELECT entity, action, actor_user_id, school_id, changes FROM audit_event
        WHERE subject_person_id = $1 ORDER BY id`,
      [userId],
    );
    const created = events.find((e: { entity: string; action: string }) => e.entity === 'app_user' && e.action === 'create');
    expect(created).toMatchObject({ actor_user_id: adminId, school_id: s1.id });
    expect(created.changes).toMatchObject({ login: 'audit.me', password_hash: '***', must_change_password: true });
    const update = events.find((e: { entity: string; action: string }) => e.entity === 'app_user' && e.action === 'update');
    expect(update.changes.full_name).toEqual({ from: 'Аудитов Проверяй Записевич', to: 'Аудитов Проверяй Исправлевич' });
    expect(events.filter((e: { entity: string }) => e.entity === 'user_role').map((e: { action: string }) => e.action)).toEqual([
      'create',
      'delete',
      'create',
    ]);
    for (const e of events) expect(e.actor_user_id).toBe(adminId);

    const [{ password_hash: hash }] = await t.db.query('SELECT password_hash FROM app_user WHERE id = $1', [userId]);
    const leaks = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE coalesce(changes::text, '') || coalesce(details::text, '') LIKE ANY ($1)`,
      [[`%${hash}%`, `%${res.body.oneTimePassword}%`, '%$argon2id$%']],
    );
    expect(leaks).toEqual([{ n: 0 }]);
  });

  it('operator:create prints a one-time password that signs in, and refuses a taken login', async () => {
    const cli = resolve(__dirname, '..', 'dist', 'database', 'cli', 'create-operator.js');
    const env = { PATH: process.env.PATH, DATABASE_URL: t.databaseUrl, JWT_SECRET: 'x'.repeat(48), LOG_LEVEL: 'silent' };
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [cli, '--login', 'operator.krsk', '--full-name', 'Соколова Анна Дмитриевна'], { env });
    const password = /One-time password: (\S+)/.exec(stdout)?.[1] as string;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [row] = await t.db.query(
      `SELECT u.school_id, u.must_change_password, u.full_name, array_agg(r.role) AS roles FROM app_user u
         JOIN user_role r ON r.user_id = u.id WHERE u.login = 'operator.krsk' GROUP BY u.id`,
    );
    expect(row).toEqual({ school_id: null, must_change_password: true, full_name: 'Соколова Анна Дмитриевна', roles: ['operator'] });
    const login = await signIn('operator.krsk', password).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    // a one-time password: nothing but the password change until it is replaced
    expect((await get(auth, '/schools').expect(403)).body.code).toBe('password-change-required');
    await t.http
      .post('/api/v1/auth/password')
      .set('Authorization', auth)
      .send({ currentPassword: password, newPassword: 'Енисей-Красноярск-2026' })
      .expect(204);
    await get(auth, '/schools').expect(200);
    const [event] = await t.db.query(`SELECT system, changes ->> 'password_hash' AS hash FROM audit_event WHERE entity = 'app_user' AND changes ->> 'login' = 'operator.krsk'`);
    expect(event).toEqual({ system: 'cli:create-operator', hash: '***' });

    const again = run(process.execPath, [cli, '--login', 'OPERATOR.KRSK', '--full-name', 'Другой Оператор'], { env });
    await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already taken') });
  });
});

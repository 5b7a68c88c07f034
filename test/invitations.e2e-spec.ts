import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'superagent';
import ExcelJS from 'exceljs';
import { Role } from '../src/common/access/role';
import { positionalParams, studentInReach } from '../src/modules/contingent/reach/reach';
import { LOGIN_THROTTLE } from '../src/modules/auth/throttle/throttle-rules';
import { INVITATION_INSTRUCTION } from '../src/modules/invitations/invitation-sheet.xlsx';
import { bearer, createTestApp, seedTestSchool, signIn, systemWrite, TEST_PASSWORD, TestApp, TestSchool } from './utils/test-app';

/**
 * Invitation codes (R-ACC-4, R-ACC-5): issued by the class teacher, shown once, stored hashed, single-use, expiring,
 * revocable; activation creates the student's or parent's account, or links a child to the signed-in parent.
 * Fixtures (students, guardians, links, enrolments) are written directly into the contingent tables.
 */

jest.setTimeout(30_000);

const API = '/api/v1';
const NEW_PASSWORD = 'длинный пароль для проверки';

let addressCounter = 0;
/** A client address of its own (the app trusts X-Forwarded-For): the per-address throttle of one test stays apart. */
function freshAddress(): string {
  addressCounter++;
  return `203.0.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

interface Issued {
  codeId: string;
  kind: 'student' | 'guardian';
  studentId: string;
  studentName: string;
  guardianId: string | null;
  guardianName: string | null;
  code: string;
  expiresAt: string;
}

describe('invitation codes', () => {
  let t: TestApp;
  let school: TestSchool;
  let admin: string;
  let teacher: string;
  let classA: { id: string; name: string; yearId: string };
  let classB: { id: string; name: string };
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', REDIS_URL: '' });
    school = await seedTestSchool(t, 1);
    const [teacherStaff] = (await t.db.query(
      `SELECT st.id FROM staff st JOIN app_user u ON u.id = st.user_id WHERE u.login = $1`,
      [school.logins.teacher],
    )) as Array<{ id: string }>;
    const [otherStaff] = (await t.db.query(`SELECT id FROM staff WHERE school_id = $1 AND user_id IS NULL ORDER BY id LIMIT 1`, [school.id])) as Array<{
      id: string;
    }>;
    const classes = (await t.db.query(
      `SELECT id, grade, letter, academic_year_id FROM school_class WHERE school_id = $1 ORDER BY grade, letter LIMIT 2`,
      [school.id],
    )) as Array<{ id: string; grade: number; letter: string; academic_year_id: string }>;
    classA = { id: classes[0].id, name: `${classes[0].grade}${classes[0].letter}`, yearId: classes[0].academic_year_id };
    classB = { id: classes[1].id, name: `${classes[1].grade}${classes[1].letter}` };
    await systemWrite(t, `UPDATE school_class SET class_teacher_staff_id = $2 WHERE id = $1`, [classA.id, teacherStaff.id]);
    await systemWrite(t, `UPDATE school_class SET class_teacher_staff_id = $2 WHERE id = $1`, [classB.id, otherStaff.id]);
    admin = await bearer(t, school.logins.admin);
    teacher = await bearer(t, school.logins.teacher);
  }, 60_000);
  afterAll(() => t.close());

  async function makeStudent(surname: string, name: string, classId = classA.id): Promise<string> {
    seq++;
    const [s] = (await systemWrite(
      t,
      `INSERT INTO student (school_id, surname, name, patronymic, birth_date, gender, personal_file_number)
       VALUES ($1, $2, $3, 'Тестович', '2015-03-01', 'm', $4) RETURNING id`,
      [school.id, surname, name, `ИНВ-${seq}-${randomBytes(3).toString('hex')}`],
    )) as Array<{ id: string }>;
    await systemWrite(t, `INSERT INTO enrollment (school_id, student_id, class_id, starts_on) VALUES ($1, $2, $3, current_date - 30)`, [
      school.id,
      s.id,
      classId,
    ]);
    return s.id;
  }

  async function makeGuardian(surname: string, name: string, children: string[]): Promise<string> {
    const [g] = (await systemWrite(
      t,
      `INSERT INTO guardian (school_id, surname, name, patronymic) VALUES ($1, $2, $3, 'Ивановна') RETURNING id`,
      [school.id, surname, name],
    )) as Array<{ id: string }>;
    for (const child of children) {
      await systemWrite(t, `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, 'mother')`, [
        school.id,
        child,
        g.id,
      ]);
    }
    return g.id;
  }

  const issue = (auth: string, body: object, classId = classA.id) =>
    t.http.post(`${API}/classes/${classId}/invitation-codes`).set('authorization', auth).send(body);

  async function issued(body: object, auth = teacher): Promise<{ codes: Issued[]; sheetJobId: string | null; skipped: number }> {
    const res = await issue(auth, body);
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  function activate(body: object, auth?: string, address = freshAddress()) {
    let req = t.http.post(`${API}/auth/activate`).set('x-forwarded-for', address);
    if (auth) req = req.set('authorization', auth);
    return req.send(body);
  }

  const login = () => `invited.${++seq}.${randomBytes(2).toString('hex')}`;

  /** A problem answer without what differs from call to call. */
  const stable = (body: Record<string, unknown>) => ({ ...body, correlationId: undefined, instance: undefined });

  async function jobDone(id: string, auth: string): Promise<Record<string, unknown>> {
    const t0 = Date.now();
    for (;;) {
      const r = await t.http.get(`${API}/jobs/${id}`).set('authorization', auth);
      if (r.body.status === 'failed') throw new Error(`job failed: ${r.body.error}`);
      if (r.body.status === 'succeeded') return r.body;
      if (Date.now() - t0 > 20_000) throw new Error('timed out waiting for the sheet job');
      await sleep(100);
    }
  }

  it('a parent activates two codes for two children and sees both, and only them', async () => {
    const first = await makeStudent('Петров', 'Антон');
    const second = await makeStudent('Петрова', 'Алина');
    const stranger = await makeStudent('Сидоров', 'Борис');
    const mother = await makeGuardian('Петрова', 'Ольга', [first, second]);
    await makeGuardian('Сидорова', 'Вера', [stranger]);

    const { codes } = await issued({ studentIds: [first, second, stranger], kinds: ['guardian'] });
    expect(codes).toHaveLength(3);
    const mine = codes.filter((c) => c.guardianId === mother);
    expect(mine.map((c) => c.studentId).sort()).toEqual([first, second].sort());

    // the first code creates the parent's account
    const name = login();
    const created = await activate({ code: mine[0].code, login: name, password: NEW_PASSWORD }).expect(201);
    expect(created.body).toMatchObject({ login: name, roles: [Role.Parent], created: true, studentId: mine[0].studentId, guardianId: mother });
    // the second is activated signed in: the same account, no second one
    const session = await signIn(t, name, NEW_PASSWORD);
    const linked = await activate({ code: mine[1].code }, session.auth).expect(200);
    expect(linked.body).toMatchObject({ userId: created.body.userId, login: name, created: false, studentId: mine[1].studentId, guardianId: mother });

    const me = await t.http.get(`${API}/auth/me`).set('authorization', session.auth).expect(200);
    expect(me.body).toMatchObject({ id: created.body.userId, schoolId: school.id, roles: [Role.Parent] });
    expect(await t.db.query(`SELECT user_id FROM guardian WHERE id = $1`, [mother])).toEqual([{ user_id: created.body.userId }]);
    const used = await t.db.query(`SELECT used_by_user_id FROM invitation_code WHERE id = ANY($1::uuid[]) AND used_at IS NOT NULL`, [
      mine.map((c) => c.codeId),
    ]);
    expect(used).toEqual([{ used_by_user_id: created.body.userId }, { used_by_user_id: created.body.userId }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE login ILIKE $1`, [name])).toEqual([{ n: 1 }]);

    // the relationship layer now reaches exactly these two children for this account
    const p = positionalParams([school.id]);
    const reached = (await t.db.query(
      `SELECT s.id FROM student s WHERE s.school_id = $1
          AND ${studentInReach({ userId: created.body.userId, schoolId: school.id, roles: [Role.Parent], sessionId: session.sessionId }, 's.id', p.bind)}`,
      p.values,
    )) as Array<{ id: string }>;
    expect(reached.map((r) => r.id).sort()).toEqual([first, second].sort());
    // …and through the API: the parent's student list holds both children and nobody else; another child is 404
    const list = await t.http.get(`${API}/students`).set('authorization', session.auth).expect(200);
    expect((list.body.items as Array<{ id: string }>).map((i) => i.id).sort()).toEqual([first, second].sort());
    for (const child of [first, second]) await t.http.get(`${API}/students/${child}`).set('authorization', session.auth).expect(200);
    await t.http.get(`${API}/students/${stranger}`).set('authorization', session.auth).expect(404);

    // the audit trail has both activations, without the codes
    const events = (await t.db.query(
      `SELECT outcome, entity_id, details FROM audit_event WHERE action = 'invitation-activate' AND entity_id = ANY($1::text[]) ORDER BY id`,
      [mine.map((c) => c.codeId)],
    )) as Array<{ outcome: string; entity_id: string; details: Record<string, unknown> }>;
    expect(events.map((e) => [e.outcome, e.details.accountCreated])).toEqual([
      ['success', true],
      ['success', false],
    ]);
  });

  it('a student activates their own code and gets a student account linked to their record', async () => {
    const student = await makeStudent('Кузнецов', 'Даниил');
    const { codes } = await issued({ studentIds: [student], kinds: ['student'] });
    const name = login();
    // without login or password no account can be made; a weak password is refused by the password rules
    expect((await activate({ code: codes[0].code }).expect(422)).body.code).toBe('login-required');
    expect((await activate({ code: codes[0].code, login: name }).expect(422)).body.code).toBe('password-required');
    expect((await activate({ code: codes[0].code, login: name, password: '12345678' }).expect(422)).body.code).toBe('password-too-common');
    expect((await activate({ code: codes[0].code, login: school.logins.parent.toUpperCase(), password: NEW_PASSWORD }).expect(409)).body.code).toBe(
      'login-taken',
    );
    // typed carelessly: lower case, spaces instead of dashes
    const res = await activate({ code: codes[0].code.toLowerCase().replace(/-/g, ' '), login: name, password: NEW_PASSWORD }).expect(201);
    expect(res.body).toMatchObject({ login: name, roles: [Role.Student], created: true, studentId: student, guardianId: null });
    expect(await t.db.query(`SELECT user_id FROM student WHERE id = $1`, [student])).toEqual([{ user_id: res.body.userId }]);
    const session = await signIn(t, name, NEW_PASSWORD);
    expect(session.mustChangePassword).toBe(false);
    // a student with an account gets no student code any more
    const again = await issued({ studentIds: [student], kinds: ['student'] });
    expect(again).toMatchObject({ codes: [], skipped: 1, sheetJobId: null });
  });

  it('a code is single-use', async () => {
    const student = await makeStudent('Орлов', 'Егор');
    const { codes } = await issued({ studentIds: [student], kinds: ['student'] });
    await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(201);
    const second = await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(422);
    expect(second.body.code).toBe('invalid-invitation-code');
    const unknown = await activate({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', login: login(), password: NEW_PASSWORD }).expect(422);
    expect(stable(second.body)).toEqual(stable(unknown.body));
  });

  it('at the same moment, one code activates once and one login is taken once', async () => {
    const a = await makeStudent('Гонкин', 'Алексей');
    const b = await makeStudent('Гонкина', 'Белла');
    const { codes } = await issued({ studentIds: [a, b], kinds: ['student'] });
    expect(codes.map((c) => c.studentId)).toEqual([a, b]);
    const same = await Promise.all([1, 2, 3].map(() => activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD })));
    expect(same.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    // two codes, one login, at once (in another case): one account, the other 409
    const more = { codes: codes.slice(1).concat((await issued({ studentIds: [await makeStudent('Гонкин', 'Виктор')], kinds: ['student'] })).codes) };
    const shared = login();
    const both = await Promise.all(more.codes.map((x) => activate({ code: x.code, login: shared.toUpperCase(), password: NEW_PASSWORD })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.code).toBe('login-taken');
    // the loser's code is still live: nothing of its activation was written
    const loser = more.codes[both.findIndex((r) => r.status === 409)];
    expect(await t.db.query(`SELECT used_at FROM invitation_code WHERE id = $1`, [loser.codeId])).toEqual([{ used_at: null }]);
    expect(await t.db.query(`SELECT user_id FROM student WHERE id = $1`, [loser.studentId])).toEqual([{ user_id: null }]);
  });

  it('an expired code is refused', async () => {
    const student = await makeStudent('Зайцев', 'Глеб');
    const { codes } = await issued({ studentIds: [student], kinds: ['student'] });
    const expiresIn = new Date(codes[0].expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(29.9 * 86_400_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 86_400_000);
    await systemWrite(t, `UPDATE invitation_code SET expires_at = now() - interval '1 minute' WHERE id = $1`, [codes[0].codeId]);
    const res = await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(422);
    const unknown = await activate({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', login: login(), password: NEW_PASSWORD }).expect(422);
    expect(stable(res.body)).toEqual(stable(unknown.body));
    expect(await t.db.query(`SELECT user_id FROM student WHERE id = $1`, [student])).toEqual([{ user_id: null }]);
    // an expired code no longer blocks a new one
    const next = await issued({ studentIds: [student], kinds: ['student'] });
    expect(next.codes).toHaveLength(1);
  });

  it("a departed student's codes are refused, the student's and the guardian's", async () => {
    const student = await makeStudent('Уехавший', 'Денис');
    await makeGuardian('Уехавшая', 'Дарья', [student]);
    const { codes } = await issued({ studentIds: [student] });
    expect(codes.map((c) => c.kind).sort()).toEqual(['guardian', 'student']);
    // выбытие recorded: the enrolment closed yesterday
    await systemWrite(t, `UPDATE enrollment SET ends_on = current_date - 1 WHERE student_id = $1 AND ends_on IS NULL`, [student]);
    const unknown = await activate({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', login: login(), password: NEW_PASSWORD }).expect(422);
    for (const c of codes) {
      const res = await activate({ code: c.code, login: login(), password: NEW_PASSWORD }).expect(422);
      expect(stable(res.body)).toEqual(stable(unknown.body));
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM invitation_code WHERE student_id = $1 AND used_at IS NOT NULL`, [student])).toEqual([{ n: 0 }]);
  });

  it('a revoked code is refused', async () => {
    const student = await makeStudent('Волков', 'Захар');
    const { codes } = await issued({ studentIds: [student], kinds: ['student'] });
    const revoked = await t.http.post(`${API}/invitation-codes/${codes[0].codeId}/revoke`).set('authorization', teacher).expect(200);
    expect(revoked.body).toMatchObject({ id: codes[0].codeId, state: 'revoked', studentId: student });
    expect(revoked.body.revokedAt).not.toBeNull();
    const res = await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(422);
    const unknown = await activate({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', login: login(), password: NEW_PASSWORD }).expect(422);
    expect(stable(res.body)).toEqual(stable(unknown.body));
    // revoking twice, or a used code: 409
    const twice = await t.http.post(`${API}/invitation-codes/${codes[0].codeId}/revoke`).set('authorization', admin).expect(409);
    expect(twice.body.code).toBe('code-not-live');
  });

  it('re-issuing revokes the previous code', async () => {
    const student = await makeStudent('Лебедев', 'Илья');
    const first = await issued({ studentIds: [student], kinds: ['student'] });
    // without reissue a live code is kept
    const kept = await issued({ studentIds: [student], kinds: ['student'] });
    expect(kept).toMatchObject({ codes: [], skipped: 1, sheetJobId: null });
    const second = await issued({ studentIds: [student], kinds: ['student'], reissue: true });
    expect(second.codes).toHaveLength(1);
    expect(second.codes[0].code).not.toBe(first.codes[0].code);
    const rows = await t.db.query(`SELECT id, revoked_at IS NOT NULL AS revoked FROM invitation_code WHERE student_id = $1 ORDER BY created_at`, [student]);
    expect(rows).toEqual([
      { id: first.codes[0].codeId, revoked: true },
      { id: second.codes[0].codeId, revoked: false },
    ]);
    await activate({ code: first.codes[0].code, login: login(), password: NEW_PASSWORD }).expect(422);
    await activate({ code: second.codes[0].code, login: login(), password: NEW_PASSWORD }).expect(201);
  });

  it('a student code and a guardian code of the same child differ', async () => {
    const student = await makeStudent('Соколова', 'Дарья');
    const guardian = await makeGuardian('Соколова', 'Марина', [student]);
    const { codes } = await issued({ studentIds: [student] });
    expect(codes.map((c) => [c.kind, c.guardianId])).toEqual([
      ['student', null],
      ['guardian', guardian],
    ]);
    expect(codes[0].code).not.toBe(codes[1].code);
    for (const c of codes) expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // the student's code makes a student account, the guardian's a parent account
    const s = await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(201);
    const g = await activate({ code: codes[1].code, login: login(), password: NEW_PASSWORD }).expect(201);
    expect([s.body.roles, g.body.roles]).toEqual([[Role.Student], [Role.Parent]]);
  });

  it('a parent record that already has an account is linked only while signed in to that account', async () => {
    const child = await makeStudent('Морозов', 'Кирилл');
    const sibling = await makeStudent('Морозова', 'Ксения');
    const mother = await makeGuardian('Морозова', 'Нина', [child, sibling]);
    const otherChild = await makeStudent('Новиков', 'Лев');
    await makeGuardian('Новикова', 'Зоя', [otherChild]);
    const { codes } = await issued({ studentIds: [child, sibling, otherChild], kinds: ['guardian'] });
    const [c1, c2] = codes.filter((c) => c.guardianId === mother);
    const foreign = codes.find((c) => c.studentId === otherChild) as Issued;
    const name = login();
    await activate({ code: c1.code, login: name, password: NEW_PASSWORD }).expect(201);
    // not signed in: the record has an account already
    expect((await activate({ code: c2.code, login: login(), password: NEW_PASSWORD }).expect(409)).body.code).toBe('guardian-has-account');
    // signed in as this parent, another family's code would merge two parent records: refused
    const session = await signIn(t, name, NEW_PASSWORD);
    expect((await activate({ code: foreign.code }, session.auth).expect(409)).body.code).toBe('different-guardian');
    // a bad token is not ignored
    expect((await activate({ code: c2.code }, 'Bearer not-a-token').expect(401)).body.code).toBe('invalid-token');
    await activate({ code: c2.code }, session.auth).expect(200);
  });

  it('a staff member who is also a parent links the child to their staff account, which gains the parent role', async () => {
    const child = await makeStudent('Учителев', 'Сын');
    const parent = await makeGuardian('Учителева', 'Мать', [child]);
    const { codes } = await issued({ studentIds: [child], kinds: ['guardian'] });
    const session = await signIn(t, school.logins.secretary);
    const res = await activate({ code: codes[0].code }, session.auth).expect(200);
    expect(res.body).toMatchObject({ login: school.logins.secretary, created: false, guardianId: parent, studentId: child });
    expect(res.body.roles).toEqual(expect.arrayContaining([Role.Secretary, Role.Parent]));
    const [secretary] = (await t.db.query(`SELECT id FROM app_user WHERE login = $1`, [school.logins.secretary])) as Array<{ id: string }>;
    expect(await t.db.query(`SELECT user_id FROM guardian WHERE id = $1`, [parent])).toEqual([{ user_id: secretary.id }]);
    // a new sign-in carries the parent role too
    const me = await t.http.get(`${API}/auth/me`).set('authorization', await bearer(t, school.logins.secretary)).expect(200);
    expect(me.body.roles).toEqual(expect.arrayContaining([Role.Secretary, Role.Parent]));
  });

  it('the codes are stored only hashed', async () => {
    const student = await makeStudent('Егоров', 'Максим');
    await makeGuardian('Егорова', 'Анна', [student]);
    const result = await issued({ studentIds: [student] });
    expect(result.codes).toHaveLength(2);
    // one activation, one failed attempt with a changed code: neither leaves the code in the audit trail
    await activate({ code: result.codes[0].code, login: login(), password: NEW_PASSWORD }).expect(201);
    await activate({ code: result.codes[1].code.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z')), login: login(), password: NEW_PASSWORD }).expect(422);
    await jobDone(result.sheetJobId as string, teacher);

    const forms = result.codes.flatMap((c) => {
      const plain = c.code.replace(/-/g, '');
      return [c.code, plain, c.code.slice(0, 9), plain.slice(4, 12)];
    });
    for (const c of result.codes) {
      const [row] = (await t.db.query(`SELECT code_hash FROM invitation_code WHERE id = $1`, [c.codeId])) as Array<{ code_hash: string }>;
      expect(row.code_hash).toBe(createHash('sha256').update(c.code.replace(/-/g, '')).digest('hex'));
    }
    // the job's parameters keep only counts once the sheet is made
    const [job] = (await t.db.query(`SELECT params, result FROM job WHERE id = $1`, [result.sheetJobId])) as Array<{
      params: Record<string, unknown>;
      result: Record<string, unknown>;
    }>;
    expect(job.params).toEqual({ classId: classA.id, className: classA.name, codes: 2, sealed: null });
    expect(job.result).toEqual({ codes: 2 });
    // every row of every table, as text (the sheet file is zipped XLSX: the one place that holds the codes)
    const tables = (await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'job_file'`,
    )) as Array<{ table_name: string }>;
    expect(tables.map((x) => x.table_name)).toEqual(expect.arrayContaining(['invitation_code', 'audit_event', 'job']));
    const patterns = forms.map((f) => `%${f}%`);
    const found: string[] = [];
    for (const { table_name } of tables) {
      const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text ILIKE ANY($1::text[])`, [patterns])) as Array<{
        n: number;
      }>;
      if (n > 0) found.push(table_name);
    }
    expect(found).toEqual([]);
    // the search itself finds what is there: the student's surname in its rows
    const [{ n }] = (await t.db.query(`SELECT count(*)::int AS n FROM student x WHERE x::text ILIKE ANY($1::text[])`, [['%егоров%']])) as Array<{ n: number }>;
    expect(n).toBeGreaterThan(0);
  });

  it('activation attempts are throttled', async () => {
    const student = await makeStudent('Быстров', 'Никита');
    const { codes } = await issued({ studentIds: [student], kinds: ['student'] });
    const address = freshAddress();
    const guesses = Array.from({ length: LOGIN_THROTTLE.address.limit }, (_, i) => `ZZZZ-ZZZZ-ZZZZ-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < guesses.length; i += 10) {
      const batch = await Promise.all(guesses.slice(i, i + 10).map((code) => activate({ code, login: login(), password: NEW_PASSWORD }, undefined, address)));
      expect(batch.map((r) => r.status)).toEqual(Array(batch.length).fill(422));
    }
    // counted before the code is looked at: the right code waits too
    const blocked = await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }, undefined, address).expect(429);
    expect(blocked.body.code).toBe('too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(600);
    const denied = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'invitation-activate' AND outcome = 'denied'`);
    expect(denied[0].n).toBeGreaterThanOrEqual(1);
    // sign-in from that address has a counter of its own
    await t.http.post(`${API}/auth/login`).set('x-forwarded-for', address).send({ login: school.logins.director, password: TEST_PASSWORD }).expect(200);
    // from another address the code works
    await activate({ code: codes[0].code, login: login(), password: NEW_PASSWORD }).expect(201);
  }, 60_000);

  it('a class teacher of another class cannot issue codes for this class', async () => {
    await makeStudent('Чужой', 'Класс', classB.id);
    // not their class and nothing they teach there: not found
    const res = await issue(teacher, {}, classB.id).expect(404);
    expect(res.body.code).toBe('not-found');
    expect((await t.http.get(`${API}/classes/${classB.id}/invitation-codes`).set('authorization', teacher).expect(404)).body.code).toBe('not-found');
    // teaching a subject there lets them read the class, still not issue codes
    await systemWrite(
      t,
      `INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, hours_per_week)
       SELECT $1, c.academic_year_id, st.id, (SELECT id FROM subject WHERE school_id = $1 ORDER BY code LIMIT 1), c.id, 2
         FROM school_class c, staff st JOIN app_user u ON u.id = st.user_id WHERE c.id = $2 AND u.login = $3`,
      [school.id, classB.id, school.logins.teacher],
    );
    expect((await issue(teacher, {}, classB.id).expect(403)).body.code).toBe('not-class-teacher');
    expect((await t.http.get(`${API}/classes/${classB.id}/invitation-codes`).set('authorization', teacher).expect(403)).body.code).toBe(
      'not-class-teacher',
    );
    // the admin issues for every class; the codes of class B cannot be revoked by this teacher
    const b = await issue(admin, { kinds: ['student'] }, classB.id).expect(201);
    expect(b.body.codes.length).toBeGreaterThanOrEqual(1);
    const revoke = await t.http.post(`${API}/invitation-codes/${b.body.codes[0].codeId}/revoke`).set('authorization', teacher).expect(403);
    expect(revoke.body.code).toBe('not-class-teacher');
    // a student of another class named in this class's issue
    const named = await issue(teacher, { studentIds: [b.body.codes[0].studentId] }).expect(422);
    expect(named.body.code).toBe('student-not-in-class');
    // other roles
    for (const role of [Role.Deputy, Role.Director, Role.Secretary, Role.Parent, Role.Student] as const) {
      const auth = await bearer(t, school.logins[role]);
      expect({ role, status: (await issue(auth, {})).status }).toEqual({ role, status: 403 });
    }
  });

  it('the class page shows states without codes', async () => {
    const used = await makeStudent('Андреев', 'Арсений');
    const revoked = await makeStudent('Андреева', 'Василиса');
    const expired = await makeStudent('Андронов', 'Григорий');
    const waiting = await makeStudent('Андронова', 'Диана');
    const { codes } = await issued({ studentIds: [used, revoked, expired, waiting], kinds: ['student'] });
    const byStudent = new Map(codes.map((c) => [c.studentId, c]));
    await activate({ code: (byStudent.get(used) as Issued).code, login: login(), password: NEW_PASSWORD }).expect(201);
    await t.http.post(`${API}/invitation-codes/${(byStudent.get(revoked) as Issued).codeId}/revoke`).set('authorization', teacher).expect(200);
    await systemWrite(t, `UPDATE invitation_code SET expires_at = now() - interval '1 day' WHERE id = $1`, [(byStudent.get(expired) as Issued).codeId]);

    const res = await t.http.get(`${API}/classes/${classA.id}/invitation-codes`).set('authorization', teacher).expect(200);
    const states = Object.fromEntries(
      (res.body as Array<{ studentId: string; state: string; kind: string }>)
        .filter((r) => [used, revoked, expired, waiting].includes(r.studentId))
        .map((r) => [r.studentId, r.state]),
    );
    expect(states).toEqual({ [used]: 'used', [revoked]: 'revoked', [expired]: 'expired', [waiting]: 'issued' });
    const row = (res.body as Array<Record<string, unknown>>).find((r) => r.studentId === used) as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(
      ['expiresAt', 'guardianId', 'guardianName', 'id', 'issuedAt', 'kind', 'revokedAt', 'state', 'studentId', 'studentName', 'usedAt'].sort(),
    );
    expect(row.studentName).toBe('Андреев Арсений Тестович');
    expect(row.usedAt).not.toBeNull();
    const text = JSON.stringify(res.body);
    for (const c of codes) {
      expect(text).not.toContain(c.code);
      expect(text).not.toContain(c.code.replace(/-/g, ''));
      expect(text).not.toContain(createHash('sha256').update(c.code.replace(/-/g, '')).digest('hex'));
    }
    // the admin sees the same page
    const asAdmin = await t.http.get(`${API}/classes/${classA.id}/invitation-codes`).set('authorization', admin).expect(200);
    expect(asAdmin.body).toEqual(res.body);
  });

  it('the sheet job produces «Пригласительные коды» XLSX', async () => {
    const student = await makeStudent('Яковлев', 'Роман');
    await makeGuardian('Яковлева', 'Светлана', [student]);
    const res = await issue(teacher, { studentIds: [student] }).expect(201);
    const jobId = res.body.sheetJobId as string;
    expect(res.headers.location).toBe(`/api/v1/jobs/${jobId}`);
    const job = await jobDone(jobId, teacher);
    expect(job).toMatchObject({ type: 'invitation-sheet', hasFile: true });

    // the requester and the admin download it; nobody else
    const director = await bearer(t, school.logins.director);
    await t.http.get(`${API}/jobs/${jobId}/file`).set('authorization', director).expect(404);
    const file = await t.http.get(`${API}/jobs/${jobId}/file`).set('authorization', admin).buffer(true).parse(binary).expect(200);
    const disposition = decodeURIComponent(String(file.headers['content-disposition']).split("UTF-8''")[1]);
    expect(disposition).toMatch(new RegExp(`^Пригласительные коды ${classA.name} \\d{4}-\\d{2}-\\d{2}\\.xlsx$`));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Пригласительные коды');
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['Класс', 'ФИО ученика', 'Для кого', 'Код', 'Действует до']);
    const codes = res.body.codes as Issued[];
    const until = (iso: string) => new Date(iso).toISOString().slice(0, 10).split('-').reverse().join('.');
    expect(rows.slice(1, 3)).toEqual([
      [classA.name, 'Яковлев Роман Тестович', 'ученик', codes[0].code, expect.stringMatching(/^\d{2}\.\d{2}\.\d{4}$/)],
      [classA.name, 'Яковлев Роман Тестович', 'родитель: Яковлева Светлана Ивановна', codes[1].code, expect.stringMatching(/^\d{2}\.\d{2}\.\d{4}$/)],
    ]);
    // the last day in the school's time zone: the UTC date or the next one
    const [d, m, y] = rows[1][4].split('.');
    expect(Math.abs(new Date(`${y}-${m}-${d}`).getTime() - new Date(until(codes[0].expiresAt).split('.').reverse().join('-')).getTime())).toBeLessThanOrEqual(
      86_400_000,
    );
    expect(rows[rows.length - 1][0]).toBe(INVITATION_INSTRUCTION);
  });
});

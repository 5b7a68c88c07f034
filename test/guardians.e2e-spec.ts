import { ContingentFixtures } from './utils/contingent-fixtures';
import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

describe('guardians (родители, законные представители) and their links to students', () => {
  let t: TestApp;
  let s1: TestSchool;
  let fx: ContingentFixtures;
  let admin: string;
  let secretary: string;
  let deputy: string;
  let teacher: string;
  let parent: string;
  let classA: { id: string; name: string };
  let classB: { id: string; name: string };

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);
  const put = (auth: string, path: string, body: object) => t.http.put(`${API}${path}`).set('authorization', auth).send(body);
  const del = (auth: string, path: string) => t.http.delete(`${API}${path}`).set('authorization', auth);
  const reads = async (guardianId: string) =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'personal-data-read' AND entity = 'guardian' AND entity_id = $1`, [
      guardianId,
    ])) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    fx = new ContingentFixtures(t, s1.id);
    admin = await bearer(t, s1.logins.admin);
    secretary = await bearer(t, s1.logins.secretary);
    deputy = await bearer(t, s1.logins.deputy);
    teacher = await bearer(t, s1.logins.teacher);
    parent = await bearer(t, s1.logins.parent);
    classA = await fx.makeClass(4, await fx.staffOf(s1.logins.teacher));
    classB = await fx.makeClass(4);
  }, 60_000);
  afterAll(() => t.close());

  it('the secretary records a guardian, links them to two children with relations, and changes a relation', async () => {
    const g = await post(secretary, '/guardians', { surname: 'Ёлкина', name: 'Елена', patronymic: 'Викторовна', phone: '8 912 000-11-22', email: 'E.Elkina@Mail.RU' });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ phone: '+79120001122', email: 'e.elkina@mail.ru', children: [], hasAccount: false });
    const a = await fx.makeStudent('Ёлкин', 'Артём');
    const b = await fx.makeStudent('Ёлкина', 'Вера');
    await put(secretary, `/students/${a}/guardians/${g.body.id}`, { relation: 'mother' }).expect(200);
    await put(secretary, `/students/${b}/guardians/${g.body.id}`, { relation: 'guardian' }).expect(200);
    const changed = await put(secretary, `/students/${b}/guardians/${g.body.id}`, { relation: 'trustee' }).expect(200);
    expect(changed.body).toEqual({ studentId: b, guardianId: g.body.id, relation: 'trustee' });
    const card = await get(admin, `/guardians/${g.body.id}`).expect(200);
    expect(card.body.children.map((c: { studentId: string; relation: string }) => [c.studentId, c.relation])).toEqual([
      [a, 'mother'],
      [b, 'trustee'],
    ]);
    const bad = await put(secretary, `/students/${a}/guardians/${g.body.id}`, { relation: 'aunt' });
    expect(bad.status).toBe(422);
  });

  it('reading guardian contacts writes a personal-data read', async () => {
    const g = await fx.makeGuardian('Контактова', 'Ирина', '+79001234567');
    const s = await fx.makeStudent('Контактов', 'Иван');
    await fx.linkGuardian(s, g, 'mother');
    expect(await reads(g)).toBe(0);
    const card = await get(deputy, `/guardians/${g}`).expect(200);
    expect(card.body.phone).toBe('+79001234567');
    expect(await reads(g)).toBe(1);
    const list = await get(admin, `/students/${s}/guardians`).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ guardianId: g, relation: 'mother', phone: '+79001234567' })]);
    expect(await reads(g)).toBe(2);
    const event = await t.db.query(`SELECT subject_person_id, details FROM audit_event WHERE action = 'personal-data-read' AND entity_id = $1 LIMIT 1`, [g]);
    expect(event[0]).toMatchObject({ subject_person_id: g, details: { fields: expect.arrayContaining(['phone', 'email']) } });
  });

  it('the guardian list sorts in Russian order, searches the ФИО and shows no contacts', async () => {
    await fx.makeGuardian('Щукина', 'Ж-тест');
    await fx.makeGuardian('Шубина', 'Ж-тест');
    const items = (await get(deputy, '/guardians', { q: 'ж-тест', limit: 500 }).expect(200)).body.items as Array<Record<string, unknown>>;
    expect(items.map((i) => i.surname)).toEqual(['Шубина', 'Щукина']);
    expect(items[0]).not.toHaveProperty('phone');
    expect(items[0]).toHaveProperty('childrenCount', 0);
  });

  it("a teacher reaches the guardians of their students only; a parent only their own record", async () => {
    const mine = await fx.makeStudent('Свой', 'Ученик');
    await fx.enroll(mine, classA.id);
    const notMine = await fx.makeStudent('Чужой', 'Ученик');
    await fx.enroll(notMine, classB.id);
    const mum = await fx.makeGuardian('Своя', 'Мама');
    const dad = await fx.makeGuardian('Свой', 'Папа');
    const other = await fx.makeGuardian('Чужая', 'Мама');
    await fx.linkGuardian(mine, mum, 'mother');
    await fx.linkGuardian(mine, dad, 'father');
    await fx.linkGuardian(notMine, other, 'mother');
    await get(teacher, `/guardians/${mum}`).expect(200);
    await get(teacher, `/guardians/${other}`).expect(404);
    await fx.bindParentLogin(s1.logins.parent, mum);
    const own = await get(parent, `/guardians/${mum}`).expect(200);
    expect(own.body.children.map((c: { studentId: string }) => c.studentId)).toEqual([mine]);
    await get(parent, `/guardians/${dad}`).expect(404);
    await get(parent, `/guardians/${other}`).expect(404);
    // the child's guardians, reach as the child's card
    const ofChild = await get(parent, `/students/${mine}/guardians`).expect(200);
    expect(ofChild.body.items.map((g: { guardianId: string }) => g.guardianId).sort()).toEqual([mum, dad].sort());
    await get(parent, `/students/${notMine}/guardians`).expect(404);
  });

  it("the class teacher edits a guardian of their class and links guardians to their students; others get 403/404", async () => {
    const mine = await fx.makeStudent('Классный', 'Ученик');
    await fx.enroll(mine, classA.id);
    const g = await fx.makeGuardian('Правкина', 'Ольга');
    await fx.linkGuardian(mine, g, 'mother');
    const res = await patch(teacher, `/guardians/${g}`, { phone: '+7 900 555 44 33', patronymic: null }).expect(200);
    expect(res.body.phone).toBe('+79005554433');
    const fresh = await fx.makeGuardian('Новый', 'Опекун');
    await put(teacher, `/students/${mine}/guardians/${fresh}`, { relation: 'guardian' }).expect(200);
    // a class the teacher only teaches: reads, may not edit
    const taughtClass = await fx.makeClass(4);
    await fx.assign(await fx.staffOf(s1.logins.teacher), taughtClass.id);
    const taught = await fx.makeStudent('Предметный', 'Ученик');
    await fx.enroll(taught, taughtClass.id);
    const tg = await fx.makeGuardian('Предметная', 'Мама');
    await fx.linkGuardian(taught, tg, 'mother');
    const edit = await patch(teacher, `/guardians/${tg}`, { name: 'Иная' });
    expect([edit.status, edit.body.code]).toEqual([403, 'not-class-teacher']);
    const link = await put(teacher, `/students/${taught}/guardians/${fresh}`, { relation: 'other' });
    expect([link.status, link.body.code]).toEqual([403, 'not-class-teacher']);
    // out of reach entirely
    const far = await fx.makeGuardian('Далёкая', 'Мама');
    await patch(teacher, `/guardians/${far}`, { name: 'Иная' }).expect(404);
  });

  it('the secretary unlinks a guardian; unlinking again answers 404', async () => {
    const s = await fx.makeStudent('Отвязкин', 'Ученик');
    const g = await fx.makeGuardian('Отвязкина', 'Мама');
    await fx.linkGuardian(s, g, 'mother');
    await del(secretary, `/students/${s}/guardians/${g}`).expect(204);
    await del(secretary, `/students/${s}/guardians/${g}`).expect(404);
    expect((await get(admin, `/students/${s}/guardians`).expect(200)).body.items).toEqual([]);
    await get(admin, `/guardians/${g}`).expect(200);
  });
});

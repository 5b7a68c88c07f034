import { ContingentFixtures } from './utils/contingent-fixtures';
import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

/**
 * Broken object-level authorisation (R-ACC-2, R-ACC-3): a record out of the caller's relationships answers 404, as
 * if it did not exist. The logins of the seeded school are bound here to this suite's own records (whatever the seed
 * linked them to is cleared first), so the reach of each is exactly what the test states.
 */
describe('BOLA: relationships bound every read and write', () => {
  let t: TestApp;
  let s1: TestSchool;
  let fx: ContingentFixtures;
  let parent: string;
  let student: string;
  let teacher: string;
  let admin: string;
  let ownClass: { id: string; name: string };
  let otherClass: { id: string; name: string };
  let child1: string;
  let child2: string;
  let classmate: string;
  let otherFamilyChild: string;
  let self: string;
  let otherClassStudent: string;
  let otherFamilyGuardian: string;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);

  async function listAll(auth: string, query: Record<string, string | number> = {}): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(auth, '/students', { ...query, limit: 500, ...(cursor ? { cursor } : {}) }).expect(200);
      ids.push(...(res.body.items as Array<{ id: string }>).map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return ids;
  }

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    fx = new ContingentFixtures(t, s1.id);
    parent = await bearer(t, s1.logins.parent);
    student = await bearer(t, s1.logins.student);
    teacher = await bearer(t, s1.logins.teacher);
    admin = await bearer(t, s1.logins.admin);

    ownClass = await fx.makeClass(3, await fx.staffOf(s1.logins.teacher));
    otherClass = await fx.makeClass(3);
    child1 = await fx.makeStudent('Семейный', 'Первый');
    child2 = await fx.makeStudent('Семейная', 'Вторая');
    self = await fx.makeStudent('Самостоятельный', 'Ученик');
    classmate = await fx.makeStudent('Одноклассник', 'Соседний');
    otherFamilyChild = await fx.makeStudent('Чужая', 'Семья');
    otherClassStudent = await fx.makeStudent('Другой', 'Класс');
    for (const id of [child1, self, classmate, otherFamilyChild]) await fx.enroll(id, ownClass.id);
    for (const id of [child2, otherClassStudent]) await fx.enroll(id, otherClass.id);

    const family = await fx.makeGuardian('Семейная', 'Мама');
    await fx.linkGuardian(child1, family, 'mother');
    await fx.linkGuardian(child2, family, 'mother');
    otherFamilyGuardian = await fx.makeGuardian('Чужая', 'Мама');
    await fx.linkGuardian(otherFamilyChild, otherFamilyGuardian, 'mother');
    await fx.bindParentLogin(s1.logins.parent, family);
    await fx.bindStudentLogin(s1.logins.student, self);
  }, 60_000);
  afterAll(() => t.close());

  it("a guardian reading another family's child gets 404", async () => {
    await get(parent, `/students/${child1}`).expect(200);
    await get(parent, `/students/${child2}`).expect(200);
    for (const path of [`/students/${otherFamilyChild}`, `/students/${otherFamilyChild}/guardians`, `/students/${otherFamilyChild}/movements`, `/guardians/${otherFamilyGuardian}`]) {
      const res = await get(parent, path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'not-found' });
    }
  });

  it("a student reading a classmate's card gets 404", async () => {
    await get(student, `/students/${self}`).expect(200);
    for (const path of [`/students/${classmate}`, `/students/${classmate}/guardians`, `/students/${classmate}/movements`]) {
      const res = await get(student, path);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'not-found' });
    }
  });

  it('a teacher reading a class they do not teach gets 404', async () => {
    await get(teacher, `/classes/${ownClass.id}/students`).expect(200);
    const res = await get(teacher, `/classes/${otherClass.id}/students`);
    expect([res.status, res.body.code]).toEqual([404, 'not-found']);
    await get(teacher, `/students/${otherClassStudent}`).expect(404);
    expect(await listAll(teacher, { classId: otherClass.id })).toEqual([]);
  });

  it("a class teacher editing another class's student gets 403/404", async () => {
    await patch(teacher, `/students/${child1}`, { name: 'Первый' }).expect(200);
    // no relation to the student at all: 404
    const far = await patch(teacher, `/students/${otherClassStudent}`, { name: 'Взломанный' });
    expect([far.status, far.body.code]).toEqual([404, 'not-found']);
    // the teacher teaches the other class (reads it), but is not its class teacher: 403
    await fx.assign(await fx.staffOf(s1.logins.teacher), otherClass.id);
    await get(teacher, `/students/${otherClassStudent}`).expect(200);
    const near = await patch(teacher, `/students/${otherClassStudent}`, { name: 'Взломанный' });
    expect([near.status, near.body.code]).toEqual([403, 'not-class-teacher']);
    const unchanged = await t.db.query('SELECT name FROM student WHERE id = $1', [otherClassStudent]);
    expect(unchanged).toEqual([{ name: 'Класс' }]);
  });

  it("a parent's GET /students lists exactly their children", async () => {
    expect((await listAll(parent)).sort()).toEqual([child1, child2].sort());
    expect((await listAll(parent, { status: 'all' })).sort()).toEqual([child1, child2].sort());
  });

  it("a student's GET /students lists exactly themself", async () => {
    expect(await listAll(student)).toEqual([self]);
    expect(await listAll(student, { status: 'all' })).toEqual([self]);
  });

  it('the school roles read any student of their school', async () => {
    await get(admin, `/students/${otherFamilyChild}`).expect(200);
    expect(await listAll(admin, { classId: ownClass.id })).toEqual(expect.arrayContaining([child1, self, classmate, otherFamilyChild]));
  });
});

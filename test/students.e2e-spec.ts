import { ContingentFixtures } from './utils/contingent-fixtures';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

describe('students: cards, lists, class lists on a date, personal-data upkeep', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let fx: ContingentFixtures;
  let admin: string;
  let secretary: string;
  let deputy: string;
  let teacher: string;
  let classA: { id: string; name: string };
  let classB: { id: string; name: string };
  let otherSchoolClass: string;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);

  async function listAll<T>(auth: string, path: string, query: Record<string, string | number> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(auth, path, { ...query, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      items.push(...(res.body.items as T[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  const newStudent = (over: object = {}) => ({
    surname: 'Иванова',
    name: 'Мария',
    patronymic: 'Петровна',
    birthDate: '2015-03-14',
    gender: 'f',
    personalFileNumber: `ЛД-${Math.random().toString(36).slice(2, 10)}`,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    fx = new ContingentFixtures(t, s1.id);
    admin = await bearer(t, s1.logins.admin);
    secretary = await bearer(t, s1.logins.secretary);
    deputy = await bearer(t, s1.logins.deputy);
    teacher = await bearer(t, s1.logins.teacher);
    const teacherStaff = await fx.staffOf(s1.logins.teacher);
    classA = await fx.makeClass(5, teacherStaff);
    classB = await fx.makeClass(5);
    otherSchoolClass = (await new ContingentFixtures(t, s2.id).makeClass(5)).id;
  }, 60_000);
  afterAll(() => t.close());

  describe('cards', () => {
    it('the secretary adds a card with its arrival in one transaction; the card shows the current class', async () => {
      const res = await post(secretary, '/students', {
        ...newStudent({ surname: '  Сидорова ', phone: '8 (912) 345-67-89', email: 'Mail@Example.RU' }),
        arrival: { classId: classA.id, date: '2026-09-01', orderNumber: '10-у', place: 'МБОУ СОШ № 5' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ surname: 'Сидорова', phone: '+79123456789', email: 'mail@example.ru', classId: classA.id, className: classA.name, hasAccount: false, verifiedAt: null });
      const moves = await t.db.query('SELECT kind, to_class_id, order_number FROM movement WHERE student_id = $1', [res.body.id]);
      expect(moves).toEqual([{ kind: 'arrival', to_class_id: classA.id, order_number: '10-у' }]);
    });

    it('a file number already taken answers 409 file-number-taken', async () => {
      const body = newStudent();
      await post(admin, '/students', body).expect(201);
      const res = await post(admin, '/students', { ...body, personalFileNumber: ` ${body.personalFileNumber} ` });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('file-number-taken');
    });

    it("an arrival in another school's class refuses the whole card (nothing partially written)", async () => {
      const body = newStudent();
      const res = await post(admin, '/students', { ...body, arrival: { classId: otherSchoolClass, date: '2026-09-01', orderNumber: '1' } });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe('arrival.classId');
      expect(await t.db.query('SELECT 1 FROM student WHERE personal_file_number = $1', [body.personalFileNumber])).toEqual([]);
    });

    it('an implausible birth date or a malformed phone answers 422 naming the field', async () => {
      const a = await post(admin, '/students', newStudent({ birthDate: '1990-01-01' }));
      expect([a.status, a.body.code, a.body.errors[0].field]).toEqual([422, 'birth-date-implausible', 'birthDate']);
      const b = await post(admin, '/students', newStudent({ phone: 'позвоните маме' }));
      expect([b.status, b.body.code, b.body.errors[0].field]).toEqual([422, 'phone-invalid', 'phone']);
    });

    it('reading a student card writes a personal-data read', async () => {
      const id = (await post(admin, '/students', newStudent())).body.id as string;
      const before = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'personal-data-read' AND entity = 'student' AND entity_id = $1`, [id]);
      const res = await get(deputy, `/students/${id}`).expect(200);
      expect(res.body.personalFileNumber).toBeDefined();
      const events = await t.db.query(
        `SELECT e.subject_person_id, e.details, u.login FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
          WHERE e.action = 'personal-data-read' AND e.entity = 'student' AND e.entity_id = $1`,
        [id],
      );
      expect(before).toEqual([{ n: 0 }]);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ subject_person_id: id, login: s1.logins.deputy });
      expect(events[0].details.fields).toContain('phone');
    });

    it('an unknown or malformed student id answers 404 / 400', async () => {
      await get(admin, '/students/00000000-0000-4000-8000-000000000000').expect(404);
      await get(admin, '/students/not-a-uuid').expect(400);
    });
  });

  describe('lists', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      ids = {};
      for (const [surname, name, patronymic] of [
        ['Ершов', 'Пётр', null],
        ['Ёлкина', 'Анна', 'Сергеевна'],
        ['Елисеев', 'Борис', null],
        ['Абрамов', 'Ян', null],
        ['Ёлкина', 'Анна', 'Андреевна'],
      ] as Array<[string, string, string | null]>) {
        const id = await fx.makeStudent(surname, name, patronymic);
        await fx.enroll(id, classB.id);
        ids[`${surname} ${patronymic ?? name}`] = id;
      }
    });

    it("a class's students sort in Russian order (Ё beside Е), then patronymic, across pages", async () => {
      const items = await listAll<{ surname: string; patronymic: string | null; className: string }>(admin, '/students', { classId: classB.id });
      expect(items.map((i) => `${i.surname} ${i.patronymic ?? ''}`.trim())).toEqual([
        'Абрамов',
        'Елисеев',
        'Ёлкина Андреевна',
        'Ёлкина Сергеевна',
        'Ершов',
      ]);
      expect(new Set(items.map((i) => i.className))).toEqual(new Set([classB.name]));
    });

    it('q finds a substring of the ФИО in any case, or of the file number', async () => {
      const byName = await listAll<{ id: string }>(admin, '/students', { classId: classB.id, q: 'ёлкина анна' });
      expect(byName).toHaveLength(2);
      const fileNumber = ((await t.db.query('SELECT personal_file_number AS n FROM student WHERE id = $1', [ids['Ершов Пётр']])) as Array<{ n: string }>)[0].n;
      const byFile = await listAll<{ id: string }>(admin, '/students', { q: fileNumber.toLowerCase() });
      expect(byFile.map((s) => s.id)).toEqual([ids['Ершов Пётр']]);
    });

    it("the list is limited to the teacher's reach in SQL: a class they have no relation to lists nobody", async () => {
      const items = await listAll(teacher, '/students', { classId: classB.id });
      expect(items).toEqual([]);
      const own = await listAll<{ classId: string }>(teacher, '/students', { classId: classA.id });
      expect(own.length).toBeGreaterThan(0);
    });

    it('a date before anybody arrived lists nobody of the class; status=all still shows who ever was there', async () => {
      expect(await listAll(admin, '/students', { classId: classB.id, on: '2026-08-31' })).toEqual([]);
      const all = await listAll<{ classId: string | null }>(admin, '/students', { classId: classB.id, status: 'all', on: '2026-12-01' });
      expect(all).toHaveLength(5);
    });
  });

  describe('class list on a date', () => {
    it('lists the class with numbers in Russian order, gender, birth date and file number, and no contacts', async () => {
      const c = await fx.makeClass(6);
      const late = await fx.makeStudent('Яковлев', 'Илья');
      const early = await fx.makeStudent('Ёжиков', 'Лев');
      await fx.enroll(late, c.id, '2026-10-01');
      await fx.enroll(early, c.id, '2026-09-01');
      const res = await get(deputy, `/classes/${c.id}/students`, { on: '2026-10-05' }).expect(200);
      expect(res.body).toMatchObject({ classId: c.id, className: c.name, on: '2026-10-05' });
      expect(res.body.items.map((i: { number: number; surname: string }) => [i.number, i.surname])).toEqual([
        [1, 'Ёжиков'],
        [2, 'Яковлев'],
      ]);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(['birthDate', 'gender', 'id', 'name', 'number', 'patronymic', 'personalFileNumber', 'surname']);
      const sept = await get(deputy, `/classes/${c.id}/students`, { on: '2026-09-15' }).expect(200);
      expect(sept.body.items.map((i: { surname: string }) => i.surname)).toEqual(['Ёжиков']);
      const empty = await fx.makeClass(7);
      const none = await get(deputy, `/classes/${empty.id}/students`).expect(200);
      expect(none.body.items).toEqual([]);
      expect(none.body.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it("another school's class, or a malformed date, is refused", async () => {
      await get(admin, `/classes/${otherSchoolClass}/students`).expect(404);
      const bad = await get(admin, `/classes/${classA.id}/students`, { on: '2026-02-30' });
      expect(bad.status).toBe(422);
    });
  });

  describe('editing (§4.3.6 upkeep)', () => {
    let mine: string;
    let taught: string;

    beforeAll(async () => {
      mine = await fx.makeStudent('Петров', 'Олег');
      await fx.enroll(mine, classA.id);
      const taughtClass = await fx.makeClass(8);
      await fx.assign(await fx.staffOf(s1.logins.teacher), taughtClass.id);
      taught = await fx.makeStudent('Смирнов', 'Глеб');
      await fx.enroll(taught, taughtClass.id);
    });

    it("the class teacher edits their student's card, but not the personal file number", async () => {
      const res = await patch(teacher, `/students/${mine}`, { phone: '+7 (900) 111-22-33', patronymic: 'Ильич' }).expect(200);
      expect(res.body).toMatchObject({ phone: '+79001112233', patronymic: 'Ильич' });
      const fileNumber = await patch(teacher, `/students/${mine}`, { personalFileNumber: 'НОВЫЙ-1' });
      expect([fileNumber.status, fileNumber.body.code]).toEqual([403, 'file-number-office-only']);
      await patch(secretary, `/students/${mine}`, { personalFileNumber: 'НОВЫЙ-1' }).expect(200);
      await patch(teacher, `/students/${mine}`, { personalFileNumber: 'НОВЫЙ-1', email: null }).expect(200); // unchanged number: fine
    });

    it('a teacher who teaches the student but is not their class teacher gets 403 not-class-teacher', async () => {
      await get(teacher, `/students/${taught}`).expect(200);
      const res = await patch(teacher, `/students/${taught}`, { name: 'Глебушка' });
      expect([res.status, res.body.code]).toEqual([403, 'not-class-teacher']);
    });

    it('a taken file number on edit answers 409', async () => {
      const other = await fx.makeStudent('Другой', 'Ученик');
      const taken = ((await t.db.query('SELECT personal_file_number AS n FROM student WHERE id = $1', [other])) as Array<{ n: string }>)[0].n;
      const res = await patch(admin, `/students/${mine}`, { personalFileNumber: taken });
      expect([res.status, res.body.code]).toEqual([409, 'file-number-taken']);
    });
  });

  describe('unverified cards (§4.3.6)', () => {
    it('a card not confirmed for over 30 days is listed; confirming it removes it and records who and when', async () => {
      const stale = await fx.makeStudent('Устаревший', 'Карточка');
      const fresh = await fx.makeStudent('Свежий', 'Карточка');
      const never = await fx.makeStudent('Новый', 'Карточка');
      for (const id of [stale, fresh, never]) await fx.enroll(id, classA.id);
      const deputyUser = await fx.userId(s1.logins.deputy);
      await systemWrite(t, `UPDATE student SET verified_at = now() - interval '31 days', verified_by_user_id = $2 WHERE id = $1`, [stale, deputyUser]);
      await systemWrite(t, `UPDATE student SET verified_at = now() - interval '29 days', verified_by_user_id = $2 WHERE id = $1`, [fresh, deputyUser]);

      const listed = async (auth: string) => (await listAll<{ id: string; className: string }>(auth, '/students/unverified')).filter((s) => [stale, fresh, never].includes(s.id));
      const before = await listed(teacher);
      expect(before.map((s) => s.id).sort()).toEqual([stale, never].sort());
      expect(before[0].className).toBe(classA.name);
      expect((await listed(admin)).map((s) => s.id).sort()).toEqual([stale, never].sort());
      const within7 = (await listAll<{ id: string }>(admin, '/students/unverified', { days: 7 })).map((s) => s.id);
      expect(within7).toEqual(expect.arrayContaining([stale, fresh, never]));

      const res = await post(teacher, `/students/${stale}/verification`, {}).expect(200);
      expect(res.body.verifiedByUserId).toBe(await fx.userId(s1.logins.teacher));
      expect(Date.now() - new Date(res.body.verifiedAt).getTime()).toBeLessThan(60_000);
      expect((await listed(teacher)).map((s) => s.id)).toEqual([never]);
      const card = await get(admin, `/students/${stale}`).expect(200);
      expect(card.body.verifiedByName).toBe(res.body.verifiedByName);
      expect(card.body.verifiedByName).toBeTruthy();
    });

    it("a teacher's unverified list holds only their class-teacher classes", async () => {
      const elsewhere = await fx.makeStudent('Чужой', 'Класс');
      await fx.enroll(elsewhere, classB.id);
      const teacherIds = (await listAll<{ id: string }>(teacher, '/students/unverified')).map((s) => s.id);
      expect(teacherIds).not.toContain(elsewhere);
      const adminIds = (await listAll<{ id: string }>(admin, '/students/unverified')).map((s) => s.id);
      expect(adminIds).toContain(elsewhere);
    });

    it('a teacher who is not the class teacher may not confirm (403), out of reach 404; days is bounded', async () => {
      const other = await fx.makeStudent('Вне', 'Досягаемости');
      await fx.enroll(other, classB.id);
      await post(teacher, `/students/${other}/verification`, {}).expect(404);
      const taughtClass = await fx.makeClass(9);
      await fx.assign(await fx.staffOf(s1.logins.teacher), taughtClass.id);
      const taught = await fx.makeStudent('Учит', 'Предмет');
      await fx.enroll(taught, taughtClass.id);
      const res = await post(teacher, `/students/${taught}/verification`, {});
      expect([res.status, res.body.code]).toEqual([403, 'not-class-teacher']);
      await get(admin, '/students/unverified', { days: 0 }).expect(422);
      await get(admin, '/students/unverified', { days: 367 }).expect(422);
    });

    it('the static path /students/unverified is routed before /students/{studentId}', async () => {
      const res = await get(admin, '/students/unverified');
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    });
  });
});

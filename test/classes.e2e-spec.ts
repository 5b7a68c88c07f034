import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

describe('staff and classes (contingent records)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let admin: string;
  let deputy: string;
  let secretary: string;
  let teacher: string;
  let year1: string;
  let year2: string;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);
  const del = (auth: string, path: string) => t.http.delete(`${API}${path}`).set('authorization', auth);
  const one = async <T = { id: string }>(sql: string, params: unknown[]): Promise<T> => ((await t.db.query(sql, params)) as T[])[0];

  /** Follows nextCursor to the end. */
  async function listAll<T>(auth: string, path: string, query: Record<string, string | number> = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(auth, path, { ...query, limit: 7, ...(cursor ? { cursor } : {}) }).expect(200);
      items.push(...(res.body.items as T[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    secretary = await bearer(t, s1.logins.secretary);
    teacher = await bearer(t, s1.logins.teacher);
    year1 = (await one('SELECT id FROM academic_year WHERE school_id = $1', [s1.id])).id;
    year2 = (await one('SELECT id FROM academic_year WHERE school_id = $1', [s2.id])).id;
  }, 60_000);
  afterAll(() => t.close());

  describe('seed', () => {
    it('a generated school has about 70 staff, staff accounts linked to their records, and classes 1А…11Б with class teachers', async () => {
      const staff = await one<{ n: number; linked: number }>(
        'SELECT count(*)::int AS n, count(user_id)::int AS linked FROM staff WHERE school_id = $1',
        [s1.id],
      );
      expect(staff.n).toBeGreaterThanOrEqual(65);
      expect(staff.n).toBeLessThanOrEqual(75);
      expect(staff.linked).toBe(5); // admin, director, deputy, secretary, teacher
      const classes = await one<{ n: number; teachers: number; grades: number }>(
        `SELECT count(*)::int AS n, count(class_teacher_staff_id)::int AS teachers, count(DISTINCT grade)::int AS grades
           FROM school_class WHERE school_id = $1 AND academic_year_id = $2`,
        [s1.id, year1],
      );
      expect(classes.grades).toBe(11);
      expect(classes.n).toBeGreaterThanOrEqual(22);
      expect(classes.teachers).toBe(classes.n);
    });
  });

  describe('classes', () => {
    it('classes sort as 1А, 1Б, 2А … 10А, 11Б', async () => {
      const names = (await listAll<{ name: string }>(secretary, `/academic-years/${year1}/classes`)).map((c) => c.name);
      expect(names.slice(0, 2)).toEqual(['1А', '1Б']);
      expect(names[names.length - 1]).toBe('11Б');
      const key = (n: string) => [Number(n.slice(0, -1)), n.slice(-1)] as const;
      const expected = [...names].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1].localeCompare(key(b)[1], 'ru'));
      expect(names).toEqual(expected);
      expect(names.indexOf('2А')).toBeGreaterThan(names.indexOf('1Б'));
      expect(names.indexOf('10А')).toBeGreaterThan(names.indexOf('9А'));
      expect(new Set(names).size).toBe(names.length);
      // the grade filter
      const tenth = await get(secretary, `/academic-years/${year1}/classes`, { grade: 10 }).expect(200);
      expect(tenth.body.items.map((c: { name: string }) => c.name)).toEqual(['10А', '10Б']);
    });

    it('a class is unique per year, grade and letter', async () => {
      const created = await post(deputy, `/academic-years/${year1}/classes`, { grade: 5, letter: 'Д', shift: 2, capacity: 25 }).expect(201);
      expect(created.body).toMatchObject({ grade: 5, letter: 'Д', name: '5Д', shift: 2, capacity: 25, classTeacherStaffId: null, academicYearId: year1 });
      const dup = await post(admin, `/academic-years/${year1}/classes`, { grade: 5, letter: 'Д' }).expect(409);
      expect(dup.body.code).toBe('class-exists');
      // renaming another class onto it is refused the same way
      const other = await one('SELECT id FROM school_class WHERE school_id = $1 AND grade = 5 AND letter = $2', [s1.id, 'А']);
      const clash = await patch(admin, `/classes/${other.id}`, { letter: 'Д' }).expect(409);
      expect(clash.body.code).toBe('class-exists');
      // the same grade and letter in another school's year is another class
      const admin2 = await bearer(t, s2.logins.admin);
      await post(admin2, `/academic-years/${year2}/classes`, { grade: 5, letter: 'Д' }).expect(201);
      await del(deputy, `/classes/${created.body.id}`).expect(204);
      await get(teacher, `/classes/${created.body.id}`).expect(404);
    });

    it('grade 0 and 12 are refused', async () => {
      for (const grade of [0, 12, 5.5, '5']) {
        const res = await post(admin, `/academic-years/${year1}/classes`, { grade, letter: 'Е' }).expect(422);
        expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['grade']);
      }
      for (const letter of ['', 'a', 'е', 'ABCDE', 'Абвгд']) {
        const res = await post(admin, `/academic-years/${year1}/classes`, { grade: 3, letter }).expect(422);
        expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['letter']);
      }
      const cls = await one('SELECT id FROM school_class WHERE school_id = $1 AND grade = 3 AND letter = $2', [s1.id, 'А']);
      await patch(admin, `/classes/${cls.id}`, { grade: 12 }).expect(422);
      await patch(admin, `/classes/${cls.id}`, { capacity: 41 }).expect(422);
      await patch(admin, `/classes/${cls.id}`, { shift: 3 }).expect(422);
      // the database refuses them too
      await expect(systemWrite(t, 'UPDATE school_class SET grade = 0 WHERE id = $1', [cls.id])).rejects.toThrow(/ck_school_class_grade/);
      await expect(systemWrite(t, 'UPDATE school_class SET grade = 12 WHERE id = $1', [cls.id])).rejects.toThrow(/ck_school_class_grade/);
    });

    it('the class teacher must be staff of this school', async () => {
      const foreign = await one('SELECT id FROM staff WHERE school_id = $1 LIMIT 1', [s2.id]);
      const own = await one('SELECT id FROM staff WHERE school_id = $1 ORDER BY surname LIMIT 1', [s1.id]);
      const bad = await post(admin, `/academic-years/${year1}/classes`, { grade: 4, letter: 'Е', classTeacherStaffId: foreign.id }).expect(422);
      expect(bad.body).toMatchObject({ code: 'class-teacher-invalid', errors: [expect.objectContaining({ field: 'classTeacherStaffId' })] });
      const missing = await post(admin, `/academic-years/${year1}/classes`, {
        grade: 4,
        letter: 'Е',
        classTeacherStaffId: '00000000-0000-4000-8000-000000000000',
      }).expect(422);
      expect(missing.body.code).toBe('class-teacher-invalid');
      const ok = await post(admin, `/academic-years/${year1}/classes`, { grade: 4, letter: 'Е', classTeacherStaffId: own.id }).expect(201);
      expect(ok.body.classTeacherStaffId).toBe(own.id);
      // an archived staff record is no class teacher
      const leaving = await post(secretary, '/staff', { surname: 'Уходящая', name: 'Анна' }).expect(201);
      await patch(secretary, `/staff/${leaving.body.id}`, { archived: true }).expect(200);
      const archived = await patch(admin, `/classes/${ok.body.id}`, { classTeacherStaffId: leaving.body.id }).expect(422);
      expect(archived.body.code).toBe('class-teacher-invalid');
      const cleared = await patch(admin, `/classes/${ok.body.id}`, { classTeacherStaffId: null }).expect(200);
      expect(cleared.body.classTeacherStaffId).toBeNull();
      await del(admin, `/classes/${ok.body.id}`).expect(204);
    });

    it("another school's class answers 404", async () => {
      const foreign = await one('SELECT id FROM school_class WHERE school_id = $1 LIMIT 1', [s2.id]);
      await get(teacher, `/classes/${foreign.id}`).expect(404);
      await patch(admin, `/classes/${foreign.id}`, { capacity: 20 }).expect(404);
      await del(admin, `/classes/${foreign.id}`).expect(404);
      await get(teacher, `/academic-years/${year2}/classes`).expect(404);
      await post(admin, `/academic-years/${year2}/classes`, { grade: 1, letter: 'Я' }).expect(404);
      const still = await one<{ capacity: number }>('SELECT capacity FROM school_class WHERE id = $1', [foreign.id]);
      expect(still.capacity).not.toBe(20);
    });

    it('a class body cannot set its school, year or name (mass assignment → 422)', async () => {
      for (const extra of [{ schoolId: s2.id }, { academicYearId: year2 }, { name: '5Я' }, { id: '00000000-0000-4000-8000-000000000000' }]) {
        const res = await post(admin, `/academic-years/${year1}/classes`, { grade: 6, letter: 'Ж', ...extra }).expect(422);
        expect(res.body.code).toBe('validation-failed');
      }
      const cls = await one('SELECT id FROM school_class WHERE school_id = $1 LIMIT 1', [s1.id]);
      await patch(admin, `/classes/${cls.id}`, { schoolId: s2.id }).expect(422);
      const n = await one<{ n: number }>(`SELECT count(*)::int AS n FROM school_class WHERE letter = 'Ж'`, []);
      expect(n.n).toBe(0);
    });

    it('class writes are in the audit trail, with the writer as actor', async () => {
      const created = await post(deputy, `/academic-years/${year1}/classes`, { grade: 7, letter: 'З' }).expect(201);
      await patch(deputy, `/classes/${created.body.id}`, { capacity: 30 }).expect(200);
      await del(deputy, `/classes/${created.body.id}`).expect(204);
      const events = await t.db.query(
        `SELECT e.action, e.school_id, u.login, e.changes FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
          WHERE e.entity = 'school_class' AND e.entity_id = $1 ORDER BY e.id`,
        [created.body.id],
      );
      expect(events.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
      for (const e of events) expect(e).toMatchObject({ school_id: s1.id, login: s1.logins.deputy });
      expect(events[1].changes.capacity).toEqual({ from: null, to: 30 });
    });

    it('only admin and deputy change classes; every staff role reads them', async () => {
      await post(teacher, `/academic-years/${year1}/classes`, { grade: 8, letter: 'И' }).expect(403);
      await post(secretary, `/academic-years/${year1}/classes`, { grade: 8, letter: 'И' }).expect(403);
      const student = await bearer(t, s1.logins.student);
      await get(student, `/academic-years/${year1}/classes`).expect(403);
    });
  });

  describe('staff', () => {
    it('staff sort in Russian alphabetical order (Ёлкин after Елисеев, before Жуков)', async () => {
      for (const surname of ['Жуков', 'Ёлкин', 'Елисеев', 'Ежов']) {
        await post(secretary, '/staff', { surname, name: 'Сортислав', patronymic: 'Проверович', positions: ['учитель физики'] }).expect(201);
      }
      const found = await listAll<{ surname: string }>(teacher, '/staff', { q: 'сортислав' });
      expect(found.map((s) => s.surname)).toEqual(['Ежов', 'Елисеев', 'Ёлкин', 'Жуков']);
      // the whole list, page by page, is in the same order as PostgreSQL's Russian collation sorts it
      const all = await listAll<{ id: string; surname: string; name: string; patronymic: string | null }>(teacher, '/staff');
      const sorted = await t.db.query(
        `SELECT id FROM staff WHERE school_id = $1 AND archived_at IS NULL
          ORDER BY surname COLLATE "ru-RU-x-icu", name COLLATE "ru-RU-x-icu", coalesce(patronymic, '') COLLATE "ru-RU-x-icu", id`,
        [s1.id],
      );
      expect(all.map((s) => s.id)).toEqual(sorted.map((r: { id: string }) => r.id));
      expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    });

    it('archived staff leave the list unless asked for', async () => {
      const s = await post(secretary, '/staff', { surname: 'Архивная', name: 'Ольга', patronymic: null }).expect(201);
      expect(s.body).toMatchObject({ surname: 'Архивная', name: 'Ольга', patronymic: null, positions: [], userId: null, archivedAt: null });
      await patch(admin, `/staff/${s.body.id}`, { archived: true }).expect(200);
      expect((await get(teacher, '/staff', { q: 'Архивная' }).expect(200)).body.items).toEqual([]);
      const withArchived = await get(teacher, '/staff', { q: 'Архивная', includeArchived: 'true' }).expect(200);
      expect(withArchived.body.items).toEqual([expect.objectContaining({ id: s.body.id, archivedAt: expect.any(String) })]);
    });

    it('an account linked to a staff record must be of the same school and linked once', async () => {
      const foreignUser = await one('SELECT id FROM app_user WHERE school_id = $1 LIMIT 1', [s2.id]);
      const res = await post(secretary, '/staff', { surname: 'Чужая', name: 'Учётка', userId: foreignUser.id }).expect(422);
      expect(res.body).toMatchObject({ code: 'user-not-in-school', errors: [expect.objectContaining({ field: 'userId' })] });
      // the teacher's account is linked to its seeded record already
      const teacherUser = await one('SELECT id FROM app_user WHERE login = $1', [s1.logins.teacher]);
      const linked = await one('SELECT id FROM staff WHERE user_id = $1', [teacherUser.id]);
      const twice = await post(secretary, '/staff', { surname: 'Двойник', name: 'Учитель', userId: teacherUser.id }).expect(409);
      expect(twice.body.code).toBe('user-already-linked');
      // a record made before its account, linked later, then unlinked
      const parentUser = await one('SELECT id FROM app_user WHERE login = $1', [s1.logins.parent]);
      const early = await post(secretary, '/staff', { surname: 'Ранняя', name: 'Запись' }).expect(201);
      expect(early.body.userId).toBeNull();
      const onto = await patch(secretary, `/staff/${early.body.id}`, { userId: teacherUser.id }).expect(409);
      expect(onto.body.code).toBe('user-already-linked');
      const link = await patch(secretary, `/staff/${early.body.id}`, { userId: parentUser.id }).expect(200);
      expect(link.body.userId).toBe(parentUser.id);
      // re-sending the same link changes nothing
      await patch(secretary, `/staff/${early.body.id}`, { userId: parentUser.id }).expect(200);
      const unlink = await patch(admin, `/staff/${early.body.id}`, { userId: null }).expect(200);
      expect(unlink.body.userId).toBeNull();
      // the teacher's own record kept its link
      expect((await one<{ user_id: string }>('SELECT user_id FROM staff WHERE id = $1', [linked.id])).user_id).toBe(teacherUser.id);
      await patch(secretary, `/staff/${linked.id}`, { userId: foreignUser.id }).expect(422);
    });

    it('reading a staff card is recorded as a personal-data read', async () => {
      const s = await one('SELECT id FROM staff WHERE school_id = $1 ORDER BY surname LIMIT 1', [s1.id]);
      const card = await get(teacher, `/staff/${s.id}`).expect(200);
      expect(card.body.id).toBe(s.id);
      await get(admin, `/staff/${s.id}`).expect(200);
      const reads = await t.db.query(
        `SELECT u.login AS reader, e.entity, e.entity_id, e.school_id FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
          WHERE e.action = 'personal-data-read' AND e.subject_person_id = $1 ORDER BY e.id`,
        [s.id],
      );
      expect(reads).toEqual([
        { reader: s1.logins.teacher, entity: 'staff', entity_id: s.id, school_id: s1.id },
        { reader: s1.logins.admin, entity: 'staff', entity_id: s.id, school_id: s1.id },
      ]);
      // lists are not card reads
      await get(teacher, '/staff').expect(200);
      const after = await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'personal-data-read' AND subject_person_id = $1`, [s.id]);
      expect(after.n).toBe(2);
    });

    it("another school's staff record answers 404", async () => {
      const foreign = await one('SELECT id FROM staff WHERE school_id = $1 LIMIT 1', [s2.id]);
      await get(teacher, `/staff/${foreign.id}`).expect(404);
      await patch(admin, `/staff/${foreign.id}`, { name: 'Чужой' }).expect(404);
      expect((await get(admin, '/staff', { q: 'Чужой' }).expect(200)).body.items).toEqual([]);
    });

    it('a staff body cannot set its school or archive time (mass assignment → 422)', async () => {
      for (const extra of [{ schoolId: s2.id }, { archivedAt: '2026-01-01T00:00:00Z' }, { id: '00000000-0000-4000-8000-000000000000' }]) {
        const res = await post(secretary, '/staff', { surname: 'Массовая', name: 'Проба', ...extra }).expect(422);
        expect(res.body.code).toBe('validation-failed');
      }
      const s = await one('SELECT id FROM staff WHERE school_id = $1 LIMIT 1', [s1.id]);
      await patch(admin, `/staff/${s.id}`, { schoolId: s2.id }).expect(422);
      expect((await one<{ n: number }>(`SELECT count(*)::int AS n FROM staff WHERE surname = 'Массовая'`, [])).n).toBe(0);
      for (const body of [{ surname: '   ' }, { name: '' }, { positions: 'учитель' }, { userId: 'не uuid' }]) {
        await post(secretary, '/staff', { surname: 'Пустая', name: 'Проба', ...body }).expect(422);
      }
    });

    it('staff writes are in the audit trail with the staff record as the subject person', async () => {
      const created = await post(secretary, '/staff', { surname: '  Аудитова ', name: 'Вера', positions: ['учитель музыки', ' учитель музыки '] }).expect(201);
      expect(created.body).toMatchObject({ surname: 'Аудитова', positions: ['учитель музыки'] });
      await patch(admin, `/staff/${created.body.id}`, { positions: ['учитель музыки', 'педагог-организатор'] }).expect(200);
      const events = await t.db.query(
        `SELECT e.action, e.entity, e.school_id, u.login, e.changes FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
          WHERE e.subject_person_id = $1 AND e.action IN ('create', 'update') ORDER BY e.id`,
        [created.body.id],
      );
      expect(events).toEqual([
        expect.objectContaining({ action: 'create', entity: 'staff', school_id: s1.id, login: s1.logins.secretary }),
        expect.objectContaining({ action: 'update', entity: 'staff', school_id: s1.id, login: s1.logins.admin }),
      ]);
      expect(events[0].changes).toMatchObject({ surname: 'Аудитова', name: 'Вера' });
    });

    it('only admin and secretary change staff records; every staff role reads them', async () => {
      await post(teacher, '/staff', { surname: 'Нельзя', name: 'Учителю' }).expect(403);
      await post(deputy, '/staff', { surname: 'Нельзя', name: 'Завучу' }).expect(403);
      const parent = await bearer(t, s1.logins.parent);
      await get(parent, '/staff').expect(403);
      await get(deputy, '/staff').expect(200);
    });
  });
});

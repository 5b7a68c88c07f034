import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

/** Teaching assignments (R-CON-5) and the class reach they give a teacher (R-ACC-3). */
describe('teaching assignments and class reach (contingent)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let admin: string;
  let deputy: string;
  let secretary: string;
  let teacher: string;
  let year1: string;
  let english: string;
  let maths: string;
  let teacherStaff: string;
  let otherStaff: string;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);
  const del = (auth: string, path: string) => t.http.delete(`${API}${path}`).set('authorization', auth);
  const one = async <T = { id: string }>(sql: string, params: unknown[]): Promise<T> => ((await t.db.query(sql, params)) as T[])[0];

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

  /** A class of this suite's own (grade 7, a letter the seed does not use). */
  async function newClass(letter: string, body: object = {}): Promise<string> {
    return (await post(admin, `/academic-years/${year1}/classes`, { grade: 7, letter, ...body }).expect(201)).body.id;
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
    english = (await one("SELECT id FROM subject WHERE school_id = $1 AND code = 'english'", [s1.id])).id;
    maths = (await one("SELECT id FROM subject WHERE school_id = $1 AND code = 'math'", [s1.id])).id;
    teacherStaff = (await one('SELECT st.id FROM staff st JOIN app_user u ON u.id = st.user_id WHERE u.login = $1', [s1.logins.teacher])).id;
    otherStaff = (await post(admin, '/staff', { surname: 'Англичанская', name: 'Вера', patronymic: 'Ивановна' }).expect(201)).body.id;
  }, 60_000);
  afterAll(() => t.close());

  it('two teachers teach one class’s English in two subgroups', async () => {
    const cls = await newClass('Ф');
    const g1 = (await post(admin, `/classes/${cls}/subgroups`, { subjectId: english, name: '1 группа' }).expect(201)).body.id;
    const g2 = (await post(admin, `/classes/${cls}/subgroups`, { subjectId: english, name: '2 группа' }).expect(201)).body.id;
    const a1 = await post(deputy, `/academic-years/${year1}/teaching-assignments`, {
      staffId: teacherStaff,
      subjectId: english,
      classId: cls,
      subgroupId: g1,
      hoursPerWeek: 3,
    }).expect(201);
    await post(deputy, `/academic-years/${year1}/teaching-assignments`, {
      staffId: otherStaff,
      subjectId: english,
      classId: cls,
      subgroupId: g2,
      hoursPerWeek: 3,
    }).expect(201);
    // and maths to the whole class
    await post(admin, `/academic-years/${year1}/teaching-assignments`, { staffId: otherStaff, subjectId: maths, classId: cls, hoursPerWeek: 4.5 }).expect(201);
    expect(a1.body).toMatchObject({ academicYearId: year1, className: '7Ф', subjectName: 'Английский язык', subgroupName: '1 группа', hoursPerWeek: 3 });
    const english7 = await listAll<{ teacherName: string; subgroupName: string | null }>(teacher, `/academic-years/${year1}/teaching-assignments`, {
      classId: cls,
      subjectId: english,
    });
    expect(english7.map((a) => [a.subgroupName, a.teacherName])).toEqual([
      ['1 группа', expect.any(String)],
      ['2 группа', 'Англичанская Вера Ивановна'],
    ]);
    const all7 = await listAll<{ subjectName: string; subgroupName: string | null; hoursPerWeek: number }>(
      secretary,
      `/academic-years/${year1}/teaching-assignments`,
      { classId: cls },
    );
    expect(all7.map((a) => `${a.subjectName}/${a.subgroupName ?? '—'}/${a.hoursPerWeek}`)).toEqual([
      'Английский язык/1 группа/3',
      'Английский язык/2 группа/3',
      'Математика/—/4.5',
    ]);
    const byStaff = await listAll<{ classId: string }>(admin, `/academic-years/${year1}/teaching-assignments`, { staffId: otherStaff });
    expect(byStaff.filter((a) => a.classId === cls)).toHaveLength(2);
    // the same teacher, subject, class and subgroup twice: 409; a whole-class duplicate too (NULLS NOT DISTINCT)
    const dup = await post(admin, `/academic-years/${year1}/teaching-assignments`, {
      staffId: teacherStaff,
      subjectId: english,
      classId: cls,
      subgroupId: g1,
      hoursPerWeek: 1,
    }).expect(409);
    expect(dup.body.code).toBe('assignment-exists');
    const dupWhole = await post(admin, `/academic-years/${year1}/teaching-assignments`, { staffId: otherStaff, subjectId: maths, classId: cls, hoursPerWeek: 1 }).expect(409);
    expect(dupWhole.body.code).toBe('assignment-exists');
    // one card, a change, a removal
    await get(teacher, `/teaching-assignments/${a1.body.id}`).expect(200);
    const changed = await patch(admin, `/teaching-assignments/${a1.body.id}`, { hoursPerWeek: 2 }).expect(200);
    expect(changed.body).toMatchObject({ hoursPerWeek: 2, subgroupId: g1 });
    // onto the other subgroup where the other teacher is: allowed (two teachers may share a group); onto a duplicate: 409
    const onto = await patch(admin, `/teaching-assignments/${a1.body.id}`, { staffId: otherStaff }).expect(200);
    expect(onto.body.staffId).toBe(otherStaff);
    expect((await patch(admin, `/teaching-assignments/${a1.body.id}`, { subgroupId: g2 }).expect(409)).body.code).toBe('assignment-exists');
    const whole = await patch(admin, `/teaching-assignments/${a1.body.id}`, { subgroupId: null, staffId: teacherStaff }).expect(200);
    expect(whole.body).toMatchObject({ subgroupId: null, subgroupName: null });
    await del(deputy, `/teaching-assignments/${a1.body.id}`).expect(204);
    await get(admin, `/teaching-assignments/${a1.body.id}`).expect(404);
  });

  it('an assignment names a class of the year, a subgroup of that class and subject, active staff and an active subject', async () => {
    const cls = await newClass('Х');
    const otherCls = await newClass('Ц');
    const gOther = (await post(admin, `/classes/${otherCls}/subgroups`, { subjectId: english, name: '1 группа' }).expect(201)).body.id;
    const gMaths = (await post(admin, `/classes/${cls}/subgroups`, { subjectId: maths, name: '1 группа' }).expect(201)).body.id;
    const body = { staffId: teacherStaff, subjectId: english, classId: cls, hoursPerWeek: 2 };
    const path = `/academic-years/${year1}/teaching-assignments`;
    const refused = async (patchBody: object, code: string, field: string) => {
      const res = await post(admin, path, { ...body, ...patchBody }).expect(422);
      expect(res.body).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
    };
    await refused({ subgroupId: gOther }, 'subgroup-invalid', 'subgroupId');
    await refused({ subgroupId: gMaths }, 'subgroup-invalid', 'subgroupId');
    const foreignClass = await one('SELECT id FROM school_class WHERE school_id = $1 LIMIT 1', [s2.id]);
    await refused({ classId: foreignClass.id }, 'class-invalid', 'classId');
    const nextYear = await post(admin, '/academic-years', { name: '2031/2032', startsOn: '2031-09-01', endsOn: '2032-05-31' }).expect(201);
    const nextCls = (await post(admin, `/academic-years/${nextYear.body.id}/classes`, { grade: 7, letter: 'Х' }).expect(201)).body.id;
    await refused({ classId: nextCls }, 'class-invalid', 'classId');
    const foreignStaff = await one('SELECT id FROM staff WHERE school_id = $1 LIMIT 1', [s2.id]);
    await refused({ staffId: foreignStaff.id }, 'staff-invalid', 'staffId');
    const leaving = (await post(admin, '/staff', { surname: 'Уволенная', name: 'Ольга' }).expect(201)).body.id;
    await patch(admin, `/staff/${leaving}`, { archived: true }).expect(200);
    await refused({ staffId: leaving }, 'staff-invalid', 'staffId');
    const archived = (await post(admin, '/subjects', { code: 'ta_archived', name: 'Снятый предмет', shortName: 'Сн.' }).expect(201)).body.id;
    await post(admin, `/subjects/${archived}/archive`, {}).expect(200);
    await refused({ subjectId: archived }, 'subject-invalid', 'subjectId');
    for (const hoursPerWeek of [0, -1, 41, 1.25, '2']) await post(admin, path, { ...body, hoursPerWeek }).expect(422);
    // nothing was written
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM teaching_assignment WHERE class_id = $1', [cls])).n).toBe(0);
    // another school's year answers 404; so does its assignment
    const year2 = await one('SELECT id FROM academic_year WHERE school_id = $1', [s2.id]);
    await get(admin, `/academic-years/${year2.id}/teaching-assignments`).expect(404);
    await post(admin, `/academic-years/${year2.id}/teaching-assignments`, body).expect(404);
    const mine = await post(admin, path, body).expect(201);
    const admin2 = await bearer(t, s2.logins.admin);
    await get(admin2, `/teaching-assignments/${mine.body.id}`).expect(404);
    await patch(admin2, `/teaching-assignments/${mine.body.id}`, { hoursPerWeek: 1 }).expect(404);
    await del(admin2, `/teaching-assignments/${mine.body.id}`).expect(404);
    // teachers read, but do not plan
    await post(teacher, path, body).expect(403);
    await patch(teacher, `/teaching-assignments/${mine.body.id}`, { hoursPerWeek: 1 }).expect(403);
  });

  it('a teacher reading a class they do not teach gets 404', async () => {
    const taught = await newClass('Ч');
    const notTaught = await newClass('Ш');
    const led = await newClass('Щ', { classTeacherStaffId: teacherStaff });
    // before the assignment the class is out of reach
    await get(teacher, `/classes/${taught}`).expect(404);
    await post(admin, `/academic-years/${year1}/teaching-assignments`, { staffId: teacherStaff, subjectId: maths, classId: taught, hoursPerWeek: 5 }).expect(201);
    await get(teacher, `/classes/${taught}`).expect(200);
    const res = await get(teacher, `/classes/${notTaught}`).expect(404);
    expect(res.body.code).toBe('not-found');
    await get(teacher, `/classes/${led}`).expect(200);
    // the seeded class (if any) whose class teacher the teacher is
    const seeded = (await t.db.query(
      `SELECT c.id FROM school_class c JOIN staff st ON st.id = c.class_teacher_staff_id JOIN app_user u ON u.id = st.user_id
        WHERE u.login = $1`,
      [s1.logins.teacher],
    )) as Array<{ id: string }>;
    for (const c of seeded) await get(teacher, `/classes/${c.id}`).expect(200);
    // the year's list shows exactly the teacher's classes: class teacher of, or assigned in
    const reach = (await t.db.query(
      `SELECT c.id FROM school_class c WHERE c.academic_year_id = $1 AND (c.class_teacher_staff_id = $2
          OR EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.class_id = c.id AND a.staff_id = $2))`,
      [year1, teacherStaff],
    )) as Array<{ id: string }>;
    const listed = await listAll<{ id: string }>(teacher, `/academic-years/${year1}/classes`);
    expect(listed.map((c) => c.id).sort()).toEqual(reach.map((c) => c.id).sort());
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([taught, led]));
    expect(listed.map((c) => c.id)).not.toContain(notTaught);
    // school-wide roles see every class
    for (const auth of [secretary, deputy]) {
      await get(auth, `/classes/${notTaught}`).expect(200);
      const all = await get(auth, `/academic-years/${year1}/classes`, { limit: 500 }).expect(200);
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([taught, notTaught, led]));
    }
  });

  it('a class that enrolments, subgroups or assignments refer to cannot be removed', async () => {
    const withAssignment = await newClass('Ъ');
    await post(admin, `/academic-years/${year1}/teaching-assignments`, { staffId: otherStaff, subjectId: maths, classId: withAssignment, hoursPerWeek: 5 }).expect(201);
    expect((await del(admin, `/classes/${withAssignment}`).expect(409)).body.code).toBe('class-in-use');
    const withSubgroup = await newClass('Ы');
    await post(admin, `/classes/${withSubgroup}/subgroups`, { subjectId: english, name: '1 группа' }).expect(201);
    expect((await del(deputy, `/classes/${withSubgroup}`).expect(409)).body.code).toBe('class-in-use');
    const withStudent = await newClass('Ь');
    const [s] = (await systemWrite(
      t,
      `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number)
       VALUES ($1, 'Классная', 'Ученица', '2013-01-01', 'f', 'TA-1') RETURNING id`,
      [s1.id],
    )) as Array<{ id: string }>;
    await systemWrite(t, "INSERT INTO enrollment (school_id, student_id, class_id, starts_on, ends_on) VALUES ($1, $2, $3, '2026-09-01', '2026-09-05')", [
      s1.id,
      s.id,
      withStudent,
    ]);
    expect((await del(admin, `/classes/${withStudent}`).expect(409)).body.code).toBe('class-in-use');
    const free = await newClass('Э');
    await del(admin, `/classes/${free}`).expect(204);
  });
});

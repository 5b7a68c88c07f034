import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

/**
 * Subgroups of a class per subject and their dated membership (R-CON-4, §4.4.2). The fixtures are this suite's own
 * classes, students and enrolments, so the suite does not depend on what the seed generates.
 */
describe('subgroups (contingent)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let admin: string;
  let deputy: string;
  let teacher: string;
  let year1: string;
  let english: string;
  let informatics: string;
  let teacherStaff: string;
  let fileNo = 0;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);
  const del = (auth: string, path: string, query: Record<string, string> = {}) =>
    t.http.delete(`${API}${path}`).query(query).set('authorization', auth);
  const one = async <T = { id: string }>(sql: string, params: unknown[]): Promise<T> => ((await t.db.query(sql, params)) as T[])[0];

  /** A class of this suite's own (grade 6, a letter the seed does not use). */
  async function newClass(letter: string, body: object = {}): Promise<string> {
    return (await post(admin, `/academic-years/${year1}/classes`, { grade: 6, letter, ...body }).expect(201)).body.id;
  }

  /** A student enrolled in the class from `from` (until `until`, exclusive, if given). */
  async function student(surname: string, classId: string, from = '2026-09-01', until: string | null = null): Promise<string> {
    fileNo += 1;
    const [s] = (await systemWrite(
      t,
      `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number)
       VALUES ($1, $2, 'Тест', '2014-03-01', 'f', $3) RETURNING id`,
      [s1.id, surname, `SG-${fileNo}`],
    )) as Array<{ id: string }>;
    await systemWrite(t, 'INSERT INTO enrollment (school_id, student_id, class_id, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)', [
      s1.id,
      s.id,
      classId,
      from,
      until,
    ]);
    return s.id;
  }

  async function subgroup(classId: string, name: string, subjectId = english): Promise<string> {
    return (await post(admin, `/classes/${classId}/subgroups`, { subjectId, name }).expect(201)).body.id;
  }

  const memberIds = async (subgroupId: string, on: string): Promise<string[]> =>
    (await get(admin, `/subgroups/${subgroupId}`, { on }).expect(200)).body.members.map((x: { studentId: string }) => x.studentId);

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    teacher = await bearer(t, s1.logins.teacher);
    year1 = (await one('SELECT id FROM academic_year WHERE school_id = $1', [s1.id])).id;
    english = (await one("SELECT id FROM subject WHERE school_id = $1 AND code = 'english'", [s1.id])).id;
    informatics = (await one("SELECT id FROM subject WHERE school_id = $1 AND code = 'informatics'", [s1.id])).id;
    teacherStaff = (await one('SELECT st.id FROM staff st JOIN app_user u ON u.id = st.user_id WHERE u.login = $1', [s1.logins.teacher])).id;
  }, 60_000);
  afterAll(() => t.close());

  it('a class has subgroups per subject, names unique per class and subject, of an active subject only', async () => {
    const cls = await newClass('Ф');
    const g1 = await post(deputy, `/classes/${cls}/subgroups`, { subjectId: english, name: '  1   группа ' }).expect(201);
    expect(g1.body).toMatchObject({ classId: cls, subjectId: english, subjectName: 'Английский язык', name: '1 группа', memberCount: 0 });
    const dup = await post(admin, `/classes/${cls}/subgroups`, { subjectId: english, name: '1 группа' }).expect(409);
    expect(dup.body.code).toBe('subgroup-exists');
    // the same name for another subject is another subgroup
    await post(admin, `/classes/${cls}/subgroups`, { subjectId: informatics, name: '1 группа' }).expect(201);
    await post(admin, `/classes/${cls}/subgroups`, { subjectId: english, name: '2 группа' }).expect(201);
    // another school's subject, an unknown one, an archived one: 422
    const foreign = await one("SELECT id FROM subject WHERE school_id = $1 AND code = 'english'", [s2.id]);
    for (const subjectId of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const bad = await post(admin, `/classes/${cls}/subgroups`, { subjectId, name: '3 группа' }).expect(422);
      expect(bad.body).toMatchObject({ code: 'subject-invalid', errors: [expect.objectContaining({ field: 'subjectId' })] });
    }
    const archived = await post(admin, '/subjects', { code: 'sg_archived', name: 'Архивный предмет', shortName: 'Арх.' }).expect(201);
    await post(admin, `/subjects/${archived.body.id}/archive`, {}).expect(200);
    expect((await post(admin, `/classes/${cls}/subgroups`, { subjectId: archived.body.id, name: '1 группа' }).expect(422)).body.code).toBe(
      'subject-invalid',
    );
    // the list, by subject then name; filtered by subject
    const all = (await get(admin, `/classes/${cls}/subgroups`).expect(200)).body as Array<{ subjectName: string; name: string }>;
    expect(all.map((g) => `${g.subjectName}: ${g.name}`)).toEqual(['Английский язык: 1 группа', 'Английский язык: 2 группа', 'Информатика: 1 группа']);
    const onlyEnglish = (await get(admin, `/classes/${cls}/subgroups`, { subjectId: english }).expect(200)).body as unknown[];
    expect(onlyEnglish).toHaveLength(2);
    // rename; renaming onto a sibling is refused
    const renamed = await patch(admin, `/subgroups/${g1.body.id}`, { name: 'Группа Смирновой' }).expect(200);
    expect(renamed.body.name).toBe('Группа Смирновой');
    expect((await patch(admin, `/subgroups/${g1.body.id}`, { name: '2 группа' }).expect(409)).body.code).toBe('subgroup-exists');
    // another school's class and subgroup answer 404
    const foreignClass = await one('SELECT id FROM school_class WHERE school_id = $1 LIMIT 1', [s2.id]);
    await get(admin, `/classes/${foreignClass.id}/subgroups`).expect(404);
    await post(admin, `/classes/${foreignClass.id}/subgroups`, { subjectId: english, name: 'Чужая' }).expect(404);
    const admin2 = await bearer(t, s2.logins.admin);
    await get(admin2, `/subgroups/${g1.body.id}`).expect(404);
    await patch(admin2, `/subgroups/${g1.body.id}`, { name: 'Чужая' }).expect(404);
  });

  it('students of the class join from a date; members are listed per day with today’s count', async () => {
    const cls = await newClass('Х');
    const g = await subgroup(cls, '1 группа');
    const a = await student('Яковлева', cls);
    const b = await student('Абрамова', cls);
    const res = await post(admin, `/subgroups/${g}/members`, { studentIds: [a, b], date: '2026-09-01' }).expect(200);
    expect(res.body.on).toBe('2026-09-01');
    expect(res.body.members.map((x: { surname: string }) => x.surname)).toEqual(['Абрамова', 'Яковлева']);
    expect(res.body.members[0]).toMatchObject({ studentId: b, startsOn: '2026-09-01', endsOn: null });
    expect(await memberIds(g, '2026-08-31')).toEqual([]);
    const today = (await one<{ d: string }>('SELECT ((now() AT TIME ZONE time_zone)::date)::text AS d FROM school WHERE id = $1', [s1.id])).d;
    const detail = await get(admin, `/subgroups/${g}`).expect(200);
    expect(detail.body.on).toBe(today);
    const listed = (await get(admin, `/classes/${cls}/subgroups`).expect(200)).body as Array<{ id: string; memberCount: number }>;
    expect(listed.find((x) => x.id === g)?.memberCount).toBe(today >= '2026-09-01' ? 2 : 0);
  });

  it('only students enrolled in the subgroup’s class on that day join, all or none', async () => {
    const cls = await newClass('Ц');
    const other = await newClass('Ч');
    const g = await subgroup(cls, '1 группа');
    const ok = await student('Борисова', cls);
    const elsewhere = await student('Васильева', other);
    const later = await student('Григорьева', cls, '2026-10-01');
    const left = await student('Дмитриева', cls, '2026-09-01', '2026-09-10');
    const bad = await post(admin, `/subgroups/${g}/members`, { studentIds: [ok, elsewhere, later, left], date: '2026-09-15' }).expect(422);
    expect(bad.body.code).toBe('student-not-in-class');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['studentIds[1]', 'studentIds[2]', 'studentIds[3]']);
    expect(bad.body.errors[0].message).toContain(elsewhere);
    expect(await memberIds(g, '2026-09-15')).toEqual([]);
    // another school's student is not enrolled here either
    const foreign = await one('SELECT id FROM student WHERE school_id = $1 LIMIT 1', [s2.id]).catch(() => undefined);
    if (foreign) await post(admin, `/subgroups/${g}/members`, { studentIds: [foreign.id], date: '2026-09-15' }).expect(422);
    // malformed input is refused before anything is read
    for (const body of [{ studentIds: [], date: '2026-09-15' }, { studentIds: [ok, ok], date: '2026-09-15' }, { studentIds: [ok], date: '2026-02-30' }]) {
      await post(admin, `/subgroups/${g}/members`, body).expect(422);
    }
  });

  it('a student cannot be in two English subgroups at once', async () => {
    const cls = await newClass('Ш');
    const g1 = await subgroup(cls, '1 группа');
    const g2 = await subgroup(cls, '2 группа');
    const inf = await subgroup(cls, '1 группа', informatics);
    const a = await student('Егорова', cls);
    const b = await student('Жукова', cls);
    await post(admin, `/subgroups/${g1}/members`, { studentIds: [a], date: '2026-09-01' }).expect(200);
    const twice = await post(admin, `/subgroups/${g2}/members`, { studentIds: [b, a], date: '2026-09-20' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'already-in-subgroup', studentIds: [a] });
    // all or nothing: b was not added either
    expect(await memberIds(g2, '2026-09-20')).toEqual([]);
    // the same group again is refused too
    expect((await post(admin, `/subgroups/${g1}/members`, { studentIds: [a], date: '2026-10-01' }).expect(409)).body.code).toBe(
      'already-in-subgroup',
    );
    // a membership that ends later still blocks a start before its end
    await del(admin, `/subgroups/${g1}/members/${a}`, { date: '2026-11-01' }).expect(204);
    await post(admin, `/subgroups/${g2}/members`, { studentIds: [a], date: '2026-10-15' }).expect(409);
    // from its end on, the student may join the other group
    await post(admin, `/subgroups/${g2}/members`, { studentIds: [a, b], date: '2026-11-01' }).expect(200);
    // another subject's subgroup is independent
    await post(admin, `/subgroups/${inf}/members`, { studentIds: [a], date: '2026-09-01' }).expect(200);
    const both = (await t.db.query(
      `SELECT g.name, sj.code FROM subgroup_member m JOIN subgroup g ON g.id = m.subgroup_id JOIN subject sj ON sj.id = g.subject_id
        WHERE m.student_id = $1 AND m.starts_on <= '2026-11-15' AND (m.ends_on IS NULL OR m.ends_on > '2026-11-15') ORDER BY sj.code`,
      [a],
    )) as Array<{ name: string; code: string }>;
    expect(both).toEqual([
      { name: '2 группа', code: 'english' },
      { name: '1 группа', code: 'informatics' },
    ]);
  });

  it('moving a student between subgroups is recorded and keeps the history', async () => {
    const cls = await newClass('Щ');
    const g1 = await subgroup(cls, '1 группа');
    const g2 = await subgroup(cls, '2 группа');
    const inf = await subgroup(cls, '1 группа', informatics);
    const a = await student('Зайцева', cls);
    await post(admin, `/subgroups/${g1}/members`, { studentIds: [a], date: '2026-09-01' }).expect(200);
    // a target of another subject, the same group, another class: 422; a date before the membership: 422
    for (const toSubgroupId of [inf, g1, '00000000-0000-4000-8000-000000000000']) {
      const bad = await post(admin, `/subgroups/${g1}/members/${a}/move`, { toSubgroupId, date: '2026-10-01' }).expect(422);
      expect(bad.body).toMatchObject({ code: 'subgroup-invalid', errors: [expect.objectContaining({ field: 'toSubgroupId' })] });
    }
    const early = await post(admin, `/subgroups/${g1}/members/${a}/move`, { toSubgroupId: g2, date: '2026-08-20' }).expect(422);
    expect(early.body.code).toBe('student-not-in-class'); // not in the class yet on that day
    // only the admin moves (§4.4.2): the class teacher may not
    await patch(admin, `/classes/${cls}`, { classTeacherStaffId: teacherStaff }).expect(200);
    await post(teacher, `/subgroups/${g1}/members/${a}/move`, { toSubgroupId: g2, date: '2026-10-01' }).expect(403);
    const before = (await one<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE entity = 'subgroup_member' AND subject_person_id = $1", [a])).n;
    const moved = await post(admin, `/subgroups/${g1}/members/${a}/move`, { toSubgroupId: g2, date: '2026-10-01' }).expect(200);
    expect(moved.body).toMatchObject({
      fromSubgroupId: g1,
      toSubgroupId: g2,
      closed: { studentId: a, startsOn: '2026-09-01', endsOn: '2026-10-01' },
      opened: { studentId: a, startsOn: '2026-10-01', endsOn: null },
    });
    // who was in which group on a day stays answerable
    expect(await memberIds(g1, '2026-09-30')).toEqual([a]);
    expect(await memberIds(g1, '2026-10-01')).toEqual([]);
    expect(await memberIds(g2, '2026-09-30')).toEqual([]);
    expect(await memberIds(g2, '2026-10-01')).toEqual([a]);
    const rows = await t.db.query('SELECT subgroup_id, starts_on::text, ends_on::text FROM subgroup_member WHERE student_id = $1 ORDER BY starts_on', [a]);
    expect(rows).toEqual([
      { subgroup_id: g1, starts_on: '2026-09-01', ends_on: '2026-10-01' },
      { subgroup_id: g2, starts_on: '2026-10-01', ends_on: null },
    ]);
    // recorded: the close and the open, by the admin, with the student as the subject of the record
    const events = (await t.db.query(
      `SELECT e.action, u.login FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.entity = 'subgroup_member' AND e.subject_person_id = $1 ORDER BY e.id OFFSET $2`,
      [a, before],
    )) as Array<{ action: string; login: string }>;
    expect(events).toEqual([
      { action: 'update', login: s1.logins.admin },
      { action: 'create', login: s1.logins.admin },
    ]);
    // moving back before the new membership began would rewrite history
    const back = await post(admin, `/subgroups/${g2}/members/${a}/move`, { toSubgroupId: g1, date: '2026-09-15' }).expect(422);
    expect(back.body.code).toBe('date-before-membership');
    // a student with no open membership here is not found
    await post(admin, `/subgroups/${g1}/members/${a}/move`, { toSubgroupId: g2, date: '2026-11-01' }).expect(404);
  });

  it('ending a membership closes the open row; a same-day mistake is removed; an earlier date is refused', async () => {
    const cls = await newClass('Э');
    const g = await subgroup(cls, '1 группа');
    const a = await student('Ивлева', cls);
    const b = await student('Климова', cls);
    await post(admin, `/subgroups/${g}/members`, { studentIds: [a, b], date: '2026-09-01' }).expect(200);
    const early = await del(admin, `/subgroups/${g}/members/${a}`, { date: '2026-08-31' }).expect(422);
    expect(early.body.code).toBe('date-before-membership');
    await del(admin, `/subgroups/${g}/members/${a}`, { date: '2026-10-01' }).expect(204);
    expect(await memberIds(g, '2026-09-30')).toEqual([a, b]); // Ивлева, Климова
    expect(await memberIds(g, '2026-10-01')).toEqual([b]);
    // the closed row is history: ending it again finds no open membership
    await del(admin, `/subgroups/${g}/members/${a}`, { date: '2026-10-05' }).expect(404);
    // added by mistake and ended the same day: the empty membership is removed
    await post(admin, `/subgroups/${g}/members`, { studentIds: [a], date: '2026-11-02' }).expect(200);
    await del(admin, `/subgroups/${g}/members/${a}`, { date: '2026-11-02' }).expect(204);
    expect(await t.db.query('SELECT starts_on::text, ends_on::text FROM subgroup_member WHERE student_id = $1', [a])).toEqual([
      { starts_on: '2026-09-01', ends_on: '2026-10-01' },
    ]);
    await del(admin, `/subgroups/${g}/members/${b}`, {}).expect(422); // the date is required
  });

  it('the class teacher divides their own class; another teacher may not', async () => {
    const mine = await newClass('Ю', { classTeacherStaffId: teacherStaff });
    const taught = await newClass('Я');
    const a = await student('Лебедева', mine);
    const b = await student('Морозова', taught);
    const gMine = await post(teacher, `/classes/${mine}/subgroups`, { subjectId: english, name: '1 группа' }).expect(201);
    await post(teacher, `/subgroups/${gMine.body.id}/members`, { studentIds: [a], date: '2026-09-01' }).expect(200);
    await del(teacher, `/subgroups/${gMine.body.id}/members/${a}`, { date: '2026-10-01' }).expect(204);
    // a class the teacher does not reach: 404
    const gTaught = await subgroup(taught, '1 группа');
    await get(teacher, `/classes/${taught}/subgroups`).expect(404);
    await get(teacher, `/subgroups/${gTaught}`).expect(404);
    await post(teacher, `/subgroups/${gTaught}/members`, { studentIds: [b], date: '2026-09-01' }).expect(404);
    // teaching there (an assignment) lets them read it, but dividing it is the class teacher's: 403
    await post(admin, `/academic-years/${year1}/teaching-assignments`, {
      staffId: teacherStaff,
      subjectId: english,
      classId: taught,
      subgroupId: gTaught,
      hoursPerWeek: 3,
    }).expect(201);
    await get(teacher, `/classes/${taught}/subgroups`).expect(200);
    await post(admin, `/subgroups/${gTaught}/members`, { studentIds: [b], date: '2026-09-01' }).expect(200);
    expect((await get(teacher, `/subgroups/${gTaught}`, { on: '2026-09-15' }).expect(200)).body.members).toHaveLength(1);
    const refused = await post(teacher, `/subgroups/${gTaught}/members`, { studentIds: [b], date: '2026-09-01' }).expect(403);
    expect(refused.body.code).toBe('not-class-teacher');
    expect((await post(teacher, `/classes/${taught}/subgroups`, { subjectId: english, name: '2 группа' }).expect(403)).body.code).toBe(
      'not-class-teacher',
    );
  });

  it('a subgroup with members or assignments, now or in the past, cannot be removed', async () => {
    const cls = await newClass('Ё');
    const used = await subgroup(cls, '1 группа');
    const assigned = await subgroup(cls, '2 группа');
    const empty = await subgroup(cls, '3 группа');
    const a = await student('Новикова', cls);
    await post(admin, `/subgroups/${used}/members`, { studentIds: [a], date: '2026-09-01' }).expect(200);
    await del(admin, `/subgroups/${used}/members/${a}`, { date: '2026-09-10' }).expect(204);
    expect((await del(admin, `/subgroups/${used}`).expect(409)).body.code).toBe('subgroup-in-use');
    await post(admin, `/academic-years/${year1}/teaching-assignments`, {
      staffId: teacherStaff,
      subjectId: english,
      classId: cls,
      subgroupId: assigned,
      hoursPerWeek: 2,
    }).expect(201);
    expect((await del(deputy, `/subgroups/${assigned}`).expect(409)).body.code).toBe('subgroup-in-use');
    await del(deputy, `/subgroups/${empty}`).expect(204);
    await get(admin, `/subgroups/${empty}`).expect(404);
    // and the class they belong to is in use
    expect((await del(admin, `/classes/${cls}`).expect(409)).body.code).toBe('class-in-use');
  });
});

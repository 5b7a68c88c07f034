import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

interface Entry {
  id: string;
  weekday: number;
  lessonNumber: number;
  assignmentId: string;
  classId: string;
  roomId: string | null;
  validFrom: string;
  validTo: string | null;
}

/**
 * Rooms and the weekly timetable (R-SCH-2): conflicts of a teacher, a room, a class (subgroups sharing a student)
 * refused with 409 and the conflicting entry; bulk class-week replace and copy, all or nothing. The suite makes its
 * own staff, classes (letters «Я…»), subgroups and assignments, so what the seed holds does not matter.
 */
describe('rooms and the weekly timetable (schedule)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let teacher: string;
  let year: string;
  let counter = 0;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const put = (auth: string, path: string, body: object) => t.http.put(`${API}${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`${API}${path}`).set('authorization', auth).send(body);
  const one = async (sql: string, params: unknown[]): Promise<string> => ((await systemWrite(t, sql, params)) as Array<{ id: string }>)[0].id;

  const staff = (surname: string) =>
    one(`INSERT INTO staff (school_id, surname, name, positions) VALUES ($1, $2, 'Тест', '{}') RETURNING id`, [s1.id, `${surname}${++counter}`]);
  const klass = async (grade: number) => {
    const letter = `Я${++counter}`;
    return {
      id: await one(`INSERT INTO school_class (school_id, academic_year_id, grade, letter, shift) VALUES ($1, $2, $3, $4, 1) RETURNING id`, [
        s1.id,
        year,
        grade,
        letter,
      ]),
      name: `${grade}${letter}`,
    };
  };
  const subjectId = async (code: string) =>
    ((await t.db.query('SELECT id FROM subject WHERE school_id = $1 AND code = $2', [s1.id, code])) as Array<{ id: string }>)[0].id;
  const assign = async (staffId: string, code: string, classId: string, subgroupId: string | null = null) =>
    one(
      `INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, subgroup_id, hours_per_week)
       VALUES ($1, $2, $3, $4, $5, $6, 2) RETURNING id`,
      [s1.id, year, staffId, await subjectId(code), classId, subgroupId],
    );
  const student = () =>
    one(
      `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number) VALUES ($1, 'Расписанный', 'Ученик', '2014-02-02', 'm', $2)
       RETURNING id`,
      [s1.id, `TT-${++counter}`],
    );
  const subgroup = async (classId: string, code: string, name: string, members: string[]) => {
    const id = await one(`INSERT INTO subgroup (school_id, class_id, subject_id, name) VALUES ($1, $2, $3, $4) RETURNING id`, [
      s1.id,
      classId,
      await subjectId(code),
      name,
    ]);
    for (const m of members) {
      await systemWrite(t, `INSERT INTO subgroup_member (school_id, subgroup_id, student_id, starts_on) VALUES ($1, $2, $3, '2026-09-01')`, [s1.id, id, m]);
    }
    return id;
  };
  const room = async () => (await post(admin, '/rooms', { number: `Т-${++counter}`, capacity: 30 }).expect(201)).body.id as string;
  const entry = (assignmentId: string, weekday: number, lessonNumber: number, roomId: string | null, extra: object = {}) =>
    post(deputy, `/academic-years/${year}/timetable-entries`, { weekday, lessonNumber, assignmentId, roomId, validFrom: '2026-09-01', ...extra });
  const entriesOf = async (classId: string): Promise<Entry[]> =>
    t.db.query(
      `SELECT e.id, e.valid_from AS "validFrom", e.valid_to AS "validTo", e.weekday, e.lesson_number AS "lessonNumber"
         FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id WHERE a.class_id = $1 ORDER BY e.valid_from, e.weekday, e.lesson_number`,
      [classId],
    );

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8 });
    await seedTestSchool(t, 2, { studentsPerClass: 8 });
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    teacher = await bearer(t, s1.logins.teacher);
    year = s1.ids.academicYearId;
  }, 60_000);
  afterAll(() => t.close());

  it('rooms: a number is unique in the school whatever its case; an archived room leaves the list and takes no new lessons', async () => {
    const created = (await post(admin, '/rooms', { number: 'Инф-1', name: 'Кабинет информатики', capacity: 15, kind: 'computer' }).expect(201)).body;
    expect(created).toMatchObject({ number: 'Инф-1', kind: 'computer', capacity: 15, archivedAt: null });
    const dup = await post(deputy, '/rooms', { number: 'инф-1' }).expect(409);
    expect(dup.body.code).toBe('room-exists');
    await post(teacher, '/rooms', { number: 'Учит-1' }).expect(403);
    await get(teacher, `/rooms/${created.id}`).expect(200);
    await patch(deputy, `/rooms/${created.id}`, { capacity: null, name: 'Информатика' }).expect(200);
    await post(admin, `/rooms/${created.id}/archive`, {}).expect(200);
    const listed = (await get(teacher, '/rooms', { limit: 100, kind: 'computer' }).expect(200)).body.items as Array<{ id: string }>;
    expect(listed.map((r) => r.id)).not.toContain(created.id);
    const c = await klass(7);
    const a = await assign(await staff('Архивов'), 'informatics', c.id);
    const res = await entry(a, 1, 1, created.id).expect(422);
    expect(res.body.code).toBe('room-invalid');
  });

  it('an entry must sit on a working weekday of the class and a lesson of the bell schedule, inside the year', async () => {
    const junior = await klass(2); // the seed gives grades 1–4 a 5-day week
    const a = await assign(await staff('Младшая'), 'math', junior.id);
    expect((await entry(a, 6, 1, null).expect(422)).body.code).toBe('weekday-not-working');
    expect((await entry(a, 1, 15, null).expect(422)).body.code).toBe('lesson-number-invalid');
    expect((await entry(a, 1, 1, null, { validFrom: '2031-01-01' }).expect(422)).body.code).toBe('date-outside-year');
    expect((await entry(a, 1, 1, null, { validTo: '2026-09-01' }).expect(422)).body.code).toBe('date-outside-year');
    const senior = await klass(7);
    await entry(await assign(await staff('Старшая'), 'math', senior.id), 6, 1, null).expect(201);
  });

  it('a teacher in two places at once is refused with 409 and the conflicting entry', async () => {
    const teacherId = await staff('Математикова');
    const [a, b] = [await klass(7), await klass(7)];
    const [r1, r2] = [await room(), await room()];
    const first = (await entry(await assign(teacherId, 'math', a.id), 1, 2, r1).expect(201)).body as Entry;
    const res = await entry(await assign(teacherId, 'math', b.id), 1, 2, r2, { validFrom: '2026-10-01' }).expect(409);
    expect(res.body.code).toBe('timetable-conflict');
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({
        entryId: first.id,
        weekday: 1,
        lessonNumber: 2,
        className: a.name,
        subgroupName: null,
        subject: 'Математика',
        teacher: expect.stringContaining('Математикова'),
        validFrom: '2026-09-01',
        validTo: null,
        reason: 'teacher',
      }),
    ]);
    expect(await entriesOf(b.id)).toEqual([]);
    // a different lesson, or validity that does not overlap, is fine
    await entry(await assign(teacherId, 'algebra', b.id), 1, 3, r2).expect(201);
    await patch(deputy, `/timetable-entries/${first.id}`, { validTo: '2026-10-01' }).expect(200);
    await entry(await assign(teacherId, 'geometry', b.id), 1, 2, r2, { validFrom: '2026-10-01' }).expect(201);
  });

  it('a room booked twice is refused', async () => {
    const r = await room();
    const [a, b] = [await klass(8), await klass(8)];
    const first = (await entry(await assign(await staff('Первая'), 'physics', a.id), 2, 2, r).expect(201)).body as Entry;
    const res = await entry(await assign(await staff('Вторая'), 'chemistry', b.id), 2, 2, r).expect(409);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ entryId: first.id, reason: 'room', room: expect.any(String) })]);
    // moving an entry onto a taken room is refused the same way
    const other = (await entry(await assign(await staff('Третья'), 'biology', b.id), 2, 3, r).expect(201)).body as Entry;
    const moved = await patch(deputy, `/timetable-entries/${other.id}`, { lessonNumber: 2 }).expect(409);
    expect(moved.body.conflicts[0]).toMatchObject({ entryId: first.id, reason: 'room' });
    expect((await get(deputy, `/timetable-entries/${other.id}`).expect(200)).body.lessonNumber).toBe(3);
  });

  it('a class with two lessons at once is refused', async () => {
    const c = await klass(9);
    const first = (await entry(await assign(await staff('Русова'), 'russian', c.id), 3, 1, await room()).expect(201)).body as Entry;
    const res = await entry(await assign(await staff('Историкова'), 'history', c.id), 3, 1, await room()).expect(409);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ entryId: first.id, reason: 'class', className: c.name })]);
  });

  it('two subgroups of one class at the same time in different rooms are fine', async () => {
    const c = await klass(6);
    const [p1, p2, p3, p4] = [await student(), await student(), await student(), await student()];
    const g1 = await subgroup(c.id, 'english', '1 группа', [p1, p2]);
    const g2 = await subgroup(c.id, 'english', '2 группа', [p3, p4]);
    await entry(await assign(await staff('Инглиш'), 'english', c.id, g1), 4, 3, await room()).expect(201);
    const second = (await entry(await assign(await staff('Спикинг'), 'english', c.id, g2), 4, 3, await room()).expect(201)).body;
    expect(second).toMatchObject({ className: c.name, subgroupName: '2 группа', subject: 'Английский язык' });
    // the whole class at the same time is not
    const whole = await entry(await assign(await staff('Целая'), 'math', c.id), 4, 3, await room()).expect(409);
    expect(whole.body.conflicts.map((x: { reason: string; subgroupName: string }) => [x.reason, x.subgroupName]).sort()).toEqual([
      ['class', '1 группа'],
      ['class', '2 группа'],
    ]);
    const items = (await get(teacher, `/academic-years/${year}/timetable`, { classId: c.id, on: '2026-09-10' }).expect(200)).body.items;
    expect(items).toHaveLength(2);
  });

  it('two subgroups sharing a student cannot be at the same time', async () => {
    const c = await klass(10);
    const [p1, p2, p3] = [await student(), await student(), await student()];
    const g1 = await subgroup(c.id, 'informatics', '1 группа', [p1, p2]);
    const g2 = await subgroup(c.id, 'english', '1 группа', [p2, p3]);
    const first = (await entry(await assign(await staff('Информатикова'), 'informatics', c.id, g1), 5, 4, await room()).expect(201)).body as Entry;
    const res = await entry(await assign(await staff('Англичанова'), 'english', c.id, g2), 5, 4, await room()).expect(409);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ entryId: first.id, reason: 'class', subgroupName: '1 группа', subject: 'Информатика' })]);
  });

  it('a bulk class-week replace with one conflict writes nothing', async () => {
    const busy = await staff('Занятая');
    const elsewhere = await klass(7);
    const taken = (await entry(await assign(busy, 'math', elsewhere.id), 2, 5, await room()).expect(201)).body as Entry;
    const c = await klass(7);
    const [ru, lit, ma] = [await assign(await staff('Рус'), 'russian', c.id), await assign(await staff('Лит'), 'literature', c.id), await assign(busy, 'math', c.id)];
    const r = await room();
    const week = await put(deputy, `/classes/${c.id}/timetable`, {
      validFrom: '2026-09-01',
      entries: [
        { weekday: 1, lessonNumber: 1, assignmentId: ru, roomId: r },
        { weekday: 1, lessonNumber: 2, assignmentId: lit, roomId: r },
      ],
    }).expect(200);
    expect(week.body.items).toHaveLength(2);
    const before = await entriesOf(c.id);
    const res = await put(deputy, `/classes/${c.id}/timetable`, {
      validFrom: '2026-11-02',
      entries: [
        { weekday: 1, lessonNumber: 1, assignmentId: lit, roomId: r },
        { weekday: 1, lessonNumber: 2, assignmentId: ru, roomId: r },
        { weekday: 2, lessonNumber: 5, assignmentId: ma, roomId: r },
        { weekday: 3, lessonNumber: 1, assignmentId: ru, roomId: null },
        { weekday: 3, lessonNumber: 1, assignmentId: lit, roomId: null },
      ],
    }).expect(409);
    expect(res.body.conflicts).toEqual([
      expect.objectContaining({ requestIndex: 2, entryId: taken.id, reason: 'teacher', className: elsewhere.name }),
      expect.objectContaining({ requestIndex: 4, entryId: null, otherRequestIndex: 3, reason: 'class', className: c.name }),
    ]);
    expect(await entriesOf(c.id)).toEqual(before);
    // invalid input is refused before anything is written, naming the entry
    const bad = await put(deputy, `/classes/${c.id}/timetable`, {
      validFrom: '2026-11-02',
      entries: [{ weekday: 1, lessonNumber: 1, assignmentId: taken.assignmentId, roomId: r }],
    }).expect(422);
    expect(bad.body).toMatchObject({ code: 'assignment-not-of-class', errors: [{ field: 'entries[0].assignmentId' }] });
    expect(await entriesOf(c.id)).toEqual(before);
  });

  it('replacing a week keeps the past: old entries end at validFrom', async () => {
    const c = await klass(5);
    const [ru, ma] = [await assign(await staff('Старый'), 'russian', c.id), await assign(await staff('Новый'), 'math', c.id)];
    const old = (
      await put(admin, `/classes/${c.id}/timetable`, { validFrom: '2026-09-01', entries: [{ weekday: 1, lessonNumber: 1, assignmentId: ru }] }).expect(200)
    ).body.items as Entry[];
    await put(admin, `/classes/${c.id}/timetable`, { validFrom: '2026-12-01', entries: [{ weekday: 2, lessonNumber: 2, assignmentId: ma }] }).expect(200);
    const rows = await entriesOf(c.id);
    expect(rows).toEqual([
      expect.objectContaining({ id: old[0].id, validFrom: '2026-09-01', validTo: '2026-12-01', weekday: 1 }),
      expect.objectContaining({ validFrom: '2026-12-01', validTo: null, weekday: 2 }),
    ]);
    const on = async (date: string) =>
      ((await get(teacher, `/academic-years/${year}/timetable`, { classId: c.id, on: date }).expect(200)).body.items as Entry[]).map((e) => e.weekday);
    expect(await on('2026-11-30')).toEqual([1]);
    expect(await on('2026-12-01')).toEqual([2]);
    // a bounded week (one week of a different timetable) resumes the usual one after it
    await put(admin, `/classes/${c.id}/timetable`, {
      validFrom: '2027-01-11',
      validTo: '2027-01-18',
      entries: [{ weekday: 3, lessonNumber: 3, assignmentId: ru }],
    }).expect(200);
    expect(await on('2027-01-12')).toEqual([3]);
    expect(await on('2027-01-18')).toEqual([2]);
    expect(await on('2027-01-10')).toEqual([2]);
    // copy from the previous period: the autumn week comes back from 2027-02-01
    await post(admin, `/classes/${c.id}/timetable/copy`, { fromDate: '2026-10-01', validFrom: '2027-02-01' }).expect(200);
    expect(await on('2027-02-01')).toEqual([1]);
    expect(await on('2026-10-01')).toEqual([1]);
  });

  it('copy a week from a parallel class', async () => {
    const [from, to] = [await klass(8), await klass(8)];
    const [p1, p2, p3, p4] = [await student(), await student(), await student(), await student()];
    const fromG = [await subgroup(from.id, 'english', '1 группа', [p1]), await subgroup(from.id, 'english', '2 группа', [p2])];
    const toG = [await subgroup(to.id, 'english', '1 группа', [p3]), await subgroup(to.id, 'english', '2 группа', [p4])];
    const r = [await room(), await room(), await room()];
    await put(deputy, `/classes/${from.id}/timetable`, {
      validFrom: '2026-09-01',
      entries: [
        { weekday: 1, lessonNumber: 1, assignmentId: await assign(await staff('Ма'), 'math', from.id), roomId: r[0] },
        { weekday: 1, lessonNumber: 2, assignmentId: await assign(await staff('Ан'), 'english', from.id, fromG[0]), roomId: r[1] },
        { weekday: 1, lessonNumber: 2, assignmentId: await assign(await staff('Ен'), 'english', from.id, fromG[1]), roomId: r[2] },
      ],
    }).expect(200);
    const own = {
      math: await assign(await staff('Мат'), 'math', to.id),
      g1: await assign(await staff('Гр'), 'english', to.id, toG[0]),
      g2: await assign(await staff('Гр'), 'english', to.id, toG[1]),
    };
    const copied = (await post(deputy, `/classes/${to.id}/timetable/copy`, { fromClassId: from.id, validFrom: '2026-09-01' }).expect(200)).body;
    expect(copied.items.map((e: Entry) => [e.weekday, e.lessonNumber, e.assignmentId, e.roomId])).toEqual([
      [1, 1, own.math, null],
      [1, 2, own.g1, null],
      [1, 2, own.g2, null],
    ]);
    // a class without an assignment for one of the subjects: 422 naming it, nothing written
    const lacking = await klass(8);
    await assign(await staff('Только'), 'math', lacking.id);
    const res = await post(deputy, `/classes/${lacking.id}/timetable/copy`, { fromClassId: from.id, validFrom: '2026-09-01' }).expect(422);
    expect(res.body.code).toBe('subject-not-assigned');
    expect(res.body.detail).toContain('Английский язык');
    expect(await entriesOf(lacking.id)).toEqual([]);
    const notParallel = await klass(9);
    expect((await post(deputy, `/classes/${notParallel.id}/timetable/copy`, { fromClassId: from.id, validFrom: '2026-09-01' }).expect(422)).body.code).toBe(
      'class-not-parallel',
    );
  });

  it('concurrent conflicting writes: one wins, one 409', async () => {
    const teacherId = await staff('Одновременная');
    const [a, b] = [await klass(11), await klass(11)];
    const [x, y] = [await assign(teacherId, 'physics', a.id), await assign(teacherId, 'physics', b.id)];
    const [ra, rb] = [await room(), await room()];
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([entry(x, 1 + round, 6, ra), entry(y, 1 + round, 6, rb)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    }
    const written = (await t.db.query(
      `SELECT count(*)::int AS n FROM timetable_entry WHERE teaching_assignment_id = ANY($1::uuid[])`,
      [[x, y]],
    )) as Array<{ n: number }>;
    expect(written[0].n).toBe(3);
  });

  it('timetable writes are the admin\'s and the deputy\'s; another school\'s entry is not found', async () => {
    const c = await klass(7);
    const a = await assign(await staff('Доступ'), 'music', c.id);
    await post(teacher, `/academic-years/${year}/timetable-entries`, { weekday: 1, lessonNumber: 1, assignmentId: a, validFrom: '2026-09-01' }).expect(403);
    const e = (await entry(a, 1, 1, null).expect(201)).body as Entry;
    const other = await bearer(t, 'admin.s2');
    await get(other, `/timetable-entries/${e.id}`).expect(404);
    await t.http.delete(`${API}/timetable-entries/${e.id}`).set('authorization', other).expect(404);
    await t.http.delete(`${API}/timetable-entries/${e.id}`).set('authorization', deputy).expect(204);
    expect(await entriesOf(c.id)).toEqual([]);
  });
});

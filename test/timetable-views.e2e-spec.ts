import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';
/** A Monday of September 2026 (no holidays in the generated calendar then); Wednesday is 2026-09-16. */
const MONDAY = '2026-09-14';

interface Lesson {
  lessonNumber: number;
  startsAt: string | null;
  endsAt: string | null;
  subjectId: string;
  subject: string;
  staffId: string;
  teacher: string;
  roomId: string | null;
  room: string | null;
  classId: string;
  className: string;
  subgroupId: string | null;
  subgroupName: string | null;
  assignmentId: string;
  entryId: string;
}
interface Day {
  date: string;
  weekday: number;
  schoolDay: boolean;
  reason: string | null;
  lessons: Lesson[];
}

/**
 * Timetable views (R-SCH-4): a class's, a student's, a teacher's week or day with bell times; the calendar empties
 * holidays; reach (a guardian: their children only); conditional GET. The suite makes its own staff, classes (letters
 * «Ю…»), subgroups, students and entries, so whatever timetable the seed holds does not matter.
 */
describe('timetable views (schedule)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let year: string;
  let counter = 0;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const one = async (sql: string, params: unknown[]): Promise<string> => ((await systemWrite(t, sql, params)) as Array<{ id: string }>)[0].id;
  const staff = (surname: string) =>
    one(`INSERT INTO staff (school_id, surname, name, positions) VALUES ($1, $2, 'Вид', '{}') RETURNING id`, [s1.id, `${surname}${++counter}`]);
  const klass = async (grade: number) => {
    const letter = `Ю${++counter}`;
    const id = await one(`INSERT INTO school_class (school_id, academic_year_id, grade, letter, shift) VALUES ($1, $2, $3, $4, 1) RETURNING id`, [
      s1.id,
      year,
      grade,
      letter,
    ]);
    return { id, name: `${grade}${letter}` };
  };
  const subjectId = async (code: string) =>
    ((await t.db.query('SELECT id FROM subject WHERE school_id = $1 AND code = $2', [s1.id, code])) as Array<{ id: string }>)[0].id;
  const assign = async (staffId: string, code: string, classId: string, subgroupId: string | null = null) =>
    one(
      `INSERT INTO teaching_assignment (school_id, academic_year_id, staff_id, subject_id, class_id, subgroup_id, hours_per_week)
       VALUES ($1, $2, $3, $4, $5, $6, 2) RETURNING id`,
      [s1.id, year, staffId, await subjectId(code), classId, subgroupId],
    );
  const student = async (classId: string) => {
    const id = await one(
      `INSERT INTO student (school_id, surname, name, birth_date, gender, personal_file_number) VALUES ($1, 'Видов', 'Ученик', '2013-02-02', 'm', $2)
       RETURNING id`,
      [s1.id, `TV-${++counter}`],
    );
    await systemWrite(t, `INSERT INTO enrollment (school_id, student_id, class_id, starts_on) VALUES ($1, $2, $3, '2026-09-01')`, [s1.id, id, classId]);
    return id;
  };
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
  const room = async () =>
    (await t.http.post(`${API}/rooms`).set('authorization', admin).send({ number: `В-${++counter}` }).expect(201)).body.id as string;
  const entry = async (assignmentId: string, weekday: number, lessonNumber: number, roomId: string | null = null) =>
    (
      await t.http
        .post(`${API}/academic-years/${year}/timetable-entries`)
        .set('authorization', deputy)
        .send({ weekday, lessonNumber, assignmentId, roomId, validFrom: '2026-09-01' })
        .expect(201)
    ).body.id as string;
  const week = async (auth: string, query: Record<string, string>) => (await get(auth, '/timetable/week', { date: MONDAY, ...query }).expect(200)).body;
  const dayOf = (body: { days: Day[] }, date: string) => body.days.find((d) => d.date === date)!;
  const bells = async () =>
    new Map(
      (
        (await t.db.query(
          `SELECT b.lesson_number AS n, to_char(b.starts_at, 'HH24:MI') AS s, to_char(b.ends_at, 'HH24:MI') AS e
             FROM bell b JOIN bell_schedule bs ON bs.id = b.bell_schedule_id WHERE bs.school_id = $1 AND bs.is_default`,
          [s1.id],
        )) as Array<{ n: number; s: string; e: string }>
      ).map((b) => [b.n, b]),
    );

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8 });
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    year = s1.ids.academicYearId;
  }, 60_000);
  afterAll(() => t.close());

  it("a class's week lists its lessons with bell times", async () => {
    const c = await klass(7);
    const [math, bio] = [await staff('Числова'), await staff('Живова')];
    const r = await room();
    const aMath = await assign(math, 'math', c.id);
    const aBio = await assign(bio, 'biology', c.id);
    const e1 = await entry(aMath, 1, 1, r);
    const e2 = await entry(aBio, 1, 2);
    const e3 = await entry(aMath, 3, 1, r);
    const body = await week(admin, { classId: c.id });
    expect(body.from).toBe(MONDAY);
    expect(body.to).toBe('2026-09-20');
    expect(body.days.map((d: Day) => [d.date, d.weekday])).toEqual([
      ['2026-09-14', 1],
      ['2026-09-15', 2],
      ['2026-09-16', 3],
      ['2026-09-17', 4],
      ['2026-09-18', 5],
      ['2026-09-19', 6],
      ['2026-09-20', 7],
    ]);
    const b = await bells();
    const monday = dayOf(body, MONDAY);
    expect(monday.schoolDay).toBe(true);
    expect(monday.lessons).toEqual([
      expect.objectContaining({
        lessonNumber: 1,
        startsAt: b.get(1)!.s,
        endsAt: b.get(1)!.e,
        className: c.name,
        staffId: math,
        teacher: expect.stringMatching(/^Числова\d+ Вид$/),
        roomId: r,
        room: expect.any(String),
        subgroupId: null,
        subgroupName: null,
        assignmentId: aMath,
        entryId: e1,
      }),
      expect.objectContaining({ lessonNumber: 2, startsAt: b.get(2)!.s, endsAt: b.get(2)!.e, staffId: bio, roomId: null, room: null, entryId: e2 }),
    ]);
    expect(dayOf(body, '2026-09-16').lessons.map((l) => l.entryId)).toEqual([e3]);
    expect(dayOf(body, '2026-09-15').lessons).toEqual([]);
    expect(dayOf(body, '2026-09-20')).toMatchObject({ schoolDay: false, reason: 'Выходной день', lessons: [] });
    // the day view is that day of the week; any date of the week gives the same week
    const day = (await get(admin, '/timetable/day', { date: '2026-09-16', classId: c.id }).expect(200)).body;
    expect(day).toEqual({ from: '2026-09-16', to: '2026-09-16', days: [dayOf(body, '2026-09-16')] });
    expect((await week(admin, { classId: c.id, date: '2026-09-19' })).days).toEqual(body.days);
  });

  it("a student's week shows their subgroup's lessons, not the other group's", async () => {
    const c = await klass(8);
    const [first, second] = [await student(c.id), await student(c.id)];
    const g1 = await subgroup(c.id, 'english', '1 группа', [first]);
    const g2 = await subgroup(c.id, 'english', '2 группа', [second]);
    const whole = await entry(await assign(await staff('Общая'), 'math', c.id), 2, 1);
    const en1 = await entry(await assign(await staff('Англова'), 'english', c.id, g1), 2, 2);
    const en2 = await entry(await assign(await staff('Инглиш'), 'english', c.id, g2), 2, 2);
    const tuesday = '2026-09-15';
    const classDay = dayOf(await week(admin, { classId: c.id }), tuesday);
    expect(classDay.lessons.map((l) => [l.entryId, l.subgroupName])).toEqual([
      [whole, null],
      [en1, '1 группа'],
      [en2, '2 группа'],
    ]);
    expect(dayOf(await week(admin, { studentId: first }), tuesday).lessons.map((l) => l.entryId)).toEqual([whole, en1]);
    expect(dayOf(await week(admin, { studentId: second }), tuesday).lessons.map((l) => l.entryId)).toEqual([whole, en2]);
    // membership is dated: after leaving the group on Tuesday the student has no English that day
    await systemWrite(t, `UPDATE subgroup_member SET ends_on = $2 WHERE subgroup_id = $1`, [g1, tuesday]);
    expect(dayOf(await week(admin, { studentId: first }), tuesday).lessons.map((l) => l.entryId)).toEqual([whole]);
  });

  it('a holiday empties that day', async () => {
    const c = await klass(10);
    const a = await assign(await staff('Каникулова'), 'math', c.id);
    await entry(a, 2, 1);
    const wednesday = await entry(a, 3, 1);
    await entry(a, 4, 1);
    const before = await week(admin, { classId: c.id });
    expect(dayOf(before, '2026-09-16').lessons.map((l) => l.entryId)).toEqual([wednesday]);
    await systemWrite(
      t,
      `INSERT INTO holiday (school_id, academic_year_id, name, starts_on, ends_on, grade_from, grade_to)
       VALUES ($1, $2, 'День здоровья', '2026-09-16', '2026-09-16', 10, 10)`,
      [s1.id, year],
    );
    const after = await week(admin, { classId: c.id });
    expect(dayOf(after, '2026-09-16')).toMatchObject({ schoolDay: false, reason: 'День здоровья', lessons: [] });
    expect(dayOf(after, '2026-09-15').lessons).toHaveLength(1);
    expect(dayOf(after, '2026-09-17').lessons).toHaveLength(1);
    // the holiday is of grade 10 only: a grade-7 class keeps its Wednesday
    const other = await klass(7);
    const kept = await entry(await assign(await staff('Учебнова'), 'math', other.id), 3, 1);
    expect(dayOf(await week(admin, { classId: other.id }), '2026-09-16').lessons.map((l) => l.entryId)).toEqual([kept]);
    // and a non-working calendar day empties it for every grade
    await systemWrite(
      t,
      `INSERT INTO calendar_day (school_id, academic_year_id, date, kind, reason) VALUES ($1, $2, '2026-09-16', 'non_working', 'Приказ о выходном')`,
      [s1.id, year],
    );
    expect(dayOf(await week(admin, { classId: other.id }), '2026-09-16')).toMatchObject({ schoolDay: false, reason: 'Приказ о выходном', lessons: [] });
  });

  it('narrowed to one subject', async () => {
    const c = await klass(7);
    const math = await subjectId('math');
    await entry(await assign(await staff('Алгеброва'), 'math', c.id), 4, 1);
    await entry(await assign(await staff('Физикова'), 'physics', c.id), 4, 2);
    await entry(await assign(await staff('Алгеброва'), 'math', c.id), 5, 3);
    const body = await week(admin, { classId: c.id, subjectId: math });
    const lessons = body.days.flatMap((d: Day) => d.lessons) as Lesson[];
    expect(lessons.map((l) => [l.lessonNumber, l.subjectId])).toEqual([
      [1, math],
      [3, math],
    ]);
  });

  it("a guardian sees their child's timetable and not another child's (404)", async () => {
    const parent = await bearer(t, s1.logins.parent);
    const c = await klass(8);
    const [child, stranger] = [await student(c.id), await student(c.id)];
    await systemWrite(t, `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, 'mother')`, [
      s1.id,
      child,
      s1.ids.parent.guardianId,
    ]);
    const e = await entry(await assign(await staff('Родительская'), 'math', c.id), 1, 1);
    expect(dayOf(await week(parent, { studentId: child }), MONDAY).lessons.map((l) => l.entryId)).toEqual([e]);
    const res = await get(parent, '/timetable/week', { date: MONDAY, studentId: stranger }).expect(404);
    expect(res.body.code).toBe('not-found');
    // the class's or a teacher's timetable is not a parent's to read
    await get(parent, '/timetable/week', { date: MONDAY, classId: c.id }).expect(404);
    await get(parent, '/timetable/week', { date: MONDAY, staffId: s1.ids.teacher.staffId }).expect(404);
    // a student reads their own, not a classmate's
    const me = await bearer(t, s1.logins.student);
    await get(me, '/timetable/day', { date: MONDAY, studentId: s1.ids.student.studentId }).expect(200);
    await get(me, '/timetable/day', { date: MONDAY, studentId: child }).expect(404);
    await get(me, '/timetable/day', { date: MONDAY, staffId: s1.ids.teacher.staffId }).expect(404);
    // exactly one filter
    expect((await get(parent, '/timetable/week', { date: MONDAY }).expect(422)).body.code).toBe('timetable-filter-invalid');
    expect((await get(admin, '/timetable/week', { date: MONDAY, classId: c.id, studentId: child }).expect(422)).body.code).toBe(
      'timetable-filter-invalid',
    );
  });

  it("a teacher's own timetable", async () => {
    const teacher = await bearer(t, s1.logins.teacher);
    const own = s1.ids.teacher.staffId;
    const c = await klass(9);
    const r = await room();
    // written directly: the seed may already give the teacher lessons; a Sunday lesson number 0 is free in any case
    const entryId = await one(
      `INSERT INTO timetable_entry (school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from)
       VALUES ($1, $2, 7, 0, $3, $4, '2026-09-01') RETURNING id`,
      [s1.id, year, await assign(own, 'english', c.id), r],
    );
    await systemWrite(
      t,
      `INSERT INTO calendar_day (school_id, academic_year_id, date, kind, reason) VALUES ($1, $2, '2026-09-20', 'working', 'Перенос рабочего дня')`,
      [s1.id, year],
    );
    const body = await week(teacher, { staffId: own });
    const lessons = body.days.flatMap((d: Day) => d.lessons) as Lesson[];
    expect(lessons.every((l) => l.staffId === own)).toBe(true);
    expect(dayOf(body, '2026-09-20')).toMatchObject({ schoolDay: true, reason: 'Перенос рабочего дня' });
    expect(dayOf(body, '2026-09-20').lessons).toContainEqual(expect.objectContaining({ entryId, className: c.name, roomId: r, lessonNumber: 0 }));
    // the room's view shows the same lesson; another teacher's timetable is not theirs to read
    expect(dayOf(await week(teacher, { roomId: r }), '2026-09-20').lessons.map((l) => l.entryId)).toEqual([entryId]);
    const colleague = await staff('Коллегова');
    await get(teacher, '/timetable/week', { date: MONDAY, staffId: colleague }).expect(404);
    await get(deputy, '/timetable/week', { date: MONDAY, staffId: colleague }).expect(200);
    // classes: those in the teacher's reach (their class, the classes they teach in), not the others
    await get(teacher, '/timetable/week', { date: MONDAY, classId: s1.ids.teacher.classId }).expect(200);
    await get(teacher, '/timetable/week', { date: MONDAY, classId: c.id }).expect(200);
    await get(teacher, '/timetable/week', { date: MONDAY, classId: s1.ids.teacher.unrelatedClassId }).expect(404);
  });

  it('If-None-Match answers 304; a timetable change gives a new ETag', async () => {
    const c = await klass(7);
    const a = await assign(await staff('Кэшева'), 'math', c.id);
    const e = await entry(a, 1, 1);
    const first = await get(admin, '/timetable/week', { date: MONDAY, classId: c.id }).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(admin, '/timetable/week', { date: MONDAY, classId: c.id }).set('if-none-match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    // another view has another tag; a list of tags matches any of them
    await get(admin, '/timetable/week', { date: MONDAY, classId: c.id }).set('if-none-match', `"other", ${etag}`).expect(304);
    await get(admin, '/timetable/day', { date: MONDAY, classId: c.id }).set('if-none-match', etag).expect(200);
    await t.http.patch(`${API}/timetable-entries/${e}`).set('authorization', deputy).send({ lessonNumber: 2 }).expect(200);
    const changed = await get(admin, '/timetable/week', { date: MONDAY, classId: c.id }).set('if-none-match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(dayOf(changed.body, MONDAY).lessons.map((l) => l.lessonNumber)).toEqual([2]);
  });
});

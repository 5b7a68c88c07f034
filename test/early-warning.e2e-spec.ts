import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
const TODAY = '2026-11-18';

interface Warning {
  studentId: string;
  fullName: string;
  classId: string;
  className: string;
  lowAverages: Array<{ subjectId: string; subject: string; average: number; marks: number }>;
  absence: null | { lessons: number; missed: number; share: number };
}

/**
 * The early warning (R-JRN-8, §4.4.10): students with a period average below 3 in a subject, or missing more than the
 * school's share of lessons, for a teacher's classes or the whole school; one call notifies the class teacher and the
 * guardians. Journal data is written directly; each test works on its own class.
 */
describe('the early warning (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let deputy: string;
  let teacher: string;
  let parent: string;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  /** Whole-class lessons of a class on a date, by lesson number. */
  const lessonsOf = async (classId: string, date: string): Promise<Array<{ id: string; subjectId: string }>> =>
    (await t.db.query(
      `SELECT l.id, a.subject_id AS "subjectId" FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE a.class_id = $1 AND a.subgroup_id IS NULL AND l.date = $2 AND NOT l.cancelled ORDER BY l.lesson_number`,
      [classId, date],
    )) as Array<{ id: string; subjectId: string }>;
  const conduct = (lessonId: string) =>
    systemWrite(t, `UPDATE lesson SET conducted_at = now(), topic = 'Повторение', taught_by_staff_id = staff_id WHERE id = $1`, [lessonId]);
  const mark = (lessonId: string, studentId: string, code: string, value: number) =>
    systemWrite(
      t,
      `INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, deadline, source)
       SELECT l.school_id, l.teaching_assignment_id, l.id, l.date, $2, (SELECT id FROM mark_type WHERE school_id = l.school_id AND code = $3), $4, l.date, 'journal'
         FROM lesson l WHERE l.id = $1`,
      [lessonId, studentId, code, value],
    );
  const absent = (lessonId: string, studentId: string, code: string) =>
    systemWrite(
      t,
      `INSERT INTO attendance (school_id, lesson_id, student_id, code, deadline) SELECT l.school_id, l.id, $2, $3, l.date FROM lesson l WHERE l.id = $1`,
      [lessonId, studentId, code],
    );
  const classStudents = async (classId: string): Promise<string[]> =>
    ((await t.db.query(
      `SELECT en.student_id AS id FROM enrollment en JOIN student s ON s.id = en.student_id
        WHERE en.class_id = $1 AND en.ends_on IS NULL ORDER BY s.surname, s.name, s.id`,
      [classId],
    )) as Array<{ id: string }>).map((r) => r.id);
  const periodOf = async (classId: string, date: string): Promise<string> =>
    (await t.db.query(
      `SELECT p.id FROM study_period p JOIN school_class c ON c.id = $1
        WHERE p.school_id = c.school_id AND p.grade_from <= c.grade AND p.grade_to >= c.grade AND p.starts_on <= $2 AND p.ends_on >= $2 LIMIT 1`,
      [classId, date],
    ))[0].id as string;

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [deputy, teacher, parent] = await Promise.all([s1.logins.deputy, s1.logins.teacher, s1.logins.parent].map((l) => bearer(t, l)));
  });
  afterAll(() => t.close());

  it('a student with a period average below 3 is flagged and one call notifies the class teacher and the guardians', async () => {
    // 5А: the teacher's own class; the parent's account is made a guardian of the weak student
    const classId = s1.ids.teacher.classId;
    const [weak, fine] = await classStudents(classId);
    await systemWrite(t, `INSERT INTO student_guardian (school_id, student_id, guardian_id, relation) VALUES ($1, $2, $3, 'mother')`, [
      s1.id,
      weak,
      s1.ids.parent.guardianId,
    ]);
    const [a, b] = await lessonsOf(classId, '2026-11-16');
    await conduct(a.id);
    await conduct(b.id);
    // weak: 2 (answer, 1) and 3 (К/р, 2) → 8 / 3 = 2.67 in a's subject; fine: 4 → 4.00
    await mark(a.id, weak, 'oral_answer', 2);
    await mark(a.id, weak, 'control_work', 3);
    await mark(a.id, fine, 'oral_answer', 4);
    // in b's subject the weak student has a 5: not flagged there
    await mark(b.id, weak, 'oral_answer', 5);
    const periodId = await periodOf(classId, '2026-11-16');

    const res = (await get(teacher, '/early-warnings', { periodId, classId }).expect(200)).body;
    const items = res.items as Warning[];
    expect(items.map((i) => i.studentId)).toEqual([weak]);
    const subject = (await t.db.query('SELECT name FROM subject WHERE id = $1', [a.subjectId]))[0].name as string;
    expect(items[0]).toMatchObject({ classId, lowAverages: [{ subjectId: a.subjectId, subject, average: 2.67, marks: 2 }], absence: null });
    // the deputy sees the same for the whole school (the class among others)
    const school = (await get(deputy, '/early-warnings', { periodId }).expect(200)).body.items as Warning[];
    expect(school.filter((i) => i.classId === classId)).toEqual(items);

    const before = (await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'early-warning'`))[0].n as number;
    const sent = (await post(teacher, '/early-warnings/notify', { periodId, classId }).expect(200)).body;
    expect(sent).toEqual({ students: 1, notifications: 2, notified: 2 });
    const rows = (await t.db.query(
      `SELECT user_id AS "userId", title, body, payload FROM notification WHERE kind = 'early-warning' ORDER BY user_id`,
    )) as Array<{ userId: string; title: string; body: string; payload: { studentId: string } }>;
    expect(rows.length).toBe(before + 2);
    expect(rows.map((r) => r.userId).sort()).toEqual([s1.ids.teacher.userId, s1.ids.parent.userId].sort());
    for (const r of rows) {
      expect(r.title).toBe(`Раннее предупреждение: ${items[0].fullName}, ${items[0].className}`);
      expect(r.body).toContain(`${subject}: 2,67`);
      expect(r.payload.studentId).toBe(weak);
    }
    // the guardian reads it among their notifications
    const mine = (await get(parent, '/notifications').expect(200)).body.items as Array<{ kind: string; body: string }>;
    expect(mine.filter((n) => n.kind === 'early-warning').map((n) => n.body)).toEqual([rows[0].body]);
    // naming only a student who is not flagged notifies nobody
    expect((await post(teacher, '/early-warnings/notify', { periodId, classId, studentIds: [fine] }).expect(200)).body).toEqual({
      students: 0,
      notifications: 0,
      notified: 0,
    });
  });

  it("a student missing more than the school's share is flagged", async () => {
    await systemWrite(t, 'UPDATE school_settings SET warning_absence_share = 0.25 WHERE school_id = $1', [s1.id]);
    const classId = s1.ids.teacher.unrelatedClassId;
    const lessons = (await lessonsOf(classId, '2026-11-17')).slice(0, 4);
    expect(lessons.length).toBe(4);
    for (const l of lessons) await conduct(l.id);
    const [often, once] = await classStudents(classId);
    // often: 2 of 4 (50 % > 25 %); once: 1 of 4 (25 %, not above the share)
    await absent(lessons[0].id, often, 'Н');
    await absent(lessons[1].id, often, 'Б');
    await absent(lessons[2].id, once, 'У');
    await absent(lessons[3].id, once, 'О'); // late: not a missed lesson
    const periodId = await periodOf(classId, '2026-11-17');
    const res = (await get(deputy, '/early-warnings', { periodId, classId }).expect(200)).body;
    expect(res.absenceShare).toBe(0.25);
    expect(res.items).toEqual([expect.objectContaining({ studentId: often, classId, lowAverages: [], absence: { lessons: 4, missed: 2, share: 0.5 } })]);
    // a teacher who neither leads nor teaches the class: not found
    expect((await get(teacher, '/early-warnings', { periodId, classId })).status).toBe(404);
    // and their school-wide list leaves the class out
    const theirs = (await get(teacher, '/early-warnings', { periodId }).expect(200)).body.items as Warning[];
    expect(theirs.some((i) => i.classId === classId)).toBe(false);
    // the deputy notifies the guardians with accounts and the class teacher (if they have an account)
    const sent = (await post(deputy, '/early-warnings/notify', { periodId, classId, studentIds: [often] }).expect(200)).body;
    expect(sent.students).toBe(1);
    const n = (await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'early-warning' AND payload->>'studentId' = $1`, [often]))[0].n;
    expect(n).toBe(sent.notifications);
  });

  it('an unknown period is not found; a period of other grades is refused for the class', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await get(deputy, '/early-warnings', { periodId: unknown })).status).toBe(404);
    expect((await post(deputy, '/early-warnings/notify', { periodId: unknown })).status).toBe(404);
    const classId = s1.ids.teacher.classId;
    const other = (await t.db.query(
      `SELECT p.id FROM study_period p JOIN school_class c ON c.id = $1 WHERE p.school_id = c.school_id AND NOT (p.grade_from <= c.grade AND p.grade_to >= c.grade) LIMIT 1`,
      [classId],
    )) as Array<{ id: string }>;
    expect(other.length).toBe(1);
    expect((await get(deputy, '/early-warnings', { periodId: other[0].id, classId })).body).toMatchObject({ status: 422, code: 'period-not-for-class' });
    expect((await post(deputy, '/early-warnings/notify', { periodId: other[0].id, studentIds: [] })).status).toBe(422);
  });
});

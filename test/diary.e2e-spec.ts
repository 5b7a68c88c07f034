import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
/** The schools' today: a Wednesday of the second quarter; its week is 2026-11-16 (Monday) … 2026-11-22. */
const TODAY = '2026-11-18';
const MONDAY = '2026-11-16';

interface Lesson {
  id: string;
  date: string;
  lessonNumber: number;
  assignmentId: string;
  entryId: string | null;
  subjectId: string;
  staffId: string;
}

interface DiaryLesson {
  id: string;
  lessonNumber: number;
  startsAt: string | null;
  subject: string;
  teacher: string;
  cancelled: boolean;
  change: null | { kind: string; reason: string | null };
  conducted: boolean;
  topic: string | null;
  plannedTopic: null | { position: number; title: string };
  homework: null | { text: string; dueDate: string; links: string[] };
  marks: Array<{ value: number; markType: string; weight: number }>;
  attendance: string | null;
}

interface DiaryDay {
  date: string;
  schoolDay: boolean;
  reason: string | null;
  lessons: DiaryLesson[];
  homeworkDue: Array<{ text: string; lessonId: string; subject: string; dueDate: string }>;
}

/**
 * The diary (дневник): the card, the week, the period's marks with the averages, homework by due date — for the
 * student themself, their guardians and staff within reach. Journal data is written directly (the journal's own writes
 * are tested in the journal suite); each test works on its own class or lessons.
 */
describe('the diary (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let parent: string;
  let student: string;
  let teacher: string;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  /** Whole-class lessons of a class on a date, by lesson number. */
  const lessonsOf = async (classId: string, date: string): Promise<Lesson[]> =>
    (await t.db.query(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, l.lesson_number AS "lessonNumber", l.teaching_assignment_id AS "assignmentId",
              l.timetable_entry_id AS "entryId", a.subject_id AS "subjectId", l.staff_id AS "staffId"
         FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE a.class_id = $1 AND a.subgroup_id IS NULL AND l.date = $2 AND NOT l.cancelled ORDER BY l.lesson_number`,
      [classId, date],
    )) as Lesson[];
  const conduct = (lessonId: string, topic: string) =>
    systemWrite(t, `UPDATE lesson SET conducted_at = now(), topic = $2, taught_by_staff_id = staff_id WHERE id = $1`, [lessonId, topic]);
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
  const homework = (lessonId: string, text: string, dueDate: string, links: string[] = []) =>
    systemWrite(
      t,
      `INSERT INTO homework (school_id, lesson_id, text, due_date, links, deadline, teaching_assignment_id)
       SELECT l.school_id, l.id, $2, $3, $4::jsonb, l.date, l.teaching_assignment_id FROM lesson l WHERE l.id = $1`,
      [lessonId, text, dueDate, JSON.stringify(links)],
    );
  const classStudents = async (classId: string): Promise<string[]> =>
    ((await t.db.query(
      `SELECT en.student_id AS id FROM enrollment en JOIN student s ON s.id = en.student_id
        WHERE en.class_id = $1 AND en.ends_on IS NULL ORDER BY s.surname, s.name, s.id`,
      [classId],
    )) as Array<{ id: string }>).map((r) => r.id);
  const week = async (auth: string, studentId: string, date = TODAY): Promise<DiaryDay[]> =>
    (await get(auth, '/diary/week', { studentId, date }).expect(200).expect('content-type', 'application/json; charset=utf-8')).body.days;

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [admin, parent, student, teacher] = await Promise.all([s1.logins.admin, s1.logins.parent, s1.logins.student, s1.logins.teacher].map((l) => bearer(t, l)));
  });
  afterAll(() => t.close());

  it("a guardian's diary shows only their child", async () => {
    const [child] = s1.ids.parent.childIds;
    const card = (await get(parent, '/diary/card', { studentId: child }).expect(200)).body;
    expect(card).toMatchObject({ studentId: child, classId: s1.ids.parent.childClassIds[0], schoolId: s1.id });
    expect(card.school).toEqual(expect.any(String));
    expect(card.fullName).toContain(card.surname);
    // another family's child: not found on every diary route
    const linked = (await t.db.query(
      `SELECT sg.student_id AS id FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id WHERE g.user_id = $1`,
      [s1.ids.parent.userId],
    )) as Array<{ id: string }>;
    const others = (await classStudents(s1.ids.parent.childClassIds[0])).filter((id) => !linked.some((l) => l.id === id));
    expect(others.length).toBeGreaterThan(0);
    const stranger = others[0];
    const period = (await t.db.query('SELECT id FROM study_period WHERE school_id = $1 LIMIT 1', [s1.id]))[0].id as string;
    for (const [path, query] of [
      ['/diary/card', {}],
      ['/diary/week', { date: TODAY }],
      ['/diary/marks', { periodId: period }],
      ['/diary/homework', { from: MONDAY, to: '2026-11-22' }],
    ] as Array<[string, Record<string, string>]>) {
      const res = await get(parent, path, { studentId: stranger, ...query });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'not-found' });
      expect((await get(parent, path, { studentId: child, ...query })).status).toBe(200);
    }
    // a student sees only themself: a classmate is not found
    const own = s1.ids.student.studentId;
    const classmate = (await classStudents(s1.ids.student.classId)).find((id) => id !== own) as string;
    expect((await get(student, '/diary/week', { studentId: own, date: TODAY })).status).toBe(200);
    expect((await get(student, '/diary/week', { studentId: classmate, date: TODAY })).body).toMatchObject({ status: 404, code: 'not-found' });
    // a teacher: not a student of a class they neither lead nor teach
    const unrelated = (await classStudents(s1.ids.teacher.unrelatedClassId))[0];
    expect((await get(teacher, '/diary/card', { studentId: unrelated })).status).toBe(404);
    expect((await get(admin, '/diary/card', { studentId: unrelated })).status).toBe(200);
  });

  it('the diary week shows lessons with topics, homework, marks, attendance and changes', async () => {
    const me = s1.ids.student.studentId;
    const classId = s1.ids.student.classId;
    const monday = await lessonsOf(classId, MONDAY);
    expect(monday.length).toBeGreaterThanOrEqual(3);
    const [first, second] = monday;
    await conduct(first.id, 'Сложение дробей');
    await conduct(second.id, 'Причастный оборот');
    await mark(first.id, me, 'control_work', 5);
    await mark(first.id, me, 'oral_answer', 4);
    await absent(second.id, me, 'Н');
    await homework(first.id, '№ 125, 126', TODAY, ['https://example.org/drobi']);
    // a classmate's mark at the same lesson never shows in this diary
    const classmate = (await classStudents(classId)).find((id) => id !== me) as string;
    await mark(first.id, classmate, 'control_work', 2);
    // a cancellation on Friday, through the API (the lessons are re-derived)
    const friday = await lessonsOf(classId, '2026-11-20');
    const cancelled = friday.find((l) => l.entryId !== null) as Lesson;
    const deputy = await bearer(t, s1.logins.deputy);
    await t.http
      .post(`${API}/timetable-changes`)
      .set('authorization', deputy)
      .send({ kind: 'cancellation', date: '2026-11-20', entryId: cancelled.entryId, reason: 'Учитель на курсах' })
      .expect(201);

    const days = await week(student, me);
    expect(days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(days[0].schoolDay).toBe(true);
    expect(days[6]).toMatchObject({ schoolDay: false, lessons: [] });
    const l1 = days[0].lessons.find((l) => l.id === first.id) as DiaryLesson;
    expect(l1).toMatchObject({
      lessonNumber: first.lessonNumber,
      conducted: true,
      topic: 'Сложение дробей',
      plannedTopic: null,
      homework: { text: '№ 125, 126', dueDate: TODAY, links: ['https://example.org/drobi'] },
      attendance: null,
      cancelled: false,
      change: null,
    });
    expect(l1.startsAt).toMatch(/^\d\d:\d\d$/);
    expect(l1.subject).toEqual(expect.any(String));
    expect(l1.teacher).toEqual(expect.any(String));
    expect(l1.marks.map((m) => [m.value, m.markType, m.weight]).sort()).toEqual([
      [4, 'Отв', 1],
      [5, 'К/р', 2],
    ]);
    const l2 = days[0].lessons.find((l) => l.id === second.id) as DiaryLesson;
    expect(l2).toMatchObject({ conducted: true, topic: 'Причастный оборот', attendance: 'Н', marks: [] });
    // the homework is due on Wednesday and shows there with the lesson it was set at
    expect(days[2].homeworkDue).toEqual([expect.objectContaining({ text: '№ 125, 126', lessonId: first.id, dueDate: TODAY, subject: l1.subject })]);
    // the cancelled lesson stays with its change
    const fri = days[4].lessons.find((l) => l.lessonNumber === cancelled.lessonNumber && l.cancelled) as DiaryLesson;
    expect(fri).toMatchObject({ cancelled: true, change: { kind: 'cancellation', reason: 'Учитель на курсах' }, plannedTopic: null });
    // the guardian (the student is the parent's older child) sees the same week
    expect(await week(parent, me)).toEqual(days);
    // the lessons are the class's timetable of the week (whole class and the student's subgroups)
    const expected = (await t.db.query(
      `SELECT count(*)::int AS n FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE a.class_id = $1 AND l.date BETWEEN '2026-11-16' AND '2026-11-22'
          AND (a.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = $2))`,
      [classId, me],
    ))[0].n as number;
    expect(days.reduce((n, d) => n + d.lessons.length, 0)).toBe(expected);
    // the diary's homework list gives the same item by due date
    const hw = (await get(student, '/diary/homework', { studentId: me, from: MONDAY, to: '2026-11-22' }).expect(200)).body.items;
    expect(hw).toEqual([expect.objectContaining({ text: '№ 125, 126', dueDate: TODAY, lessonId: first.id, lessonDate: MONDAY })]);
    // the staff read the class's homework; a teacher outside the class does not
    const classHw = (await get(admin, `/classes/${classId}/homework`, { from: MONDAY, to: '2026-11-22' }).expect(200)).body.items;
    expect(classHw).toEqual([expect.objectContaining({ text: '№ 125, 126', lessonId: first.id })]);
    expect((await get(teacher, `/classes/${s1.ids.teacher.unrelatedClassId}/homework`, { from: MONDAY, to: '2026-11-22' })).status).toBe(404);
    expect((await get(admin, `/classes/${classId}/homework`, { from: '2026-11-22', to: MONDAY })).body.code).toBe('date-range-invalid');
  });

  it('a week in the holidays shows no school days and says why', async () => {
    const days = await week(admin, s1.ids.student.studentId, '2026-10-28');
    expect(days.every((d) => !d.schoolDay && d.lessons.length === 0)).toBe(true);
    expect(days[0].reason).toEqual(expect.any(String));
  });

  it('coming lessons show their planned topics', async () => {
    // a class's coming lessons (after today) of assignments with an approved plan
    const rows = (await t.db.query(
      `SELECT l.id, a.class_id AS "classId" FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN thematic_plan p ON p.teaching_assignment_id = a.id AND p.status = 'approved'
        WHERE a.school_id = $1 AND a.subgroup_id IS NULL AND l.date BETWEEN '2026-11-19' AND '2026-11-22' AND NOT l.cancelled
        ORDER BY a.class_id, l.date, l.lesson_number`,
      [s1.id],
    )) as Array<{ id: string; classId: string }>;
    expect(rows.length).toBeGreaterThan(0);
    const classId = rows[0].classId;
    const someone = (await classStudents(classId))[0];
    const days = await week(admin, someone);
    const coming = days.flatMap((d) => d.lessons).filter((l) => rows.some((r) => r.id === l.id));
    expect(coming.length).toBeGreaterThan(0);
    for (const l of coming) {
      const planned = (await get(admin, `/lessons/${l.id}`).expect(200)).body.plannedTopic;
      expect(planned).not.toBeNull();
      expect({ id: l.id, conducted: l.conducted, topic: l.topic, plannedTopic: l.plannedTopic }).toEqual({ id: l.id, conducted: false, topic: null, plannedTopic: planned });
    }
  });

  it('the class average in the diary is the mean of the students\' weighted averages and matches the journal page', async () => {
    const [, child] = s1.ids.parent.childIds;
    const classId = s1.ids.parent.childClassIds[1];
    const grade = (await t.db.query('SELECT grade FROM school_class WHERE id = $1', [classId]))[0].grade as number;
    const period = (await t.db.query(
      `SELECT id FROM study_period WHERE school_id = $1 AND grade_from <= $2 AND grade_to >= $2 AND starts_on <= $3 AND ends_on >= $3 ORDER BY kind LIMIT 1`,
      [s1.id, grade, '2026-11-17'],
    ))[0].id as string;
    const [a] = await lessonsOf(classId, '2026-11-17');
    await conduct(a.id, 'Тема для оценок');
    const [x, y] = (await classStudents(classId)).filter((id) => id !== child);
    // the child: 5 (К/р, weight 2) and 4 (answer, 1) → 14 / 3 = 4.67
    await mark(a.id, child, 'control_work', 5);
    await mark(a.id, child, 'oral_answer', 4);
    // x: 3 (answer, 1) → 3.00
    await mark(a.id, x, 'oral_answer', 3);
    // y: 2 (К/р, 2) and 5 (лабораторная, 1.5) → 11.5 / 3.5 = 3.29
    await mark(a.id, y, 'control_work', 2);
    await mark(a.id, y, 'laboratory_work', 5);
    // the class average: (4.67 + 3.00 + 3.29) / 3 = 3.65
    const res = (await get(parent, '/diary/marks', { studentId: child, periodId: period }).expect(200)).body;
    const subject = res.subjects.find((s: { subjectId: string }) => s.subjectId === a.subjectId);
    expect(subject).toMatchObject({ average: 4.67, classAverage: 3.65, classId });
    expect(subject.marks.map((m: { value: number; weight: number }) => [m.value, m.weight]).sort()).toEqual([
      [4, 1],
      [5, 2],
    ]);
    // the class average matches the class journal page of the same subject and period (one definition)
    const page = (await get(admin, '/journal', { assignmentId: a.assignmentId, periodId: period }).expect(200)).body;
    expect(page.classAverage).toBe(subject.classAverage);
    expect(page.students.find((st: { id: string }) => st.id === child).average).toBe(subject.average);
    // aggregate only: no other student's marks or ids in the answer
    const text = JSON.stringify(res);
    expect(text).not.toContain(x);
    expect(text).not.toContain(y);
    // subjects without marks still list with no averages
    expect(res.subjects.filter((s: { marks: unknown[] }) => s.marks.length === 0).every((s: { average: number | null }) => s.average === null)).toBe(true);
    // an unknown period: 404
    expect((await get(parent, '/diary/marks', { studentId: child, periodId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('refuses a malformed query', async () => {
    const me = s1.ids.student.studentId;
    expect((await get(student, '/diary/week', { studentId: me, date: '2026-13-01' })).status).toBe(422);
    expect((await get(student, '/diary/week', { studentId: 'x', date: TODAY })).status).toBe(422);
    expect((await get(student, '/diary/homework', { studentId: me, from: '2026-11-22', to: '2026-11-16' })).body.code).toBe('date-range-invalid');
  });
});

import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
const TODAY = '2026-11-18';

interface Lesson {
  id: string;
  date: string;
  subgroupId: string | null;
}

/**
 * Attendance (R-ATT-1…3, §4.3.7): the class teacher's weekly verification, the class teacher's change of a reason with
 * every change in the history, and missed lessons as data. Lessons are conducted and absences entered here directly
 * (the lesson's own write path is tested in the journal suite).
 */
describe('attendance (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let director: string;
  let teacher: string;
  let parent: string;
  let student: string;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const send = (method: 'post' | 'put', auth: string, path: string, body: object) => t.http[method](`${API}${path}`).set('authorization', auth).send(body);
  const lessonsOf = async (classId: string, from: string, to: string): Promise<Lesson[]> =>
    (await t.db.query(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date, a.subgroup_id AS "subgroupId" FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
        WHERE a.class_id = $1 AND l.date BETWEEN $2 AND $3 AND NOT l.cancelled ORDER BY l.date, l.lesson_number, a.subgroup_id NULLS FIRST`,
      [classId, from, to],
    )) as Lesson[];
  const conduct = (ids: string[]) =>
    systemWrite(t, `UPDATE lesson SET conducted_at = now(), topic = 'Повторение', taught_by_staff_id = staff_id WHERE id = ANY($1::uuid[])`, [ids]);
  const absence = (lesson: Lesson, studentId: string, code: string) =>
    systemWrite(t, 'INSERT INTO attendance (school_id, lesson_id, student_id, code, deadline) VALUES ($1, $2, $3, $4, $5::date)', [s1.id, lesson.id, studentId, code, lesson.date]);
  const studentsOf = async (classId: string): Promise<string[]> =>
    ((await t.db.query('SELECT student_id AS id FROM enrollment WHERE class_id = $1 AND ends_on IS NULL ORDER BY student_id', [classId])) as Array<{ id: string }>).map((r) => r.id);
  const historyCount = async () => ((await t.db.query('SELECT count(*)::int AS n FROM attendance_history WHERE school_id = $1', [s1.id])) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [admin, deputy, director, teacher, parent, student] = await Promise.all(
      [s1.logins.admin, s1.logins.deputy, s1.logins.director, s1.logins.teacher, s1.logins.parent, s1.logins.student].map((l) => bearer(t, l)),
    );
  }, 120_000);
  afterAll(() => t.close());

  it('the class teacher verifies the week; every reason change is in the history', async () => {
    const classId = s1.ids.teacher.classId; // 5А, the teacher is its class teacher
    const week = await lessonsOf(classId, '2026-11-16', '2026-11-22');
    const lesson = week.find((l) => l.subgroupId === null)!;
    const kid = (await studentsOf(classId))[0];
    await conduct([lesson.id]);
    await absence(lesson, kid, 'Н');

    const before = (await get(teacher, `/classes/${classId}/attendance`, { weekOf: '2026-11-18' }).expect(200)).body;
    expect(before).toMatchObject({ classId, weekStartsOn: '2026-11-16', weekEndsOn: '2026-11-22', verification: null });
    expect(before.days.flatMap((d: { lessons: Array<{ lessonId: string }> }) => d.lessons.map((l) => l.lessonId)).sort()).toEqual(week.map((l) => l.id).sort());
    const shown = before.days.flatMap((d: { lessons: object[] }) => d.lessons).find((l: { lessonId: string }) => l.lessonId === lesson.id);
    expect(shown).toMatchObject({ conducted: true, absences: [{ studentId: kid, code: 'Н', note: null }] });

    // Н → У with a certificate, У → Б (the note stays), Б → present
    const path = `/lessons/${lesson.id}/attendance/${kid}`;
    expect((await send('put', teacher, path, { code: 'У', note: 'Справка от 17.11.2026', reason: 'Принесли справку' }).expect(200)).body).toEqual({
      lessonId: lesson.id, studentId: kid, code: 'У', note: 'Справка от 17.11.2026', changed: true,
    });
    await send('put', teacher, path, { code: 'Б', reason: 'Справка из поликлиники' }).expect(200);
    expect((await send('put', teacher, path, { code: 'Б', reason: 'Ещё раз' }).expect(200)).body.changed).toBe(false);
    await send('put', admin, path, { code: null, reason: 'Был на уроке, ошибка ввода' }).expect(200);
    expect(await t.db.query('SELECT code FROM attendance WHERE lesson_id = $1 AND student_id = $2', [lesson.id, kid])).toEqual([]);
    await send('put', teacher, path, { code: 'О', reason: 'Опоздал на 10 минут' }).expect(200);

    const history = (await get(teacher, `/students/${kid}/attendance-history`).expect(200)).body.items as Array<Record<string, unknown>>;
    expect(history.map((h) => [h.oldCode, h.newCode, h.oldNote, h.newNote, h.reason])).toEqual([
      ['Н', 'У', null, 'Справка от 17.11.2026', 'Принесли справку'],
      ['У', 'Б', 'Справка от 17.11.2026', 'Справка от 17.11.2026', 'Справка из поликлиники'],
      ['Б', null, 'Справка от 17.11.2026', null, 'Был на уроке, ошибка ввода'],
      [null, 'О', null, null, 'Опоздал на 10 минут'],
    ]);
    expect(history[0]).toMatchObject({ lessonId: lesson.id, date: lesson.date, changedByUserId: s1.ids.teacher.userId });
    expect((await get(deputy, `/students/${kid}/attendance-history`, { from: lesson.date, to: lesson.date }).expect(200)).body.items).toHaveLength(4);
    expect((await get(admin, `/students/${kid}/attendance-history`, { from: '2026-11-19' }).expect(200)).body.items).toEqual([]);
    await get(director, `/students/${kid}/attendance-history`).expect(403);

    // refused changes write nothing: no reason (422), a lesson not conducted (409), a student not at the lesson (422)
    const n = await historyCount();
    await send('put', teacher, path, { code: 'Н' }).expect(422);
    expect((await send('put', teacher, path, { code: 'X', reason: 'Проба' }).expect(422)).body.code).toBe('absence-code-invalid');
    const notHeld = week.find((l) => l.id !== lesson.id && l.subgroupId === null)!;
    expect((await send('put', teacher, `/lessons/${notHeld.id}/attendance/${kid}`, { code: 'У', reason: 'Проба' }).expect(409)).body.code).toBe('lesson-not-conducted');
    const stranger = (await studentsOf(s1.ids.teacher.unrelatedClassId))[0];
    expect((await send('put', teacher, `/lessons/${lesson.id}/attendance/${stranger}`, { code: 'У', reason: 'Проба' }).expect(422)).body.code).toBe('student-not-at-lesson');
    expect(await historyCount()).toBe(n);

    // the verification: the class teacher, then the admin again (one record, updated); the deputy and the director read
    const verified = (await send('post', teacher, `/classes/${classId}/attendance/verify`, { weekOf: '2026-11-18', note: 'Проверено' }).expect(200)).body;
    expect(verified.verification).toMatchObject({ verifiedByUserId: s1.ids.teacher.userId, note: 'Проверено' });
    await send('post', admin, `/classes/${classId}/attendance/verify`, { weekOf: '2026-11-22' }).expect(200);
    for (const auth of [deputy, director]) {
      const read = (await get(auth, `/classes/${classId}/attendance`, { weekOf: '2026-11-16' }).expect(200)).body;
      expect(read.verification).toMatchObject({ note: null, verifiedByUserId: expect.any(String) });
      expect(read.verification.verifiedByUserId).not.toBe(s1.ids.teacher.userId);
    }
    expect(await t.db.query('SELECT to_char(week_starts_on, \'YYYY-MM-DD\') AS w FROM attendance_week WHERE class_id = $1', [classId])).toEqual([{ w: '2026-11-16' }]);
    await send('post', deputy, `/classes/${classId}/attendance/verify`, { weekOf: '2026-11-16' }).expect(403);
    expect((await send('post', teacher, `/classes/${classId}/attendance/verify`, { weekOf: '2026-11-23' }).expect(422)).body.code).toBe('week-not-started');
  });

  it('a full day missed counts only when every lesson of it was missed', async () => {
    // a class without subgroup lessons: every student is due at every lesson of the class
    const classId = ((await t.db.query(
      `SELECT c.id FROM school_class c WHERE c.school_id = $1 AND c.grade BETWEEN 2 AND 4
          AND NOT EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.class_id = c.id AND a.subgroup_id IS NOT NULL)
        ORDER BY c.grade, c.letter LIMIT 1`,
      [s1.id],
    )) as Array<{ id: string }>)[0].id;
    const [a, b, c] = await studentsOf(classId);
    await systemWrite(t, 'UPDATE student SET surname = $2 WHERE id = $1', [a, 'Ёлкин']);
    await systemWrite(t, 'UPDATE student SET surname = $2 WHERE id = $1', [b, 'Елисеев']);
    const mon = await lessonsOf(classId, '2026-09-14', '2026-09-14');
    const tue = await lessonsOf(classId, '2026-09-15', '2026-09-15');
    expect(mon.length).toBeGreaterThan(2);
    expect(tue.length).toBeGreaterThan(2);
    await conduct([...mon, ...tue].map((l) => l.id));
    // a: all of Monday (Н, У, Б…), Tuesday all but the last lesson, where a is late (О): one full day
    const codes = ['Н', 'У', 'Б'];
    for (const [i, l] of mon.entries()) await absence(l, a, codes[i % 3]);
    for (const [i, l] of tue.entries()) await absence(l, a, i === tue.length - 1 ? 'О' : 'Б');
    // b: one lesson ill on Monday: no full day
    await absence(mon[0], b, 'Б');
    const due = mon.length + tue.length;
    const excusedMon = mon.filter((_, i) => i % 3 === 1).length;
    const illMon = mon.filter((_, i) => i % 3 === 2).length;

    const span = { from: '2026-09-14', to: '2026-09-15' };
    const report = (await get(admin, `/classes/${classId}/missed-lessons`, span).expect(200)).body;
    expect(report).toMatchObject(span);
    const row = (id: string) => report.items.find((r: { studentId: string }) => r.studentId === id);
    expect(row(a)).toMatchObject({ lessons: due, missed: due - 1, excused: excusedMon, ill: illMon + tue.length - 1, late: 1, missedDays: 1 });
    expect(row(b)).toMatchObject({ lessons: due, missed: 1, excused: 0, ill: 1, late: 0, missedDays: 0 });
    expect(row(c)).toMatchObject({ lessons: due, missed: 0, missedDays: 0 });
    // Russian order: Ё sorts with Е (Елисеев, Ёлкин), not before А as in code order
    const order = report.items.map((r: { surname: string }) => r.surname);
    expect(order.indexOf('Елисеев')).toBeLessThan(order.indexOf('Ёлкин'));
    expect([...order]).toEqual([...order].sort((x: string, y: string) => x.localeCompare(y, 'ru')));

    // Tuesday's last lesson missed too: a second full day
    await systemWrite(t, `UPDATE attendance SET code = 'Н' WHERE lesson_id = $1 AND student_id = $2`, [tue[tue.length - 1].id, a]);
    expect((await get(admin, `/students/${a}/missed-lessons`, span).expect(200)).body.items).toEqual([
      expect.objectContaining({ studentId: a, lessons: due, missed: due, late: 0, missedDays: 2 }),
    ]);
    // by study period: only conducted lessons count, the same figures
    const q1 = ((await t.db.query(`SELECT id FROM study_period WHERE school_id = $1 AND kind = 'quarter' AND number = 1 AND grade_from <= 2 AND grade_to >= 4`, [s1.id])) as Array<{
      id: string;
    }>)[0];
    expect((await get(admin, `/students/${a}/missed-lessons`, { periodId: q1.id }).expect(200)).body.items[0]).toMatchObject({ lessons: due, missedDays: 2 });
    expect((await get(admin, `/classes/${classId}/missed-lessons`, { from: '2026-09-14' }).expect(422)).body.code).toBe('period-invalid');
  });

  it('a student and their guardians read their own missed lessons, nobody else\'s', async () => {
    const span = { from: '2026-09-01', to: '2026-10-23' };
    const own = s1.ids.student.studentId;
    expect((await get(student, `/students/${own}/missed-lessons`, span).expect(200)).body.items).toEqual([
      expect.objectContaining({ studentId: own }),
    ]);
    const [child] = s1.ids.parent.childIds;
    await get(parent, `/students/${child}/missed-lessons`, span).expect(200);
    const stranger = (await studentsOf(s1.ids.teacher.unrelatedClassId)).find((id) => !s1.ids.parent.childIds.includes(id) && id !== own)!;
    for (const auth of [parent, student]) expect((await get(auth, `/students/${stranger}/missed-lessons`, span).expect(404)).body.code).toBe('not-found');
    await get(parent, `/classes/${s1.ids.parent.childClassIds[0]}/missed-lessons`, span).expect(403);
  });

  it('a teacher who only teaches in the class cannot change a reason (403)', async () => {
    const taught = s1.ids.teacher.taughtClassIds.find((id) => id !== s1.ids.teacher.classId)!;
    const lessons = await lessonsOf(taught, '2026-11-16', '2026-11-16');
    const lesson = lessons.find((l) => l.subgroupId === null) ?? lessons[0];
    await conduct([lesson.id]);
    const kid = (
      (await t.db.query(
        `SELECT en.student_id AS id FROM enrollment en WHERE en.class_id = $1 AND en.ends_on IS NULL
            AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = $2 AND sm.student_id = en.student_id AND sm.ends_on IS NULL))
          ORDER BY 1 LIMIT 1`,
        [taught, lesson.subgroupId],
      )) as Array<{ id: string }>
    )[0].id;
    await absence(lesson, kid, 'Н');
    const n = await historyCount();
    const refused = await send('put', teacher, `/lessons/${lesson.id}/attendance/${kid}`, { code: 'У', note: 'Справка', reason: 'Справка' }).expect(403);
    expect(refused.body.code).toBe('not-class-teacher');
    expect((await get(teacher, `/classes/${taught}/attendance`, { weekOf: '2026-11-16' }).expect(403)).body.code).toBe('not-class-teacher');
    expect((await send('post', teacher, `/classes/${taught}/attendance/verify`, { weekOf: '2026-11-16' }).expect(403)).body.code).toBe('not-class-teacher');
    // the class they only teach in is still theirs to read as missed lessons; a class out of reach is not found
    await get(teacher, `/classes/${taught}/missed-lessons`, { from: '2026-11-16', to: '2026-11-16' }).expect(200);
    const unrelated = s1.ids.teacher.unrelatedClassId;
    expect((await get(teacher, `/classes/${unrelated}/attendance`, { weekOf: '2026-11-16' }).expect(404)).body.code).toBe('not-found');
    const [other] = await lessonsOf(unrelated, '2026-11-16', '2026-11-16');
    await conduct([other.id]);
    await send('put', teacher, `/lessons/${other.id}/attendance/${(await studentsOf(unrelated))[0]}`, { code: 'У', reason: 'Проба' }).expect(404);
    // nothing written
    expect(await t.db.query('SELECT code, note FROM attendance WHERE lesson_id = $1 AND student_id = $2', [lesson.id, kid])).toEqual([{ code: 'Н', note: null }]);
    expect(await historyCount()).toBe(n);
  });
});

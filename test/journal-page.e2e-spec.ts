import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
const TODAY = '2026-11-18';

interface PageMark {
  id: string;
  value: number;
  markTypeId: string;
  markType: string;
  weight: number;
  lessonId: string | null;
  source: string;
  date: string;
  late: boolean;
}
interface PageStudent {
  id: string;
  surname: string;
  marks: PageMark[];
  absences: Array<{ lessonId: string; code: string }>;
  average: number | null;
}
interface Page {
  assignment: { id: string; classId: string; subgroupId: string | null; subjectId: string; staffId: string };
  period: { id: string | null; from: string; to: string };
  lessons: Array<{ id: string; date: string; lessonNumber: number; topic: string | null; workKind: string | null; conducted: boolean; cancelled: boolean }>;
  students: PageStudent[];
  classAverage: number | null;
}

/** Σ value × weight / Σ weight to 2 decimals, as the rule defines it (R-FC-1). */
const weighted = (marks: Array<{ value: number; weight: number }>): number | null =>
  marks.length === 0 ? null : Math.round((marks.reduce((s, x) => s + x.value * x.weight, 0) / marks.reduce((s, x) => s + x.weight, 0)) * 100) / 100;

/**
 * The class journal page (R-JRN-6): students in Russian order × the assignment's dated lessons with every mark (value,
 * type, weight), absence and the weighted averages, one request; the journal's data is written here directly (the
 * journal's own write path is tested in its suite).
 */
describe('the class journal page (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let director: string;
  let teacher: string;
  let parent: string;
  let student: string;
  let q1: string;
  let q1Span: { from: string; to: string };
  const types = new Map<string, string>();

  const page = (auth: string, query: Record<string, string>) => t.http.get(`${API}/journal`).query(query).set('authorization', auth);
  const lessonsOf = async (assignmentId: string, from: string, to: string) =>
    (await t.db.query(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date FROM lesson WHERE teaching_assignment_id = $1 AND date BETWEEN $2 AND $3 AND NOT cancelled
        ORDER BY date, lesson_number`,
      [assignmentId, from, to],
    )) as Array<{ id: string; date: string }>;
  const conduct = (ids: string[], staffId: string) =>
    systemWrite(t, `UPDATE lesson SET conducted_at = now(), topic = 'Повторение пройденного', taught_by_staff_id = $2 WHERE id = ANY($1::uuid[])`, [ids, staffId]);
  const mark = (assignmentId: string, lesson: { id: string; date: string } | null, studentId: string, code: string, value: number, extra: { annulled?: boolean; date?: string; source?: string } = {}) =>
    systemWrite(
      t,
      `INSERT INTO mark (school_id, teaching_assignment_id, lesson_id, date, student_id, mark_type_id, value, source, source_document, deadline, annulled_at, annul_reason)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $4::date, $10, $11)`,
      [
        s1.id, assignmentId, lesson?.id ?? null, lesson?.date ?? extra.date, studentId, types.get(code), value, extra.source ?? 'journal',
        extra.source ? 'Справка № 12' : null, extra.annulled ? new Date() : null, extra.annulled ? 'Ошибка ввода' : null,
      ],
    );
  const absence = (lesson: { id: string; date: string }, studentId: string, code: string) =>
    systemWrite(t, `INSERT INTO attendance (school_id, lesson_id, student_id, code, deadline) VALUES ($1, $2, $3, $4, $5::date)`, [s1.id, lesson.id, studentId, code, lesson.date]);

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [admin, deputy, director, teacher, parent, student] = await Promise.all(
      [s1.logins.admin, s1.logins.deputy, s1.logins.director, s1.logins.teacher, s1.logins.parent, s1.logins.student].map((l) => bearer(t, l)),
    );
    for (const r of (await t.db.query('SELECT id, code FROM mark_type WHERE school_id = $1', [s1.id])) as Array<{ id: string; code: string }>) types.set(r.code, r.id);
    const period = ((await t.db.query(
      `SELECT id, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to" FROM study_period
        WHERE school_id = $1 AND kind = 'quarter' AND number = 1 AND grade_from <= 5 AND grade_to >= 5`,
      [s1.id],
    )) as Array<{ id: string; from: string; to: string }>)[0];
    q1 = period.id;
    q1Span = { from: period.from, to: period.to };
  }, 120_000);
  afterAll(() => t.close());

  it('the journal page lists students in Russian order × lessons with marks, absences and weighted averages', async () => {
    const classId = s1.ids.teacher.classId; // 5А: the teacher is its class teacher
    // a whole-class assignment of 5А the teacher does not teach: the class teacher reads it as class teacher
    const a = ((await t.db.query(
      `SELECT a.id, a.staff_id AS "staffId", a.subject_id AS "subjectId" FROM teaching_assignment a JOIN subject sj ON sj.id = a.subject_id
        WHERE a.class_id = $1 AND a.subgroup_id IS NULL AND a.staff_id <> $2 ORDER BY sj.name LIMIT 1`,
      [classId, s1.ids.teacher.staffId],
    )) as Array<{ id: string; staffId: string; subjectId: string }>)[0];
    const kids = (await t.db.query('SELECT student_id AS id FROM enrollment WHERE class_id = $1 ORDER BY student_id', [classId])) as Array<{ id: string }>;
    const surnames = ['Яковлев', 'Ёлкин', 'Елисеев', 'Абрамов', 'Жуков', 'Эйлер', 'Щукин', 'Ильин', 'Чернов', 'Юдин'];
    expect(kids.length).toBeLessThanOrEqual(surnames.length);
    for (const [i, k] of kids.entries()) await systemWrite(t, 'UPDATE student SET surname = $2 WHERE id = $1', [k.id, surnames[i]]);
    const id = (surname: string) => kids[surnames.indexOf(surname)].id;
    const russian = surnames.slice(0, kids.length).sort((x, y) => x.localeCompare(y, 'ru'));
    expect(russian.slice(0, 3)).toEqual(['Абрамов', 'Елисеев', 'Ёлкин']); // Ё with Е, not before А as in code order

    const [l1, l2, l3] = await lessonsOf(a.id, q1Span.from, q1Span.to);
    await conduct([l1.id, l2.id, l3.id], a.staffId);
    // Абрамов: 5 answer (×1), 3 test paper (×2), 4 lab work (×1.5), an annulled 2, a home-schooling 5 answer (×1): 22 / 5.5 = 4.00
    await mark(a.id, l1, id('Абрамов'), 'oral_answer', 5);
    await mark(a.id, l2, id('Абрамов'), 'control_work', 3);
    await mark(a.id, l3, id('Абрамов'), 'laboratory_work', 4);
    await mark(a.id, l3, id('Абрамов'), 'oral_answer', 2, { annulled: true });
    await mark(a.id, null, id('Абрамов'), 'oral_answer', 5, { source: 'home', date: l3.date });
    // Елисеев: 4 lab work (×1.5), 5 answer (×1): 11 / 2.5 = 4.40
    await mark(a.id, l1, id('Елисеев'), 'laboratory_work', 4);
    await mark(a.id, l2, id('Елисеев'), 'oral_answer', 5);
    // Жуков: a mark after the period only
    const [after] = await lessonsOf(a.id, '2026-11-09', '2026-11-30');
    await conduct([after.id], a.staffId);
    await mark(a.id, after, id('Жуков'), 'oral_answer', 2);
    await absence(l1, id('Ёлкин'), 'Н');
    await absence(l2, id('Жуков'), 'Б');

    const res = await page(teacher, { assignmentId: a.id, periodId: q1 }).expect(200);
    const p = res.body as Page;
    expect(p.assignment).toMatchObject({ id: a.id, classId, subgroupId: null, subjectId: a.subjectId, staffId: a.staffId });
    expect(p.period).toMatchObject({ id: q1, ...q1Span });
    expect(p.students.map((s) => s.surname)).toEqual(russian);
    // the lessons: every dated lesson of the assignment in the period, in order; the conducted ones with their topic
    const all = (await t.db.query(
      `SELECT id FROM lesson WHERE teaching_assignment_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, lesson_number`,
      [a.id, q1Span.from, q1Span.to],
    )) as Array<{ id: string }>;
    expect(p.lessons.map((l) => l.id)).toEqual(all.map((l) => l.id));
    expect(p.lessons.filter((l) => l.conducted).map((l) => [l.id, l.topic])).toEqual([l1, l2, l3].map((l) => [l.id, 'Повторение пройденного']));

    const row = (surname: string) => p.students.find((s) => s.surname === surname)!;
    expect(row('Абрамов').marks.map((m) => [m.value, m.weight, m.lessonId, m.source])).toEqual([
      [5, 1, l1.id, 'journal'],
      [3, 2, l2.id, 'journal'],
      [4, 1.5, l3.id, 'journal'],
      [5, 1, null, 'home'],
    ]);
    expect(row('Абрамов').marks[1]).toMatchObject({ markTypeId: types.get('control_work'), markType: 'К/р', date: l2.date, late: false });
    expect(row('Абрамов').average).toBe(4);
    expect(row('Елисеев').average).toBe(4.4);
    expect(row('Ёлкин')).toMatchObject({ marks: [], average: null, absences: [{ lessonId: l1.id, code: 'Н' }] });
    expect(row('Жуков')).toMatchObject({ marks: [], average: null, absences: [{ lessonId: l2.id, code: 'Б' }] });
    // the class average: the mean of the averages of the students with marks
    expect(p.classAverage).toBe(4.2);
    for (const s of p.students) expect(s.average).toBe(weighted(s.marks));

    // the same page by dates; the deputy, the director, the admin and the assignment's teacher read it too
    const byDates = (await page(deputy, { assignmentId: a.id, ...q1Span }).expect(200)).body as Page;
    expect({ ...byDates, period: null }).toEqual({ ...p, period: null });
    expect(byDates.period).toEqual({ id: null, name: null, ...q1Span });
    for (const auth of [director, admin]) await page(auth, { assignmentId: a.id, periodId: q1 }).expect(200);
    // parents and students: 403; a teacher's assignment out of reach: 404
    for (const auth of [parent, student]) expect((await page(auth, { assignmentId: a.id, periodId: q1 }).expect(403)).body.code).toBe('forbidden');
    const unrelated = ((await t.db.query('SELECT id FROM teaching_assignment WHERE class_id = $1 AND staff_id <> $2 LIMIT 1', [s1.ids.teacher.unrelatedClassId, s1.ids.teacher.staffId])) as Array<{ id: string }>)[0];
    expect((await page(teacher, { assignmentId: unrelated.id, periodId: q1 }).expect(404)).body.code).toBe('not-found');
  });

  it('the period is a study period of the class or dates of at most 200 days', async () => {
    const a = ((await t.db.query('SELECT id FROM teaching_assignment WHERE class_id = $1 AND subgroup_id IS NULL LIMIT 1', [s1.ids.teacher.classId])) as Array<{ id: string }>)[0];
    const code = async (query: Record<string, string>) => (await page(admin, { assignmentId: a.id, ...query }).expect(422)).body.code;
    expect(await code({ periodId: q1, from: '2026-09-01', to: '2026-09-30' })).toBe('journal-period-invalid');
    expect(await code({ from: '2026-09-01' })).toBe('journal-period-invalid');
    expect(await code({})).toBe('journal-period-invalid');
    expect(await code({ from: '2026-09-01', to: '2027-03-20' })).toBe('date-range-invalid');
    await page(admin, { assignmentId: a.id, from: '2026-09-01', to: '2027-03-19' }).expect(200);
    // a half-year of grades 10–11 is not the 5th grade's period
    const senior = ((await t.db.query('SELECT id FROM study_period WHERE school_id = $1 AND grade_from >= 10 LIMIT 1', [s1.id])) as Array<{ id: string }>)[0];
    expect(await code({ periodId: senior.id })).toBe('journal-period-invalid');
    await page(admin, { assignmentId: a.id, periodId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });

  it('a subgroup page is one consistent answer: its members, their marks of the subject and the averages they make', async () => {
    const classId = s1.ids.teacher.classId;
    const groups = (await t.db.query(
      `SELECT a.id, a.staff_id AS "staffId", a.subgroup_id AS "subgroupId" FROM teaching_assignment a
        WHERE a.class_id = $1 AND a.subgroup_id IS NOT NULL AND a.subject_id = (SELECT subject_id FROM subgroup WHERE id = $2) ORDER BY a.subgroup_id = $2 DESC`,
      [classId, s1.ids.teacher.subgroupIds[0]],
    )) as Array<{ id: string; staffId: string; subgroupId: string }>;
    expect(groups.length).toBe(2);
    const [mine, theirs] = groups;
    const members = async (subgroupId: string) =>
      ((await t.db.query(
        `SELECT DISTINCT student_id AS id FROM subgroup_member WHERE subgroup_id = $1 AND starts_on <= $3 AND (ends_on IS NULL OR ends_on > $2) ORDER BY 1`,
        [subgroupId, q1Span.from, q1Span.to],
      )) as Array<{ id: string }>).map((r) => r.id);
    const [m1, m2] = await members(mine.subgroupId);
    const [o1] = await members(theirs.subgroupId);
    const [a1, a2] = await lessonsOf(mine.id, q1Span.from, q1Span.to);
    const [b1] = await lessonsOf(theirs.id, q1Span.from, q1Span.to);
    await conduct([a1.id, a2.id], mine.staffId);
    await conduct([b1.id], theirs.staffId);
    await mark(mine.id, a1, m1, 'oral_answer', 5);
    await mark(mine.id, a2, m1, 'dictation', 3); // (5 + 4.5) / 2.5 = 3.80
    await mark(mine.id, a1, m2, 'essay', 4); // 4.00
    await mark(theirs.id, b1, o1, 'test', 2); // the other subgroup: 2.00
    await absence(a2, m2, 'У');

    const p = (await page(teacher, { assignmentId: mine.id, periodId: q1 }).expect(200)).body as Page;
    expect(p.assignment.subgroupId).toBe(mine.subgroupId);
    expect(p.students.map((s) => s.id).sort()).toEqual(await members(mine.subgroupId));
    expect(p.students.map((s) => s.id)).not.toContain(o1);
    const row = (sid: string) => p.students.find((s) => s.id === sid)!;
    expect(row(m1).average).toBe(3.8);
    expect(row(m2)).toMatchObject({ average: 4, absences: [{ lessonId: a2.id, code: 'У' }] });
    for (const s of p.students) expect(s.average).toBe(weighted(s.marks));
    // the class average is the class's in the subject (both subgroups), the same on the other subgroup's page
    expect(p.classAverage).toBe(Math.round(((3.8 + 4 + 2) / 3) * 100) / 100);
    const other = (await page(admin, { assignmentId: theirs.id, periodId: q1 }).expect(200)).body as Page;
    expect(other.classAverage).toBe(p.classAverage);
    expect(other.students.find((s) => s.id === o1)!.average).toBe(2);
  });

  it("the page's lessons carry the approved plan's topics as the lessons list lays them", async () => {
    const a = ((await t.db.query(
      `SELECT a.id FROM teaching_assignment a JOIN thematic_plan p ON p.teaching_assignment_id = a.id
        WHERE a.school_id = $1 AND p.status = 'approved' ORDER BY a.id LIMIT 1`,
      [s1.id],
    )) as Array<{ id: string }>)[0];
    const p = (await page(admin, { assignmentId: a.id, ...q1Span }).expect(200)).body as Page & { lessons: Array<{ plannedTopic: unknown }> };
    const listed = (await t.http.get(`${API}/lessons`).query({ assignmentId: a.id, ...q1Span }).set('authorization', admin).expect(200)).body.items as Array<{
      id: string;
      plannedTopic: null | { position: number; title: string };
    }>;
    expect(p.lessons.length).toBeGreaterThan(5);
    expect(p.lessons.map((l) => [l.id, l.plannedTopic])).toEqual(
      listed.map((l) => [l.id, l.plannedTopic === null ? null : { position: l.plannedTopic.position, title: l.plannedTopic.title }]),
    );
    expect(p.lessons.some((l) => l.plannedTopic !== null)).toBe(true);
  });
});

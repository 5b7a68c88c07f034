import ExcelJS from 'exceljs';
import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

interface Topic {
  title: string;
  hours: number;
  kind: 'lesson' | 'practical' | 'lab' | 'test';
  notes?: string | null;
}

/** `n` topics of `hours` each, the last a контрольная. */
const topicsOf = (n: number, hours = 1): Topic[] =>
  Array.from({ length: n }, (_, i) => ({ title: `Тема ${i + 1}. Проба`, hours, kind: i === n - 1 ? 'test' : 'lesson' }));

/** Thematic planning: the curriculum (учебный план) and thematic plans (КТП), R-PLN-1, 2, 4. */
describe('thematic planning (КТП)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let teacher: string;
  let year: string;
  let subject: string;
  let teacherStaff: string;
  let otherStaff: string;
  let deputyUser: string;
  let classes = 0;

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object = {}) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const put = (auth: string, path: string, body: object) => t.http.put(`${API}${path}`).set('authorization', auth).send(body);
  const del = (auth: string, path: string) => t.http.delete(`${API}${path}`).set('authorization', auth);
  const upload = (auth: string, assignmentId: string, file: Buffer) =>
    t.http.post(`${API}/teaching-assignments/${assignmentId}/plan/import`).set('authorization', auth).set('content-type', XLSX).send(file);
  const download = async (auth: string, assignmentId: string) => {
    const res = await t.http.get(`${API}/teaching-assignments/${assignmentId}/plan/export`).set('authorization', auth).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    return res.body as Buffer;
  };
  const one = async <T = { id: string }>(sql: string, params: unknown[]): Promise<T> => ((await t.db.query(sql, params)) as T[])[0];

  /** A grade-7 class of this suite's own. */
  const newClass = async (): Promise<string> =>
    (await post(admin, `/academic-years/${year}/classes`, { grade: 7, letter: `П${++classes}` }).expect(201)).body.id;
  const assign = async (classId: string, staffId = teacherStaff, subjectId = subject): Promise<string> =>
    (await post(admin, `/academic-years/${year}/teaching-assignments`, { staffId, subjectId, classId, hoursPerWeek: 3 }).expect(201)).body.id;
  const plan = (id: string) => `/teaching-assignments/${id}/plan`;
  const topicsBack = (topics: Topic[]) => topics.map((x, i) => ({ position: i + 1, notes: null, ...x }));

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 4 });
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    teacher = await bearer(t, s1.logins.teacher);
    year = (await one('SELECT id FROM academic_year WHERE school_id = $1', [s1.id])).id;
    teacherStaff = (await one('SELECT st.id FROM staff st JOIN app_user u ON u.id = st.user_id WHERE u.login = $1', [s1.logins.teacher])).id;
    deputyUser = (await one('SELECT id FROM app_user WHERE login = $1', [s1.logins.deputy])).id;
    otherStaff = (await post(admin, '/staff', { surname: 'Физикова', name: 'Анна', patronymic: 'Львовна' }).expect(201)).body.id;
    subject = (await post(admin, '/subjects', { code: 'astronomy_7', name: 'Астрономия (проба)', shortName: 'Астр.' }).expect(201)).body.id;
    // grade 7 of the year: the seeded rows stay, the suite's subject gets 102 h (3 h a week × 34)
    const grade7 = (await get(deputy, `/academic-years/${year}/curriculum`, { grade: 7 }).expect(200)).body.items as Array<{
      subjectId: string;
      hoursPerYear: number;
      source: string;
    }>;
    expect(grade7.length).toBeGreaterThan(0);
    const items = [
      ...grade7.filter((r) => r.source === 'grade').map((r) => ({ subjectId: r.subjectId, hoursPerYear: r.hoursPerYear })),
      { subjectId: subject, hoursPerYear: 102 },
    ];
    const replaced = await put(deputy, `/academic-years/${year}/curriculum`, { grade: 7, items }).expect(200);
    expect(replaced.body.items).toHaveLength(items.length);
  }, 60_000);
  afterAll(() => t.close());

  it('a plan with 68 hours against a 102-hour curriculum cannot be approved', async () => {
    const a = await assign(await newClass());
    const written = await put(teacher, plan(a), { topics: topicsOf(34, 2) }).expect(200);
    expect(written.body).toMatchObject({ status: 'draft', plannedHours: 68, curriculumHours: 102, difference: -34, topicCount: 34 });
    await post(teacher, `${plan(a)}/submit`).expect(200);
    const refused = await post(deputy, `${plan(a)}/approve`).expect(409);
    expect(refused.body).toMatchObject({ code: 'plan-hours-mismatch', planned: 68, curriculum: 102, difference: -34 });
    expect(refused.body.detail).toMatch(/-34/);
    expect((await get(teacher, plan(a)).expect(200)).body).toMatchObject({ status: 'submitted', difference: -34 });
    // the deputy's control list shows the same
    const list = (await get(deputy, `/academic-years/${year}/plans`, { staffId: teacherStaff, status: 'submitted', limit: 500 }).expect(200)).body.items;
    expect(list.find((p: { assignmentId: string }) => p.assignmentId === a)).toMatchObject({ plannedHours: 68, curriculumHours: 102, difference: -34 });
  });

  it('a plan whose hours match is approved by the deputy', async () => {
    const a = await assign(await newClass());
    await put(teacher, plan(a), { topics: [...topicsOf(100), { title: 'Итоговая контрольная работа', hours: 2, kind: 'test' }] }).expect(200);
    await post(deputy, `${plan(a)}/approve`).expect(409); // a draft is submitted first
    await post(teacher, `${plan(a)}/submit`).expect(200);
    const approved = await post(deputy, `${plan(a)}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', plannedHours: 102, curriculumHours: 102, difference: 0, approvedByUserId: deputyUser });
    expect(approved.body.approvedAt).toEqual(expect.any(String));
    // a subject without a curriculum row cannot be approved either
    const noCurriculum = (await post(admin, '/subjects', { code: 'chess_7', name: 'Шахматы (проба)', shortName: 'Шахм.' }).expect(201)).body.id;
    const b = await assign(await newClass(), teacherStaff, noCurriculum);
    await put(teacher, plan(b), { topics: topicsOf(3) }).expect(200);
    await post(teacher, `${plan(b)}/submit`).expect(200);
    expect((await post(deputy, `${plan(b)}/approve`).expect(409)).body.code).toBe('no-curriculum');
  });

  it("a teacher cannot write another teacher's plan (404)", async () => {
    const a = await assign(await newClass(), otherStaff);
    await put(deputy, plan(a), { topics: topicsOf(3) }).expect(200);
    expect((await get(teacher, plan(a)).expect(404)).body.code).toBe('not-found');
    await put(teacher, plan(a), { topics: topicsOf(5) }).expect(404);
    await post(teacher, `${plan(a)}/submit`).expect(404);
    await get(teacher, `${plan(a)}/export`).expect(404);
    await upload(teacher, a, Buffer.from('x')).expect(404);
    const mine = (await get(teacher, `/academic-years/${year}/plans`, { limit: 500 }).expect(200)).body.items as Array<{ assignmentId: string; staffId: string }>;
    expect(mine.some((p) => p.assignmentId === a)).toBe(false);
    expect(mine.every((p) => p.staffId === teacherStaff)).toBe(true);
    expect((await get(deputy, plan(a)).expect(200)).body.topicCount).toBe(3);
  });

  it('an approved plan cannot be edited until returned', async () => {
    const a = await assign(await newClass());
    await put(teacher, plan(a), { topics: topicsOf(51, 2) }).expect(200);
    await post(teacher, `${plan(a)}/submit`).expect(200);
    await put(teacher, plan(a), { topics: topicsOf(1) }).expect(409); // submitted: waits for the deputy
    await post(deputy, `${plan(a)}/approve`).expect(200);
    const refused = await put(teacher, plan(a), { topics: topicsOf(102) }).expect(409);
    expect(refused.body.code).toBe('plan-approved');
    expect((await upload(teacher, a, await download(teacher, a)).expect(409)).body.code).toBe('plan-approved');
    await post(teacher, `${plan(a)}/return`, { reason: 'сам себе' }).expect(403);
    const returned = await post(deputy, `${plan(a)}/return`, { reason: 'Разбейте темы по урокам' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', note: 'Разбейте темы по урокам', approvedAt: null });
    const edited = await put(teacher, plan(a), { topics: topicsOf(102) }).expect(200);
    expect(edited.body).toMatchObject({ status: 'returned', topicCount: 102, difference: 0 });
    // changing one topic changes one row: the audit trail names that topic, not the whole plan again
    const changes = async () =>
      (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE school_id = $1 AND entity = 'plan_topic'`, [s1.id])).n;
    const before = await changes();
    const one5 = topicsOf(102);
    one5[4] = { ...one5[4], title: 'Тема 5. Звёздные величины', notes: 'с. 40' };
    await put(teacher, plan(a), { topics: one5 }).expect(200);
    expect(await changes()).toBe(before + 1);
  });

  it('a plan round-trips through XLSX unchanged', async () => {
    const a = await assign(await newClass());
    const topics: Topic[] = [
      { title: 'Тема 1. Введение', hours: 1, kind: 'lesson', notes: null },
      { title: 'Тема 2. Звёздное небо', hours: 1.5, kind: 'practical', notes: 'карта неба, с. 12–14' },
      { title: '1945', hours: 2, kind: 'lab', notes: null },
      { title: 'Тема 4. Контрольная работа № 1', hours: 0.5, kind: 'test', notes: 'вариант А и Б' },
    ];
    const before = (await put(teacher, plan(a), { topics }).expect(200)).body;
    const file = await download(teacher, a);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('КТП');
    const texts: string[] = [];
    wb.worksheets[0].eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
    expect(texts.join('|')).toMatch(/Класс: 7.*Предмет: Астрономия.*Учитель: .*Учебный год: 2026\/2027/);
    await put(teacher, plan(a), { topics: topicsOf(2) }).expect(200);
    const after = (await upload(teacher, a, file).expect(200)).body;
    expect(after.topics).toEqual(before.topics);
    expect(after.topics).toEqual(topicsBack(topics));
    // and once more: exporting the imported plan gives the same topics again
    expect((await upload(teacher, a, await download(teacher, a)).expect(200)).body.topics).toEqual(before.topics);
  });

  it('a plan file with a bad row changes nothing and names the row', async () => {
    const a = await assign(await newClass());
    const before = (await put(teacher, plan(a), { topics: topicsOf(3) }).expect(200)).body;
    const auditBefore = (await one<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE school_id = $1', [s1.id])).n;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('КТП');
    ws.addRow(['№', 'Тема', 'Часы', 'Вид работы']);
    ws.addRow([1, 'Введение', 1, 'урок']);
    ws.addRow([2, 'Звёзды', 'два', 'урок']);
    ws.addRow([3, 'Планеты', 1, 'экскурсия']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(teacher, a, file).expect(422);
    expect(res.body.code).toBe('plan-file-invalid');
    expect(res.body.rowErrors).toEqual([
      { row: 3, column: 'Часы', message: '«два» не является числом часов' },
      { row: 4, column: 'Вид работы', message: expect.stringContaining('«экскурсия» не распознан') },
    ]);
    expect((await get(teacher, plan(a)).expect(200)).body.topics).toEqual(before.topics);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE school_id = $1', [s1.id])).n).toBe(auditBefore);
    // not a file at all: 415; a JSON body on the import route is the wrong media type
    await t.http.post(`${API}${plan(a)}/import`).set('authorization', teacher).send({ topics: [] }).expect(415);
  });

  it('a plan is copied to the parallel classes', async () => {
    const source = await assign(await newClass());
    const twin = await assign(await newClass());
    const others = await assign(await newClass(), otherStaff);
    const topics: Topic[] = [...topicsOf(100), { title: 'Итоговая контрольная работа', hours: 2, kind: 'test', notes: 'на два урока' }];
    await put(teacher, plan(source), { topics }).expect(200);
    const copied = await post(teacher, `${plan(source)}/copy`, { toAssignmentIds: [twin] }).expect(200);
    expect(copied.body.items).toEqual([expect.objectContaining({ assignmentId: twin, status: 'draft', plannedHours: 102, difference: 0 })]);
    expect((await get(teacher, plan(twin)).expect(200)).body.topics).toEqual(topicsBack(topics));
    // a teacher copies only to their own assignments; never to another grade or subject
    const bad = await post(teacher, `${plan(source)}/copy`, { toAssignmentIds: [others] }).expect(422);
    expect(bad.body).toMatchObject({ code: 'target-invalid', errors: [{ field: 'toAssignmentIds[0]' }] });
    const grade8 = (await post(admin, `/academic-years/${year}/classes`, { grade: 8, letter: 'Я' }).expect(201)).body.id;
    const other = await assign(grade8);
    await post(teacher, `${plan(source)}/copy`, { toAssignmentIds: [other] }).expect(422);
    // the deputy copies to anyone's; an approved target needs overwrite
    await post(teacher, `${plan(twin)}/submit`).expect(200);
    await post(deputy, `${plan(twin)}/approve`).expect(200);
    const approved = await post(deputy, `${plan(source)}/copy`, { toAssignmentIds: [others, twin] }).expect(409);
    expect(approved.body).toMatchObject({ code: 'plan-approved', assignmentIds: [twin] });
    expect((await get(deputy, plan(others)).expect(200)).body.topicCount).toBe(0); // nothing was written
    const overwritten = await post(deputy, `${plan(source)}/copy`, { toAssignmentIds: [others, twin], overwrite: true }).expect(200);
    expect(overwritten.body.items.map((p: { status: string }) => p.status)).toEqual(['draft', 'draft']);
    expect((await get(deputy, plan(others)).expect(200)).body.topics).toEqual(topicsBack(topics));
  });

  it('the class override of the curriculum wins over the grade', async () => {
    const classId = await newClass();
    const sibling = await newClass();
    const a = await assign(classId);
    const b = await assign(sibling);
    await put(teacher, plan(a), { topics: topicsOf(34, 2) }).expect(200);
    expect((await get(teacher, plan(a)).expect(200)).body).toMatchObject({ curriculumHours: 102, difference: -34 });
    await put(teacher, `/classes/${classId}/curriculum/${subject}`, { hoursPerYear: 68 }).expect(403);
    const set = await put(deputy, `/classes/${classId}/curriculum/${subject}`, { hoursPerYear: 68 }).expect(200);
    expect(set.body).toMatchObject({ subjectId: subject, classId, hoursPerYear: 68, source: 'class' });
    const effective = (await get(teacher, `/academic-years/${year}/curriculum`, { classId }).expect(200)).body.items as Array<{
      subjectId: string;
      hoursPerYear: number;
      source: string;
    }>;
    expect(effective.find((r) => r.subjectId === subject)).toMatchObject({ hoursPerYear: 68, source: 'class' });
    expect(effective.filter((r) => r.source === 'grade').length).toBeGreaterThan(0);
    expect((await get(teacher, plan(a)).expect(200)).body).toMatchObject({ curriculumHours: 68, difference: 0 });
    expect((await get(teacher, plan(b)).expect(200)).body.curriculumHours).toBe(102);
    // the whole year's rows list the override beside the grade row
    const all = (await get(admin, `/academic-years/${year}/curriculum`, { grade: 7 }).expect(200)).body.items as Array<{ subjectId: string; source: string }>;
    expect(all.filter((r) => r.subjectId === subject).map((r) => r.source).sort()).toEqual(['class', 'grade']);
    await del(deputy, `/classes/${classId}/curriculum/${subject}`).expect(204);
    await del(deputy, `/classes/${classId}/curriculum/${subject}`).expect(404);
    expect((await get(teacher, plan(a)).expect(200)).body.curriculumHours).toBe(102);
  });

  it('the generated school has a curriculum and a plan matching it for every assignment', async () => {
    const ids = s1.seeded.assignmentIds;
    expect(ids.length).toBeGreaterThan(0);
    const rows = (await t.db.query(
      `SELECT a.id, coalesce(sum(pt.hours), 0)::text AS planned,
              coalesce(co.hours_per_year, cg.hours_per_year)::text AS curriculum,
              count(pt.id) FILTER (WHERE pt.kind = 'test')::int AS tests
         FROM teaching_assignment a
         JOIN school_class c ON c.id = a.class_id
         JOIN thematic_plan p ON p.teaching_assignment_id = a.id
         LEFT JOIN plan_topic pt ON pt.plan_id = p.id
         LEFT JOIN curriculum_hours co ON co.class_id = a.class_id AND co.subject_id = a.subject_id
         LEFT JOIN curriculum_hours cg ON cg.class_id IS NULL AND cg.academic_year_id = a.academic_year_id AND cg.grade = c.grade
                                      AND cg.subject_id = a.subject_id
        WHERE a.id = ANY($1::uuid[])
        GROUP BY a.id, co.hours_per_year, cg.hours_per_year`,
      [ids],
    )) as Array<{ id: string; planned: string; curriculum: string | null; tests: number }>;
    expect(rows).toHaveLength(ids.length);
    expect(rows.filter((r) => r.curriculum === null || Number(r.planned) !== Number(r.curriculum) || r.tests === 0)).toEqual([]);
    const p = (await get(deputy, plan(ids[0])).expect(200)).body;
    expect(p.difference).toBe(0);
    expect(p.topics.some((x: Topic) => x.kind === 'test')).toBe(true);
  });
});

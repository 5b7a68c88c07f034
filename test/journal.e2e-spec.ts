import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
/** The school's today in this suite: Wednesday of the second quarter. */
const TODAY = '2026-11-18';

interface DatedLesson {
  id: string;
  date: string;
  lessonNumber: number;
  assignmentId: string;
  classId: string;
  subgroupId: string | null;
  staffId: string;
  entryId: string | null;
  cancelled: boolean;
}

interface JournalState {
  lesson: { id: string; topic: string | null; workKind: string | null; conducted: boolean; taughtByStaffId: string | null; recordDeadline: string | null; recordLate: boolean };
  marks: Array<{ id: string; studentId: string; markTypeId: string; markTypeShortName: string; weight: number; value: number; comment: string | null; deadline: string; late: boolean }>;
  attendance: Array<{ studentId: string; code: string; note: string | null; deadline: string; late: boolean }>;
  homework: null | { text: string; dueDate: string; dueLessonId: string | null; links: string[]; late: boolean };
}

/**
 * The lesson's journal write path (R-JRN-1…7): one PUT per lesson with topic, marks, attendance and homework, its
 * deadlines, history, idempotent retries, outage windows and home-schooling marks — through HTTP on the seeded school,
 * with the school's today fixed. Each test works on its own lessons.
 */
describe('the lesson journal (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let teacher: string;
  let director: string;
  let types: Record<string, string>;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const send = (method: 'post' | 'put' | 'delete', auth: string, path: string, body?: object, headers: Record<string, string> = {}) => {
    const r = t.http[method](`${API}${path}`).set('authorization', auth);
    for (const [k, v] of Object.entries(headers)) r.set(k, v);
    return r.send(body);
  };
  const put = (lessonId: string, body: object, auth = teacher, headers: Record<string, string> = {}) => send('put', auth, `/lessons/${lessonId}/journal`, body, headers);
  const count = async (table: string): Promise<number> =>
    ((await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE school_id = $1`, [s1.id])) as Array<{ n: number }>)[0].n;
  const counts = async () => ({
    mark: await count('mark'),
    markHistory: await count('mark_history'),
    attendance: await count('attendance'),
    attendanceHistory: await count('attendance_history'),
    homework: await count('homework'),
    audit: await count('audit_event'),
    conducted: ((await t.db.query('SELECT count(*)::int AS n FROM lesson WHERE school_id = $1 AND conducted_at IS NOT NULL', [s1.id])) as Array<{ n: number }>)[0].n,
  });
  /** The teacher's own (not cancelled) lessons over [from, to], from GET /lessons. */
  const teacherLessons = async (from: string, to: string): Promise<DatedLesson[]> =>
    ((await get(teacher, '/lessons', { staffId: s1.ids.teacher.staffId, from, to }).expect(200)).body.items as DatedLesson[]).filter((l) => !l.cancelled);
  /** Students due at a lesson: enrolled in its class that day (and members of its subgroup). */
  const studentsOf = async (l: DatedLesson): Promise<string[]> =>
    ((await t.db.query(
      `SELECT en.student_id AS id FROM enrollment en
        WHERE en.class_id = $1 AND en.starts_on <= $2::date AND (en.ends_on IS NULL OR en.ends_on > $2::date)
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = $3 AND sm.student_id = en.student_id
                 AND sm.starts_on <= $2::date AND (sm.ends_on IS NULL OR sm.ends_on > $2::date)))
        ORDER BY en.student_id`,
      [l.classId, l.date, l.subgroupId],
    )) as Array<{ id: string }>).map((r) => r.id);
  const used = new Set<string>();
  /** A lesson of the teacher on `date` not used by another test. */
  const ownLesson = async (date: string, filter: (l: DatedLesson) => boolean = () => true): Promise<DatedLesson> => {
    const l = (await teacherLessons(date, date)).find((x) => !used.has(x.id) && filter(x));
    if (l === undefined) throw new Error(`no free lesson of the teacher on ${date}`);
    used.add(l.id);
    return l;
  };
  /** Makes the teacher the substitute (through the deputy's dated change) of a lesson of a class of `grades` on a day of [from, to]. */
  const substituteInto = async (grades: number[], from: string, to: string): Promise<DatedLesson> => {
    const rows = (await t.db.query(
      `SELECT l.id, to_char(l.date, 'YYYY-MM-DD') AS date FROM lesson l
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id JOIN school_class c ON c.id = a.class_id
        WHERE l.school_id = $1 AND c.grade = ANY($2::int[]) AND l.date BETWEEN $3::date AND $4::date AND NOT l.cancelled
          AND l.timetable_entry_id IS NOT NULL AND l.timetable_change_id IS NULL AND l.staff_id <> $5 AND a.subgroup_id IS NULL
          AND NOT (l.id = ANY($6::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM lesson o WHERE o.staff_id = $5 AND o.date = l.date AND o.lesson_number = l.lesson_number)
          AND NOT EXISTS (SELECT 1 FROM timetable_entry e JOIN teaching_assignment ta ON ta.id = e.teaching_assignment_id
                           WHERE ta.staff_id = $5 AND e.lesson_number = l.lesson_number AND e.weekday = extract(isodow FROM l.date)::int)
        ORDER BY l.date DESC, l.lesson_number, l.id LIMIT 1`,
      [s1.id, grades, from, to, s1.ids.teacher.staffId, [...used]],
    )) as Array<{ id: string; date: string }>;
    if (rows.length === 0) throw new Error('no lesson to substitute');
    const lesson = (await get(admin, `/lessons/${rows[0].id}`).expect(200)).body as DatedLesson;
    await send('post', deputy, '/timetable-changes', {
      kind: 'substitution', date: lesson.date, entryId: lesson.entryId, substituteStaffId: s1.ids.teacher.staffId, reason: 'Болезнь учителя',
    }).expect(201);
    used.add(lesson.id);
    return (await get(admin, `/lessons/${lesson.id}`).expect(200)).body as DatedLesson;
  };
  const record = (over: object = {}) => ({ topic: 'Повторение изученного', marks: [], attendance: [], ...over });

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [admin, deputy, teacher, director] = await Promise.all([s1.logins.admin, s1.logins.deputy, s1.logins.teacher, s1.logins.director].map((l) => bearer(t, l)));
    types = Object.fromEntries(
      ((await t.db.query('SELECT code, id FROM mark_type WHERE school_id = $1', [s1.id])) as Array<{ code: string; id: string }>).map((r) => [r.code, r.id]),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a lesson PUT records the topic, marks, absences and homework in one request and GET serves the same state', async () => {
    const lesson = await ownLesson(TODAY);
    const [a, b, c] = await studentsOf(lesson);
    const later = (await teacherLessons('2026-11-19', '2026-12-10')).find((l) => l.assignmentId === lesson.assignmentId)!;
    const res = await put(lesson.id, {
      topic: 'Present Simple: утвердительные предложения',
      marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5, comment: 'Отличный ответ' }],
      attendance: [{ studentId: b, code: 'Б', note: 'Справка' }, { studentId: c, code: 'О' }],
      homework: { text: 'Упр. 5, с. 24', dueLessonId: later.id, links: ['https://example.org/упражнение'] },
    }).expect(200);
    const state = res.body as JournalState;
    // no workKind given: the planned topic's kind, else 'lesson'
    const planned = (await get(teacher, `/lessons/${lesson.id}`).expect(200)).body.plannedTopic as { kind: string } | null;
    expect(state.lesson).toMatchObject({ id: lesson.id, topic: 'Present Simple: утвердительные предложения', workKind: planned?.kind ?? 'lesson', conducted: true,
      taughtByStaffId: s1.ids.teacher.staffId, recordDeadline: TODAY, recordLate: false });
    expect(state.marks).toEqual([expect.objectContaining({ studentId: a, markTypeId: types.oral_answer, markTypeShortName: 'Отв', weight: 1, value: 5,
      comment: 'Отличный ответ', deadline: TODAY, late: false })]);
    expect(state.attendance.map((x) => [x.studentId, x.code]).sort()).toEqual([[b, 'Б'], [c, 'О']].sort());
    expect(state.homework).toMatchObject({ text: 'Упр. 5, с. 24', dueDate: later.date, dueLessonId: later.id, links: ['https://example.org/упражнение'] });
    // homework carries its lesson's assignment (the diary reads the homework due by it)
    expect(await t.db.query('SELECT h.teaching_assignment_id = l.teaching_assignment_id AS same FROM homework h JOIN lesson l ON l.id = h.lesson_id WHERE h.lesson_id = $1', [lesson.id]))
      .toEqual([{ same: true }]);
    expect((await get(admin, `/lessons/${lesson.id}/journal`).expect(200)).body).toEqual(state);
    expect((await get(director, `/lessons/${lesson.id}/journal`).expect(200)).body).toEqual(state);

    // the complete set: b is present now, c's lateness stays; homework left out stays, null removes it
    const again = (await put(lesson.id, { topic: 'Present Simple: повторение', marks: [], attendance: [{ studentId: c, code: 'О' }], reason: 'Ошибка' }).expect(200)).body as JournalState;
    expect(again.attendance.map((x) => x.studentId)).toEqual([c]);
    expect(again.marks).toEqual([]);
    expect(again.homework).not.toBeNull();
    expect((await put(lesson.id, { topic: 'Present Simple: повторение', marks: [], attendance: [], homework: null }).expect(200)).body.homework).toBeNull();
    const history = (await get(admin, `/lessons/${lesson.id}/history`).expect(200)).body;
    expect(history.marks.map((h: { action: string }) => h.action)).toEqual(['create', 'annul']);
    expect(history.attendance.filter((h: { studentId: string }) => h.studentId === b).map((h: { oldCode: string | null; newCode: string | null }) => [h.oldCode, h.newCode])).toEqual([
      [null, 'Б'],
      ['Б', null],
    ]);
  });

  it("without a workKind the lesson takes the planned topic's kind of work", async () => {
    const all = (await get(teacher, '/lessons', { staffId: s1.ids.teacher.staffId, from: '2026-09-01', to: '2026-11-05' }).expect(200)).body.items as Array<
      DatedLesson & { plannedTopic: { kind: string } | null }
    >;
    const lesson = all.find((l) => !l.cancelled && !used.has(l.id) && l.plannedTopic !== null && l.plannedTopic.kind !== 'lesson')!;
    used.add(lesson.id);
    const state = (await put(lesson.id, record()).expect(200)).body as JournalState;
    expect(state.lesson.workKind).toBe(lesson.plannedTopic!.kind);
    expect((await put(lesson.id, record({ workKind: 'lesson' })).expect(200)).body.lesson.workKind).toBe('lesson');
  });

  it('grade 1 gets no marks', async () => {
    const lesson = await substituteInto([1], '2026-11-09', '2026-11-17');
    const [a, b] = await studentsOf(lesson);
    const before = await counts();
    const refused = await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5 }] })).expect(422);
    expect(refused.body.code).toBe('grade-1-no-marks');
    expect(await counts()).toEqual(before);
    // homework before the second half-year: refused with its own code
    const hw = await put(lesson.id, record({ homework: { text: 'Прописи', dueDate: '2026-11-30' } })).expect(422);
    expect(hw.body.code).toBe('grade-1-homework-first-half');
    expect(await counts()).toEqual(before);
    // attendance and the topic still work
    const ok = (await put(lesson.id, record({ attendance: [{ studentId: b, code: 'У', note: 'Заявление родителей' }] })).expect(200)).body as JournalState;
    expect(ok.lesson.conducted).toBe(true);
    expect(ok.marks).toEqual([]);
    expect(ok.attendance).toEqual([expect.objectContaining({ studentId: b, code: 'У' })]);
  });

  it('«5+», 0, 6 and 5.5 are refused with mark-value-invalid and nothing is written', async () => {
    const lesson = await ownLesson('2026-11-17');
    const [a] = await studentsOf(lesson);
    const before = await counts();
    for (const value of ['5+', '4-', 0, 6, 5.5, '5', null]) {
      const res = await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value }] })).expect(422);
      expect({ value, code: res.body.code }).toEqual({ value, code: 'mark-value-invalid' });
    }
    expect(await counts()).toEqual(before);
    expect((await get(admin, `/lessons/${lesson.id}/journal`).expect(200)).body.lesson.conducted).toBe(false);
  });

  it('a mark by a teacher who neither teaches nor substitutes that lesson is refused and nothing is written', async () => {
    // a lesson of the class the teacher leads, given by another teacher: readable, not writable
    const other = ((await get(teacher, '/lessons', { classId: s1.ids.teacher.classId, from: '2026-11-16', to: '2026-11-16' }).expect(200)).body.items as DatedLesson[]).find(
      (l) => l.staffId !== s1.ids.teacher.staffId && !l.cancelled,
    )!;
    const [a] = await studentsOf(other);
    const before = await counts();
    const refused = await put(other.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 4 }] })).expect(403);
    expect(refused.body.code).toBe('not-lesson-teacher');
    await get(teacher, `/lessons/${other.id}/journal`).expect(200);
    // a lesson out of the teacher's reach: 404
    const unrelated = ((await get(admin, '/lessons', { classId: s1.ids.teacher.unrelatedClassId, from: '2026-11-16', to: '2026-11-16' }).expect(200)).body
      .items as DatedLesson[])[0];
    expect((await put(unrelated.id, record()).expect(404)).body.code).toBe('not-found');
    // the administrator reads but does not write
    await put(other.id, record(), admin).expect(403);
    expect(await counts()).toEqual(before);
  });

  it('the substitute of that date may fill the lesson', async () => {
    const lesson = await substituteInto([5, 6, 7, 8, 9], '2026-11-09', '2026-11-17');
    expect(lesson.staffId).toBe(s1.ids.teacher.staffId);
    const [a] = await studentsOf(lesson);
    const state = (await put(lesson.id, record({ topic: 'Замена: решение задач', marks: [{ studentId: a, markTypeId: types.oral_answer, value: 4 }] })).expect(200))
      .body as JournalState;
    expect(state.lesson).toMatchObject({ conducted: true, taughtByStaffId: s1.ids.teacher.staffId, topic: 'Замена: решение задач' });
    expect(state.marks).toHaveLength(1);
  });

  it('a late written-work mark is flagged; the same mark within its deadline is not', async () => {
    // a test (контрольная) in grades 5–11: within 5 working days (6-day week) after the lesson
    const early = await ownLesson('2026-11-10'); // +5 working days: 2026-11-16 < today
    const recent = await ownLesson('2026-11-16'); // +5 working days: 2026-11-21
    const body = async (l: DatedLesson) => record({ workKind: 'test', marks: [{ studentId: (await studentsOf(l))[0], markTypeId: types.control_work, value: 3 }] });
    const late = (await put(early.id, await body(early)).expect(200)).body as JournalState;
    expect(late.marks[0]).toMatchObject({ deadline: '2026-11-16', late: true });
    expect(late.lesson).toMatchObject({ workKind: 'test', recordDeadline: '2026-11-10', recordLate: true });
    const inTime = (await put(recent.id, await body(recent)).expect(200)).body as JournalState;
    expect(inTime.marks[0]).toMatchObject({ deadline: '2026-11-21', late: false });
    // other written work on an ordinary lesson: by the assignment's next lesson
    const ordinary = await ownLesson('2026-11-13');
    const next = (await teacherLessons('2026-11-14', '2026-12-31')).find((l) => l.assignmentId === ordinary.assignmentId)!;
    const written = (await put(ordinary.id, record({ workKind: 'lesson', marks: [{ studentId: (await studentsOf(ordinary))[0], markTypeId: types.dictation, value: 4 }] })).expect(200))
      .body as JournalState;
    expect(written.marks[0]).toMatchObject({ deadline: next.date, late: next.date < TODAY });
  });

  it('an outage window moves the deadline', async () => {
    const lesson = await ownLesson('2026-11-12');
    const earlier = await ownLesson('2026-11-06');
    const outage = await send('post', admin, '/journal-outages', { startsAt: '2026-11-12T02:00:00Z', endsAt: '2026-11-17T05:00:00Z', reason: 'Сбой сервера' }).expect(201);
    expect((await send('post', admin, '/journal-outages', { startsAt: '2026-11-12T02:00:00Z', endsAt: '2026-11-12T02:00:00Z', reason: 'Сбой' }).expect(422)).body.code).toBe(
      'outage-span-invalid',
    );
    expect((await send('post', admin, '/journal-outages', { startsAt: '1900-01-01T00:00:00Z', endsAt: '2026-11-12T02:00:00Z', reason: 'Сбой' }).expect(422)).body.code).toBe(
      'outage-span-invalid',
    );
    await send('post', deputy, '/journal-outages', { startsAt: '2026-11-12T02:00:00Z', endsAt: '2026-11-17T05:00:00Z', reason: 'Сбой' }).expect(403);
    expect((await get(deputy, '/journal-outages', { from: '2026-11-01', to: '2026-11-30' }).expect(200)).body.items.map((o: { id: string }) => o.id)).toEqual([outage.body.id]);
    try {
      const moved = (await put(lesson.id, record({ marks: [{ studentId: (await studentsOf(lesson))[0], markTypeId: types.oral_answer, value: 5 }] })).expect(200))
        .body as JournalState;
      // access returned on 2026-11-17: due the next working day, 2026-11-18 (today): not late
      expect(moved.lesson).toMatchObject({ recordDeadline: '2026-11-18', recordLate: false });
      expect(moved.marks[0]).toMatchObject({ deadline: '2026-11-18', late: false });
      // a lesson whose deadline passed before the outage: still late
      const notMoved = (await put(earlier.id, record({ marks: [{ studentId: (await studentsOf(earlier))[0], markTypeId: types.oral_answer, value: 5 }] })).expect(200))
        .body as JournalState;
      expect(notMoved.marks[0]).toMatchObject({ deadline: '2026-11-06', late: true });
    } finally {
      await send('delete', admin, `/journal-outages/${outage.body.id}`).expect(204);
    }
    await send('delete', admin, `/journal-outages/${outage.body.id}`).expect(404);
  });

  it('changing a mark keeps both values in history', async () => {
    const lesson = await ownLesson(TODAY, (l) => l.classId === s1.ids.teacher.classId);
    const [a] = await studentsOf(lesson);
    await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 4 }] })).expect(200);
    const changed = (await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5, comment: 'Исправил ответ' }] })).expect(200))
      .body as JournalState;
    expect(changed.marks).toEqual([expect.objectContaining({ value: 5, comment: 'Исправил ответ' })]);
    const history = (await get(admin, `/lessons/${lesson.id}/history`).expect(200)).body;
    expect(history.marks.map((h: object) => ({ ...h }))).toEqual([
      expect.objectContaining({ markId: changed.marks[0].id, action: 'create', oldValue: null, newValue: 4, afterDeadline: false }),
      expect.objectContaining({ markId: changed.marks[0].id, action: 'change', oldValue: 4, newValue: 5, changedByUserId: s1.ids.teacher.userId }),
    ]);
    // a change of type is a change, with both types
    await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.independent_work, value: 5 }] })).expect(200);
    const typed = (await get(admin, `/lessons/${lesson.id}/history`).expect(200)).body.marks[2];
    expect(typed).toMatchObject({ action: 'change', oldMarkTypeId: types.oral_answer, newMarkTypeId: types.independent_work, oldValue: 5, newValue: 5 });
    // the class teacher (the teacher leads this class) and the deputy read it; the student's history too
    await get(teacher, `/lessons/${lesson.id}/history`).expect(200);
    await get(deputy, `/lessons/${lesson.id}/history`).expect(200);
    await get(director, `/lessons/${lesson.id}/history`).expect(403);
    const student = (await get(teacher, `/students/${a}/mark-history`, { from: TODAY, to: TODAY }).expect(200)).body.items;
    expect(student.map((h: { action: string }) => h.action)).toEqual(['create', 'change', 'change']);
  });

  it('a change after the deadline needs a reason', async () => {
    const lesson = await ownLesson('2026-11-11');
    const [a, b] = await studentsOf(lesson);
    await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 3 }, { studentId: b, markTypeId: types.oral_answer, value: 4 }] })).expect(200);
    const before = await counts();
    const change = record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 4 }, { studentId: b, markTypeId: types.oral_answer, value: 4 }] });
    expect((await put(lesson.id, change).expect(422)).body.code).toBe('reason-required');
    // an annulment too
    expect((await put(lesson.id, record({ marks: [{ studentId: b, markTypeId: types.oral_answer, value: 4 }] })).expect(422)).body.code).toBe('reason-required');
    expect(await counts()).toEqual(before);
    const ok = (await put(lesson.id, { ...change, reason: 'Ошибка при выставлении' }).expect(200)).body as JournalState;
    expect(ok.marks.find((mk) => mk.studentId === a)?.value).toBe(4);
    const last = (await get(admin, `/lessons/${lesson.id}/history`).expect(200)).body.marks.at(-1);
    expect(last).toMatchObject({ action: 'change', oldValue: 3, newValue: 4, reason: 'Ошибка при выставлении', afterDeadline: true });
    // nothing is deleted: an annulled mark keeps its row
    await put(lesson.id, record({ marks: [], reason: 'Ученик отсутствовал' })).expect(200);
    const rows = (await t.db.query('SELECT annul_reason FROM mark WHERE lesson_id = $1 ORDER BY annul_reason', [lesson.id])) as Array<{ annul_reason: string }>;
    expect(rows.map((r) => r.annul_reason)).toEqual(['Ученик отсутствовал', 'Ученик отсутствовал']);
  });

  it('a retried lesson PUT with the same Idempotency-Key writes nothing twice', async () => {
    const lesson = await ownLesson('2026-11-17');
    const [a, b] = await studentsOf(lesson);
    const body = record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5 }], attendance: [{ studentId: b, code: 'Н' }], homework: { text: 'Выучить слова', dueDate: '2026-11-25' } });
    const key = { 'Idempotency-Key': 'lesson-2026-11-17-1' };
    const first = await put(lesson.id, body, teacher, key).expect(200);
    const after = await counts();
    const retry = await put(lesson.id, body, teacher, key).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(await counts()).toEqual(after);
    const stored = (await t.db.query('SELECT status, expires_at > now() + interval \'23 hours\' AS fresh FROM idempotency_key WHERE key = $1', [key['Idempotency-Key']])) as unknown[];
    expect(stored).toEqual([{ status: 200, fresh: true }]);
    // the same key with another request: refused, nothing written
    const other = await put(lesson.id, { ...body, topic: 'Другая тема' }, teacher, key).expect(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(await counts()).toEqual(after);
    expect((await put(lesson.id, body, teacher, { 'Idempotency-Key': 'x'.repeat(201) }).expect(422)).body.code).toBe('idempotency-key-invalid');
  });

  it('two concurrent PUTs with the same Idempotency-Key write once and give the same answer', async () => {
    const lesson = await ownLesson('2026-11-13');
    const [a, b] = await studentsOf(lesson);
    const body = record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 4 }], attendance: [{ studentId: b, code: 'У' }] });
    const key = { 'Idempotency-Key': 'lesson-2026-11-13-concurrent' };
    const before = await counts();
    const [x, y] = await Promise.all([put(lesson.id, body, teacher, key), put(lesson.id, body, teacher, key)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body).toEqual(y.body);
    const after = await counts();
    expect(after).not.toEqual(before);
    expect((await t.db.query('SELECT count(*)::int AS n FROM mark WHERE lesson_id = $1', [lesson.id])) as unknown[]).toEqual([{ n: 1 }]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM mark_history h JOIN mark m ON m.id = h.mark_id WHERE m.lesson_id = $1', [lesson.id])) as unknown[]).toEqual([{ n: 1 }]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM attendance_history WHERE lesson_id = $1', [lesson.id])) as unknown[]).toEqual([{ n: 1 }]);
  });

  it('two marks of different types for one student in a lesson', async () => {
    const lesson = await ownLesson('2026-11-16');
    const [a] = await studentsOf(lesson);
    const state = (await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5 }, { studentId: a, markTypeId: types.dictation, value: 3 }] })).expect(200))
      .body as JournalState;
    expect(state.marks.map((mk) => [mk.markTypeShortName, mk.value, mk.weight]).sort()).toEqual([['Дикт', 3, 1.5], ['Отв', 5, 1]].sort());
    const twice = await put(lesson.id, record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5 }, { studentId: a, markTypeId: types.oral_answer, value: 4 }] })).expect(422);
    expect(twice.body.code).toBe('duplicate-mark');
  });

  it('refusals: a cancelled or future lesson, a topic not in Russian, a stranger, a foreign mark type, a weight, homework due before the lesson', async () => {
    const lesson = await ownLesson('2026-11-14');
    const [a] = await studentsOf(lesson);
    const before = await counts();
    const code = async (body: object, status = 422, id = lesson.id) => (await put(id, body).expect(status)).body.code as string;
    expect(await code(record({ topic: 'Present Simple' }))).toBe('topic-not-russian');
    const stranger = ((await t.db.query('SELECT id FROM student WHERE school_id = $1 AND NOT (id = ANY($2::uuid[])) LIMIT 1', [s1.id, await studentsOf(lesson)])) as Array<{ id: string }>)[0].id;
    expect(await code(record({ attendance: [{ studentId: stranger, code: 'Н' }] }))).toBe('student-not-in-lesson');
    expect(await code(record({ marks: [{ studentId: a, markTypeId: '00000000-0000-4000-8000-000000000000', value: 5 }] }))).toBe('mark-type-invalid');
    expect(await code(record({ marks: [{ studentId: a, markTypeId: types.oral_answer, value: 5, weight: 3 }] }))).toBe('validation-failed');
    expect(await code(record({ homework: { text: 'Упр. 1', dueDate: lesson.date } }))).toBe('homework-due-invalid');
    expect(await code(record({ homework: { text: 'Упр. 1', dueDate: '2026-11-30', links: ['ftp://example.org/x'] } }))).toBe('validation-failed');
    const future = await ownLesson('2026-11-19');
    expect(await code(record(), 409, future.id)).toBe('lesson-in-future');
    await systemWrite(t, 'UPDATE lesson SET cancelled = true WHERE id = $1', [lesson.id]);
    expect(await code(record(), 409)).toBe('lesson-cancelled');
    expect(await counts()).toEqual(before);
  });

  it('home-schooling marks carry their source and document', async () => {
    const studentId = s1.ids.student.studentId;
    const [assignment] = (await t.db.query(
      'SELECT id FROM teaching_assignment WHERE class_id = $1 AND subgroup_id IS NULL ORDER BY id LIMIT 1',
      [s1.ids.student.classId],
    )) as Array<{ id: string }>;
    const body = { assignmentId: assignment.id, date: '2026-11-10', markTypeId: types.oral_answer, value: 5, source: 'home', sourceDocument: 'Приказ № 45-у от 01.09.2026' };
    await send('post', teacher, `/students/${studentId}/external-marks`, body).expect(403);
    expect((await send('post', deputy, `/students/${studentId}/external-marks`, { ...body, value: '5+' }).expect(422)).body.code).toBe('mark-value-invalid');
    await send('post', deputy, `/students/${studentId}/external-marks`, { ...body, sourceDocument: undefined }).expect(422);
    const created = (await send('post', deputy, `/students/${studentId}/external-marks`, body).expect(201)).body;
    expect(created).toMatchObject({ studentId, assignmentId: assignment.id, lessonId: null, date: '2026-11-10', value: 5, source: 'home', sourceDocument: 'Приказ № 45-у от 01.09.2026', annulledAt: null });
    const hospital = (await send('post', admin, `/students/${studentId}/external-marks`, { ...body, source: 'hospital', sourceDocument: 'Справка КДБ № 7' }).expect(201)).body;
    expect(hospital).toMatchObject({ source: 'hospital', sourceDocument: 'Справка КДБ № 7' });
    const annulled = (await send('post', deputy, `/marks/${created.id}/annul`, { reason: 'Внесена ошибочно' }).expect(200)).body;
    expect(annulled).toMatchObject({ id: created.id, annulReason: 'Внесена ошибочно', annulledAt: expect.any(String) });
    expect((await send('post', deputy, `/marks/${created.id}/annul`, { reason: 'Ещё раз' }).expect(409)).body.code).toBe('mark-annulled');
    const journalMark = ((await t.db.query("SELECT id FROM mark WHERE school_id = $1 AND source = 'journal' LIMIT 1", [s1.id])) as Array<{ id: string }>)[0];
    expect((await send('post', deputy, `/marks/${journalMark.id}/annul`, { reason: 'Нет' }).expect(409)).body.code).toBe('journal-mark');
    const history = (await get(deputy, `/students/${studentId}/mark-history`, { from: '2026-11-10', to: '2026-11-10' }).expect(200)).body.items;
    expect(history.map((h: { markId: string; action: string; source: string }) => [h.markId, h.action, h.source])).toEqual([
      [created.id, 'create', 'home'],
      [hospital.id, 'create', 'hospital'],
      [created.id, 'annul', 'home'],
    ]);
    // a class they do not lead: the teacher may not read the history
    const taught = (await teacherLessons('2026-11-09', '2026-11-14')).find((l) => l.classId !== s1.ids.teacher.classId)!;
    const [stranger] = await studentsOf(taught);
    expect((await get(teacher, `/students/${stranger}/mark-history`).expect(403)).body.code).toBe('not-class-teacher');
  });
});

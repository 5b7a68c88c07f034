import { addDays, freeStaff } from './utils/schedule-fixtures';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';
/** The schools' today in this suite: a Wednesday of the second quarter of the seeded year (2026-09-01 … 2027-05-31). */
const TODAY = '2026-11-18';
const YEAR = { from: '2026-09-01', to: '2027-05-31' };

interface DatedLesson {
  id: string;
  date: string;
  lessonNumber: number;
  assignmentId: string;
  entryId: string | null;
  classId: string;
  subgroupId: string | null;
  staffId: string;
  roomId: string | null;
  cancelled: boolean;
  conducted: boolean;
  change: null | { changeId: string; kind: string; reason: string };
  plannedTopic: null | { position: number; title: string; kind: string; hours: number };
}

interface Coverage {
  assignmentId: string;
  staffId: string;
  planStatus: string | null;
  planHours: number | null;
  lessonsInYear: number;
  lessonsSpare: number | null;
  lessonsToDate: number;
  plannedToDate: number;
  conductedToDate: number;
  lag: number;
  dueTopic: null | { position: number; title: string };
  reachedTopic: null | { position: number; title: string };
}

/**
 * Dated lessons (each lesson of the year on its date, derived from the weekly timetable, the calendar and the dated
 * changes), the approved plans' topics laid on them, and the coverage of the plans — on the seeded generated school,
 * with the schools' today fixed. Each test works on its own class or assignment.
 */
describe('dated lessons, planned topics and coverage (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let teacher: string;
  let parent: string;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const send = (method: 'post' | 'put' | 'patch' | 'delete', auth: string, path: string, body?: object) =>
    t.http[method](`${API}${path}`).set('authorization', auth).send(body);
  const lessons = async (query: Record<string, string>, auth = admin): Promise<DatedLesson[]> =>
    (await get(auth, '/lessons', query).expect(200)).body.items;
  const lessonsInDb = async (date: string): Promise<Array<{ id: string; conducted: boolean }>> =>
    (await t.db.query('SELECT id, conducted_at IS NOT NULL AS conducted FROM lesson WHERE school_id = $1 AND date = $2 ORDER BY id', [s1.id, date])) as Array<{
      id: string;
      conducted: boolean;
    }>;
  /** Gives lessons journal data (the journal's own writes are tested in the journal suite). */
  const conduct = (ids: string[]) => systemWrite(t, `UPDATE lesson SET conducted_at = now(), topic = 'Повторение' WHERE id = ANY($1::uuid[])`, [ids]);
  /** Whole-class assignments of a class with an approved plan, by subject name. */
  const approvedAssignments = async (classId: string): Promise<string[]> =>
    ((await t.db.query(
      `SELECT a.id FROM teaching_assignment a JOIN thematic_plan p ON p.teaching_assignment_id = a.id JOIN subject sj ON sj.id = a.subject_id
        WHERE a.class_id = $1 AND a.subgroup_id IS NULL AND p.status = 'approved' ORDER BY sj.name, a.id`,
      [classId],
    )) as Array<{ id: string }>).map((r) => r.id);
  const classes = async (): Promise<string[]> =>
    ((await t.db.query('SELECT id FROM school_class WHERE school_id = $1 ORDER BY grade, letter', [s1.id])) as Array<{ id: string }>).map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8, lessons: true });
    [admin, deputy, teacher, parent] = await Promise.all([s1.logins.admin, s1.logins.deputy, s1.logins.teacher, s1.logins.parent].map((l) => bearer(t, l)));
  }, 120_000);
  afterAll(() => t.close());

  it('every lesson of the weekly timetable is a dated lesson on each school day, and none on holidays, non-working days or Sundays', async () => {
    const classId = s1.ids.teacher.classId; // 5А: a six-day week
    const year = await lessons({ classId, ...YEAR });
    expect(year.length).toBeGreaterThan(800);
    const dates = new Set(year.map((l) => l.date));
    // autumn holidays (24 Oct – 1 Nov), День народного единства (4 Nov), winter holidays, Sundays
    for (const d of ['2026-10-24', '2026-10-26', '2026-11-01', '2026-11-04', '2026-12-30', '2027-01-05', '2026-11-15']) expect(dates.has(d)).toBe(false);
    // the dated lessons of three weeks are exactly the timetable view's lessons
    for (const monday of ['2026-09-07', '2026-11-02', '2026-12-07']) {
      const week = (await get(admin, '/timetable/week', { classId, date: monday }).expect(200)).body.days as Array<{
        date: string;
        lessons: Array<{ lessonNumber: number; assignmentId: string; staffId: string; roomId: string | null }>;
      }>;
      const fromView = week.flatMap((d) => d.lessons.map((l) => `${d.date} ${l.lessonNumber} ${l.assignmentId} ${l.staffId} ${l.roomId}`)).sort();
      const dated = year
        .filter((l) => l.date >= monday && l.date <= addDays(monday, 6))
        .map((l) => `${l.date} ${l.lessonNumber} ${l.assignmentId} ${l.staffId} ${l.roomId}`)
        .sort();
      expect(dated).toEqual(fromView);
      expect(dated.length).toBeGreaterThan(20);
    }
  });

  it("a holiday added to the calendar removes that day's future dated lessons; lessons with journal data stay", async () => {
    const day = '2026-12-02';
    const before = await lessonsInDb(day);
    expect(before.length).toBeGreaterThan(100);
    const [kept] = await lessons({ classId: s1.ids.student.classId, from: day, to: day });
    await conduct([kept.id]);

    const holiday = await send('post', admin, `/academic-years/${s1.ids.academicYearId}/holidays`, {
      name: 'Карантин', startsOn: day, endsOn: day, gradeFrom: 1, gradeTo: 11,
    }).expect(201);
    expect(await lessonsInDb(day)).toEqual([{ id: kept.id, conducted: true }]);
    expect((await lessons({ classId: s1.ids.student.classId, from: day, to: day })).map((l) => l.id)).toEqual([kept.id]);
    // the day before and after keep theirs
    expect((await lessonsInDb(addDays(day, -1))).length).toBeGreaterThan(100);
    expect((await lessonsInDb(addDays(day, 1))).length).toBeGreaterThan(100);

    // the holiday withdrawn: the day's lessons are back, the conducted one is the same row
    await send('delete', admin, `/holidays/${holiday.body.id}`).expect(204);
    const after = await lessonsInDb(day);
    expect(after.length).toBe(before.length);
    expect(after.find((l) => l.id === kept.id)).toEqual({ id: kept.id, conducted: true });
  });

  it('a holiday for grades 1–4 only removes only their lessons; a non-working calendar day removes everyone\'s', async () => {
    const day = '2026-12-09';
    const [primary] = await classes();
    const grades = async () =>
      ((await t.db.query(
        `SELECT DISTINCT c.grade FROM lesson l JOIN teaching_assignment a ON a.id = l.teaching_assignment_id JOIN school_class c ON c.id = a.class_id
          WHERE l.school_id = $1 AND l.date = $2 ORDER BY c.grade`,
        [s1.id, day],
      )) as Array<{ grade: number }>).map((r) => r.grade);
    expect(await grades()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    await send('post', admin, `/academic-years/${s1.ids.academicYearId}/holidays`, { name: 'Каникулы начальной школы', startsOn: day, endsOn: day, gradeFrom: 1, gradeTo: 4 }).expect(201);
    expect(await grades()).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(await lessons({ classId: primary, from: day, to: day })).toEqual([]);
    const nonWorking = await send('post', admin, `/academic-years/${s1.ids.academicYearId}/calendar-days`, { date: day, kind: 'non_working', reason: 'Отключение отопления' }).expect(201);
    expect(await grades()).toEqual([]);
    await send('delete', admin, `/calendar-days/${nonWorking.body.id}`).expect(204);
    expect(await grades()).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it("a working Saturday «по расписанию понедельника» has Monday's lessons for every class, in the lessons and the timetable views", async () => {
    const saturday = '2026-12-19';
    const monday = '2026-12-14';
    const [primary] = await classes(); // grade 1: a five-day week, no lessons on Saturdays
    const older = s1.ids.teacher.classId; // 5А: a six-day week with its own Saturday
    const slots = (ls: DatedLesson[]) => ls.map((l) => `${l.lessonNumber} ${l.assignmentId} ${l.entryId}`).sort();
    expect(await lessons({ classId: primary, from: saturday, to: saturday })).toEqual([]);
    const mondays = { primary: await lessons({ classId: primary, from: monday, to: monday }), older: await lessons({ classId: older, from: monday, to: monday }) };
    expect(mondays.primary.length).toBeGreaterThan(0);

    const day = await send('post', admin, `/academic-years/${s1.ids.academicYearId}/calendar-days`, {
      date: saturday, kind: 'working', reason: 'Перенос рабочего дня с 31 декабря', timetableWeekday: 1,
    }).expect(201);
    expect(day.body.timetableWeekday).toBe(1);
    expect(slots(await lessons({ classId: primary, from: saturday, to: saturday }))).toEqual(slots(mondays.primary));
    expect(slots(await lessons({ classId: older, from: saturday, to: saturday }))).toEqual(slots(mondays.older));
    const view = (await get(admin, '/timetable/day', { classId: primary, date: saturday }).expect(200)).body.days[0];
    expect(view.schoolDay).toBe(true);
    expect(view.lessons.map((l: { lessonNumber: number; assignmentId: string; entryId: string }) => `${l.lessonNumber} ${l.assignmentId} ${l.entryId}`).sort()).toEqual(slots(mondays.primary));
    // a dated change of a Monday entry on that Saturday is accepted
    const first = mondays.primary[0];
    await send('post', deputy, '/timetable-changes', { kind: 'cancellation', date: saturday, entryId: first.entryId, reason: 'Экскурсия' }).expect(201);
    // only a working day follows another weekday's timetable
    const bad = await send('post', admin, `/academic-years/${s1.ids.academicYearId}/calendar-days`, {
      date: '2026-12-26', kind: 'non_working', reason: 'x', timetableWeekday: 1,
    }).expect(422);
    expect(bad.body.code).toBe('timetable-weekday-invalid');
  });

  it('a substitute takes the dated lesson, which keeps its id; deleting the change gives it back to its teacher', async () => {
    const day = '2026-11-25';
    const [lesson] = await lessons({ classId: s1.ids.parent.childClassIds[1], from: day, to: day });
    const substitute = await freeStaff(t, s1.id, day, lesson.lessonNumber, [lesson.staffId]);
    const change = await send('post', deputy, '/timetable-changes', {
      kind: 'substitution', date: day, entryId: lesson.entryId, substituteStaffId: substitute, reason: 'Болезнь учителя', orderNumber: '112-к',
    }).expect(201);
    const substituted = (await get(admin, `/lessons/${lesson.id}`).expect(200)).body as DatedLesson;
    expect(substituted).toMatchObject({ id: lesson.id, staffId: substitute, change: { changeId: change.body.id, kind: 'substitution', reason: 'Болезнь учителя' } });
    expect((await lessons({ staffId: substitute, from: day, to: day })).map((l) => l.id)).toContain(lesson.id);
    expect((await lessons({ staffId: lesson.staffId, from: day, to: day })).map((l) => l.id)).not.toContain(lesson.id);

    await send('delete', deputy, `/timetable-changes/${change.body.id}`).expect(204);
    expect((await get(admin, `/lessons/${lesson.id}`).expect(200)).body).toMatchObject({ id: lesson.id, staffId: lesson.staffId, change: null });
  });

  it('a moved lesson leaves its slot cancelled and is held at the target; an extra lesson is a new dated lesson', async () => {
    const day = '2026-11-26';
    const classId = s1.ids.parent.childClassIds[0];
    const dayLessons = await lessons({ classId, from: day, to: day });
    const target = { date: day, lessonNumber: 7 }; // the last bell: the generated timetable has nobody there
    const move = await send('post', deputy, '/timetable-changes', {
      kind: 'move', date: day, entryId: dayLessons[0].entryId, movedToDate: target.date, movedToLesson: target.lessonNumber, reason: 'Перенос по заявлению учителя',
    }).expect(201);
    const after = await lessons({ classId, from: day, to: day });
    const original = after.find((l) => l.id === dayLessons[0].id)!;
    expect(original).toMatchObject({ cancelled: true, change: { kind: 'move' } });
    expect(after.filter((l) => l.lessonNumber === target.lessonNumber && l.assignmentId === dayLessons[0].assignmentId)).toMatchObject([
      { cancelled: false, change: { changeId: move.body.id, kind: 'move' } },
    ]);

    const extra = await send('post', deputy, '/timetable-changes', {
      // lesson 7, the last bell: the generated timetable has nobody there
      kind: 'extra', date: addDays(day, 1), lessonNumber: 7, assignmentId: dayLessons[1].assignmentId, reason: 'Консультация перед контрольной',
    }).expect(201);
    const next = await lessons({ classId, from: addDays(day, 1), to: addDays(day, 1) });
    expect(next[next.length - 1]).toMatchObject({ lessonNumber: 7, assignmentId: dayLessons[1].assignmentId, entryId: null, change: { changeId: extra.body.id, kind: 'extra' } });
    await send('delete', deputy, `/timetable-changes/${extra.body.id}`).expect(204);
    expect((await lessons({ classId, from: addDays(day, 1), to: addDays(day, 1) })).filter((l) => l.lessonNumber === 7)).toEqual([]);
    // lesson 0 is not a lesson of the bell schedule: refused for an extra lesson and a move's target
    const offBell = await send('post', deputy, '/timetable-changes', { kind: 'extra', date: addDays(day, 1), lessonNumber: 0, assignmentId: dayLessons[1].assignmentId, reason: 'Консультация' }).expect(422);
    expect(offBell.body.code).toBe('lesson-number-invalid');
  });

  it('topics of an approved plan sit on the held lessons in order; a cancelled lesson takes none and the next ones shift by one', async () => {
    const [assignmentId] = await approvedAssignments(s1.ids.student.classId);
    const plan = (await get(admin, `/teaching-assignments/${assignmentId}/plan`).expect(200)).body as {
      status: string;
      topics: Array<{ position: number; title: string; hours: number }>;
    };
    expect(plan.status).toBe('approved');
    // the expected layout, hour by hour
    const expected: number[] = plan.topics.flatMap((tp) => Array.from({ length: Math.ceil(tp.hours) }, () => tp.position));
    const year = await lessons({ assignmentId, ...YEAR });
    const held = year.filter((l) => !l.cancelled);
    expect(held.slice(0, expected.length).map((l) => l.plannedTopic?.position)).toEqual(expected.slice(0, held.length));
    expect(held[0].plannedTopic).toMatchObject({ position: 1, title: plan.topics[0].title });

    // cancel the first lesson after today: it loses its topic, which passes to the next held lesson
    const i = held.findIndex((l) => l.date > TODAY);
    const victim = held[i];
    await send('post', deputy, '/timetable-changes', { kind: 'cancellation', date: victim.date, entryId: victim.entryId, reason: 'Учитель на курсах' }).expect(201);
    const again = await lessons({ assignmentId, ...YEAR });
    expect(again.find((l) => l.id === victim.id)).toMatchObject({ cancelled: true, plannedTopic: null });
    const heldAgain = again.filter((l) => !l.cancelled);
    expect(heldAgain.slice(0, i).map((l) => l.plannedTopic?.position)).toEqual(held.slice(0, i).map((l) => l.plannedTopic?.position));
    expect(heldAgain[i].plannedTopic).toEqual(victim.plannedTopic);
    expect(heldAgain.slice(i, i + 10).map((l) => l.plannedTopic?.position)).toEqual(held.slice(i, i + 10).map((l) => l.plannedTopic?.position));
  });

  it('a plan with 68 hours against a 102-hour curriculum cannot be approved; once its hours match, approved, its topics sit on the lessons', async () => {
    const classId = s1.ids.student.classId;
    const rows = (await t.db.query(
      `SELECT a.id FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id
         JOIN curriculum_hours ch ON ch.subject_id = a.subject_id AND ch.academic_year_id = a.academic_year_id AND ch.grade = c.grade
        WHERE a.class_id = $1 AND a.subgroup_id IS NULL AND ch.hours_per_year = 102 ORDER BY a.id LIMIT 1`,
      [classId],
    )) as Array<{ id: string }>;
    expect(rows).toHaveLength(1);
    const assignmentId = rows[0].id;
    const current = (await get(admin, `/teaching-assignments/${assignmentId}/plan`).expect(200)).body;
    if (current.status === 'approved' || current.status === 'submitted') {
      await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/return`, { reason: 'Пересоставить план' }).expect(200);
    }
    const topics = (n: number) => Array.from({ length: n }, (_, k) => ({ title: `Тема урока № ${k + 1}`, hours: 1, kind: k % 17 === 16 ? 'test' : 'lesson' }));
    await send('put', deputy, `/teaching-assignments/${assignmentId}/plan`, { topics: topics(68) }).expect(200);
    await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/submit`).expect(200);
    const refused = await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/approve`).expect(409);
    expect(refused.body.code).toBe('plan-hours-mismatch');
    // not approved: no topic on any lesson
    expect((await lessons({ assignmentId, ...YEAR })).every((l) => l.plannedTopic === null)).toBe(true);

    await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/return`, { reason: 'Не хватает 34 часов' }).expect(200);
    await send('put', deputy, `/teaching-assignments/${assignmentId}/plan`, { topics: topics(102) }).expect(200);
    await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/submit`).expect(200);
    await send('post', deputy, `/teaching-assignments/${assignmentId}/plan/approve`).expect(200);
    const held = (await lessons({ assignmentId, ...YEAR })).filter((l) => !l.cancelled);
    const n = Math.min(held.length, 102);
    expect(held.slice(0, n).map((l) => l.plannedTopic?.title)).toEqual(topics(n).map((tp) => tp.title));
    expect(held.slice(0, n).map((l) => l.plannedTopic?.kind)).toEqual(topics(n).map((tp) => tp.kind));
    expect(held.slice(102).every((l) => l.plannedTopic === null)).toBe(true);
  });

  it("a class's new week re-derives its lessons from that date on; earlier lessons and lessons with journal data stay", async () => {
    const classId = (await classes())[12];
    const from = '2026-11-23';
    const week = (await get(admin, `/academic-years/${s1.ids.academicYearId}/timetable`, { classId, on: from }).expect(200)).body.items as Array<{
      id: string;
      weekday: number;
      lessonNumber: number;
      assignmentId: string;
      roomId: string | null;
    }>;
    const dropped = week.find((e) => e.weekday === 1)!;
    const ofDropped = async () => (await lessons({ classId, ...YEAR })).filter((l) => l.assignmentId === dropped.assignmentId && l.lessonNumber === dropped.lessonNumber);
    const before = await ofDropped();
    const mondays = ['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'].map((d) => before.find((l) => l.date === d)!);
    expect(mondays.every((l) => l !== undefined)).toBe(true);
    await conduct([mondays[0].id, mondays[2].id]); // a past lesson given, and one recorded ahead of its date

    await send('put', deputy, `/classes/${classId}/timetable`, {
      validFrom: from,
      entries: week.filter((e) => e.id !== dropped.id).map((e) => ({ weekday: e.weekday, lessonNumber: e.lessonNumber, assignmentId: e.assignmentId, roomId: e.roomId })),
    }).expect(200);
    const after = await ofDropped();
    const ids = new Set(after.map((l) => l.id));
    expect(ids.has(mondays[0].id)).toBe(true); // before the new week
    expect(ids.has(mondays[1].id)).toBe(false); // removed
    expect(ids.has(mondays[2].id)).toBe(true); // journal data: kept
    expect(ids.has(mondays[3].id)).toBe(false);
    expect(after.filter((l) => l.date < from).map((l) => l.id)).toEqual(before.filter((l) => l.date < from).map((l) => l.id));
    // the other lessons of the class keep their ids
    const others = (await lessons({ classId, ...YEAR })).filter((l) => l.assignmentId !== dropped.assignmentId || l.lessonNumber !== dropped.lessonNumber);
    expect(others.length).toBeGreaterThan(500);
  });

  it("an assignment's new teacher takes its lessons without journal data; lessons with journal data keep who gave them", async () => {
    const classId = (await classes())[14];
    const [assignmentId] = await approvedAssignments(classId);
    const year = await lessons({ assignmentId, ...YEAR });
    const oldTeacher = year[0].staffId;
    await conduct([year[0].id]);
    const newTeacher = ((await t.db.query(
      `SELECT s.id FROM staff s WHERE s.school_id = $1 AND s.archived_at IS NULL AND s.id <> $2
          AND NOT EXISTS (SELECT 1 FROM teaching_assignment a WHERE a.staff_id = s.id) ORDER BY s.id LIMIT 1`,
      [s1.id, oldTeacher],
    )) as Array<{ id: string }>)[0].id;
    await send('patch', admin, `/teaching-assignments/${assignmentId}`, { staffId: newTeacher }).expect(200);
    const after = await lessons({ assignmentId, ...YEAR });
    expect(after.find((l) => l.id === year[0].id)!.staffId).toBe(oldTeacher);
    expect(after.filter((l) => l.id !== year[0].id).every((l) => l.staffId === newTeacher)).toBe(true);
    expect(after.map((l) => l.id)).toEqual(year.map((l) => l.id));
  });

  it("an assignment's new teacher who is busy at one of its lessons is refused (409 timetable-conflict) and nothing is written", async () => {
    const classId = (await classes())[15];
    const [assignmentId] = await approvedAssignments(classId);
    const [first] = await lessons({ assignmentId, from: TODAY, to: YEAR.to });
    // a teacher who gives another class a lesson at that slot of the weekly timetable
    const [busy] = (await t.db.query(
      `SELECT a.staff_id AS id FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
        WHERE e.school_id = $1 AND e.weekday = extract(isodow FROM $2::date)::int AND e.lesson_number = $3 AND a.class_id <> $4
          AND e.valid_from <= $2::date AND (e.valid_to IS NULL OR e.valid_to > $2::date) LIMIT 1`,
      [s1.id, first.date, first.lessonNumber, classId],
    )) as Array<{ id: string }>;
    const res = await send('patch', admin, `/teaching-assignments/${assignmentId}`, { staffId: busy.id }).expect(409);
    expect(res.body.code).toBe('timetable-conflict');
    expect(res.body.conflicts[0]).toMatchObject({ reason: 'teacher' });
    expect((await get(admin, `/teaching-assignments/${assignmentId}`).expect(200)).body.staffId).toBe(first.staffId);
    expect((await get(admin, `/lessons/${first.id}`).expect(200)).body.staffId).toBe(first.staffId);
  });

  it('a new week that would remove entries with dated changes is refused with those changes (409 timetable-changes-exist)', async () => {
    const classId = (await classes())[20];
    const from = '2026-12-14';
    const [later] = await lessons({ classId, from: '2026-12-21', to: '2026-12-21' });
    // an entry that starts inside the new week's window, with a cancellation on it
    const entry = (await send('post', deputy, `/academic-years/${s1.ids.academicYearId}/timetable-entries`, {
      weekday: 1, lessonNumber: 7, assignmentId: later.assignmentId, validFrom: '2026-12-21',
    }).expect(201)).body as { id: string };
    const cancel = await send('post', deputy, '/timetable-changes', { kind: 'cancellation', date: '2026-12-21', entryId: entry.id, reason: 'Олимпиада' }).expect(201);
    const week = (await get(admin, `/academic-years/${s1.ids.academicYearId}/timetable`, { classId, on: from }).expect(200)).body.items as Array<{
      weekday: number; lessonNumber: number; assignmentId: string; roomId: string | null;
    }>;
    const before = await lessons({ classId, from, to: YEAR.to });
    const res = await send('put', deputy, `/classes/${classId}/timetable`, {
      validFrom: from,
      entries: week.map((e) => ({ weekday: e.weekday, lessonNumber: e.lessonNumber, assignmentId: e.assignmentId, roomId: e.roomId })),
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'timetable-changes-exist', changes: [{ changeId: cancel.body.id, date: '2026-12-21', kind: 'cancellation' }] });
    expect((await lessons({ classId, from, to: YEAR.to })).map((l) => l.id)).toEqual(before.map((l) => l.id));
    const del = await send('delete', deputy, `/timetable-entries/${entry.id}`).expect(409);
    expect(del.body.code).toBe('timetable-changes-exist');
  });

  it('coverage: the lessons due by the plan against the lessons given give the lag (отставание)', async () => {
    const classId = (await classes())[16];
    const [assignmentId] = await approvedAssignments(classId);
    const year = await lessons({ assignmentId, ...YEAR });
    const held = year.filter((l) => !l.cancelled);
    const toDate = held.filter((l) => l.date <= TODAY);
    const one = async (auth = deputy, query: Record<string, string> = {}): Promise<Coverage> =>
      (await get(auth, `/academic-years/${s1.ids.academicYearId}/coverage`, { assignmentId, ...query }).expect(200)).body.items[0];
    const before = await one();
    expect(before).toMatchObject({
      assignmentId,
      planStatus: 'approved',
      lessonsInYear: held.length,
      lessonsToDate: toDate.length,
      plannedToDate: toDate.filter((l) => l.plannedTopic !== null).length,
      conductedToDate: 0,
    });
    expect(before.lag).toBe(before.plannedToDate);
    expect(before.lessonsSpare).toBe(held.length - Math.ceil(before.planHours!));
    expect(before.dueTopic).toEqual({ position: toDate[toDate.length - 1].plannedTopic!.position, title: toDate[toDate.length - 1].plannedTopic!.title });
    expect(before.reachedTopic).toBeNull();

    // five lessons given (journal data): the lag shrinks by five and the reached topic is the fifth lesson's
    await conduct(toDate.slice(0, 5).map((l) => l.id));
    const after = await one();
    expect(after).toMatchObject({ conductedToDate: 5, lag: before.plannedToDate - 5 });
    expect(after.reachedTopic).toEqual({ position: toDate[4].plannedTopic!.position, title: toDate[4].plannedTopic!.title });
    // on an earlier date fewer lessons are due
    const early = await one(deputy, { on: '2026-09-30' });
    expect(early.lessonsToDate).toBe(held.filter((l) => l.date <= '2026-09-30').length);

    // the school: every assignment of the year for the deputy; a teacher sees their own only; a parent none
    const school = (await get(deputy, `/academic-years/${s1.ids.academicYearId}/coverage`).expect(200)).body as { on: string; summary: { assignments: number; behind: number }; items: Coverage[] };
    const total = Number(((await t.db.query('SELECT count(*) AS n FROM teaching_assignment WHERE school_id = $1', [s1.id])) as Array<{ n: string }>)[0].n);
    expect(school.on).toBe(TODAY);
    expect(school.summary.assignments).toBe(total);
    expect(school.items).toHaveLength(total);
    expect(school.summary.behind).toBe(school.items.filter((i) => i.lag > 0).length);
    const own = (await get(teacher, `/academic-years/${s1.ids.academicYearId}/coverage`).expect(200)).body.items as Coverage[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.staffId === s1.ids.teacher.staffId)).toBe(true);
    await get(parent, `/academic-years/${s1.ids.academicYearId}/coverage`).expect(403);
  });

  it("a teacher reads their own assignments' lessons; a class they neither lead nor teach is 404, so is its lesson; a parent is 403", async () => {
    const { classId, unrelatedClassId, subgroupIds } = s1.ids.teacher;
    expect((await lessons({ classId, from: TODAY, to: addDays(TODAY, 6) }, teacher)).length).toBeGreaterThan(20);
    await get(teacher, '/lessons', { classId: unrelatedClassId, from: TODAY, to: TODAY }).expect(404);
    const [foreign] = await lessons({ classId: unrelatedClassId, from: addDays(TODAY, 1), to: addDays(TODAY, 1) });
    await get(teacher, `/lessons/${foreign.id}`).expect(404);
    await get(admin, `/lessons/${foreign.id}`).expect(200);
    const [subgroupAssignment] = (await t.db.query('SELECT id FROM teaching_assignment WHERE subgroup_id = $1 AND staff_id = $2', [subgroupIds[0], s1.ids.teacher.staffId])) as Array<{ id: string }>;
    const mine = await lessons({ assignmentId: subgroupAssignment.id, from: TODAY, to: addDays(TODAY, 13) }, teacher);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.subgroupId === subgroupIds[0])).toBe(true);
    await get(parent, '/lessons', { classId, from: TODAY, to: TODAY }).expect(403);
    const bad = await get(admin, '/lessons', { classId, assignmentId: subgroupAssignment.id, from: TODAY, to: TODAY }).expect(422);
    expect(bad.body.code).toBe('lesson-filter-invalid');
    expect((await get(admin, '/lessons', { classId, from: TODAY, to: addDays(TODAY, 400) }).expect(422)).body.code).toBe('date-range-invalid');
  });

  it('deriving lessons writes no audit rows; giving a lesson journal data is audited, and so is every later change of it', async () => {
    const audited = async (id: string) => Number(((await t.db.query(`SELECT count(*) AS n FROM audit_event WHERE entity = 'lesson' AND entity_id = $1`, [id])) as Array<{ n: string }>)[0].n);
    const total = async () => Number(((await t.db.query(`SELECT count(*) AS n FROM audit_event WHERE entity = 'lesson'`)) as Array<{ n: string }>)[0].n);
    const classId = (await classes())[18];
    const [a, b] = await lessons({ classId, from: '2026-12-14', to: '2026-12-14' });
    const start = await total();
    await conduct([a.id]);
    expect(await audited(a.id)).toBe(1);
    await systemWrite(t, 'UPDATE lesson SET room_id = NULL WHERE id = ANY($1::uuid[])', [[a.id, b.id]]);
    expect(await audited(a.id)).toBe(2);
    expect(await audited(b.id)).toBe(0);
    // a holiday over the day: b goes (not audited), a stays
    const holiday = await send('post', admin, `/academic-years/${s1.ids.academicYearId}/holidays`, { name: 'Карантин', startsOn: '2026-12-14', endsOn: '2026-12-14', gradeFrom: 1, gradeTo: 11 }).expect(201);
    expect(await total()).toBe(start + 2);
    await send('delete', admin, `/holidays/${holiday.body.id}`).expect(204);
    expect(await total()).toBe(start + 2);
  });
});

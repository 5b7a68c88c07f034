import { addDays, freeStaff as freeStaffAt, isoWeekday } from './utils/schedule-fixtures';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

const API = '/api/v1';

interface Lesson {
  lessonNumber: number;
  staffId: string;
  teacher: string;
  roomId: string | null;
  room: string | null;
  classId: string;
  className: string;
  subgroupId: string | null;
  assignmentId: string;
  entryId: string | null;
  cancelled: boolean;
  change: null | { changeId: string; kind: string; reason: string; orderNumber: string | null; originalTeacher: string; movedToDate: string | null };
}
interface Day {
  date: string;
  schoolDay: boolean;
  lessons: Lesson[];
}

/** The schools' today in this suite: a Wednesday of the second quarter of the seeded year. */
const TODAY = '2026-11-18';

/**
 * Dated changes of the timetable (R-SCH-3): substitution, room change, cancellation, move, extra lesson; the
 * substitution log; the overlay in the timetable views. Works on the seeded generated timetable, on dates relative
 * to the school's today (changes of past dates cannot be deleted), each test on its own class.
 */
describe('timetable changes (schedule)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let admin: string;
  let deputy: string;
  let director: string;
  let today: string;

  const get = (auth: string, path: string, query: Record<string, string> = {}) => t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, body: object) => t.http.post(`${API}/timetable-changes`).set('authorization', auth).send(body);
  const day = async (query: Record<string, string>, date: string): Promise<Day> =>
    (await get(admin, '/timetable/day', { ...query, date }).expect(200)).body.days[0];
  /** The first day after `after` (within 70 days) on which the class has lessons, with them. */
  const nextLessons = async (classId: string, after: string): Promise<{ date: string; lessons: Lesson[] }> => {
    for (let d = addDays(after, 1); d <= addDays(after, 70); d = addDays(d, 1)) {
      const found = await day({ classId }, d);
      if (found.lessons.length > 0) return { date: d, lessons: found.lessons };
    }
    throw new Error(`no lessons of class ${classId} after ${after}`);
  };
  /** Staff with no lesson of the weekly timetable at the date's weekday and the lesson number (nor a substitution then). */
  const freeStaff = (date: string, lessonNumber: number, except: string[]): Promise<string> => freeStaffAt(t, s1.id, date, lessonNumber, except);
  /** Another lesson of the weekly timetable at the same slot (another class) held that day, with its teacher and room. */
  const otherLessonAt = async (date: string, lesson: Lesson): Promise<{ id: string; staffId: string; roomId: string | null }> =>
    (
      (await t.db.query(
        `SELECT e.id, a.staff_id AS "staffId", e.room_id AS "roomId" FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
          WHERE e.school_id = $1 AND e.weekday = $2 AND e.lesson_number = $3 AND a.class_id <> $4 AND e.room_id IS NOT NULL
            AND e.valid_from <= $5::date AND (e.valid_to IS NULL OR e.valid_to > $5::date)
            -- held that day: not cancelled or moved away by an earlier test's change (entry ids are random: any may be picked)
            AND NOT EXISTS (SELECT 1 FROM timetable_change c WHERE c.timetable_entry_id = e.id AND c.date = $5::date)
          ORDER BY e.id LIMIT 1`,
        [s1.id, isoWeekday(date), lesson.lessonNumber, lesson.classId, date],
      )) as Array<{ id: string; staffId: string; roomId: string | null }>
    )[0];
  const countChanges = async () => Number(((await t.db.query('SELECT count(*) AS n FROM timetable_change')) as Array<{ n: string }>)[0].n);

  beforeAll(async () => {
    // a fixed school today inside the seeded year (2026/2027), so the rules about the future and the coming week hold
    // whatever day the suite runs
    t = await createTestApp({}, { today: TODAY });
    s1 = await seedTestSchool(t, 1, { studentsPerClass: 8 });
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
    director = await bearer(t, s1.logins.director);
    today = ((await t.db.query(`SELECT to_char(school_today(time_zone), 'YYYY-MM-DD') AS d FROM school WHERE id = $1`, [s1.id])) as Array<{
      d: string;
    }>)[0].d;
    expect(today).toBe(TODAY);
  }, 120_000);
  afterAll(() => t.close());

  it("a substitute appears in the log and in the class's timetable for that date", async () => {
    const classId = s1.ids.parent.childClassIds.find((c) => c !== s1.ids.student.classId)!;
    const { date, lessons } = await nextLessons(classId, today);
    const lesson = lessons[0];
    const before = await get(admin, '/timetable/week', { classId, date }).expect(200);
    const substitute = await freeStaff(date, lesson.lessonNumber, [lesson.staffId]);

    const created = await post(deputy, {
      kind: 'substitution',
      date,
      entryId: lesson.entryId,
      substituteStaffId: substitute,
      reason: 'Болезнь учителя',
      orderNumber: '45-к',
    }).expect(201);
    expect(created.body).toMatchObject({ kind: 'substitution', date, lessonNumber: lesson.lessonNumber, staffId: substitute, originalStaffId: lesson.staffId });

    const shown = (await day({ classId }, date)).lessons.find((l) => l.entryId === lesson.entryId)!;
    expect(shown).toMatchObject({
      staffId: substitute,
      cancelled: false,
      change: { kind: 'substitution', reason: 'Болезнь учителя', orderNumber: '45-к', originalTeacher: lesson.teacher },
    });
    expect(shown.teacher).not.toBe(lesson.teacher);
    // the ETag of the class's week changes
    const after = await get(admin, '/timetable/week', { classId, date }).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // the substitute's own timetable shows the lesson
    const own = (await day({ staffId: substitute }, date)).lessons;
    expect(own).toContainEqual(expect.objectContaining({ entryId: lesson.entryId, classId, lessonNumber: lesson.lessonNumber, change: expect.objectContaining({ kind: 'substitution' }) }));

    const log = await get(director, '/substitutions', { from: date, to: date }).expect(200);
    expect(log.body.items).toContainEqual({
      changeId: created.body.id,
      date,
      lessonNumber: lesson.lessonNumber,
      className: lesson.className,
      subgroupName: shown.subgroupId === null ? null : expect.any(String),
      subject: expect.any(String),
      originalStaffId: lesson.staffId,
      originalTeacher: lesson.teacher,
      substituteStaffId: substitute,
      substitute: shown.teacher,
      reason: 'Болезнь учителя',
      orderNumber: '45-к',
    });
    const listed = await get(admin, '/timetable-changes', { from: date, to: date, staffId: substitute }).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    // one change per lesson and date
    const again = await post(deputy, { kind: 'cancellation', date, entryId: lesson.entryId, reason: 'Ещё раз' }).expect(409);
    expect(again.body.code).toBe('timetable-change-exists');
  });

  it('a substitute who has a lesson at that time is refused with 409 and the lesson, and nothing is written', async () => {
    const classId = s1.ids.teacher.unrelatedClassId;
    const { date, lessons } = await nextLessons(classId, today);
    const lesson = lessons[0];
    const other = await otherLessonAt(date, lesson);
    const n = await countChanges();
    const res = await post(deputy, { kind: 'substitution', date, entryId: lesson.entryId, substituteStaffId: other.staffId, reason: 'Курсы' }).expect(409);
    expect(res.body.code).toBe('substitute-busy');
    expect(res.body.conflict).toMatchObject({ reason: 'teacher', date, lessonNumber: lesson.lessonNumber, entryId: expect.any(String) });
    expect(await countChanges()).toBe(n);
  });

  it('a room change to a room taken at that time is refused with 409', async () => {
    const classId = s1.ids.teacher.unrelatedClassId;
    const { date, lessons } = await nextLessons(classId, today);
    const lesson = lessons[lessons.length - 1];
    const other = await otherLessonAt(date, lesson);
    const res = await post(deputy, { kind: 'room_change', date, entryId: lesson.entryId, roomId: other.roomId, reason: 'Ремонт' }).expect(409);
    expect(res.body.code).toBe('room-busy');
    expect(res.body.conflict).toMatchObject({ reason: 'room', entryId: other.id });
  });

  it('a change of a lesson the entry does not have on that date is refused (422 lesson-not-scheduled)', async () => {
    const classId = s1.ids.teacher.unrelatedClassId;
    const { date, lessons } = await nextLessons(classId, today);
    const res = await post(deputy, { kind: 'cancellation', date: addDays(date, 1), entryId: lessons[0].entryId, reason: 'Проба' }).expect(422);
    expect(res.body.code).toBe('lesson-not-scheduled');
    const shape = await post(deputy, { kind: 'substitution', date, entryId: lessons[0].entryId, reason: 'Проба' }).expect(422);
    expect(shape.body.code).toBe('timetable-change-invalid');
  });

  it('a cancelled lesson stays in the view flagged; a moved lesson appears at its new date and lesson; an extra lesson appears', async () => {
    const classId = s1.ids.teacher.classId;
    const { date, lessons } = await nextLessons(classId, today);
    const [first, second] = lessons.filter((l) => l.subgroupId === null);
    await post(admin, { kind: 'cancellation', date, entryId: first.entryId, reason: 'Карантин' }).expect(201);
    // lesson 7, the last bell, is free in the generated timetable; the cancelled lesson's slot is free for an extra one
    const moved = await post(deputy, { kind: 'move', date, entryId: second.entryId, movedToDate: date, movedToLesson: 7, reason: 'Экскурсия' }).expect(201);
    const extra = await post(deputy, { kind: 'extra', date, assignmentId: first.assignmentId, lessonNumber: first.lessonNumber, reason: 'Подготовка к ВПР' }).expect(201);

    const shown = (await day({ classId }, date)).lessons;
    expect(shown.find((l) => l.entryId === first.entryId && l.lessonNumber === first.lessonNumber)).toMatchObject({
      cancelled: true,
      change: { kind: 'cancellation', reason: 'Карантин' },
    });
    expect(shown.find((l) => l.entryId === second.entryId && l.lessonNumber === second.lessonNumber)).toMatchObject({
      cancelled: true,
      change: { kind: 'move', movedToDate: date },
    });
    expect(shown.filter((l) => l.lessonNumber === 7).map((l) => [l.entryId, l.cancelled, l.change?.changeId])).toEqual([[second.entryId, false, moved.body.id]]);
    expect(shown.filter((l) => l.lessonNumber === first.lessonNumber && l.entryId === null).map((l) => [l.assignmentId, l.cancelled, l.change?.changeId])).toEqual([
      [first.assignmentId, false, extra.body.id],
    ]);
    // the class is busy at lesson 7 now: an extra lesson of the class then is refused
    const busy = await post(deputy, { kind: 'extra', date, assignmentId: second.assignmentId, lessonNumber: 7, reason: 'Ещё' }).expect(409);
    expect(busy.body.code).toMatch(/^(class|teacher)-busy$/);
    // a lesson number the bell schedule does not have is refused for an extra lesson and for a move's target
    expect((await post(deputy, { kind: 'extra', date, assignmentId: second.assignmentId, lessonNumber: 9, reason: 'Ещё' }).expect(422)).body.code).toBe('lesson-number-invalid');
  });

  it("the class's guardians get a notification (and the students, and the teachers); their own only; beyond a week nobody", async () => {
    const classId = s1.ids.student.classId;
    const parent = await bearer(t, s1.logins.parent);
    const pupil = await bearer(t, s1.logins.student);
    const { date, lessons } = await nextLessons(classId, today);
    expect(date <= addDays(today, 7)).toBe(true);
    const lesson = [...lessons].reverse().find((l) => l.subgroupId === null)!;
    const created = await post(deputy, { kind: 'cancellation', date, entryId: lesson.entryId, reason: 'Болезнь учителя', orderNumber: '46-к' }).expect(201);

    const mine = await get(parent, '/notifications', { unread: 'true' }).expect(200);
    const note = mine.body.items.find((n: { payload: { changeId: string } }) => n.payload.changeId === created.body.id);
    expect(note).toMatchObject({
      kind: 'timetable-change',
      title: 'Изменение в расписании',
      body: expect.stringContaining('урок отменён'),
      payload: { kind: 'cancellation', date, lessonNumber: lesson.lessonNumber, classId },
      readAt: null,
    });
    // the student of the class too (student.s1, the parent's older child)
    const pupils = await get(pupil, '/notifications').expect(200);
    expect(pupils.body.items.map((n: { payload: { changeId: string } }) => n.payload.changeId)).toContain(created.body.id);
    // the guardians of the class: every guardian account of an enrolled student got exactly one
    const missing = await t.db.query(
      `SELECT g.user_id FROM enrollment en JOIN student_guardian sg ON sg.student_id = en.student_id JOIN guardian g ON g.id = sg.guardian_id
        WHERE en.class_id = $1 AND en.starts_on <= $2::date AND (en.ends_on IS NULL OR en.ends_on > $2::date) AND g.user_id IS NOT NULL
          AND (SELECT count(*) FROM notification n WHERE n.user_id = g.user_id AND n.payload->>'changeId' = $3) <> 1`,
      [classId, date, created.body.id],
    );
    expect(missing).toEqual([]);
    // the lesson's teacher, when they have an account
    const [teacherUser] = (await t.db.query('SELECT user_id FROM staff WHERE id = $1', [lesson.staffId])) as Array<{ user_id: string | null }>;
    if (teacherUser.user_id !== null) {
      const got = await t.db.query(`SELECT 1 FROM notification WHERE user_id = $1 AND payload->>'changeId' = $2`, [teacherUser.user_id, created.body.id]);
      expect(got).toHaveLength(1);
    }

    // another user's notification is 404; marking one's own read takes it off the unread list
    await t.http.post(`${API}/notifications/${note.id}/read`).set('authorization', pupil).expect(404);
    const read = await t.http.post(`${API}/notifications/${note.id}/read`).set('authorization', parent).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const unread = await get(parent, '/notifications', { unread: 'true' }).expect(200);
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(note.id);
    const page = await get(parent, '/notifications', { limit: '1' }).expect(200);
    expect(page.body.items).toHaveLength(1);

    // a change more than a week ahead notifies nobody
    const far = await nextLessons(classId, addDays(today, 8));
    const n = Number(((await t.db.query('SELECT count(*) AS n FROM notification')) as Array<{ n: string }>)[0].n);
    await post(deputy, { kind: 'cancellation', date: far.date, entryId: far.lessons[0].entryId, reason: 'Далеко' }).expect(201);
    expect(Number(((await t.db.query('SELECT count(*) AS n FROM notification')) as Array<{ n: string }>)[0].n)).toBe(n);
  });

  it('a change whose lesson the weekly timetable no longer has stays in the log but leaves the views', async () => {
    const used = [...s1.ids.parent.childClassIds, s1.ids.teacher.classId, s1.ids.teacher.unrelatedClassId, s1.ids.student.classId];
    const classId = ((await t.db.query('SELECT id FROM school_class WHERE school_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY grade, letter LIMIT 1', [
      s1.id,
      used,
    ])) as Array<{ id: string }>)[0].id;
    const { date, lessons } = await nextLessons(classId, today);
    const lesson = lessons[0];
    const substitute = await freeStaff(date, lesson.lessonNumber, [lesson.staffId]);
    const created = await post(deputy, { kind: 'substitution', date, entryId: lesson.entryId, substituteStaffId: substitute, reason: 'Курсы' }).expect(201);
    expect((await day({ staffId: substitute }, date)).lessons.map((l) => l.entryId)).toContain(lesson.entryId);
    // the timetable is rewritten: the entry ends before that date
    await systemWrite(t, 'UPDATE timetable_entry SET valid_to = $2 WHERE id = $1 AND valid_from < $2', [lesson.entryId, date]);
    expect((await day({ staffId: substitute }, date)).lessons.map((l) => l.entryId)).not.toContain(lesson.entryId);
    const log = await get(admin, '/substitutions', { from: date, to: date }).expect(200);
    expect(log.body.items.map((i: { changeId: string }) => i.changeId)).toContain(created.body.id);
  });

  it('a change of a past date cannot be deleted; a future one can, and the lesson is as scheduled again', async () => {
    const used = [...s1.ids.parent.childClassIds, s1.ids.teacher.classId, s1.ids.teacher.unrelatedClassId, s1.ids.student.classId];
    const classId = ((await t.db.query('SELECT id FROM school_class WHERE school_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY grade DESC, letter LIMIT 1', [
      s1.id,
      used,
    ])) as Array<{ id: string }>)[0].id;
    const { date, lessons } = await nextLessons(classId, addDays(today, -15));
    expect(date < today || date >= today).toBe(true);
    const past = date < today;
    const created = await post(deputy, { kind: 'cancellation', date, entryId: lessons[0].entryId, reason: 'Проба' }).expect(201);
    if (past) {
      const res = await t.http.delete(`${API}/timetable-changes/${created.body.id}`).set('authorization', deputy).expect(409);
      expect(res.body.code).toBe('timetable-change-past');
    }
    const next = await nextLessons(classId, today);
    const future = await post(deputy, { kind: 'cancellation', date: next.date, entryId: next.lessons[0].entryId, reason: 'Проба' }).expect(201);
    await t.http.delete(`${API}/timetable-changes/${future.body.id}`).set('authorization', deputy).expect(204);
    const shown = (await day({ classId }, next.date)).lessons.find((l) => l.entryId === next.lessons[0].entryId)!;
    expect(shown).toMatchObject({ cancelled: false, change: null });
  });

  it('changes are written by the deputy and the admin only; the log is for the administration', async () => {
    const teacher = await bearer(t, s1.logins.teacher);
    await post(teacher, { kind: 'cancellation', date: today, entryId: '00000000-0000-4000-8000-000000000000', reason: 'x' }).expect(403);
    await get(teacher, '/substitutions', { from: today, to: today }).expect(403);
    await get(teacher, '/timetable-changes', { from: today, to: today }).expect(200);
    const range = await get(admin, '/substitutions', { from: today, to: addDays(today, 400) }).expect(422);
    expect(range.body.code).toBe('date-range-invalid');
  });
});

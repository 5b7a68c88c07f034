import { systemContext } from '../src/common/context/request-context';
import { setAuditContext } from '../src/database/audit-context.subscriber';
import { recordArrivalsOfNewStudents } from '../src/modules/contingent/movement-core';
import { ContingentFixtures } from './utils/contingent-fixtures';
import { bearer, createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

const API = '/api/v1';

describe('movement (движение обучающихся): arrival, transfer, departure, history, книга движения', () => {
  let t: TestApp;
  let s1: TestSchool;
  let fx: ContingentFixtures;
  let admin: string;
  let secretary: string;
  let director: string;
  let c5a: { id: string; name: string };
  let c5b: { id: string; name: string };

  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`${API}${path}`).query(query).set('authorization', auth);
  const post = (auth: string, path: string, body: object) => t.http.post(`${API}${path}`).set('authorization', auth).send(body);
  const roster = async (classId: string, on: string) =>
    ((await get(admin, `/classes/${classId}/students`, { on }).expect(200)).body.items as Array<{ id: string }>).map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    fx = new ContingentFixtures(t, s1.id);
    admin = await bearer(t, s1.logins.admin);
    secretary = await bearer(t, s1.logins.secretary);
    director = await bearer(t, s1.logins.director);
    c5a = await fx.makeClass(5);
    c5b = await fx.makeClass(5);
  }, 60_000);
  afterAll(() => t.close());

  describe('who was in 5А on 1 October', () => {
    let id: string;

    beforeAll(async () => {
      id = await fx.makeStudent('Кузнецова', 'Ольга');
      await post(secretary, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-01', orderNumber: '1-у', classId: c5a.id, place: 'впервые' }).expect(201);
      const tr = await post(secretary, `/students/${id}/movements`, { kind: 'transfer', date: '2026-10-15', orderNumber: '2-у', classId: c5b.id, reason: 'заявление родителей' });
      expect(tr.status).toBe(201);
      expect(tr.body).toMatchObject({ kind: 'transfer', fromClassId: c5a.id, fromClassName: c5a.name, toClassId: c5b.id, toClassName: c5b.name, studentName: 'Кузнецова Ольга' });
      await post(secretary, `/students/${id}/movements`, { kind: 'departure', date: '2026-11-10', orderNumber: '3-у', place: 'МБОУ СОШ № 7, г. Томск' }).expect(201);
    });

    it('the list of 5А on 1 October includes the student; on 20 October it does not', async () => {
      expect(await roster(c5a.id, '2026-10-01')).toContain(id);
      expect(await roster(c5a.id, '2026-10-14')).toContain(id);
      expect(await roster(c5a.id, '2026-10-15')).not.toContain(id);
      expect(await roster(c5a.id, '2026-10-20')).not.toContain(id);
    });

    it('5Б on 20 October includes the student; on 15 November nobody has them', async () => {
      expect(await roster(c5b.id, '2026-10-20')).toContain(id);
      expect(await roster(c5b.id, '2026-11-15')).not.toContain(id);
      expect(await roster(c5a.id, '2026-11-15')).not.toContain(id);
      const listed = (await get(admin, '/students', { on: '2026-10-01', classId: c5a.id }).expect(200)).body.items.map((s: { id: string }) => s.id);
      expect(listed).toContain(id);
    });

    it("the student's history lists the movements and stays, oldest first", async () => {
      const res = await get(admin, `/students/${id}/movements`).expect(200);
      expect(res.body.movements.map((m: { kind: string; date: string }) => [m.kind, m.date])).toEqual([
        ['arrival', '2026-09-01'],
        ['transfer', '2026-10-15'],
        ['departure', '2026-11-10'],
      ]);
      expect(res.body.enrollments).toEqual([
        { classId: c5a.id, className: c5a.name, startsOn: '2026-09-01', endsOn: '2026-10-15' },
        { classId: c5b.id, className: c5b.name, startsOn: '2026-10-15', endsOn: '2026-11-10' },
      ]);
    });

    it('a departed student disappears from current lists but keeps the card and history', async () => {
      // (searched by name, compared by id: the generated seed may hold a namesake)
      const current = (await get(admin, '/students', { q: 'Кузнецова Ольга', on: '2026-11-20', limit: 500 }).expect(200)).body.items;
      expect(current.map((s: { id: string }) => s.id)).not.toContain(id);
      const departed = (await get(admin, '/students', { q: 'Кузнецова Ольга', on: '2026-11-20', status: 'departed', limit: 500 }).expect(200)).body.items;
      expect(departed.filter((s: { id: string }) => s.id === id).map((s: { id: string; classId: string | null }) => [s.id, s.classId])).toEqual([[id, null]]);
      const before = (await get(admin, '/students', { q: 'Кузнецова Ольга', on: '2026-11-01', limit: 500 }).expect(200)).body.items;
      expect(before.filter((s: { id: string }) => s.id === id).map((s: { className: string }) => s.className)).toEqual([c5b.name]);
      const card = await get(admin, `/students/${id}`).expect(200);
      expect(card.body).toMatchObject({ id, surname: 'Кузнецова', classId: null, className: null });
      expect((await get(admin, `/students/${id}/movements`).expect(200)).body.movements).toHaveLength(3);
    });
  });

  describe('history is never rewritten', () => {
    it('a movement dated before the last one is refused (409 date-before-history) and UPDATE/DELETE on movement fail in the database', async () => {
      const id = await fx.makeStudent('Орлов', 'Денис');
      await post(admin, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-10', orderNumber: '5-у', classId: c5a.id }).expect(201);
      const early = await post(admin, `/students/${id}/movements`, { kind: 'transfer', date: '2026-09-05', orderNumber: '6-у', classId: c5b.id });
      expect([early.status, early.body.code]).toEqual([409, 'date-before-history']);
      await post(admin, `/students/${id}/movements`, { kind: 'departure', date: '2026-10-01', orderNumber: '7-у' }).expect(201);
      const back = await post(admin, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-20', orderNumber: '8-у', classId: c5a.id });
      expect([back.status, back.body.code]).toEqual([409, 'date-before-history']);
      await expect(systemWrite(t, `UPDATE movement SET order_number = 'подделка' WHERE student_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(systemWrite(t, 'DELETE FROM movement WHERE student_id = $1', [id])).rejects.toThrow(/append-only/);
      expect(await t.db.query('SELECT count(*)::int AS n FROM movement WHERE student_id = $1', [id])).toEqual([{ n: 2 }]);
    });

    it('the kinds are checked: arrival of an enrolled student 409, transfer to the same class 409, missing class 422, departure of nobody 409', async () => {
      const id = await fx.makeStudent('Белов', 'Максим');
      const noClass = await post(admin, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-01', orderNumber: '1' });
      expect([noClass.status, noClass.body.code, noClass.body.errors[0].field]).toEqual([422, 'class-required', 'classId']);
      const notEnrolled = await post(admin, `/students/${id}/movements`, { kind: 'departure', date: '2026-09-01', orderNumber: '1' });
      expect([notEnrolled.status, notEnrolled.body.code]).toEqual([409, 'not-enrolled']);
      await post(admin, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-01', orderNumber: '1', classId: c5a.id }).expect(201);
      const again = await post(admin, `/students/${id}/movements`, { kind: 'arrival', date: '2026-09-02', orderNumber: '2', classId: c5b.id });
      expect([again.status, again.body.code]).toEqual([409, 'already-enrolled']);
      const same = await post(admin, `/students/${id}/movements`, { kind: 'transfer', date: '2026-09-02', orderNumber: '2', classId: c5a.id });
      expect([same.status, same.body.code]).toEqual([409, 'same-class']);
      const outside = await post(admin, `/students/${id}/movements`, { kind: 'transfer', date: '2027-07-01', orderNumber: '2', classId: c5b.id });
      expect([outside.status, outside.body.code]).toEqual([422, 'date-outside-year']);
      const bogus = await post(admin, `/students/${id}/movements`, { kind: 'transfer', date: '2026-09-03', orderNumber: '2', classId: '00000000-0000-4000-8000-000000000000' });
      expect([bogus.status, bogus.body.code, bogus.body.errors[0].field]).toEqual([422, 'class-invalid', 'classId']);
    });
  });

  describe('arrivals of new cards in bulk (the imports)', () => {
    const inTx = <T>(fn: (m: import('typeorm').EntityManager) => Promise<T>) =>
      t.db.transaction(async (m) => {
        await setAuditContext(m, systemContext('test', s1.id));
        return fn(m);
      });
    const order = { date: '2026-09-01', orderNumber: 'И-1' };

    it('enrol each new student in their class with an arrival, as one arrival each would', async () => {
      const a = await fx.makeStudent('Пакетова', 'Анна');
      const b = await fx.makeStudent('Пакетов', 'Борис');
      await inTx((m) => recordArrivalsOfNewStudents(m, s1.id, [{ studentId: a, classId: c5a.id }, { studentId: b, classId: c5b.id }], order));
      expect(await roster(c5a.id, '2026-09-01')).toContain(a);
      expect(await roster(c5b.id, '2026-09-01')).toContain(b);
      const history = (await get(admin, `/students/${b}/movements`).expect(200)).body;
      expect(history.movements).toMatchObject([{ kind: 'arrival', date: '2026-09-01', orderNumber: 'И-1', toClassId: c5b.id }]);
    });

    it('refuse a student who already has a history, a date outside the class year, and another school’s student; nothing is written', async () => {
      const fresh = await fx.makeStudent('Пакетов', 'Вадим');
      const old = await fx.makeStudent('Пакетова', 'Галина');
      await post(admin, `/students/${old}/movements`, { kind: 'arrival', date: '2026-09-01', orderNumber: 'П-1', classId: c5a.id }).expect(201);
      await expect(
        inTx((m) => recordArrivalsOfNewStudents(m, s1.id, [{ studentId: fresh, classId: c5a.id }, { studentId: old, classId: c5b.id }], order)),
      ).rejects.toMatchObject({ status: 409, code: 'already-enrolled' });
      await expect(
        inTx((m) => recordArrivalsOfNewStudents(m, s1.id, [{ studentId: fresh, classId: c5a.id }], { ...order, date: '2030-09-01' })),
      ).rejects.toMatchObject({ status: 422, code: 'date-outside-year' });
      const other = await seedTestSchool(t, 2, { studentsPerClass: 4 });
      await expect(
        inTx((m) => recordArrivalsOfNewStudents(m, s1.id, [{ studentId: other.seeded.studentIds[0], classId: c5a.id }], order)),
      ).rejects.toMatchObject({ status: 404 });
      expect(await t.db.query('SELECT count(*)::int AS n FROM enrollment WHERE student_id = $1', [fresh])).toEqual([{ n: 0 }]);
    });
  });

  describe('книга движения', () => {
    it('lists the school movements newest first with student and class names, filtered by dates, kind and class', async () => {
      const c = await fx.makeClass(10);
      const a = await fx.makeStudent('Книгина', 'Анна');
      const b = await fx.makeStudent('Книгин', 'Борис');
      await post(admin, `/students/${a}/movements`, { kind: 'arrival', date: '2026-09-02', orderNumber: 'К-1', classId: c.id }).expect(201);
      await post(admin, `/students/${b}/movements`, { kind: 'arrival', date: '2026-09-03', orderNumber: 'К-2', classId: c.id }).expect(201);
      await post(admin, `/students/${a}/movements`, { kind: 'departure', date: '2026-09-20', orderNumber: 'К-3' }).expect(201);
      const pages: Array<{ orderNumber: string; studentName: string; fromClassName: string | null; toClassName: string | null }> = [];
      let cursor: string | null = null;
      do {
        const res = await get(director, '/movements', { classId: c.id, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        pages.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(pages.map((m) => m.orderNumber)).toEqual(['К-3', 'К-2', 'К-1']);
      expect(pages[0]).toMatchObject({ studentName: 'Книгина Анна', fromClassName: c.name, toClassName: null });
      const arrivals = (await get(director, '/movements', { classId: c.id, kind: 'arrival', from: '2026-09-03', to: '2026-09-03' }).expect(200)).body.items;
      expect(arrivals.map((m: { orderNumber: string }) => m.orderNumber)).toEqual(['К-2']);
      await get(director, '/movements', { kind: 'expulsion' }).expect(422);
    });

    it("the seeded school's book opens with one arrival per enrolled student, on the order that formed the classes", async () => {
      const [row] = (await t.db.query(
        `SELECT count(*)::int AS enrolled,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM movement m WHERE m.student_id = e.student_id AND m.kind = 'arrival'
                                                 AND m.to_class_id = e.class_id AND m.occurred_on = e.starts_on))::int AS with_arrival
           FROM enrollment e WHERE e.school_id = $1 AND e.student_id = ANY($2::uuid[]) AND e.starts_on = $3`,
        [s1.id, s1.seeded.studentIds, s1.generated.enrollmentStartsOn],
      )) as Array<{ enrolled: number; with_arrival: number }>;
      expect(row.enrolled).toBeGreaterThan(1000);
      expect(row.with_arrival).toBe(row.enrolled);
    });
  });
});

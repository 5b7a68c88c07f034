import { DEFAULT_SUBJECTS } from '../src/modules/contingent/default-subjects';
import { bearer, createTestApp, seedOperator, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(30_000);

interface SubjectBody {
  id: string;
  schoolId: string;
  code: string;
  name: string;
  shortName: string;
  archivedAt: string | null;
}

describe('subjects (предметы): the school catalogue', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  let admin: string;
  let deputy: string;

  const post = (auth: string, path: string, body: object = {}) => t.http.post(`/api/v1${path}`).set('authorization', auth).send(body);
  const patch = (auth: string, path: string, body: object) => t.http.patch(`/api/v1${path}`).set('authorization', auth).send(body);
  const get = (auth: string, path: string, query: Record<string, string | number> = {}) =>
    t.http.get(`/api/v1${path}`).query(query).set('authorization', auth);
  /** Every page of the list. */
  const listAll = async (auth: string, query: Record<string, string | number> = {}): Promise<SubjectBody[]> => {
    const items: SubjectBody[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(auth, '/subjects', { ...query, limit: 7, ...(cursor ? { cursor } : {}) }).expect(200);
      items.push(...(res.body.items as SubjectBody[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };
  const subjectOf = async (schoolId: string, code: string): Promise<string> =>
    ((await t.db.query('SELECT id FROM subject WHERE school_id = $1 AND code = $2', [schoolId, code])) as Array<{ id: string }>)[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    admin = await bearer(t, s1.logins.admin);
    deputy = await bearer(t, s1.logins.deputy);
  }, 60_000);
  afterAll(() => t.close());

  it('a new school starts with the usual Russian subjects', async () => {
    await seedOperator(t, 'operator.subjects');
    const operator = await bearer(t, 'operator.subjects');
    const school = await post(operator, '/schools', { name: 'Школа предметов', shortName: 'ШП' }).expect(201);
    const rows = (await t.db.query('SELECT code, name, short_name, archived_at FROM subject WHERE school_id = $1', [school.body.id])) as Array<{
      code: string;
      name: string;
      short_name: string;
      archived_at: Date | null;
    }>;
    expect(rows.map((r) => ({ code: r.code, name: r.name, shortName: r.short_name })).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      [...DEFAULT_SUBJECTS].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(rows.every((r) => r.archived_at === null)).toBe(true);
    // the seeded school has it too, read through the API
    const names = (await listAll(admin)).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Русский язык', 'Математика', 'Алгебра', 'Физическая культура', 'Основы безопасности и защиты Родины']));
    // its creation is in the audit trail, as the operator's
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'subject' AND action = 'create' AND school_id = $1 AND actor_user_id IS NOT NULL`,
      [school.body.id],
    );
    expect(n).toBe(DEFAULT_SUBJECTS.length);
  });

  it('subjects are listed in Russian alphabetical order', async () => {
    const names = (await listAll(admin)).map((s) => s.name);
    expect(names.length).toBe(DEFAULT_SUBJECTS.length);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
    const at = (n: string) => names.indexOf(n);
    expect(at('Алгебра')).toBeLessThan(at('Английский язык'));
    expect(at('Английский язык')).toBeLessThan(at('Астрономия'));
    expect(at('Астрономия')).toBeLessThan(at('Биология'));
    expect(at('Физика')).toBeLessThan(at('Химия'));
  });

  it('every school role reads the catalogue (the diary shows subject names)', async () => {
    for (const role of ['director', 'secretary', 'teacher', 'parent', 'student'] as const) {
      const auth = await bearer(t, s1.logins[role]);
      const res = await get(auth, '/subjects', { limit: 500 }).expect(200);
      expect(res.body.items.length).toBe(DEFAULT_SUBJECTS.length);
      await get(auth, `/subjects/${res.body.items[0].id}`).expect(200);
    }
  });

  it('the deputy adds a subject; the answer and the read agree; the write is audited', async () => {
    const created = await post(deputy, '/subjects', { code: 'chess', name: '  Шахматы ', shortName: 'Шахм.' }).expect(201);
    expect(created.body).toMatchObject({ code: 'chess', name: 'Шахматы', shortName: 'Шахм.', schoolId: s1.id, archivedAt: null });
    const read = await get(deputy, `/subjects/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
    const [event] = await t.db.query(
      `SELECT e.action, e.school_id, e.entity_id, e.changes, u.login FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.entity = 'subject' AND e.entity_id = $1`,
      [created.body.id],
    );
    expect(event).toMatchObject({ action: 'create', school_id: s1.id, entity_id: created.body.id, login: s1.logins.deputy });
    expect(event.changes).toMatchObject({ code: 'chess', name: 'Шахматы', short_name: 'Шахм.' });
  });

  it('a duplicate name in another case answers 409', async () => {
    const res = await post(admin, '/subjects', { code: 'russian_2', name: 'РУССКИЙ ЯЗЫК', shortName: 'Р.я.' }).expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'subject-exists', field: 'name' });
    const byCode = await post(admin, '/subjects', { code: 'math', name: 'Математика 2', shortName: 'Мат.' }).expect(409);
    expect(byCode.body).toMatchObject({ code: 'subject-exists', field: 'code' });
    // renaming onto another subject's name is a duplicate too; renaming in its own case is not
    const algebra = await subjectOf(s1.id, 'algebra');
    await patch(admin, `/subjects/${algebra}`, { name: 'геометрия' }).expect(409);
    const recased = await patch(admin, `/subjects/${algebra}`, { name: 'АЛГЕБРА' }).expect(200);
    expect(recased.body.name).toBe('АЛГЕБРА');
    await patch(admin, `/subjects/${algebra}`, { name: 'Алгебра' }).expect(200);
    // the same name in another school is no duplicate
    const other = await bearer(t, s2.logins.admin);
    await post(other, '/subjects', { code: 'chess', name: 'Шахматы', shortName: 'Шахм.' }).expect(201);
  });

  it('the code cannot be changed', async () => {
    const id = await subjectOf(s1.id, 'physics');
    const res = await patch(admin, `/subjects/${id}`, { code: 'physics_new' }).expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));
    const renamed = await patch(admin, `/subjects/${id}`, { name: 'Физика (углублённая)', shortName: 'Физ. угл.' }).expect(200);
    expect(renamed.body).toMatchObject({ id, code: 'physics', name: 'Физика (углублённая)', shortName: 'Физ. угл.' });
    const [update] = await t.db.query(`SELECT changes FROM audit_event WHERE entity = 'subject' AND entity_id = $1 AND action = 'update'`, [id]);
    expect(update.changes).toEqual({
      name: { from: 'Физика', to: 'Физика (углублённая)' },
      short_name: { from: 'Физ.', to: 'Физ. угл.' },
    });
  });

  it('bad input answers 422: a bad code, blank names, null', async () => {
    await post(admin, '/subjects', { code: 'Русский', name: 'Х', shortName: 'Х' }).expect(422);
    await post(admin, '/subjects', { code: 'blank', name: '   ', shortName: 'Х' }).expect(422);
    await post(admin, '/subjects', { code: 'noshort', name: 'Без краткого' }).expect(422);
    const id = await subjectOf(s1.id, 'music');
    await patch(admin, `/subjects/${id}`, { name: null }).expect(422);
    await get(admin, '/subjects', { includeArchived: 'yes' }).expect(422);
  });

  it('an archived subject leaves the list but keeps its id', async () => {
    const id = await subjectOf(s1.id, 'astronomy');
    const archived = await post(admin, `/subjects/${id}/archive`).expect(200);
    expect(archived.body).toMatchObject({ id, code: 'astronomy' });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await listAll(admin)).map((s) => s.id)).not.toContain(id);
    const withArchived = await listAll(admin, { includeArchived: 'true' });
    expect(withArchived.find((s) => s.id === id)).toMatchObject({ code: 'astronomy', archivedAt: archived.body.archivedAt });
    await get(admin, `/subjects/${id}`).expect(200);
    // archiving twice changes nothing; the name stays taken
    expect((await post(admin, `/subjects/${id}/archive`).expect(200)).body.archivedAt).toBe(archived.body.archivedAt);
    await post(admin, '/subjects', { code: 'astronomy_2', name: 'астрономия', shortName: 'Астр.' }).expect(409);
    const restored = await post(deputy, `/subjects/${id}/restore`).expect(200);
    expect(restored.body).toMatchObject({ id, archivedAt: null });
    expect((await listAll(admin)).map((s) => s.id)).toContain(id);
    const events = await t.db.query(`SELECT changes FROM audit_event WHERE entity = 'subject' AND entity_id = $1 AND action = 'update' ORDER BY occurred_at`, [id]);
    expect(events.map((e: { changes: { archived_at: { to: string | null } } }) => e.changes.archived_at.to === null)).toEqual([false, true]);
  });

  it("another school's subject answers 404", async () => {
    const foreign = await subjectOf(s2.id, 'russian');
    await get(admin, `/subjects/${foreign}`).expect(404);
    await patch(admin, `/subjects/${foreign}`, { shortName: 'Р' }).expect(404);
    await post(admin, `/subjects/${foreign}/archive`).expect(404);
    await post(admin, `/subjects/${foreign}/restore`).expect(404);
    const [row] = await t.db.query('SELECT short_name, archived_at FROM subject WHERE id = $1', [foreign]);
    expect(row).toEqual({ short_name: 'Рус. яз.', archived_at: null });
    expect((await listAll(admin, { includeArchived: 'true' })).map((s) => s.id)).not.toContain(foreign);
  });

  it('a teacher may read but not write', async () => {
    const teacher = await bearer(t, s1.logins.teacher);
    const id = await subjectOf(s1.id, 'chemistry');
    await get(teacher, `/subjects/${id}`).expect(200);
    await post(teacher, '/subjects', { code: 'drawing', name: 'Черчение', shortName: 'Черч.' }).expect(403);
    await patch(teacher, `/subjects/${id}`, { shortName: 'Х' }).expect(403);
    await post(teacher, `/subjects/${id}/archive`).expect(403);
    for (const role of ['director', 'secretary', 'parent', 'student'] as const) {
      await post(await bearer(t, s1.logins[role]), '/subjects', { code: 'drawing', name: 'Черчение', shortName: 'Черч.' }).expect(403);
    }
    const [row] = await t.db.query('SELECT short_name FROM subject WHERE id = $1', [id]);
    expect(row.short_name).toBe('Хим.');
  });

  it('schoolId, id or archivedAt in a body answers 422 (no mass assignment)', async () => {
    for (const extra of [{ schoolId: s2.id }, { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, { archivedAt: null }]) {
      const res = await post(admin, '/subjects', { code: 'drawing', name: 'Черчение', shortName: 'Черч.', ...extra }).expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(Object.keys(extra));
    }
    const id = await subjectOf(s1.id, 'biology');
    await patch(admin, `/subjects/${id}`, { schoolId: s2.id }).expect(422);
    const [row] = await t.db.query('SELECT school_id FROM subject WHERE id = $1', [id]);
    expect(row.school_id).toBe(s1.id);
    expect(await t.db.query(`SELECT 1 FROM subject WHERE code = 'drawing'`)).toEqual([]);
  });
});

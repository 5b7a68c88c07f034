/**
 * School, academic calendar, bell schedules, mark types and settings — through HTTP against a real PostgreSQL.
 *
 * The demo data comes from generateSchool({ seed, startYear: 2026 }), which for 2026/2027 gives:
 * - academic year 2026-09-01 (Tue) … 2027-05-31 (Mon);
 * - quarters for grades 1–9: 09-01…10-23, 11-02…12-28, 01-11…03-19, 03-29…05-26;
 *   half-years for grades 10–11: 09-01…12-28, 01-11…05-26;
 * - holidays (all grades): autumn 10-24…11-01, winter 12-29…01-10, spring 03-20…03-28;
 *   grade 1 only: «Дополнительные каникулы для первоклассников» 2027-02-13…02-21;
 * - state non-working days: 2026-11-04, 2027-02-23, 2027-03-08, 2027-05-01, 2027-05-09;
 * - week patterns: grades 1–4 five-day, 5–11 six-day;
 * - bell schedules «1 смена» (default, 7 lessons from 08:00) and «2 смена» (6 lessons from 13:30);
 * - 11 mark types, e.g. control_work with weight 2.
 */
import type { Response } from 'supertest';
import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

const API = '/api/v1';

interface Bell {
  lessonNumber: number;
  startsAt: string;
  endsAt: string;
}

interface CalendarDayView {
  date: string;
  weekday: number;
  working: boolean;
  reason: string | null;
}

/** «1 смена» as the generator builds it: 40-minute lessons from 08:00, breaks 10, 20, 20, 10, 10, 10. */
const FIRST_SHIFT_BELLS: Bell[] = [
  { lessonNumber: 1, startsAt: '08:00', endsAt: '08:40' },
  { lessonNumber: 2, startsAt: '08:50', endsAt: '09:30' },
  { lessonNumber: 3, startsAt: '09:50', endsAt: '10:30' },
  { lessonNumber: 4, startsAt: '10:50', endsAt: '11:30' },
  { lessonNumber: 5, startsAt: '11:40', endsAt: '12:20' },
  { lessonNumber: 6, startsAt: '12:30', endsAt: '13:10' },
  { lessonNumber: 7, startsAt: '13:20', endsAt: '14:00' },
];

/** «2 смена»: 40-minute lessons from 13:30, breaks 10, 20, 20, 10, 10. */
const SECOND_SHIFT_BELLS: Bell[] = [
  { lessonNumber: 1, startsAt: '13:30', endsAt: '14:10' },
  { lessonNumber: 2, startsAt: '14:20', endsAt: '15:00' },
  { lessonNumber: 3, startsAt: '15:20', endsAt: '16:00' },
  { lessonNumber: 4, startsAt: '16:20', endsAt: '17:00' },
  { lessonNumber: 5, startsAt: '17:10', endsAt: '17:50' },
  { lessonNumber: 6, startsAt: '18:00', endsAt: '18:40' },
];

const GENERATED_MARK_TYPE_COUNT = 11;

describe('school calendar, bells, mark types and settings (e2e)', () => {
  let t: TestApp;
  let s1: TestSchool;
  let s2: TestSchool;
  /** Authorization header values of school 1 per role, and of school 2's admin. */
  const auth: Record<string, string> = {};
  let year1: string;
  let year2: string;

  // ---- helpers ---------------------------------------------------------------------------------------

  const get = (path: string, token = auth.admin) => t.http.get(`${API}${path}`).set('Authorization', token);
  const post = (path: string, body: object, token = auth.admin) => t.http.post(`${API}${path}`).set('Authorization', token).send(body);
  const put = (path: string, body: object, token = auth.admin) => t.http.put(`${API}${path}`).set('Authorization', token).send(body);
  const patch = (path: string, body: object, token = auth.admin) => t.http.patch(`${API}${path}`).set('Authorization', token).send(body);
  const del = (path: string, token = auth.admin) => t.http.delete(`${API}${path}`).set('Authorization', token);

  /** A problem+json answer with the status, code and (when given) the first field named. */
  function expectProblem(res: Response, status: number, code: string, field?: string): void {
    if (res.status !== status || res.body?.code !== code) {
      throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: `urn:ejournal:error:${code}`, status, code });
    expect(typeof res.body.title).toBe('string');
    expect(res.body.correlationId).toEqual(expect.any(String));
    expect(res.body.instance).toBe(new URL(res.request.url).pathname);
    if (field !== undefined) {
      expect(res.body.errors).toEqual(expect.any(Array));
      expect(res.body.errors[0]).toEqual({ field, message: expect.any(String) });
    }
  }

  /** Follows nextCursor until the last page and returns every item. */
  async function listAll<T = Record<string, unknown>>(path: string, limit = 2, token = auth.admin): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token).expect(200);
      items.push(...(res.body.items as T[]));
      cursor = res.body.nextCursor;
      if (!cursor) return items;
    }
    throw new Error(`${path}: more than 100 pages`);
  }

  async function dbCount(sql: string, params: unknown[]): Promise<number> {
    const [row] = await t.db.query(sql, params);
    return Number(row.count);
  }

  async function calendar(yearId: string, grade: number, from: string, to: string, token = auth.admin) {
    const res = await get(`/academic-years/${yearId}/calendar?grade=${grade}&from=${from}&to=${to}`, token).expect(200);
    return res.body as { academicYearId: string; grade: number; daysPerWeek: number; workingDays: number; days: CalendarDayView[] };
  }

  const dayOf = (days: CalendarDayView[], date: string): CalendarDayView => {
    const day = days.find((d) => d.date === date);
    if (!day) throw new Error(`${date} is not in the calendar answer`);
    return day;
  };

  async function periodsOf(yearId: string, token = auth.admin) {
    return listAll<{ id: string; name: string; kind: string; number: number; gradeFrom: number; gradeTo: number; startsOn: string; endsOn: string }>(
      `/academic-years/${yearId}/study-periods`,
      50,
      token,
    );
  }

  async function markTypeId(code: string, token = auth.admin): Promise<string> {
    const all = await listAll<{ id: string; code: string }>('/mark-types?includeArchived=true', 100, token);
    const found = all.find((m) => m.code === code);
    if (!found) throw new Error(`no mark type ${code}`);
    return found.id;
  }

  async function scheduleByName(name: string, token = auth.admin) {
    const all = await listAll<{ id: string; name: string; isDefault: boolean; bells: Bell[] }>('/bell-schedules', 50, token);
    const found = all.find((s) => s.name === name);
    if (!found) throw new Error(`no bell schedule ${name}`);
    return found;
  }

  /** A new academic year of school 1 (each test that needs one takes its own span of dates). */
  async function createYear(name: string, startsOn: string, endsOn: string): Promise<string> {
    const res = await post('/academic-years', { name, startsOn, endsOn });
    if (res.status !== 201) throw new Error(`year ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    s1 = await seedTestSchool(t, 1);
    s2 = await seedTestSchool(t, 2);
    for (const role of ['admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student'] as const) {
      auth[role] = await bearer(t, s1.logins[role]);
    }
    auth.admin2 = await bearer(t, s2.logins.admin);
    const years1 = await get('/academic-years').expect(200);
    const years2 = await get('/academic-years', auth.admin2).expect(200);
    expect(years1.body.items).toHaveLength(1);
    expect(years2.body.items).toHaveLength(1);
    year1 = years1.body.items[0].id;
    year2 = years2.body.items[0].id;
  });

  afterAll(() => t?.close());

  // ======================================================================================================
  describe('who may read and write school data', () => {
    it.each(['admin', 'director', 'deputy', 'secretary', 'teacher'])('%s reads the school calendar, bells and mark types', async (role) => {
      await get(`/schools/${s1.id}`, auth[role]).expect(200);
      await get(`/schools/${s1.id}/settings`, auth[role]).expect(200);
      await get(`/academic-years/${year1}/study-periods`, auth[role]).expect(200);
      await get(`/academic-years/${year1}/calendar?grade=5&from=2026-09-01&to=2026-09-07`, auth[role]).expect(200);
      await get('/bell-schedules', auth[role]).expect(200);
      const types = await get('/mark-types', auth[role]).expect(200);
      expect(types.body.items).toHaveLength(GENERATED_MARK_TYPE_COUNT);
    });

    it.each(['parent', 'student'])('a %s gets 403 on school routes', async (role) => {
      for (const path of [`/schools/${s1.id}`, `/schools/${s1.id}/settings`, '/academic-years', '/bell-schedules', '/mark-types']) {
        expectProblem(await get(path, auth[role]), 403, 'forbidden');
      }
    });

    it('a request without a token is 401 with a Bearer challenge', async () => {
      const res = await t.http.get(`${API}/mark-types`);
      expectProblem(res, 401, 'unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each(['director', 'deputy', 'secretary', 'teacher'])('%s may not write: creating an academic year is 403 and nothing is written', async (role) => {
      const before = await dbCount('SELECT count(*) FROM academic_year WHERE school_id = $1', [s1.id]);
      const res = await post('/academic-years', { name: '2040/2041', startsOn: '2040-09-01', endsOn: '2041-05-31' }, auth[role]);
      expectProblem(res, 403, 'forbidden');
      expect(await dbCount('SELECT count(*) FROM academic_year WHERE school_id = $1', [s1.id])).toBe(before);
    });
  });

  // ======================================================================================================
  describe('academic years', () => {
    it('the seeded year is 2026/2027, 1 September to 31 May', async () => {
      const res = await get(`/academic-years/${year1}`).expect(200);
      expect(res.body).toMatchObject({ id: year1, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-05-31' });
    });

    it('academic years may not overlap: 422 academic-year-overlap naming startsOn, and nothing is written', async () => {
      const before = await dbCount('SELECT count(*) FROM academic_year WHERE school_id = $1', [s1.id]);
      const res = await post('/academic-years', { name: '2027/2028', startsOn: '2027-05-01', endsOn: '2028-05-31' });
      expectProblem(res, 422, 'academic-year-overlap', 'startsOn');
      expect(res.body.errors[0].message).toContain('2026/2027');
      expect(await dbCount('SELECT count(*) FROM academic_year WHERE school_id = $1', [s1.id])).toBe(before);
      const years = await listAll<{ id: string }>('/academic-years');
      expect(years).toHaveLength(before);
    });

    it('a year that ends before it starts is refused with date-range-invalid on endsOn', async () => {
      const res = await post('/academic-years', { name: '2045/2046', startsOn: '2046-05-31', endsOn: '2045-09-01' });
      expectProblem(res, 422, 'date-range-invalid', 'endsOn');
      expect(await dbCount("SELECT count(*) FROM academic_year WHERE school_id = $1 AND name = '2045/2046'", [s1.id])).toBe(0);
    });

    it('a year name must look like 2026/2027, and dates must be real calendar dates', async () => {
      expectProblem(await post('/academic-years', { name: '2046-2047', startsOn: '2046-09-01', endsOn: '2047-05-31' }), 422, 'validation-failed', 'name');
      expectProblem(await post('/academic-years', { name: '2046/2047', startsOn: '2046-09-31', endsOn: '2047-05-31' }), 422, 'validation-failed', 'startsOn');
      expectProblem(await post('/academic-years', { name: '2046/2047', startsOn: '2046-09-01', endsOn: '2047-02-29' }), 422, 'validation-failed', 'endsOn');
      expect(await dbCount("SELECT count(*) FROM academic_year WHERE school_id = $1 AND starts_on >= '2046-01-01'", [s1.id])).toBe(0);
    });

    it('shrinking a year so that its periods fall outside is refused (year-excludes-records), and the year is unchanged', async () => {
      // the seeded year: the 4th quarter and the 2nd half-year end on 26 May
      const end = await patch(`/academic-years/${year1}`, { endsOn: '2027-05-20' });
      expectProblem(end, 422, 'year-excludes-records', 'endsOn');
      expect(end.body.errors[0].message).toContain('2027-05-26');
      const start = await patch(`/academic-years/${year1}`, { startsOn: '2026-09-02' });
      expectProblem(start, 422, 'year-excludes-records', 'startsOn');
      const [row] = await t.db.query('SELECT starts_on::text AS s, ends_on::text AS e FROM academic_year WHERE id = $1', [year1]);
      expect(row).toEqual({ s: '2026-09-01', e: '2027-05-31' });
      const read = await get(`/academic-years/${year1}`).expect(200);
      expect(read.body).toMatchObject({ startsOn: '2026-09-01', endsOn: '2027-05-31' });
    });

    it('shrinking a year past a holiday or a calendar day of its own is refused too; shrinking to just around them works', async () => {
      const year = await createYear('2029/2030', '2029-09-01', '2030-05-31');
      await post(`/academic-years/${year}/holidays`, { name: 'Осенние каникулы', gradeFrom: 1, gradeTo: 11, startsOn: '2029-10-27', endsOn: '2029-11-04' }).expect(201);
      await post(`/academic-years/${year}/calendar-days`, { date: '2030-05-09', kind: 'non_working', reason: 'День Победы' }).expect(201);
      expectProblem(await patch(`/academic-years/${year}`, { startsOn: '2029-11-01' }), 422, 'year-excludes-records', 'startsOn');
      expectProblem(await patch(`/academic-years/${year}`, { endsOn: '2030-05-08' }), 422, 'year-excludes-records', 'endsOn');
      const ok = await patch(`/academic-years/${year}`, { startsOn: '2029-10-27', endsOn: '2030-05-09' }).expect(200);
      expect(ok.body).toMatchObject({ id: year, name: '2029/2030', startsOn: '2029-10-27', endsOn: '2030-05-09' });
      const read = await get(`/academic-years/${year}`).expect(200);
      expect(read.body).toMatchObject({ name: '2029/2030', startsOn: '2029-10-27', endsOn: '2030-05-09' });
    });

    it('renaming a year leaves its dates alone', async () => {
      const year = await createYear('2031/2032', '2031-09-01', '2032-05-31');
      const res = await patch(`/academic-years/${year}`, { name: '2031/2032' }).expect(200);
      expect(res.body).toMatchObject({ id: year, name: '2031/2032', startsOn: '2031-09-01', endsOn: '2032-05-31' });
      const read = await get(`/academic-years/${year}`).expect(200);
      expect(read.body).toMatchObject({ name: '2031/2032', startsOn: '2031-09-01', endsOn: '2032-05-31' });
    });

    it('moving only one end of a year onto another year is refused (academic-year-overlap), and both years are unchanged', async () => {
      const earlier = await createYear('2037/2038', '2037-09-01', '2038-05-31');
      const later = await createYear('2038/2039', '2038-09-01', '2039-05-31');
      const endOnly = await patch(`/academic-years/${earlier}`, { endsOn: '2038-10-01' });
      expectProblem(endOnly, 422, 'academic-year-overlap', 'startsOn');
      const startOnly = await patch(`/academic-years/${later}`, { startsOn: '2038-05-01' });
      expectProblem(startOnly, 422, 'academic-year-overlap', 'startsOn');
      const rows = await t.db.query(
        'SELECT name, starts_on::text AS s, ends_on::text AS e FROM academic_year WHERE id IN ($1, $2) ORDER BY starts_on',
        [earlier, later],
      );
      expect(rows).toEqual([
        { name: '2037/2038', s: '2037-09-01', e: '2038-05-31' },
        { name: '2038/2039', s: '2038-09-01', e: '2039-05-31' },
      ]);
    });

    it('moving only the end of a year before its start is refused with date-range-invalid on endsOn', async () => {
      const year = await createYear('2039/2040', '2039-09-01', '2040-05-31');
      expectProblem(await patch(`/academic-years/${year}`, { endsOn: '2039-08-01' }), 422, 'date-range-invalid', 'endsOn');
      const [row] = await t.db.query('SELECT starts_on::text AS s, ends_on::text AS e FROM academic_year WHERE id = $1', [year]);
      expect(row).toEqual({ s: '2039-09-01', e: '2040-05-31' });
    });

    it('years are listed oldest first', async () => {
      const years = await listAll<{ startsOn: string }>('/academic-years', 1);
      const starts = years.map((y) => y.startsOn);
      expect(starts).toEqual([...starts].sort());
      expect(starts[0]).toBe('2026-09-01');
    });
  });

  // ======================================================================================================
  describe('study periods', () => {
    it('the seeded year has four quarters for grades 1–9 and two half-years for grades 10–11, by start date', async () => {
      const periods = await periodsOf(year1);
      const starts = periods.map((p) => p.startsOn);
      expect(starts).toEqual([...starts].sort());
      const rows = periods.map((p) => [p.name, p.kind, p.gradeFrom, p.gradeTo, p.startsOn, p.endsOn].join(' '));
      expect(rows.sort()).toEqual(
        [
          '1 четверть quarter 1 9 2026-09-01 2026-10-23',
          '2 четверть quarter 1 9 2026-11-02 2026-12-28',
          '3 четверть quarter 1 9 2027-01-11 2027-03-19',
          '4 четверть quarter 1 9 2027-03-29 2027-05-26',
          '1 полугодие half_year 10 11 2026-09-01 2026-12-28',
          '2 полугодие half_year 10 11 2027-01-11 2027-05-26',
        ].sort(),
      );
    });

    it('overlapping study periods within a grade band are refused with 422 naming the field, and nothing is written', async () => {
      const before = await periodsOf(year1);
      const dbBefore = await dbCount('SELECT count(*) FROM study_period WHERE school_id = $1 AND academic_year_id = $2', [s1.id, year1]);
      const res = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'trimester',
        number: 1,
        gradeFrom: 5,
        gradeTo: 9,
        startsOn: '2026-10-01',
        endsOn: '2026-10-20',
      });
      expectProblem(res, 422, 'period-overlap', 'startsOn');
      expect(res.body.errors[0].message).toContain('1 четверть');
      expect(await periodsOf(year1)).toHaveLength(before.length);
      expect(await dbCount('SELECT count(*) FROM study_period WHERE school_id = $1 AND academic_year_id = $2', [s1.id, year1])).toBe(dbBefore);
    });

    it('periods of different grade bands may overlap (in a new year: quarters for 5–9 and trimesters for 10–11)', async () => {
      const year = await createYear('2027/2028', '2027-09-01', '2028-05-31');
      const quarter = await post(`/academic-years/${year}/study-periods`, {
        kind: 'quarter', number: 1, gradeFrom: 5, gradeTo: 9, startsOn: '2027-09-01', endsOn: '2027-10-22',
      }).expect(201);
      expect(quarter.body).toMatchObject({ name: '1 четверть', kind: 'quarter', number: 1, gradeFrom: 5, gradeTo: 9, academicYearId: year });
      const trimester = await post(`/academic-years/${year}/study-periods`, {
        kind: 'trimester', number: 1, gradeFrom: 10, gradeTo: 11, startsOn: '2027-09-01', endsOn: '2027-11-30',
      }).expect(201);
      expect(trimester.body).toMatchObject({ name: '1 триместр', kind: 'trimester', gradeFrom: 10, gradeTo: 11, startsOn: '2027-09-01', endsOn: '2027-11-30' });
      const periods = await periodsOf(year);
      expect(periods.map((p) => p.id).sort()).toEqual([quarter.body.id, trimester.body.id].sort());

      // …but a band that shares grade 9 with the quarter does overlap it
      const shared = await post(`/academic-years/${year}/study-periods`, {
        kind: 'trimester', number: 1, gradeFrom: 9, gradeTo: 9, startsOn: '2027-10-01', endsOn: '2027-10-15',
      });
      expectProblem(shared, 422, 'period-overlap', 'startsOn');
      expect(shared.body.errors[0].message).toContain('1 четверть');
      // and a second «1 четверть» for 5–9 is refused even when its dates are free
      const sameNumber = await post(`/academic-years/${year}/study-periods`, {
        kind: 'quarter', number: 1, gradeFrom: 5, gradeTo: 9, startsOn: '2027-11-01', endsOn: '2027-12-20',
      });
      expectProblem(sameNumber, 422, 'period-number-taken', 'number');
      expect(await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year])).toBe(2);
    });

    it('a period outside its academic year is refused (outside-academic-year, naming the date that leaves it)', async () => {
      const before = await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1]);
      const early = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'quarter', number: 5, gradeFrom: 1, gradeTo: 4, startsOn: '2026-08-25', endsOn: '2026-08-31',
      });
      expectProblem(early, 422, 'outside-academic-year', 'startsOn');
      const late = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'quarter', number: 5, gradeFrom: 1, gradeTo: 4, startsOn: '2027-05-27', endsOn: '2027-06-10',
      });
      expectProblem(late, 422, 'outside-academic-year', 'endsOn');
      expect(late.body.errors[0].message).toContain('2027-05-31');
      expect(await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1])).toBe(before);
    });

    it('a period whose end is before its start is refused (date-range-invalid on endsOn)', async () => {
      const before = await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1]);
      const res = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'quarter', number: 5, gradeFrom: 1, gradeTo: 4, startsOn: '2027-05-28', endsOn: '2027-05-27',
      });
      expectProblem(res, 422, 'date-range-invalid', 'endsOn');
      expect(await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1])).toBe(before);
    });

    it('gradeTo below gradeFrom is refused (grade-band-invalid on gradeTo); grades outside 1–11 are refused', async () => {
      const before = await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1]);
      const res = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'quarter', number: 5, gradeFrom: 9, gradeTo: 5, startsOn: '2027-05-27', endsOn: '2027-05-28',
      });
      expectProblem(res, 422, 'grade-band-invalid', 'gradeTo');
      const twelve = await post(`/academic-years/${year1}/study-periods`, {
        kind: 'quarter', number: 5, gradeFrom: 1, gradeTo: 12, startsOn: '2027-05-27', endsOn: '2027-05-28',
      });
      expectProblem(twelve, 422, 'validation-failed', 'gradeTo');
      expect(await dbCount('SELECT count(*) FROM study_period WHERE academic_year_id = $1', [year1])).toBe(before);
    });

    it('moving one date of a period onto the next period, before its start or out of the year is refused; the period keeps its dates', async () => {
      const year = await createYear('2033/2034', '2033-09-01', '2034-05-31');
      const band = { kind: 'quarter', gradeFrom: 1, gradeTo: 9 };
      const q1 = await post(`/academic-years/${year}/study-periods`, { ...band, number: 1, startsOn: '2033-09-01', endsOn: '2033-10-21' }).expect(201);
      await post(`/academic-years/${year}/study-periods`, { ...band, number: 2, startsOn: '2033-10-31', endsOn: '2033-12-27' }).expect(201);

      const onto = await patch(`/study-periods/${q1.body.id}`, { endsOn: '2033-11-05' });
      expectProblem(onto, 422, 'period-overlap', 'startsOn');
      expect(onto.body.errors[0].message).toContain('2 четверть');
      expectProblem(await patch(`/study-periods/${q1.body.id}`, { endsOn: '2033-08-31' }), 422, 'date-range-invalid', 'endsOn');
      expectProblem(await patch(`/study-periods/${q1.body.id}`, { startsOn: '2033-08-25' }), 422, 'outside-academic-year', 'startsOn');

      const [row] = await t.db.query('SELECT starts_on::text AS s, ends_on::text AS e, name FROM study_period WHERE id = $1', [q1.body.id]);
      expect(row).toEqual({ s: '2033-09-01', e: '2033-10-21', name: '1 четверть' });
    });

    it('moving both dates of a seeded quarter onto the next one is refused, and it keeps its dates', async () => {
      const q1 = (await periodsOf(year1)).find((p) => p.name === '1 четверть' && p.gradeFrom === 1)!;
      const res = await patch(`/study-periods/${q1.id}`, { startsOn: '2026-09-01', endsOn: '2026-11-05' });
      expectProblem(res, 422, 'period-overlap', 'startsOn');
      expect(res.body.errors[0].message).toContain('2 четверть');
      const [row] = await t.db.query('SELECT starts_on::text AS s, ends_on::text AS e FROM study_period WHERE id = $1', [q1.id]);
      expect(row).toEqual({ s: '2026-09-01', e: '2026-10-23' });
    });

    it('a period may be renamed and its dates moved inside its gap; the answer and the read-back agree', async () => {
      const year = await createYear('2035/2036', '2035-09-01', '2036-05-31');
      const created = await post(`/academic-years/${year}/study-periods`, {
        kind: 'half_year', number: 1, gradeFrom: 10, gradeTo: 11, startsOn: '2035-09-01', endsOn: '2035-12-27',
      }).expect(201);
      expect(created.body.name).toBe('1 полугодие');
      const res = await patch(`/study-periods/${created.body.id}`, { name: 'Первое полугодие', endsOn: '2035-12-28' }).expect(200);
      expect(res.body).toMatchObject({ id: created.body.id, name: 'Первое полугодие', startsOn: '2035-09-01', endsOn: '2035-12-28', gradeFrom: 10, gradeTo: 11 });
      const [read] = await periodsOf(year);
      expect(read).toMatchObject({ name: 'Первое полугодие', startsOn: '2035-09-01', endsOn: '2035-12-28' });
      await del(`/study-periods/${created.body.id}`).expect(204);
      expect(await periodsOf(year)).toHaveLength(0);
      expectProblem(await del(`/study-periods/${created.body.id}`), 404, 'not-found');
    });
  });

  // ======================================================================================================
  describe('holidays', () => {
    it('Russian text round-trips: «Дополнительные каникулы для 1-х классов» is read back identical', async () => {
      const name = 'Дополнительные каникулы для 1-х классов';
      const res = await post(`/academic-years/${year1}/holidays`, {
        name, gradeFrom: 1, gradeTo: 1, startsOn: '2027-04-26', endsOn: '2027-04-30',
      }).expect(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ name, gradeFrom: 1, gradeTo: 1, startsOn: '2027-04-26', endsOn: '2027-04-30', academicYearId: year1 });
      const holidays = await listAll<{ id: string; name: string }>(`/academic-years/${year1}/holidays`);
      expect(holidays.find((h) => h.id === res.body.id)?.name).toBe(name);
      const [row] = await t.db.query('SELECT name, octet_length(name) AS bytes FROM holiday WHERE id = $1', [res.body.id]);
      expect(row.name).toBe(name);
      expect(Number(row.bytes)).toBe(Buffer.byteLength(name, 'utf8'));
      // the grade-1 calendar now shows the extra week, grade 2 does not
      const g1 = await calendar(year1, 1, '2027-04-26', '2027-04-30');
      expect(g1.workingDays).toBe(0);
      expect(g1.days.every((d) => d.reason === name)).toBe(true);
      expect((await calendar(year1, 2, '2027-04-26', '2027-04-30')).workingDays).toBe(5);
      await del(`/holidays/${res.body.id}`).expect(204);
    });

    it('holidays of intersecting grade bands may not overlap (holiday-overlap), and nothing is written', async () => {
      const before = await dbCount('SELECT count(*) FROM holiday WHERE academic_year_id = $1', [year1]);
      const res = await post(`/academic-years/${year1}/holidays`, {
        name: 'Ещё каникулы', gradeFrom: 5, gradeTo: 9, startsOn: '2026-10-30', endsOn: '2026-11-06',
      });
      expectProblem(res, 422, 'holiday-overlap', 'startsOn');
      expect(res.body.errors[0].message).toContain('Осенние каникулы');
      expect(await dbCount('SELECT count(*) FROM holiday WHERE academic_year_id = $1', [year1])).toBe(before);
    });

    it('holidays outside the year, reversed or with gradeTo below gradeFrom are refused naming the field', async () => {
      const before = await dbCount('SELECT count(*) FROM holiday WHERE academic_year_id = $1', [year1]);
      const base = { name: 'Летние каникулы', gradeFrom: 1, gradeTo: 11 };
      expectProblem(await post(`/academic-years/${year1}/holidays`, { ...base, startsOn: '2027-05-27', endsOn: '2027-08-31' }), 422, 'outside-academic-year', 'endsOn');
      expectProblem(await post(`/academic-years/${year1}/holidays`, { ...base, startsOn: '2027-05-29', endsOn: '2027-05-28' }), 422, 'date-range-invalid', 'endsOn');
      expectProblem(await post(`/academic-years/${year1}/holidays`, { ...base, gradeFrom: 3, gradeTo: 2, startsOn: '2027-05-27', endsOn: '2027-05-28' }), 422, 'grade-band-invalid', 'gradeTo');
      expect(await dbCount('SELECT count(*) FROM holiday WHERE academic_year_id = $1', [year1])).toBe(before);
    });

    it('a holiday may be renamed and moved; an overlapping move is refused and leaves it as it was', async () => {
      const year = await createYear('2034/2035', '2034-09-01', '2035-05-31');
      await post(`/academic-years/${year}/holidays`, { name: 'Весенние каникулы', gradeFrom: 1, gradeTo: 11, startsOn: '2035-03-24', endsOn: '2035-04-01' }).expect(201);
      const created = await post(`/academic-years/${year}/holidays`, {
        name: 'День здоровья', gradeFrom: 2, gradeTo: 4, startsOn: '2035-04-16', endsOn: '2035-04-16',
      }).expect(201);
      const id = created.body.id as string;
      const moved = await patch(`/holidays/${id}`, { name: 'День здоровья (перенесён)', startsOn: '2035-04-17', endsOn: '2035-04-17' }).expect(200);
      expect(moved.body).toMatchObject({ id, name: 'День здоровья (перенесён)', startsOn: '2035-04-17', endsOn: '2035-04-17', gradeFrom: 2, gradeTo: 4 });

      // moving only the start back into the spring holidays
      const onto = await patch(`/holidays/${id}`, { startsOn: '2035-03-31' });
      expectProblem(onto, 422, 'holiday-overlap', 'startsOn');
      expect(onto.body.errors[0].message).toContain('Весенние каникулы');
      // moving only the end before the start
      expectProblem(await patch(`/holidays/${id}`, { endsOn: '2035-04-10' }), 422, 'date-range-invalid', 'endsOn');

      const [row] = await t.db.query('SELECT name, starts_on::text AS s, ends_on::text AS e FROM holiday WHERE id = $1', [id]);
      expect(row).toEqual({ name: 'День здоровья (перенесён)', s: '2035-04-17', e: '2035-04-17' });
      await del(`/holidays/${id}`).expect(204);
      expect(await dbCount('SELECT count(*) FROM holiday WHERE id = $1', [id])).toBe(0);
      expectProblem(await del(`/holidays/${id}`), 404, 'not-found');
    });
  });

  // ======================================================================================================
  describe('calendar days (state holidays and moved working days)', () => {
    it('the seeded year lists the five state non-working days by date', async () => {
      const days = await listAll<{ date: string; kind: string; reason: string }>(`/academic-years/${year1}/calendar-days`);
      expect(days.map((d) => [d.date, d.kind, d.reason])).toEqual([
        ['2026-11-04', 'non_working', 'День народного единства'],
        ['2027-02-23', 'non_working', 'День защитника Отечества'],
        ['2027-03-08', 'non_working', 'Международный женский день'],
        ['2027-05-01', 'non_working', 'Праздник Весны и Труда'],
        ['2027-05-09', 'non_working', 'День Победы'],
      ]);
    });

    it('a calendar day outside the year is refused (outside-academic-year on date), and nothing is written', async () => {
      const before = await dbCount('SELECT count(*) FROM calendar_day WHERE school_id = $1', [s1.id]);
      expectProblem(await post(`/academic-years/${year1}/calendar-days`, { date: '2027-06-12', kind: 'non_working', reason: 'День России' }), 422, 'outside-academic-year', 'date');
      expectProblem(await post(`/academic-years/${year1}/calendar-days`, { date: '2026-08-31', kind: 'working', reason: 'Перенос' }), 422, 'outside-academic-year', 'date');
      expect(await dbCount('SELECT count(*) FROM calendar_day WHERE school_id = $1', [s1.id])).toBe(before);
    });

    it('the same date cannot be marked twice (calendar-day-exists), and the first mark stays', async () => {
      const res = await post(`/academic-years/${year1}/calendar-days`, { date: '2026-11-04', kind: 'working', reason: 'Рабочий день' });
      expectProblem(res, 422, 'calendar-day-exists', 'date');
      const rows = await t.db.query("SELECT kind, reason FROM calendar_day WHERE school_id = $1 AND date = '2026-11-04'", [s1.id]);
      expect(rows).toEqual([{ kind: 'non_working', reason: 'День народного единства' }]);
    });

    it('an unknown kind is refused naming the field', async () => {
      const res = await post(`/academic-years/${year1}/calendar-days`, { date: '2026-12-01', kind: 'holiday', reason: 'Неизвестно' });
      expectProblem(res, 422, 'validation-failed', 'kind');
      expect(await dbCount("SELECT count(*) FROM calendar_day WHERE school_id = $1 AND date = '2026-12-01'", [s1.id])).toBe(0);
    });

    it('a moved working Saturday counts as a working day in a five-day week, and deleting it restores the day off', async () => {
      const saturday = '2026-11-14';
      const before = await calendar(year1, 2, '2026-11-09', '2026-11-15');
      expect(before.daysPerWeek).toBe(5);
      expect(dayOf(before.days, saturday)).toEqual({ date: saturday, weekday: 6, working: false, reason: 'Выходной день' });
      expect(before.workingDays).toBe(5);

      const reason = 'Перенос рабочего дня с 31 декабря';
      const created = await post(`/academic-years/${year1}/calendar-days`, { date: saturday, kind: 'working', reason }).expect(201);
      expect(created.body).toMatchObject({ date: saturday, kind: 'working', reason, academicYearId: year1 });

      const after = await calendar(year1, 2, '2026-11-09', '2026-11-15');
      expect(dayOf(after.days, saturday)).toEqual({ date: saturday, weekday: 6, working: true, reason });
      expect(dayOf(after.days, '2026-11-15')).toEqual({ date: '2026-11-15', weekday: 7, working: false, reason: 'Выходной день' });
      expect(after.workingDays).toBe(6);

      await del(`/calendar-days/${created.body.id}`).expect(204);
      const restored = await calendar(year1, 2, '2026-11-09', '2026-11-15');
      expect(dayOf(restored.days, saturday).working).toBe(false);
      expect(restored.workingDays).toBe(5);
      expectProblem(await del(`/calendar-days/${created.body.id}`), 404, 'not-found');
    });
  });

  // ======================================================================================================
  describe('the school calendar of a grade', () => {
    it('the school calendar counts working days of a grade: the week of 4 November for grade 5 (six-day week)', async () => {
      // what the calendar is built from, read through the API
      const holidays = await listAll<{ name: string; startsOn: string; endsOn: string; gradeFrom: number; gradeTo: number }>(
        `/academic-years/${year1}/holidays`,
      );
      const autumn = holidays.find((h) => h.name === 'Осенние каникулы')!;
      expect(autumn).toMatchObject({ startsOn: '2026-10-24', endsOn: '2026-11-01', gradeFrom: 1, gradeTo: 11 });
      const patterns = await get(`/academic-years/${year1}/week-patterns`).expect(200);
      expect(patterns.body.map((p: { gradeFrom: number; gradeTo: number; daysPerWeek: number }) => [p.gradeFrom, p.gradeTo, p.daysPerWeek])).toEqual([
        [1, 4, 5],
        [5, 11, 6],
      ]);

      const cal = await calendar(year1, 5, '2026-11-02', '2026-11-08');
      expect(cal).toMatchObject({ academicYearId: year1, grade: 5, daysPerWeek: 6 });
      expect(cal.days).toEqual([
        { date: '2026-11-02', weekday: 1, working: true, reason: null },
        { date: '2026-11-03', weekday: 2, working: true, reason: null },
        { date: '2026-11-04', weekday: 3, working: false, reason: 'День народного единства' },
        { date: '2026-11-05', weekday: 4, working: true, reason: null },
        { date: '2026-11-06', weekday: 5, working: true, reason: null },
        { date: '2026-11-07', weekday: 6, working: true, reason: null },
        { date: '2026-11-08', weekday: 7, working: false, reason: 'Выходной день' },
      ]);
      expect(cal.workingDays).toBe(5);
      expect(cal.workingDays).toBe(cal.days.filter((d) => d.working).length);
    });

    it('the same week for grade 2 (five-day week) has four working days: Saturday is a day off', async () => {
      const cal = await calendar(year1, 2, '2026-11-02', '2026-11-08');
      expect(cal.daysPerWeek).toBe(5);
      expect(dayOf(cal.days, '2026-11-07')).toEqual({ date: '2026-11-07', weekday: 6, working: false, reason: 'Выходной день' });
      expect(dayOf(cal.days, '2026-11-04')).toMatchObject({ working: false, reason: 'День народного единства' });
      expect(cal.workingDays).toBe(4);
    });

    it('holidays are not working days and carry their name; the first day after them is working', async () => {
      const cal = await calendar(year1, 9, '2026-10-23', '2026-11-02');
      expect(dayOf(cal.days, '2026-10-23')).toMatchObject({ working: true, reason: null });
      for (const d of cal.days.filter((x) => x.date >= '2026-10-24' && x.date <= '2026-11-01')) {
        expect(d).toMatchObject({ working: false, reason: 'Осенние каникулы' });
      }
      expect(dayOf(cal.days, '2026-11-02')).toMatchObject({ working: true, reason: null });
      expect(cal.workingDays).toBe(2);
    });

    it('in the grade-1 February holiday week grade 1 has no working days, grade 2 has five and grade 5 has six', async () => {
      const g1 = await calendar(year1, 1, '2027-02-15', '2027-02-21');
      expect(g1.workingDays).toBe(0);
      expect(g1.days).toHaveLength(7);
      expect(g1.days.every((d) => !d.working && d.reason === 'Дополнительные каникулы для первоклассников')).toBe(true);

      const g2 = await calendar(year1, 2, '2027-02-15', '2027-02-21');
      expect(g2.workingDays).toBe(5);
      const g5 = await calendar(year1, 5, '2027-02-15', '2027-02-21');
      expect(g5.workingDays).toBe(6);
      expect(g5.days.filter((d) => d.working).map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(dayOf(g5.days, '2027-02-21')).toMatchObject({ working: false, reason: 'Выходной день' });
    });

    it('September 2026 has 26 working days in a six-day week and 22 in a five-day week', async () => {
      // 30 days from Tuesday 1 September: 4 Sundays (6, 13, 20, 27) and 4 Saturdays (5, 12, 19, 26), no holidays
      expect((await calendar(year1, 5, '2026-09-01', '2026-09-30')).workingDays).toBe(26);
      expect((await calendar(year1, 11, '2026-09-01', '2026-09-30')).workingDays).toBe(26);
      expect((await calendar(year1, 4, '2026-09-01', '2026-09-30')).workingDays).toBe(22);
    });

    it('days outside the academic year are not listed: the range is clipped to the year', async () => {
      const cal = await calendar(year1, 5, '2026-08-25', '2026-09-02');
      expect(cal.days.map((d) => d.date)).toEqual(['2026-09-01', '2026-09-02']);
      expect(cal.workingDays).toBe(2);
    });

    it('the grade must be 1–11 and the dates real: 422 naming the parameter', async () => {
      expectProblem(await get(`/academic-years/${year1}/calendar?grade=12`), 422, 'validation-failed', 'grade');
      expectProblem(await get(`/academic-years/${year1}/calendar?grade=0`), 422, 'validation-failed', 'grade');
      expectProblem(await get(`/academic-years/${year1}/calendar`), 422, 'validation-failed', 'grade');
      expectProblem(await get(`/academic-years/${year1}/calendar?grade=5&from=2026-02-30`), 422, 'validation-failed', 'from');
    });

    it('an unknown year is 404 and a malformed id is 400', async () => {
      expectProblem(await get('/academic-years/00000000-0000-4000-8000-000000000000/calendar?grade=5'), 404, 'not-found');
      expectProblem(await get('/academic-years/not-a-uuid/calendar?grade=5'), 400, 'bad-request');
    });
  });

  // ======================================================================================================
  describe('week patterns', () => {
    async function patternRows(yearId: string) {
      return t.db.query(
        'SELECT grade_from AS "from", grade_to AS "to", days_per_week AS days FROM week_pattern WHERE academic_year_id = $1 ORDER BY grade_from',
        [yearId],
      );
    }

    it('week patterns must cover grades 1–11 exactly once: a gap is refused (week-pattern-gap), and nothing changes', async () => {
      const before = await patternRows(year1);
      const res = await put(`/academic-years/${year1}/week-patterns`, {
        patterns: [
          { gradeFrom: 1, gradeTo: 4, daysPerWeek: 5 },
          { gradeFrom: 6, gradeTo: 11, daysPerWeek: 6 },
        ],
      });
      expectProblem(res, 422, 'week-pattern-gap', 'patterns');
      expect(res.body.errors[0].message).toContain('5');
      expect(await patternRows(year1)).toEqual(before);
    });

    it('an overlap of bands is refused (week-pattern-overlap naming the band), and nothing changes', async () => {
      const before = await patternRows(year1);
      const res = await put(`/academic-years/${year1}/week-patterns`, {
        patterns: [
          { gradeFrom: 1, gradeTo: 5, daysPerWeek: 5 },
          { gradeFrom: 5, gradeTo: 11, daysPerWeek: 6 },
        ],
      });
      expectProblem(res, 422, 'week-pattern-overlap', 'patterns[1].gradeFrom');
      expect(await patternRows(year1)).toEqual(before);
    });

    it('a reversed band and a seven-day week are refused naming the field', async () => {
      const reversed = await put(`/academic-years/${year1}/week-patterns`, {
        patterns: [{ gradeFrom: 11, gradeTo: 1, daysPerWeek: 5 }],
      });
      expectProblem(reversed, 422, 'grade-band-invalid', 'patterns[0].gradeTo');
      const seven = await put(`/academic-years/${year1}/week-patterns`, {
        patterns: [{ gradeFrom: 1, gradeTo: 11, daysPerWeek: 7 }],
      });
      expectProblem(seven, 422, 'validation-failed', 'patterns[0].daysPerWeek');
      expect(await patternRows(year1)).toEqual([
        { from: 1, to: 4, days: 5 },
        { from: 5, to: 11, days: 6 },
      ]);
    });

    it('a valid replace works and changes the calendar of the grades', async () => {
      const year = await createYear('2028/2029', '2028-09-01', '2029-05-31');
      // without patterns a grade gets the five-day default
      expect((await calendar(year, 7, '2028-09-04', '2028-09-10')).daysPerWeek).toBe(5);
      const res = await put(`/academic-years/${year}/week-patterns`, {
        patterns: [
          { gradeFrom: 5, gradeTo: 11, daysPerWeek: 6 },
          { gradeFrom: 1, gradeTo: 4, daysPerWeek: 5 },
        ],
      }).expect(200);
      expect(res.body.map((p: { gradeFrom: number; gradeTo: number; daysPerWeek: number }) => [p.gradeFrom, p.gradeTo, p.daysPerWeek])).toEqual([
        [1, 4, 5],
        [5, 11, 6],
      ]);
      const g7 = await calendar(year, 7, '2028-09-04', '2028-09-10');
      expect(g7.daysPerWeek).toBe(6);
      expect(g7.workingDays).toBe(6);

      // replacing again replaces, it does not add
      await put(`/academic-years/${year}/week-patterns`, { patterns: [{ gradeFrom: 1, gradeTo: 11, daysPerWeek: 5 }] }).expect(200);
      expect(await patternRows(year)).toEqual([{ from: 1, to: 11, days: 5 }]);
      const list = await get(`/academic-years/${year}/week-patterns`).expect(200);
      expect(list.body).toHaveLength(1);
      expect((await calendar(year, 7, '2028-09-04', '2028-09-10')).workingDays).toBe(5);
    });
  });

  // ======================================================================================================
  describe('bell schedules', () => {
    async function bellRows(scheduleId: string) {
      return t.db.query(
        `SELECT lesson_number AS n, to_char(starts_at, 'HH24:MI') AS s, to_char(ends_at, 'HH24:MI') AS e
           FROM bell WHERE bell_schedule_id = $1 ORDER BY lesson_number`,
        [scheduleId],
      );
    }

    it('the seeded schedules are «1 смена» (default) and «2 смена», with their bells', async () => {
      const first = await scheduleByName('1 смена');
      const second = await scheduleByName('2 смена');
      expect(first.bells).toEqual(FIRST_SHIFT_BELLS);
      expect(second.bells).toEqual(SECOND_SHIFT_BELLS);
      expect(second.isDefault).toBe(false);
    });

    it('bells out of order are refused with 422 naming the bell, and nothing is written', async () => {
      const second = await scheduleByName('2 смена');
      const before = await bellRows(second.id);

      const down = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [
          { lessonNumber: 2, startsAt: '13:30', endsAt: '14:10' },
          { lessonNumber: 1, startsAt: '14:20', endsAt: '15:00' },
        ],
      });
      expectProblem(down, 422, 'bells-unordered', 'bells[1].lessonNumber');

      const same = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [
          { lessonNumber: 1, startsAt: '13:30', endsAt: '14:10' },
          { lessonNumber: 1, startsAt: '14:20', endsAt: '15:00' },
        ],
      });
      expectProblem(same, 422, 'bells-unordered', 'bells[1].lessonNumber');

      const overlap = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [
          { lessonNumber: 1, startsAt: '13:30', endsAt: '14:10' },
          { lessonNumber: 2, startsAt: '14:20', endsAt: '15:00' },
          { lessonNumber: 3, startsAt: '14:55', endsAt: '15:35' },
        ],
      });
      expectProblem(overlap, 422, 'bells-overlap', 'bells[2].startsAt');

      const reversed = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [
          { lessonNumber: 1, startsAt: '13:30', endsAt: '14:10' },
          { lessonNumber: 2, startsAt: '15:00', endsAt: '14:20' },
        ],
      });
      expectProblem(reversed, 422, 'bells-invalid', 'bells[1].endsAt');

      const zeroLength = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [{ lessonNumber: 1, startsAt: '13:30', endsAt: '13:30' }],
      });
      expectProblem(zeroLength, 422, 'bells-invalid', 'bells[0].endsAt');

      const malformed = await put(`/bell-schedules/${second.id}`, {
        name: '2 смена',
        bells: [{ lessonNumber: 1, startsAt: '8:00', endsAt: '08:40' }],
      });
      expectProblem(malformed, 422, 'validation-failed', 'bells[0].startsAt');

      const read = await get(`/bell-schedules/${second.id}`).expect(200);
      expect(read.body.bells).toEqual(SECOND_SHIFT_BELLS);
      expect(await bellRows(second.id)).toEqual(before);
    });

    it('a bell schedule is replaced whole: new bells replace the old ones, a «нулевой урок» is allowed', async () => {
      const bells = [
        { lessonNumber: 0, startsAt: '07:30', endsAt: '08:00' },
        { lessonNumber: 1, startsAt: '08:00', endsAt: '08:30' },
        { lessonNumber: 2, startsAt: '08:40', endsAt: '09:10' },
      ];
      const created = await post('/bell-schedules', { name: 'Сокращённые уроки', bells: FIRST_SHIFT_BELLS.slice(0, 4) }).expect(201);
      expect(created.body).toMatchObject({ name: 'Сокращённые уроки', isDefault: false, bells: FIRST_SHIFT_BELLS.slice(0, 4) });
      const replaced = await put(`/bell-schedules/${created.body.id}`, { name: 'Сокращённые уроки (30 минут)', bells }).expect(200);
      expect(replaced.body).toMatchObject({ id: created.body.id, name: 'Сокращённые уроки (30 минут)', isDefault: false, bells });
      const read = await get(`/bell-schedules/${created.body.id}`).expect(200);
      expect(read.body).toMatchObject({ name: 'Сокращённые уроки (30 минут)', bells });
      expect(await bellRows(created.body.id)).toEqual(bells.map((b) => ({ n: b.lessonNumber, s: b.startsAt, e: b.endsAt })));

      await del(`/bell-schedules/${created.body.id}`).expect(204);
      expectProblem(await get(`/bell-schedules/${created.body.id}`), 404, 'not-found');
      expect(await bellRows(created.body.id)).toEqual([]);
    });

    it('bell schedule names are unique in a school (bell-schedule-name-taken)', async () => {
      const before = await dbCount('SELECT count(*) FROM bell_schedule WHERE school_id = $1', [s1.id]);
      const res = await post('/bell-schedules', { name: '1 смена', bells: FIRST_SHIFT_BELLS });
      expectProblem(res, 422, 'bell-schedule-name-taken', 'name');
      const second = await scheduleByName('2 смена');
      expectProblem(await put(`/bell-schedules/${second.id}`, { name: '1 смена', bells: SECOND_SHIFT_BELLS }), 422, 'bell-schedule-name-taken', 'name');
      expect(await dbCount('SELECT count(*) FROM bell_schedule WHERE school_id = $1', [s1.id])).toBe(before);
      expect((await get(`/bell-schedules/${second.id}`).expect(200)).body.name).toBe('2 смена');
    });

    it('a new default bell schedule takes the default mark from the old one', async () => {
      const first = await scheduleByName('1 смена');
      expect(first.isDefault).toBe(true);
      const created = await post('/bell-schedules', { name: 'Зимнее расписание', isDefault: true, bells: FIRST_SHIFT_BELLS }).expect(201);
      expect(created.body.isDefault).toBe(true);

      expect((await get(`/bell-schedules/${first.id}`).expect(200)).body).toMatchObject({ isDefault: false, bells: FIRST_SHIFT_BELLS });
      const defaults = await t.db.query('SELECT id FROM bell_schedule WHERE school_id = $1 AND is_default', [s1.id]);
      expect(defaults).toEqual([{ id: created.body.id }]);

      // giving it back: «1 смена» becomes the default again, the winter schedule loses the mark
      await put(`/bell-schedules/${first.id}`, { name: '1 смена', isDefault: true, bells: FIRST_SHIFT_BELLS }).expect(200);
      expect((await get(`/bell-schedules/${created.body.id}`).expect(200)).body.isDefault).toBe(false);
      expect(await t.db.query('SELECT id FROM bell_schedule WHERE school_id = $1 AND is_default', [s1.id])).toEqual([{ id: first.id }]);
      await del(`/bell-schedules/${created.body.id}`).expect(204);
    });

    it('replacing the default schedule without isDefault keeps it the default', async () => {
      const first = await scheduleByName('1 смена');
      const res = await put(`/bell-schedules/${first.id}`, { name: '1 смена', bells: FIRST_SHIFT_BELLS }).expect(200);
      expect(res.body.isDefault).toBe(true);
      expect(await t.db.query('SELECT id FROM bell_schedule WHERE school_id = $1 AND is_default', [s1.id])).toEqual([{ id: first.id }]);
    });

    it('a teacher cannot change bells (403) and the schedule is unchanged', async () => {
      const second = await scheduleByName('2 смена');
      expectProblem(await put(`/bell-schedules/${second.id}`, { name: '2 смена', bells: FIRST_SHIFT_BELLS }, auth.teacher), 403, 'forbidden');
      expect((await get(`/bell-schedules/${second.id}`, auth.teacher).expect(200)).body.bells).toEqual(SECOND_SHIFT_BELLS);
    });
  });

  // ======================================================================================================
  describe('mark types and their weights', () => {
    it('a zero weight is refused with 422 naming the field, and nothing is written (also negative, 3-decimal, >10, string)', async () => {
      const id = await markTypeId('control_work');
      for (const weight of [0, -1, 1.255, 10.5, '3']) {
        const res = await patch(`/mark-types/${id}`, { weight });
        expectProblem(res, 422, 'validation-failed', 'weight');
      }
      const read = await get(`/mark-types/${id}`).expect(200);
      expect(read.body).toMatchObject({ code: 'control_work', weight: 2 });
      const [row] = await t.db.query('SELECT weight::text AS w FROM mark_type WHERE id = $1', [id]);
      expect(row.w).toBe('2.00');
    });

    it('a teacher cannot change a mark weight (403 forbidden), and the weight stays', async () => {
      const id = await markTypeId('control_work');
      expectProblem(await patch(`/mark-types/${id}`, { weight: 3 }, auth.teacher), 403, 'forbidden');
      expectProblem(await patch(`/mark-types/${id}`, { weight: 3 }, auth.director), 403, 'forbidden');
      expect((await get(`/mark-types/${id}`, auth.teacher).expect(200)).body.weight).toBe(2);
    });

    it('the admin can change a mark weight: 200, the new weight is returned and read back', async () => {
      const id = await markTypeId('check_work');
      const res = await patch(`/mark-types/${id}`, { weight: 1.75 }).expect(200);
      expect(res.body).toMatchObject({ id, code: 'check_work', name: 'Проверочная работа', shortName: 'Пр/р', weight: 1.75, category: 'written' });
      const read = await get(`/mark-types/${id}`, auth.teacher).expect(200);
      expect(read.body).toMatchObject({ code: 'check_work', name: 'Проверочная работа', weight: 1.75 });
      const [row] = await t.db.query('SELECT weight::text AS w, name FROM mark_type WHERE id = $1', [id]);
      expect(row).toEqual({ w: '1.75', name: 'Проверочная работа' });
    });

    it('mark type codes are unique in a school (mark-type-code-taken), but another school may use the same code', async () => {
      const before = await dbCount('SELECT count(*) FROM mark_type WHERE school_id = $1', [s1.id]);
      const res = await post('/mark-types', { code: 'control_work', name: 'Итоговая контрольная', shortName: 'ИК/р', weight: 3, category: 'control' });
      expectProblem(res, 422, 'mark-type-code-taken', 'code');
      expect(await dbCount('SELECT count(*) FROM mark_type WHERE school_id = $1', [s1.id])).toBe(before);
      expect(await dbCount("SELECT count(*) FROM mark_type WHERE code = 'control_work'", [])).toBe(2);
    });

    it('concurrent creates of the same code: exactly one wins, the others are refused with mark-type-code-taken', async () => {
      for (const code of ['olympiad_work', 'olympiad_essay', 'olympiad_test', 'olympiad_oral', 'olympiad_lab']) {
        const body = { code, name: 'Олимпиадная работа', shortName: 'Олимп', weight: 2, category: 'written' };
        const answers = await Promise.all(Array.from({ length: 8 }, () => post('/mark-types', body)));
        const statuses = answers.map((r) => (r.status === 201 ? '201 created' : `${r.status} ${r.body.code}`)).sort();
        expect(statuses).toEqual(['201 created', ...Array.from({ length: 7 }, () => '422 mark-type-code-taken')]);
        expect(await dbCount('SELECT count(*) FROM mark_type WHERE school_id = $1 AND code = $2', [s1.id, code])).toBe(1);
      }
    });

    it('a new mark type is created with its weight and can be archived: it stays, but is listed only on request', async () => {
      const created = await post('/mark-types', {
        code: 'project_work', name: 'Проектная работа', shortName: 'Проект', weight: 2.5, category: 'practical',
      }).expect(201);
      expect(created.body).toMatchObject({ code: 'project_work', name: 'Проектная работа', weight: 2.5, archivedAt: null, schoolId: s1.id });
      const archived = await del(`/mark-types/${created.body.id}`).expect(200);
      expect(archived.body.archivedAt).toEqual(expect.any(String));
      const active = await listAll<{ id: string }>('/mark-types', 50);
      expect(active.some((m) => m.id === created.body.id)).toBe(false);
      const all = await listAll<{ id: string }>('/mark-types?includeArchived=true', 50);
      expect(all.some((m) => m.id === created.body.id)).toBe(true);
      expect((await get(`/mark-types/${created.body.id}`).expect(200)).body.code).toBe('project_work');
    });

    it('a mark type code must be lowercase latin; the category must be known', async () => {
      const base = { name: 'Зачёт', shortName: 'Зач', weight: 1, category: 'other' };
      expectProblem(await post('/mark-types', { ...base, code: 'Зачёт' }), 422, 'validation-failed', 'code');
      expectProblem(await post('/mark-types', { ...base, code: 'credit', category: 'exam' }), 422, 'validation-failed', 'category');
      expect(await dbCount("SELECT count(*) FROM mark_type WHERE school_id = $1 AND code = 'credit'", [s1.id])).toBe(0);
    });

    it('unknown properties are refused (no mass assignment): schoolId, id and code cannot be set by PATCH', async () => {
      const id = await markTypeId('essay');
      const [before] = await t.db.query('SELECT to_jsonb(m) AS row FROM mark_type m WHERE id = $1', [id]);
      const moved = await patch(`/mark-types/${id}`, { schoolId: s2.id });
      expectProblem(moved, 422, 'validation-failed', 'schoolId');
      expect(moved.body.errors[0].message).toBe('is not allowed here');
      expectProblem(await patch(`/mark-types/${id}`, { weight: 2, id: '00000000-0000-4000-8000-000000000000' }), 422, 'validation-failed', 'id');
      expectProblem(await patch(`/mark-types/${id}`, { code: 'essay_new' }), 422, 'validation-failed', 'code');
      expectProblem(await patch(`/mark-types/${id}`, { archivedAt: null }), 422, 'validation-failed', 'archivedAt');
      const [after] = await t.db.query('SELECT to_jsonb(m) AS row FROM mark_type m WHERE id = $1', [id]);
      expect(after.row).toEqual(before.row);
      expect(after.row.school_id).toBe(s1.id);
    });
  });

  // ======================================================================================================
  describe('school and settings', () => {
    it('school settings: rounding threshold must be between 0.01 and 0.99, and a refused change writes nothing', async () => {
      const [before] = await t.db.query('SELECT rounding_threshold::text AS r, min_marks_for_attestation AS m FROM school_settings WHERE school_id = $1', [s1.id]);
      for (const roundingThreshold of [1, 0, -0.5, 0.995, '0.5']) {
        expectProblem(await patch(`/schools/${s1.id}/settings`, { roundingThreshold }), 422, 'validation-failed', 'roundingThreshold');
      }
      expectProblem(await patch(`/schools/${s1.id}/settings`, { minMarksForAttestation: 0 }), 422, 'validation-failed', 'minMarksForAttestation');
      expectProblem(await patch(`/schools/${s1.id}/settings`, { minMarksForAttestation: 2.5 }), 422, 'validation-failed', 'minMarksForAttestation');
      const [after] = await t.db.query('SELECT rounding_threshold::text AS r, min_marks_for_attestation AS m FROM school_settings WHERE school_id = $1', [s1.id]);
      expect(after).toEqual(before);
    });

    it('a valid settings change persists', async () => {
      const res = await patch(`/schools/${s1.id}/settings`, { roundingThreshold: 0.6 }).expect(200);
      expect(res.body).toMatchObject({ schoolId: s1.id, roundingThreshold: 0.6, minMarksForAttestation: 3 });
      const read = await get(`/schools/${s1.id}/settings`, auth.deputy).expect(200);
      expect(read.body).toMatchObject({ roundingThreshold: 0.6, minMarksForAttestation: 3 });
      const [row] = await t.db.query('SELECT rounding_threshold::text AS r FROM school_settings WHERE school_id = $1', [s1.id]);
      expect(row.r).toBe('0.60');
      await patch(`/schools/${s1.id}/settings`, { minMarksForAttestation: 4 }).expect(200);
      expect((await get(`/schools/${s1.id}/settings`).expect(200)).body).toMatchObject({ roundingThreshold: 0.6, minMarksForAttestation: 4 });
    });

    it('only the admin changes the school and its settings: director and secretary get 403, nothing changes', async () => {
      const settings = 'SELECT rounding_threshold::text AS r, min_marks_for_attestation AS m FROM school_settings WHERE school_id = $1';
      const [before] = await t.db.query(settings, [s1.id]);
      expectProblem(await patch(`/schools/${s1.id}/settings`, { roundingThreshold: before.r === '0.70' ? 0.8 : 0.7 }, auth.director), 403, 'forbidden');
      expectProblem(await patch(`/schools/${s1.id}`, { shortName: 'Школа' }, auth.secretary), 403, 'forbidden');
      const [after] = await t.db.query(settings, [s1.id]);
      expect(after).toEqual(before);
    });

    it('the school can be renamed in Russian and the time zone must be an IANA zone', async () => {
      const name = 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1 имени А. С. Пушкина»';
      const before = (await get(`/schools/${s1.id}`).expect(200)).body;
      const res = await patch(`/schools/${s1.id}`, { name, shortName: 'МБОУ СШ № 1' }).expect(200);
      expect(res.body).toMatchObject({ id: s1.id, name, shortName: 'МБОУ СШ № 1', timeZone: before.timeZone });
      expect((await get(`/schools/${s1.id}`).expect(200)).body.name).toBe(name);
      expectProblem(await patch(`/schools/${s1.id}`, { timeZone: 'Красноярск' }), 422, 'validation-failed', 'timeZone');
      expectProblem(await patch(`/schools/${s1.id}`, { id: s2.id }), 422, 'validation-failed', 'id');
      const [row] = await t.db.query('SELECT name, time_zone AS tz FROM school WHERE id = $1', [s1.id]);
      expect(row.name).toBe(name);
      expect(row.tz).not.toBe('Красноярск');
    });
  });

  // ======================================================================================================
  describe('tenant isolation', () => {
    const TABLES = ['academic_year', 'study_period', 'holiday', 'calendar_day', 'week_pattern', 'bell_schedule', 'bell', 'mark_type'];

    async function snapshot(schoolId: string): Promise<unknown> {
      const out: Record<string, unknown> = {};
      out.school = await t.db.query('SELECT to_jsonb(s) AS row FROM school s WHERE id = $1', [schoolId]);
      out.settings = await t.db.query('SELECT to_jsonb(s) AS row FROM school_settings s WHERE school_id = $1', [schoolId]);
      for (const table of TABLES) {
        out[table] = await t.db.query(`SELECT to_jsonb(x) AS row FROM ${table} x WHERE school_id = $1 ORDER BY id`, [schoolId]);
      }
      return out;
    }

    it("an admin of one school gets 404 for another school's records, and those records are unchanged", async () => {
      const periods = await periodsOf(year2, auth.admin2);
      const holidays = await listAll<{ id: string }>(`/academic-years/${year2}/holidays`, 50, auth.admin2);
      const days = await listAll<{ id: string }>(`/academic-years/${year2}/calendar-days`, 50, auth.admin2);
      const schedule = await scheduleByName('1 смена', auth.admin2);
      const markType = await markTypeId('control_work', auth.admin2);
      const period = periods[0].id;
      const holiday = holidays[0].id;
      const day = days[0].id;
      const before = await snapshot(s2.id);

      const attempts: Array<[string, () => Promise<Response>]> = [
        ['GET school', () => get(`/schools/${s2.id}`)],
        ['PATCH school', () => patch(`/schools/${s2.id}`, { name: 'Захваченная школа' })],
        ['GET settings', () => get(`/schools/${s2.id}/settings`)],
        ['PATCH settings', () => patch(`/schools/${s2.id}/settings`, { roundingThreshold: 0.9 })],
        ['GET year', () => get(`/academic-years/${year2}`)],
        ['PATCH year', () => patch(`/academic-years/${year2}`, { name: '2099/2100' })],
        ['GET calendar', () => get(`/academic-years/${year2}/calendar?grade=5`)],
        ['GET periods', () => get(`/academic-years/${year2}/study-periods`)],
        ['POST period', () => post(`/academic-years/${year2}/study-periods`, { kind: 'quarter', number: 6, gradeFrom: 1, gradeTo: 1, startsOn: '2027-05-30', endsOn: '2027-05-31' })],
        ['PATCH period', () => patch(`/study-periods/${period}`, { name: 'Чужая четверть' })],
        ['DELETE period', () => del(`/study-periods/${period}`)],
        ['GET holidays', () => get(`/academic-years/${year2}/holidays`)],
        ['POST holiday', () => post(`/academic-years/${year2}/holidays`, { name: 'Чужие каникулы', gradeFrom: 1, gradeTo: 1, startsOn: '2027-05-30', endsOn: '2027-05-31' })],
        ['PATCH holiday', () => patch(`/holidays/${holiday}`, { name: 'Чужие каникулы' })],
        ['DELETE holiday', () => del(`/holidays/${holiday}`)],
        ['GET calendar days', () => get(`/academic-years/${year2}/calendar-days`)],
        ['POST calendar day', () => post(`/academic-years/${year2}/calendar-days`, { date: '2027-05-29', kind: 'working', reason: 'Чужой день' })],
        ['DELETE calendar day', () => del(`/calendar-days/${day}`)],
        ['GET week patterns', () => get(`/academic-years/${year2}/week-patterns`)],
        ['PUT week patterns', () => put(`/academic-years/${year2}/week-patterns`, { patterns: [{ gradeFrom: 1, gradeTo: 11, daysPerWeek: 5 }] })],
        ['GET bell schedule', () => get(`/bell-schedules/${schedule.id}`)],
        ['PUT bell schedule', () => put(`/bell-schedules/${schedule.id}`, { name: 'Чужая смена', bells: SECOND_SHIFT_BELLS })],
        ['DELETE bell schedule', () => del(`/bell-schedules/${schedule.id}`)],
        ['GET mark type', () => get(`/mark-types/${markType}`)],
        ['PATCH mark type', () => patch(`/mark-types/${markType}`, { weight: 5 })],
        ['DELETE mark type', () => del(`/mark-types/${markType}`)],
      ];
      const answers: string[] = [];
      for (const [what, call] of attempts) {
        const res = await call();
        answers.push(`${what}: ${res.status} ${res.body?.code}`);
        if (res.status === 404) expectProblem(res, 404, 'not-found');
      }
      expect(answers).toEqual(attempts.map(([what]) => `${what}: 404 not-found`));
      expect(await snapshot(s2.id)).toEqual(before);
    });

    it("lists show only the caller's own school", async () => {
      const own = await listAll<{ id: string; schoolId: string }>('/mark-types', 50);
      expect(own.every((m) => m.schoolId === s1.id)).toBe(true);
      const years = await listAll<{ id: string; schoolId: string }>('/academic-years', 50);
      expect(years.map((y) => y.id)).not.toContain(year2);
      expect(years.every((y) => y.schoolId === s1.id)).toBe(true);
      const schedules = await listAll<{ id: string }>('/bell-schedules', 50);
      const theirs: Array<{ id: string }> = await t.db.query('SELECT id FROM bell_schedule WHERE school_id = $1', [s2.id]);
      expect(theirs).toHaveLength(2);
      expect(schedules.filter((s) => theirs.some((x) => x.id === s.id))).toEqual([]);
    });
  });

  // ======================================================================================================
  describe('list endpoints are cursor-paginated', () => {
    it('GET /mark-types?limit=3 returns 3 items and a cursor; following cursors yields every type exactly once, in code order', async () => {
      const first = await get('/mark-types?limit=3').expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const res = await get(`/mark-types?limit=3${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        pages.push(res.body.items.map((m: { code: string }) => m.code));
        cursor = res.body.nextCursor;
      } while (cursor);
      const codes = pages.flat();
      const expected = (
        await t.db.query('SELECT code FROM mark_type WHERE school_id = $1 AND archived_at IS NULL ORDER BY code, id', [s1.id])
      ).map((r: { code: string }) => r.code);
      expect(codes).toEqual(expected);
      expect(new Set(codes).size).toBe(codes.length);
      expect(pages).toHaveLength(Math.ceil(expected.length / 3));
      expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    });

    it('study periods page by start date without losing or repeating one', async () => {
      const all = await listAll<{ id: string; startsOn: string }>(`/academic-years/${year1}/study-periods`, 1);
      expect(all).toHaveLength(6);
      expect(new Set(all.map((p) => p.id)).size).toBe(6);
      expect(all.map((p) => p.startsOn)).toEqual([...all.map((p) => p.startsOn)].sort());
    });

    it("a malformed cursor answers 400 with code 'invalid-cursor'", async () => {
      for (const cursor of ['abc', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["control_work"]').toString('base64url')]) {
        expectProblem(await get(`/mark-types?cursor=${cursor}`), 400, 'invalid-cursor', 'cursor');
      }
    });

    it('a cursor of the right shape but with values no issued cursor has answers 400 invalid-cursor, not a server error', async () => {
      const forged = Buffer.from(JSON.stringify(['control_work', 'not-a-uuid'])).toString('base64url');
      expectProblem(await get(`/mark-types?cursor=${forged}`), 400, 'invalid-cursor', 'cursor');
      const badDate = Buffer.from(JSON.stringify(['1 September', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
      expectProblem(await get(`/academic-years/${year1}/study-periods?cursor=${badDate}`), 400, 'invalid-cursor', 'cursor');
    });

    it('a cursor with characters no issued cursor has is refused with 422 naming cursor', async () => {
      expectProblem(await get('/mark-types?cursor=a%2Bb%3D'), 422, 'validation-failed', 'cursor');
    });

    it('limit=0 and limit=501 answer 422 naming limit; limit=500 is allowed', async () => {
      expectProblem(await get('/mark-types?limit=0'), 422, 'validation-failed', 'limit');
      expectProblem(await get('/mark-types?limit=501'), 422, 'validation-failed', 'limit');
      expectProblem(await get('/mark-types?limit=abc'), 422, 'validation-failed', 'limit');
      const res = await get('/mark-types?limit=500').expect(200);
      expect(res.body.nextCursor).toBeNull();
    });

    it('without a limit a page holds up to 50 items and the last page has nextCursor null', async () => {
      const res = await get('/bell-schedules').expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    });
  });
});

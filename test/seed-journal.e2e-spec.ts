import { bearer, createTestApp, seedTestSchool, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(180_000);

const QUARTER = { from: '2026-09-01', to: '2026-10-23' };

/**
 * The generated journal (seedTestSchool(…, { journal: true }) → seedJournal): a conducted first quarter of the seeded
 * school — topics, about 10 marks per student and subject, about 8 % of student-lessons missed, homework — checked in
 * the database it was written to, and against the lessons API's planned topics.
 */
describe('generated journal of the first quarter (e2e)', () => {
  let t: TestApp;
  let s: TestSchool;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.db.query(sql, params)) as T[];

  beforeAll(async () => {
    t = await createTestApp({}, { today: '2026-11-18' });
    s = await seedTestSchool(t, 61, { studentsPerClass: 8, journal: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Each (lesson, student) due: enrolled in the class that day, a member of the subgroup that day. */
  const DUE = `
    SELECT l.id AS lesson_id, en.student_id, c.grade, a.subject_id, l.date
      FROM lesson l
      JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
      JOIN school_class c ON c.id = a.class_id
      JOIN enrollment en ON en.class_id = a.class_id AND en.starts_on <= l.date AND (en.ends_on IS NULL OR en.ends_on > l.date)
     WHERE l.school_id = $1 AND l.conducted_at IS NOT NULL
       AND (a.subgroup_id IS NULL OR EXISTS (SELECT 1 FROM subgroup_member sm WHERE sm.subgroup_id = a.subgroup_id AND sm.student_id = en.student_id
                                               AND sm.starts_on <= l.date AND (sm.ends_on IS NULL OR sm.ends_on > l.date)))`;

  it('every held lesson of the quarter is conducted, with a topic, its kind and its teacher; none outside the quarter', async () => {
    const [r] = await q<{ held: number; conducted: number; outside: number; bad: number }>(
      `SELECT count(*) FILTER (WHERE NOT cancelled AND date BETWEEN $2::date AND $3::date)::int AS held,
              count(*) FILTER (WHERE conducted_at IS NOT NULL AND date BETWEEN $2::date AND $3::date)::int AS conducted,
              count(*) FILTER (WHERE conducted_at IS NOT NULL AND date NOT BETWEEN $2::date AND $3::date)::int AS outside,
              count(*) FILTER (WHERE conducted_at IS NOT NULL AND (coalesce(topic, '') = '' OR work_kind IS NULL OR taught_by_staff_id IS DISTINCT FROM staff_id
                                                                 OR topic !~ '[А-Яа-яЁё]'))::int AS bad
         FROM lesson WHERE school_id = $1`,
      [s.id, QUARTER.from, QUARTER.to],
    );
    expect(r.held).toBeGreaterThan(5000);
    expect(r.conducted).toBe(r.held);
    expect(r.outside).toBe(0);
    expect(r.bad).toBe(0);
  });

  it('the recorded topic of a lesson is the approved plan\'s topic the lessons API lays on it', async () => {
    const [a] = await q<{ id: string }>(
      `SELECT p.teaching_assignment_id AS id FROM thematic_plan p JOIN teaching_assignment a ON a.id = p.teaching_assignment_id
        JOIN school_class c ON c.id = a.class_id
        WHERE p.school_id = $1 AND p.status = 'approved' AND c.grade >= 5 ORDER BY a.hours_per_week DESC, c.grade, c.letter LIMIT 1`,
      [s.id],
    );
    const res = await t.http
      .get('/api/v1/lessons')
      .query({ assignmentId: a.id, from: QUARTER.from, to: QUARTER.to })
      .set('authorization', await bearer(t, s.logins.admin))
      .expect(200);
    const items = res.body.items as Array<{ id: string; cancelled: boolean; conducted: boolean; plannedTopic: { title: string; kind: string } | null }>;
    const recorded = new Map(
      (await q<{ id: string; topic: string; kind: string }>(`SELECT id, topic, work_kind AS kind FROM lesson WHERE id = ANY($1::uuid[])`, [items.map((i) => i.id)])).map((l) => [l.id, l]),
    );
    const held = items.filter((i) => !i.cancelled);
    expect(held.length).toBeGreaterThan(10);
    for (const i of held) {
      expect(i.conducted).toBe(true);
      expect(i.plannedTopic).not.toBeNull();
      expect(recorded.get(i.id)).toEqual({ id: i.id, topic: i.plannedTopic?.title, kind: i.plannedTopic?.kind });
    }
  });

  it('about 10 marks per student per subject (median 7–13), values 1–5 only, grade 1 gets none', async () => {
    const [r] = await q<{ median: number; pairs: number; grade1: number; badValue: number; total: number }>(
      `WITH per AS (
         SELECT mk.student_id, a.subject_id, count(*) AS n FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id
          WHERE mk.school_id = $1 GROUP BY 1, 2)
       SELECT (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM per)::int AS median, (SELECT count(*) FROM per)::int AS pairs,
              (SELECT count(*) FROM mark mk JOIN teaching_assignment a ON a.id = mk.teaching_assignment_id JOIN school_class c ON c.id = a.class_id
                WHERE mk.school_id = $1 AND c.grade = 1)::int AS grade1,
              (SELECT count(*) FROM mark WHERE school_id = $1 AND value NOT BETWEEN 1 AND 5)::int AS "badValue",
              (SELECT count(*) FROM mark WHERE school_id = $1)::int AS total`,
      [s.id],
    );
    expect(r.total).toBeGreaterThan(10_000);
    expect(r.median).toBeGreaterThanOrEqual(7);
    expect(r.median).toBeLessThanOrEqual(13);
    expect(r.grade1).toBe(0);
    expect(r.badValue).toBe(0);
    const values = await q<{ value: number; share: number }>(
      `SELECT value, (count(*)::float / sum(count(*)) OVER ()) AS share FROM mark WHERE school_id = $1 GROUP BY value ORDER BY value`,
      [s.id],
    );
    const share = (v: number) => values.find((x) => x.value === v)?.share ?? 0;
    expect(share(4)).toBeGreaterThan(share(2));
    expect(share(5)).toBeGreaterThan(share(2));
  });

  it('every mark\'s and every absence\'s student was due at its lesson; each mark is dated and of its lesson\'s assignment', async () => {
    const [r] = await q<{ marks: number; absences: number; misfiled: number; absentMarked: number }>(
      `WITH due AS (${DUE})
       SELECT (SELECT count(*) FROM mark mk WHERE mk.school_id = $1
                  AND NOT EXISTS (SELECT 1 FROM due WHERE due.lesson_id = mk.lesson_id AND due.student_id = mk.student_id))::int AS marks,
              (SELECT count(*) FROM attendance at WHERE at.school_id = $1
                  AND NOT EXISTS (SELECT 1 FROM due WHERE due.lesson_id = at.lesson_id AND due.student_id = at.student_id))::int AS absences,
              (SELECT count(*) FROM mark mk JOIN lesson l ON l.id = mk.lesson_id WHERE mk.school_id = $1
                  AND (mk.teaching_assignment_id <> l.teaching_assignment_id OR mk.date <> l.date OR mk.source <> 'journal' OR mk.deadline < l.date))::int AS misfiled,
              (SELECT count(*) FROM mark mk JOIN attendance at ON at.lesson_id = mk.lesson_id AND at.student_id = mk.student_id
                WHERE mk.school_id = $1 AND at.code <> 'О')::int AS "absentMarked"`,
      [s.id],
    );
    expect(r).toEqual({ marks: 0, absences: 0, misfiled: 0, absentMarked: 0 });
  });

  it('about 8 % of the student-lessons are missed (6–10 %), with Н, У, Б and some О, and whole days of illness', async () => {
    const [r] = await q<{ due: number; missed: number; codes: string[]; illDays: number; partialIllDays: number }>(
      `WITH due AS (${DUE}),
            day AS (SELECT due.student_id, due.date, bool_and(at.code = 'Б') AS all_ill, bool_or(at.code = 'Б') AS any_ill
                      FROM due LEFT JOIN attendance at ON at.lesson_id = due.lesson_id AND at.student_id = due.student_id GROUP BY 1, 2)
       SELECT (SELECT count(*) FROM due)::int AS due,
              (SELECT count(*) FROM attendance WHERE school_id = $1 AND code <> 'О')::int AS missed,
              (SELECT array_agg(DISTINCT code ORDER BY code) FROM attendance WHERE school_id = $1) AS codes,
              (SELECT count(*) FROM day WHERE all_ill)::int AS "illDays",
              (SELECT count(*) FROM day WHERE any_ill AND NOT coalesce(all_ill, false))::int AS "partialIllDays"`,
      [s.id],
    );
    const share = r.missed / r.due;
    expect(share).toBeGreaterThanOrEqual(0.06);
    expect(share).toBeLessThanOrEqual(0.1);
    expect([...r.codes].sort()).toEqual(['Б', 'Н', 'О', 'У'].sort());
    expect(r.illDays).toBeGreaterThan(0);
    expect(r.partialIllDays).toBe(0);
  });

  it('homework on most lessons of grades 2–11, none in grade 1 (first half-year), due the next lesson of the assignment', async () => {
    const [r] = await q<{ lessons: number; withHomework: number; grade1: number; wrongDue: number }>(
      `SELECT count(*) FILTER (WHERE c.grade > 1)::int AS lessons,
              count(h.id) FILTER (WHERE c.grade > 1)::int AS "withHomework",
              count(h.id) FILTER (WHERE c.grade = 1)::int AS grade1,
              count(h.id) FILTER (WHERE h.due_lesson_id IS NULL OR d.teaching_assignment_id <> l.teaching_assignment_id OR d.date <> h.due_date
                                   OR d.date < l.date OR EXISTS (
                                     SELECT 1 FROM lesson x WHERE x.teaching_assignment_id = l.teaching_assignment_id AND NOT x.cancelled
                                        AND (x.date, x.lesson_number) > (l.date, l.lesson_number) AND (x.date, x.lesson_number) < (d.date, d.lesson_number)))::int AS "wrongDue"
         FROM lesson l
         JOIN teaching_assignment a ON a.id = l.teaching_assignment_id
         JOIN school_class c ON c.id = a.class_id
         LEFT JOIN homework h ON h.lesson_id = l.id
         LEFT JOIN lesson d ON d.id = h.due_lesson_id
        WHERE l.school_id = $1 AND l.conducted_at IS NOT NULL`,
      [s.id],
    );
    expect(r.withHomework / r.lessons).toBeGreaterThan(0.6);
    expect(r.grade1).toBe(0);
    expect(r.wrongDue).toBe(0);
  });

  it('the histories hold the first record of every mark and absence', async () => {
    const [r] = await q<{ marks: number; markHistory: number; absences: number; attendanceHistory: number }>(
      `SELECT (SELECT count(*) FROM mark WHERE school_id = $1)::int AS marks,
              (SELECT count(*) FROM mark_history WHERE school_id = $1 AND action = 'create')::int AS "markHistory",
              (SELECT count(*) FROM attendance WHERE school_id = $1)::int AS absences,
              (SELECT count(*) FROM attendance_history WHERE school_id = $1 AND old_code IS NULL)::int AS "attendanceHistory"`,
      [s.id],
    );
    expect(r.markHistory).toBe(r.marks);
    expect(r.attendanceHistory).toBe(r.absences);
  });
});

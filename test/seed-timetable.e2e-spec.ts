import { findConflicts } from '../src/modules/schedule/timetable-sql';
import { createTestApp, seedTestSchool, systemWrite, TestApp, TestSchool } from './utils/test-app';

jest.setTimeout(60_000);

/**
 * The seeded school's rooms and weekly timetable (src/database/seed/generator/timetable.ts) checked by the
 * application's own rules: the conflict SQL of the schedule module finds nothing over all seeded entries, so the
 * generator and the SQL agree on what a conflict is; every assignment has its hours; only working weekdays of the
 * class's grade and lessons of the default bell schedule.
 */
describe('the seeded timetable', () => {
  let t: TestApp;
  let s: TestSchool;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    s = await seedTestSchool(t, 1);
    ids = ((await t.db.query('SELECT id FROM timetable_entry WHERE school_id = $1 ORDER BY id', [s.id])) as Array<{ id: string }>).map((r) => r.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the seeded school has a conflict-free timetable by the application\'s own conflict SQL', async () => {
    expect(ids.length).toBe(s.generated.timetable.length);
    expect(ids.length).toBeGreaterThan(1000);
    const conflicts = await t.db.transaction((m) => findConflicts(m, s.id, ids));
    expect(conflicts).toEqual([]);
  });

  it('the conflict SQL is not blind: a copy of a seeded lesson conflicts on teacher, room and class', async () => {
    const [copy] = (await systemWrite(
      t,
      `INSERT INTO timetable_entry (school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from)
       SELECT school_id, academic_year_id, weekday, lesson_number, teaching_assignment_id, room_id, valid_from
         FROM timetable_entry WHERE id = $1 RETURNING id`,
      [ids[0]],
    )) as Array<{ id: string }>;
    const conflicts = await t.db.transaction((m) => findConflicts(m, s.id, [copy.id]));
    expect(new Set(conflicts.map((c) => c.reason))).toEqual(new Set(['class', 'teacher', 'room']));
    await systemWrite(t, 'DELETE FROM timetable_entry WHERE id = $1', [copy.id]);
  });

  it('every seeded assignment has its weekly hours, from the first day of the year, on working weekdays and existing lessons', async () => {
    const wrong = await t.db.query(
      `SELECT a.id, a.hours_per_week, count(e.id) AS lessons
         FROM teaching_assignment a LEFT JOIN timetable_entry e ON e.teaching_assignment_id = a.id
        WHERE a.school_id = $1 GROUP BY a.id HAVING count(e.id) <> round(a.hours_per_week)`,
      [s.id],
    );
    expect(wrong).toEqual([]);
    const [facts] = await t.db.query(
      `SELECT count(*) FILTER (WHERE e.valid_from <> y.starts_on OR e.valid_to IS NOT NULL)::int AS "outsideYear",
              count(*) FILTER (WHERE e.weekday > w.days_per_week)::int AS "nonWorkingDay",
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM bell b JOIN bell_schedule bs ON bs.id = b.bell_schedule_id
                                                  WHERE bs.school_id = e.school_id AND bs.is_default AND b.lesson_number = e.lesson_number))::int AS "noBell",
              count(*) FILTER (WHERE e.room_id IS NULL)::int AS "noRoom"
         FROM timetable_entry e
         JOIN academic_year y ON y.id = e.academic_year_id
         JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
         JOIN school_class c ON c.id = a.class_id
         JOIN week_pattern w ON w.academic_year_id = y.id AND c.grade BETWEEN w.grade_from AND w.grade_to
        WHERE e.school_id = $1`,
      [s.id],
    );
    expect(facts).toEqual({ outsideYear: 0, nonWorkingDay: 0, noBell: 0, noRoom: 0 });
  });
});

import { TestApp } from './test-app';

/** 'YYYY-MM-DD' plus n days. */
export const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** ISO weekday of a date, 1 Monday … 7 Sunday. */
export const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * A staff member of the school with no lesson of the weekly timetable at the date's weekday and lesson number, nor a
 * substitution then, other than `except`.
 */
export async function freeStaff(t: TestApp, schoolId: string, date: string, lessonNumber: number, except: string[]): Promise<string> {
  const rows = (await t.db.query(
    `SELECT s.id FROM staff s
      WHERE s.school_id = $1 AND s.archived_at IS NULL AND NOT (s.id = ANY($5::uuid[]))
        AND NOT EXISTS (SELECT 1 FROM timetable_entry e JOIN teaching_assignment a ON a.id = e.teaching_assignment_id
                         WHERE a.staff_id = s.id AND e.weekday = $2 AND e.lesson_number = $3
                           AND e.valid_from <= $4::date AND (e.valid_to IS NULL OR e.valid_to > $4::date))
        AND NOT EXISTS (SELECT 1 FROM timetable_change c WHERE c.substitute_staff_id = s.id AND c.date = $4::date AND c.lesson_number = $3)
      ORDER BY s.id LIMIT 1`,
    [schoolId, isoWeekday(date), lessonNumber, date, except],
  )) as Array<{ id: string }>;
  if (rows.length === 0) throw new Error(`no free staff on ${date}, lesson ${lessonNumber}`);
  return rows[0].id;
}

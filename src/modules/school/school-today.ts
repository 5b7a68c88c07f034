import { EntityManager } from 'typeorm';

/**
 * Today's date in the school's own time zone, 'YYYY-MM-DD' (a school in Krasnoyarsk is 7 hours ahead of UTC).
 * SQL says the same with `school_today(school.time_zone)`, which honours the database setting `ejournal.today`
 * (a fixed date for tests and demonstrations).
 */
export async function schoolToday(m: EntityManager, schoolId: string): Promise<string> {
  const rows = (await m.query(`SELECT to_char(school_today(time_zone), 'YYYY-MM-DD') AS today FROM school WHERE id = $1`, [schoolId])) as Array<{
    today: string;
  }>;
  if (rows.length === 0) throw new Error(`school ${schoolId} does not exist`);
  return rows[0].today;
}

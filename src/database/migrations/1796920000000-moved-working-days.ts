import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A moved working day follows another weekday's timetable (a working Saturday «по расписанию понедельника»):
 * calendar_day.timetable_weekday, and timetable_weekday(school, date) — the weekday whose timetable entries hold on a
 * date — which the timetable views, the dated lessons and the dated changes all use.
 */
export class MovedWorkingDays1796920000000 implements MigrationInterface {
  name = 'MovedWorkingDays1796920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "calendar_day" ADD "timetable_weekday" smallint`);
    await q.query(
      `ALTER TABLE "calendar_day" ADD CONSTRAINT "ck_calendar_day_timetable_weekday" CHECK ("timetable_weekday" IS NULL OR ("kind" = 'working' AND "timetable_weekday" BETWEEN 1 AND 7))`,
    );
    await q.query(`CREATE FUNCTION timetable_weekday(school uuid, day date) RETURNS int LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce((SELECT c.timetable_weekday FROM calendar_day c WHERE c.school_id = school AND c.date = day), extract(isodow FROM day)::int)
    $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION timetable_weekday(uuid, date)`);
    await q.query(`ALTER TABLE "calendar_day" DROP CONSTRAINT "ck_calendar_day_timetable_weekday"`);
    await q.query(`ALTER TABLE "calendar_day" DROP COLUMN "timetable_weekday"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated lessons (lesson): each lesson of the year on its date, derived from the weekly timetable, the calendar and the
 * dated changes. Derived rows are not audited (their sources are); a lesson with journal data (conducted_at) is:
 * trigger `audit_row_change` records every update and delete of such a lesson, `audit_row_change_conducted` the
 * update that gives a lesson its journal data.
 *
 * school_today(time_zone): the school's today. The database setting `ejournal.today` (a date), when set, replaces the
 * clock: for tests and demonstrations on a fixed date (`ALTER DATABASE … SET ejournal.today = '2026-11-16'`);
 * production never sets it.
 */
export class Lessons1796900000000 implements MigrationInterface {
  name = 'Lessons1796900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION school_today(time_zone text) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
      SELECT coalesce(nullif(current_setting('ejournal.today', true), '')::date, (now() AT TIME ZONE time_zone)::date)
    $$`);
    await q.query(`CREATE TABLE "lesson" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "date" date NOT NULL, "lesson_number" smallint NOT NULL, "teaching_assignment_id" uuid NOT NULL, "staff_id" uuid NOT NULL, "room_id" uuid, "timetable_entry_id" uuid, "timetable_change_id" uuid, "cancelled" boolean NOT NULL DEFAULT false, "conducted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0ef25918f0237e68696dee455bd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_lesson_staff_date" ON "lesson"  ("staff_id", "date") `);
    await q.query(`CREATE INDEX "ix_lesson_school_date" ON "lesson"  ("school_id", "date") `);
    await q.query(`CREATE UNIQUE INDEX "uq_lesson_slot" ON "lesson"  ("teaching_assignment_id", "date", "lesson_number") `);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_13f30f0f14e89c2c7e86fea1376" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_7d96bd0c6390fbd29a961e6f654" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_141d78b11e1ea47117c9fa43221" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_2cead48724acf58d1c0e89a3e21" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_a2be06789908644ae1770866c3d" FOREIGN KEY ("timetable_entry_id") REFERENCES "timetable_entry"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_46c8a489ff11aec20a527b6050e" FOREIGN KEY ("timetable_change_id") REFERENCES "timetable_change"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(
      `CREATE TRIGGER audit_row_change AFTER UPDATE OR DELETE ON "lesson" FOR EACH ROW WHEN (OLD.conducted_at IS NOT NULL) EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
    );
    await q.query(
      `CREATE TRIGGER audit_row_change_conducted AFTER UPDATE ON "lesson" FOR EACH ROW WHEN (OLD.conducted_at IS NULL AND NEW.conducted_at IS NOT NULL) EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "lesson"`);
    await q.query(`DROP FUNCTION school_today(text)`);
  }
}

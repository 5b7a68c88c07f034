import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Homework knows its teaching assignment (its lesson's, which never changes), indexed with the due date: the diary's
 * "homework due this week" reads the student's assignments' homework by key instead of the whole school's week of
 * homework joined to lessons (~3 ms → index probes). Existing rows are filled from their lessons.
 */
export class HomeworkAssignment1796930000000 implements MigrationInterface {
  name = 'HomeworkAssignment1796930000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "homework" ADD "teaching_assignment_id" uuid`);
    // homework is audited: the backfill is recorded as the migration's
    await q.query(`SELECT set_config('ejournal.ctx', '{"system":"migration","userId":null,"schoolId":null,"roles":[]}', true)`);
    await q.query(`UPDATE "homework" h SET "teaching_assignment_id" = l."teaching_assignment_id" FROM "lesson" l WHERE l."id" = h."lesson_id"`);
    await q.query(`ALTER TABLE "homework" ALTER COLUMN "teaching_assignment_id" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "homework" ADD CONSTRAINT "fk_homework_assignment" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE INDEX "ix_homework_assignment_due" ON "homework" ("teaching_assignment_id", "due_date")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_homework_assignment_due"`);
    await q.query(`ALTER TABLE "homework" DROP CONSTRAINT "fk_homework_assignment"`);
    await q.query(`ALTER TABLE "homework" DROP COLUMN "teaching_assignment_id"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secretary's imports: the uploaded file of an import job (import_upload, bookkeeping like job_file: no audit row
 * trigger, removed with its job) and the staff import key, табельный номер (staff.personnel_number, unique in the
 * school when set).
 */
export class Imports1796740000000 implements MigrationInterface {
  name = 'Imports1796740000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "import_upload" ("job_id" uuid NOT NULL, "school_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_42ceb2a5e2344574dd512855628" PRIMARY KEY ("job_id"))`);
    await q.query(`ALTER TABLE "import_upload" ADD CONSTRAINT "FK_42ceb2a5e2344574dd512855628" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "staff" ADD "personnel_number" character varying(32)`);
    await q.query(`CREATE UNIQUE INDEX "uq_staff_personnel_number" ON "staff"  ("school_id", "personnel_number") WHERE "personnel_number" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_staff_personnel_number"`);
    await q.query(`ALTER TABLE "staff" DROP COLUMN "personnel_number"`);
    await q.query(`DROP TABLE "import_upload"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs: `job` (the outbox row of each job, with its status and result) and `job_file` (the file a job
 * produced, bytea, one per job). Bookkeeping tables: no audit row trigger — the request that causes a job records
 * its own audit event (e.g. audit-export).
 */
export class Jobs1796200000000 implements MigrationInterface {
  name = 'Jobs1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "type" character varying(60) NOT NULL, "queue" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "status" character varying(10) NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT 0, "attempts" integer NOT NULL DEFAULT 0, "result" jsonb, "error" text, "requested_by" uuid NOT NULL, "dispatched_at" TIMESTAMP WITH TIME ZONE, "run_after" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_job_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_job_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')), CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_job_school_requester" ON "job"  ("school_id", "requested_by", "created_at") `);
    await q.query(`CREATE INDEX "ix_job_relay" ON "job"  ("status", "dispatched_at") `);
    await q.query(`CREATE TABLE "job_file" ("job_id" uuid NOT NULL, "school_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2563771e6c73683698cca5cd475" PRIMARY KEY ("job_id"))`);
    await q.query(`ALTER TABLE "job" ADD CONSTRAINT "FK_a145fbc1b11ab2982ea6ff8ff6a" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "job" ADD CONSTRAINT "FK_8c79bbe1a4d0db1a0bdfba9ecd0" FOREIGN KEY ("requested_by") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "job_file" ADD CONSTRAINT "FK_2563771e6c73683698cca5cd475" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_file"`);
    await q.query(`DROP TABLE "job"`);
  }
}

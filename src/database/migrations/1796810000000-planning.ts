import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Thematic planning (КТП, R-PLN-1…4): the curriculum (учебный план, hours a year of a subject for a grade or, as an
 * override, one class), the thematic plan of a teaching assignment (status draft → submitted → approved / returned)
 * and its ordered topics. Plans and topics go with their assignment (ON DELETE CASCADE); every table gets the
 * audit_row_change trigger (no audited person).
 */
export class Planning1796810000000 implements MigrationInterface {
  name = 'Planning1796810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "curriculum_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "grade" smallint, "class_id" uuid, "hours_per_year" numeric(5,1) NOT NULL, CONSTRAINT "ck_curriculum_hours_hours" CHECK ("hours_per_year" > 0 AND "hours_per_year" <= 2000), CONSTRAINT "ck_curriculum_hours_grade" CHECK ("grade" IS NULL OR "grade" BETWEEN 1 AND 11), CONSTRAINT "ck_curriculum_hours_target" CHECK (("grade" IS NULL) <> ("class_id" IS NULL)), CONSTRAINT "PK_2e9b5336d889a1b3dabee056a5a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_curriculum_hours_class" ON "curriculum_hours"  ("school_id", "class_id", "subject_id") WHERE "class_id" IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_curriculum_hours_grade" ON "curriculum_hours"  ("school_id", "academic_year_id", "grade", "subject_id") WHERE "class_id" IS NULL`);
    await q.query(`CREATE TABLE "thematic_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "teaching_assignment_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by_user_id" uuid, "note" character varying(1000), CONSTRAINT "ck_thematic_plan_status" CHECK ("status" IN ('draft', 'submitted', 'approved', 'returned')), CONSTRAINT "PK_dd8ff5e047c3b1e618b06d8e624" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_thematic_plan_assignment" ON "thematic_plan"  ("teaching_assignment_id")`);
    await q.query(`CREATE TABLE "plan_topic" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(500) NOT NULL, "hours" numeric(4,1) NOT NULL, "kind" character varying(10) NOT NULL, "notes" character varying(1000), CONSTRAINT "ck_plan_topic_kind" CHECK ("kind" IN ('lesson', 'practical', 'lab', 'test')), CONSTRAINT "ck_plan_topic_hours" CHECK ("hours" > 0), CONSTRAINT "ck_plan_topic_position" CHECK ("position" > 0), CONSTRAINT "PK_c9c430b5eb57b25c32d8d84a4c4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_plan_topic_position" ON "plan_topic"  ("plan_id", "position")`);
    await q.query(`ALTER TABLE "curriculum_hours" ADD CONSTRAINT "FK_f84d2d1da179dddf86581e1e706" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "curriculum_hours" ADD CONSTRAINT "FK_a89d23ce0acabeb518664f2ec6e" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "curriculum_hours" ADD CONSTRAINT "FK_d3f5bbace30ced738da59cb9bb8" FOREIGN KEY ("subject_id") REFERENCES "subject"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "curriculum_hours" ADD CONSTRAINT "FK_188b8126dda2f1b62b946cedbc7" FOREIGN KEY ("class_id") REFERENCES "school_class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "thematic_plan" ADD CONSTRAINT "FK_fad6ff6739f5e1149b4c6550ed1" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "thematic_plan" ADD CONSTRAINT "FK_ce8f3480d9b21402cecffceda83" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "thematic_plan" ADD CONSTRAINT "FK_13556349b7286b0985d3cba7d43" FOREIGN KEY ("approved_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "plan_topic" ADD CONSTRAINT "FK_2fa6af37de752986d251691b643" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "plan_topic" ADD CONSTRAINT "FK_4c63e411169cbd8810356b6ffd2" FOREIGN KEY ("plan_id") REFERENCES "thematic_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const table of ['curriculum_hours', 'thematic_plan', 'plan_topic']) {
      await q.query(
        `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "plan_topic"`);
    await q.query(`DROP TABLE "thematic_plan"`);
    await q.query(`DROP TABLE "curriculum_hours"`);
  }
}

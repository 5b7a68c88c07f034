import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contingent: staff records (ФИО in Russian collation, positions, the linked account) and classes of an academic
 * year (grade 1–11 and letter, class teacher, shift, capacity). Both tables get the audit_row_change trigger;
 * staff is a person, so its own id is the audited subject.
 */
export class StaffClasses1796600000000 implements MigrationInterface {
  name = 'StaffClasses1796600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "surname" character varying(100) COLLATE "ru-RU-x-icu" NOT NULL, "name" character varying(100) COLLATE "ru-RU-x-icu" NOT NULL, "patronymic" character varying(100) COLLATE "ru-RU-x-icu", "positions" text array NOT NULL DEFAULT '{}', "user_id" uuid, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_staff_user" ON "staff"  ("school_id", "user_id") `);
    await q.query(`CREATE INDEX "ix_staff_name" ON "staff"  ("school_id", "surname", "name") `);
    await q.query(`CREATE TABLE "school_class" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "grade" smallint NOT NULL, "letter" character varying(4) COLLATE "ru-RU-x-icu" NOT NULL, "class_teacher_staff_id" uuid, "shift" smallint NOT NULL DEFAULT 1, "capacity" smallint, CONSTRAINT "ck_school_class_capacity" CHECK ("capacity" BETWEEN 1 AND 40), CONSTRAINT "ck_school_class_shift" CHECK ("shift" IN (1, 2)), CONSTRAINT "ck_school_class_letter" CHECK (char_length("letter") BETWEEN 1 AND 4), CONSTRAINT "ck_school_class_grade" CHECK ("grade" BETWEEN 1 AND 11), CONSTRAINT "PK_c2db13fe0f6e127a4aae70bfd35" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_school_class" ON "school_class"  ("school_id", "academic_year_id", "grade", "letter") `);
    await q.query(`ALTER TABLE "staff" ADD CONSTRAINT "FK_351341ffb6055ef0907b18e28b9" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "staff" ADD CONSTRAINT "FK_cec9365d9fc3a3409158b645f2e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "school_class" ADD CONSTRAINT "FK_b5a7679ac8a5f7d88cfd05b164f" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "school_class" ADD CONSTRAINT "FK_3ecd1f6ce5f680f9b39d8744605" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "school_class" ADD CONSTRAINT "FK_9ccb0bbf0b3411d90cb5045c82e" FOREIGN KEY ("class_teacher_staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "staff" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', 'id')`);
    await q.query(`CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "school_class" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "school_class"`);
    await q.query(`DROP TABLE "staff"`);
  }
}

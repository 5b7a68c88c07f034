import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The journal (issue 6): the lesson's record (topic, kind of work, who taught it, its deadline and lateness) as
 * columns of `lesson`; marks (1–5, typed, never deleted: annulled) with their append-only history; attendance (absences
 * by КИАСУО code) with its append-only history and the class teacher's weekly verification; homework; outage windows;
 * stored answers of idempotent writes; the early-warning absence share in the school settings.
 * Audited: mark and attendance (subject: the student), attendance_week, homework, journal_outage (and the lesson's
 * record through the lesson's triggers). Not audited: the histories (append-only records of audited rows) and
 * idempotency_key (bookkeeping).
 */
export class Journal1796910000000 implements MigrationInterface {
  name = 'Journal1796910000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "mark" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "teaching_assignment_id" uuid NOT NULL, "lesson_id" uuid, "date" date NOT NULL, "student_id" uuid NOT NULL, "mark_type_id" uuid NOT NULL, "value" smallint NOT NULL, "comment" character varying(500), "source" character varying(10) NOT NULL DEFAULT 'journal', "source_document" character varying(200), "deadline" date NOT NULL, "late" boolean NOT NULL DEFAULT false, "annulled_at" TIMESTAMP WITH TIME ZONE, "annul_reason" character varying(500), "created_by_user_id" uuid, CONSTRAINT "ck_mark_annulled" CHECK (("annulled_at" IS NULL) = ("annul_reason" IS NULL)), CONSTRAINT "ck_mark_source" CHECK ("source" IN ('journal', 'home', 'hospital') AND ("source" = 'journal') = ("lesson_id" IS NOT NULL) AND ("source" = 'journal' OR "source_document" IS NOT NULL)), CONSTRAINT "ck_mark_value" CHECK ("value" BETWEEN 1 AND 5), CONSTRAINT "PK_0c6d4afd73cc2b4eee5a926aafc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_mark_student_date" ON "mark"  ("student_id", "date")`);
    await q.query(`CREATE INDEX "ix_mark_assignment_date" ON "mark"  ("school_id", "teaching_assignment_id", "date")`);
    await q.query(`CREATE UNIQUE INDEX "uq_mark_lesson_student_type" ON "mark"  ("lesson_id", "student_id", "mark_type_id") WHERE "annulled_at" IS NULL AND "lesson_id" IS NOT NULL`);
    await q.query(`CREATE TABLE "mark_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "mark_id" uuid NOT NULL, "action" character varying(10) NOT NULL, "old_value" smallint, "new_value" smallint, "old_mark_type_id" uuid, "new_mark_type_id" uuid, "reason" character varying(500), "after_deadline" boolean NOT NULL DEFAULT false, "changed_by_user_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_mark_history_action" CHECK ("action" IN ('create', 'change', 'annul')), CONSTRAINT "PK_dd68b478aff73ce0b29da295dca" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_mark_history_school" ON "mark_history"  ("school_id", "changed_at")`);
    await q.query(`CREATE INDEX "ix_mark_history_mark" ON "mark_history"  ("mark_id", "changed_at")`);
    await q.query(`CREATE TABLE "journal_outage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500) NOT NULL, "declared_by_user_id" uuid, CONSTRAINT "ck_journal_outage_span" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_6aec122fdd027d0ea5ae20ee098" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_journal_outage_school" ON "journal_outage"  ("school_id", "starts_at")`);
    await q.query(`CREATE TABLE "idempotency_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid, "user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "fingerprint" character(64) NOT NULL, "status" smallint NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_213f125e14469be304f9ff1d452" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_idempotency_key_expires" ON "idempotency_key"  ("expires_at")`);
    await q.query(`CREATE UNIQUE INDEX "uq_idempotency_key" ON "idempotency_key"  ("user_id", "key")`);
    await q.query(`CREATE TABLE "attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "student_id" uuid NOT NULL, "code" character varying(1) NOT NULL, "note" character varying(500), "deadline" date NOT NULL, "late" boolean NOT NULL DEFAULT false, "recorded_by_user_id" uuid, CONSTRAINT "ck_attendance_code" CHECK ("code" IN ('Н', 'У', 'Б', 'О')), CONSTRAINT "PK_ee0ffe42c1f1a01e72b725c0cb2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_attendance_school" ON "attendance"  ("school_id", "lesson_id")`);
    await q.query(`CREATE INDEX "ix_attendance_student" ON "attendance"  ("student_id", "lesson_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_attendance_lesson_student" ON "attendance"  ("lesson_id", "student_id")`);
    await q.query(`CREATE TABLE "attendance_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "student_id" uuid NOT NULL, "old_code" character varying(1), "new_code" character varying(1), "old_note" character varying(500), "new_note" character varying(500), "reason" character varying(500), "changed_by_user_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf5833b3978873cb01e6258fd4a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_attendance_history_school" ON "attendance_history"  ("school_id", "changed_at")`);
    await q.query(`CREATE INDEX "ix_attendance_history_lesson" ON "attendance_history"  ("lesson_id", "student_id", "changed_at")`);
    await q.query(`CREATE TABLE "attendance_week" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "class_id" uuid NOT NULL, "week_starts_on" date NOT NULL, "verified_by_user_id" uuid, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" character varying(500), CONSTRAINT "ck_attendance_week_monday" CHECK (extract(isodow FROM "week_starts_on") = 1), CONSTRAINT "PK_a25ad87ecb1ec08519a410d1be8" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_attendance_week" ON "attendance_week"  ("class_id", "week_starts_on")`);
    await q.query(`CREATE TABLE "homework" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "text" character varying(4000) NOT NULL, "due_date" date NOT NULL, "due_lesson_id" uuid, "links" jsonb NOT NULL DEFAULT '[]', "deadline" date NOT NULL, "late" boolean NOT NULL DEFAULT false, "created_by_user_id" uuid, CONSTRAINT "PK_90dbf463ef94040ed137c4fd38d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_homework_due" ON "homework"  ("school_id", "due_date")`);
    await q.query(`CREATE UNIQUE INDEX "uq_homework_lesson" ON "homework"  ("lesson_id")`);
    await q.query(`ALTER TABLE "school_settings" ADD "warning_absence_share" numeric(3,2) NOT NULL DEFAULT 0.3`);
    await q.query(`ALTER TABLE "lesson" ADD "topic" character varying(500)`);
    await q.query(`ALTER TABLE "lesson" ADD "work_kind" character varying(10)`);
    await q.query(`ALTER TABLE "lesson" ADD "taught_by_staff_id" uuid`);
    await q.query(`ALTER TABLE "lesson" ADD "record_deadline" date`);
    await q.query(`ALTER TABLE "lesson" ADD "record_late" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "ck_lesson_record" CHECK (("conducted_at" IS NULL) = ("topic" IS NULL) AND ("work_kind" IS NULL OR "work_kind" IN ('lesson', 'practical', 'lab', 'test')))`);
    await q.query(`ALTER TABLE "lesson" ADD CONSTRAINT "FK_caf5a493735818c467005b1d473" FOREIGN KEY ("taught_by_staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_c7a34d3bda150313e98a4e10cba" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_a383760c9ce1d5140811b9b0168" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_e315824b7be63e7a3d3c1a62b69" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_b2cba0d2e6636758313f34ede91" FOREIGN KEY ("student_id") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_e050a9afdf6f7e1a4357e958c4c" FOREIGN KEY ("mark_type_id") REFERENCES "mark_type"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark" ADD CONSTRAINT "FK_f562a78ab0d6f1026df2179c1e2" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark_history" ADD CONSTRAINT "FK_c0c09aebe9434bf708bc26a8866" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark_history" ADD CONSTRAINT "FK_eba1f3759cdc971ef263508a7bb" FOREIGN KEY ("mark_id") REFERENCES "mark"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mark_history" ADD CONSTRAINT "FK_ddb07ccb3856085e32c363ed085" FOREIGN KEY ("changed_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "journal_outage" ADD CONSTRAINT "FK_0189c174f8e7dd1ee0c8dc922b0" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "journal_outage" ADD CONSTRAINT "FK_0d49e3804a97d7483b968f29f01" FOREIGN KEY ("declared_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "idempotency_key" ADD CONSTRAINT "FK_b769b270c8c530b20c431bd19d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_ba908dd54385196f84b7e017ed2" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_231d6c08ae2a023f6e64fef4b5f" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_6200532f3ef99f639a27bdcae7f" FOREIGN KEY ("student_id") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_eb2eedb5587490d466a443dad57" FOREIGN KEY ("recorded_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_history" ADD CONSTRAINT "FK_ac1eea2fb108508c8b8e05182a4" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_history" ADD CONSTRAINT "FK_d683bcd7863da867e9618ab4265" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_history" ADD CONSTRAINT "FK_854f08611a72e176b968d286f4b" FOREIGN KEY ("student_id") REFERENCES "student"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_history" ADD CONSTRAINT "FK_a15486710c5ad8ca74aa8d92996" FOREIGN KEY ("changed_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_week" ADD CONSTRAINT "FK_7cb1dd54a395d46315ec707b6d8" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_week" ADD CONSTRAINT "FK_7dfa2c67721126bbfd52c42819e" FOREIGN KEY ("class_id") REFERENCES "school_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "attendance_week" ADD CONSTRAINT "FK_056df444addc647f9c624808f68" FOREIGN KEY ("verified_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "homework" ADD CONSTRAINT "FK_7f76344805d85ca1f9657da5dfc" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "homework" ADD CONSTRAINT "FK_de7bc545853203cd392915c99ec" FOREIGN KEY ("lesson_id") REFERENCES "lesson"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "homework" ADD CONSTRAINT "FK_eca8389f94ae3fe45a26cf60caa" FOREIGN KEY ("due_lesson_id") REFERENCES "lesson"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "homework" ADD CONSTRAINT "FK_86e0a5b37545b9c8fc31a407cc7" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // the lesson's references to the timetable entry and the change it comes from, indexed: deleting an entry or a
    // change (ON DELETE SET NULL) must not scan every school's lessons
    await q.query(`CREATE INDEX "ix_lesson_entry" ON "lesson" ("timetable_entry_id")`);
    await q.query(`CREATE INDEX "ix_lesson_change" ON "lesson" ("timetable_change_id")`);
    await q.query(`
      CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['mark_history', 'attendance_history']) {
      await q.query(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION history_append_only()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION history_append_only()`);
      await q.query(`ALTER TABLE "${table}" ENABLE ALWAYS TRIGGER ${table}_no_change`);
      await q.query(`ALTER TABLE "${table}" ENABLE ALWAYS TRIGGER ${table}_no_truncate`);
    }
    for (const [table, subject] of [['mark', 'student_id'], ['attendance', 'student_id'], ['attendance_week', ''], ['homework', ''], ['journal_outage', '']]) {
      await q.query(
        `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '${subject}')`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['homework', 'attendance_week', 'attendance_history', 'attendance', 'idempotency_key', 'journal_outage', 'mark_history', 'mark']) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION history_append_only()`);
    await q.query(`DROP INDEX "ix_lesson_change"`);
    await q.query(`DROP INDEX "ix_lesson_entry"`);
    await q.query(`ALTER TABLE "lesson" DROP CONSTRAINT "ck_lesson_record"`);
    await q.query(`ALTER TABLE "lesson" DROP CONSTRAINT "FK_caf5a493735818c467005b1d473"`);
    for (const column of ['topic', 'work_kind', 'taught_by_staff_id', 'record_deadline', 'record_late']) await q.query(`ALTER TABLE "lesson" DROP COLUMN "${column}"`);
    await q.query(`ALTER TABLE "school_settings" DROP COLUMN "warning_absence_share"`);
  }
}

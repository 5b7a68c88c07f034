import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rooms (кабинеты) and the weekly timetable (timetable_entry, R-SCH-2): weekday × lesson number × teaching assignment
 * × room over [valid_from, valid_to). Room numbers are unique in the school case-insensitively. Both tables get the
 * audit_row_change trigger (no subject person).
 */
export class Timetable1796800000000 implements MigrationInterface {
  name = 'Timetable1796800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "number" character varying(20) COLLATE "ru-RU-x-icu" NOT NULL, "name" character varying(200), "capacity" smallint, "kind" character varying(20) NOT NULL DEFAULT 'classroom', "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_room_kind" CHECK ("kind" IN ('classroom', 'computer', 'gym', 'lab', 'workshop', 'assembly', 'other')), CONSTRAINT "ck_room_capacity" CHECK ("capacity" IS NULL OR "capacity" BETWEEN 1 AND 1000), CONSTRAINT "ck_room_number" CHECK (char_length(btrim("number")) BETWEEN 1 AND 20), CONSTRAINT "PK_c6d46db005d623e691b2fbcba23" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "timetable_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "weekday" smallint NOT NULL, "lesson_number" smallint NOT NULL, "teaching_assignment_id" uuid NOT NULL, "room_id" uuid, "valid_from" date NOT NULL, "valid_to" date, CONSTRAINT "ck_timetable_entry_dates" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "ck_timetable_entry_lesson" CHECK ("lesson_number" BETWEEN 0 AND 20), CONSTRAINT "ck_timetable_entry_weekday" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_fab3ea865ef96fcdb88e9594a99" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_timetable_entry_room" ON "timetable_entry"  ("room_id") `);
    await q.query(`CREATE INDEX "ix_timetable_entry_assignment" ON "timetable_entry"  ("teaching_assignment_id") `);
    await q.query(`CREATE INDEX "ix_timetable_entry_slot" ON "timetable_entry"  ("school_id", "academic_year_id", "weekday", "lesson_number") `);
    await q.query(`ALTER TABLE "room" ADD CONSTRAINT "FK_898f4d3f7e870bc39c1dd36acff" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_entry" ADD CONSTRAINT "FK_c0fea660a4d2a17af20923a8a10" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_entry" ADD CONSTRAINT "FK_b4c0b53b99e0411b08ac0e74741" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_entry" ADD CONSTRAINT "FK_b2be37e9a4d980985c608c2b5b8" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_entry" ADD CONSTRAINT "FK_fac5bb109be5eac17be9e7a0e06" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE UNIQUE INDEX "uq_room_number" ON "room" ("school_id", lower("number"))`);
    for (const table of ['room', 'timetable_entry']) {
      await q.query(
        `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "timetable_entry"`);
    await q.query(`DROP TABLE "room"`);
  }
}

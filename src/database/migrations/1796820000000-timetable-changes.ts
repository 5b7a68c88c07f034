import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated changes of the timetable (timetable_change, R-SCH-3): substitution, room change, cancellation, move, extra
 * lesson on a date, with a required reason and an optional order number; at most one change per scheduled lesson and
 * date. Audit trigger without a subject person.
 * The notification store (messaging): one row per recipient user; no audit trigger (bookkeeping).
 */
export class TimetableChanges1796820000000 implements MigrationInterface {
  name = 'TimetableChanges1796820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "timetable_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "date" date NOT NULL, "lesson_number" smallint NOT NULL, "kind" character varying(20) NOT NULL, "timetable_entry_id" uuid, "teaching_assignment_id" uuid, "substitute_staff_id" uuid, "room_id" uuid, "moved_to_date" date, "moved_to_lesson" smallint, "reason" character varying(500) NOT NULL, "order_number" character varying(50), "created_by_user_id" uuid, CONSTRAINT "ck_timetable_change_reason" CHECK (char_length(btrim("reason")) BETWEEN 1 AND 500), CONSTRAINT "ck_timetable_change_lesson" CHECK ("lesson_number" BETWEEN 0 AND 20 AND ("moved_to_lesson" IS NULL OR "moved_to_lesson" BETWEEN 0 AND 20)), CONSTRAINT "ck_timetable_change_shape" CHECK (("kind" = 'extra') = ("timetable_entry_id" IS NULL) AND ("kind" = 'extra') = ("teaching_assignment_id" IS NOT NULL) AND ("kind" = 'substitution') = ("substitute_staff_id" IS NOT NULL) AND ("kind" = 'move') = ("moved_to_date" IS NOT NULL) AND ("moved_to_date" IS NULL) = ("moved_to_lesson" IS NULL) AND ("kind" <> 'room_change' OR "room_id" IS NOT NULL) AND ("room_id" IS NULL OR "kind" IN ('room_change', 'extra', 'move'))), CONSTRAINT "ck_timetable_change_kind" CHECK ("kind" IN ('substitution', 'room_change', 'cancellation', 'move', 'extra')), CONSTRAINT "PK_1e7cedd5e601afc4e4e53586e4f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_timetable_change_moved" ON "timetable_change"  ("school_id", "moved_to_date") `);
    await q.query(`CREATE INDEX "ix_timetable_change_date" ON "timetable_change"  ("school_id", "date") `);
    await q.query(`CREATE UNIQUE INDEX "uq_timetable_change_entry_date" ON "timetable_change"  ("timetable_entry_id", "date") WHERE "timetable_entry_id" IS NOT NULL`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_3f9d343653916fdc708d25a1102" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_8b867b9c4dd2e3ab67905bd1725" FOREIGN KEY ("timetable_entry_id") REFERENCES "timetable_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_7d60648beb3a7ab937749a3cd03" FOREIGN KEY ("teaching_assignment_id") REFERENCES "teaching_assignment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_33c618c650e9b08cb1595297624" FOREIGN KEY ("substitute_staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_78b937a57e41750b7912e5eed13" FOREIGN KEY ("room_id") REFERENCES "room"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timetable_change" ADD CONSTRAINT "FK_396ee09b07a0498eb7f93a27a14" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(
      `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "timetable_change" FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'school_id', '')`,
    );
    // notification: no audit trigger (bookkeeping derived from audited writes; see AUDIT_TRIGGER_EXEMPT_TABLES)
    await q.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_notification_user" ON "notification"  ("school_id", "user_id", "created_at") `);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_b46f99f8f5e342e0bb58ae12216" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notification"`);
    await q.query(`DROP TABLE "timetable_change"`);
  }
}

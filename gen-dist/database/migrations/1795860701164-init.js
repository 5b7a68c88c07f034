"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Init1795860701164 = void 0;
/** School, calendar, bells, mark types, users and roles (platform foundation). */
class Init1795860701164 {
    constructor() {
        this.name = 'Init1795860701164';
    }
    async up(q) {
        await q.query(`CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "short_name" character varying(100) NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Krasnoyarsk', "address" character varying(500), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`);
        await q.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid, "login" character varying(100) NOT NULL, "password_hash" character varying(255) NOT NULL, "full_name" character varying(300) COLLATE "ru-RU-x-icu" NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'active', CONSTRAINT "ck_app_user_status" CHECK ("status" IN ('active', 'disabled')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
        await q.query(`CREATE INDEX "ix_app_user_school" ON "app_user"("school_id") `);
        await q.query(`CREATE TABLE "user_role" ("user_id" uuid NOT NULL, "role" character varying(20) NOT NULL, CONSTRAINT "ck_user_role_role" CHECK ("role" IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student')), CONSTRAINT "PK_9b74a030fe54fdef40e7a2194bc" PRIMARY KEY ("user_id", "role"))`);
        await q.query(`CREATE TABLE "academic_year" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "name" character varying(20) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "ck_academic_year_dates" CHECK ("ends_on" > "starts_on"), CONSTRAINT "PK_ebe672580520ed92b9e89088325" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_academic_year_start" ON "academic_year"("school_id", "starts_on") `);
        await q.query(`CREATE TABLE "bell_schedule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_e8c219aae21c146038601c2c76d" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_bell_schedule_default" ON "bell_schedule"("school_id") WHERE "is_default"`);
        await q.query(`CREATE UNIQUE INDEX "uq_bell_schedule_name" ON "bell_schedule"("school_id", "name") `);
        await q.query(`CREATE TABLE "bell" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "bell_schedule_id" uuid NOT NULL, "lesson_number" smallint NOT NULL, "starts_at" TIME NOT NULL, "ends_at" TIME NOT NULL, CONSTRAINT "ck_bell_number" CHECK ("lesson_number" BETWEEN 0 AND 20), CONSTRAINT "ck_bell_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_03d37963ba15468548b40ed2778" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_bell_number" ON "bell"("school_id", "bell_schedule_id", "lesson_number") `);
        await q.query(`CREATE TABLE "calendar_day" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "date" date NOT NULL, "kind" character varying(20) NOT NULL, "reason" character varying(200) NOT NULL, CONSTRAINT "ck_calendar_day_kind" CHECK ("kind" IN ('non_working', 'working')), CONSTRAINT "PK_5d37c290895f3541e3afe9da5f2" PRIMARY KEY ("id"))`);
        await q.query(`CREATE INDEX "ix_calendar_day_year" ON "calendar_day"("school_id", "academic_year_id") `);
        await q.query(`CREATE UNIQUE INDEX "uq_calendar_day_date" ON "calendar_day"("school_id", "date") `);
        await q.query(`CREATE TABLE "holiday" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "grade_from" smallint NOT NULL DEFAULT '1', "grade_to" smallint NOT NULL DEFAULT '11', CONSTRAINT "ck_holiday_grades" CHECK ("grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11), CONSTRAINT "ck_holiday_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_3e7492c25f80418a7aad0aec053" PRIMARY KEY ("id"))`);
        await q.query(`CREATE INDEX "ix_holiday_year" ON "holiday"("school_id", "academic_year_id", "starts_on") `);
        await q.query(`CREATE TABLE "mark_type" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "code" character varying(50) NOT NULL, "name" character varying(200) NOT NULL, "short_name" character varying(20) NOT NULL, "weight" numeric(4,2) NOT NULL, "category" character varying(20) NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_mark_type_category" CHECK ("category" IN ('oral', 'written', 'control', 'laboratory', 'practical', 'homework', 'other')), CONSTRAINT "ck_mark_type_weight" CHECK ("weight" > 0), CONSTRAINT "PK_033edcbfb63b70e41cf7f187cc2" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_mark_type_code" ON "mark_type"("school_id", "code") `);
        await q.query(`CREATE TABLE "school_settings" ("school_id" uuid NOT NULL, "rounding_threshold" numeric(3,2) NOT NULL DEFAULT '0.5', "min_marks_for_attestation" smallint NOT NULL DEFAULT '3', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_school_settings_min_marks" CHECK ("min_marks_for_attestation" BETWEEN 1 AND 20), CONSTRAINT "ck_school_settings_threshold" CHECK ("rounding_threshold" > 0 AND "rounding_threshold" < 1), CONSTRAINT "PK_5749874b8e96109642e6f019442" PRIMARY KEY ("school_id"))`);
        await q.query(`CREATE TABLE "study_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "number" smallint NOT NULL, "name" character varying(100) NOT NULL, "grade_from" smallint NOT NULL, "grade_to" smallint NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "ck_study_period_kind" CHECK ("kind" IN ('quarter', 'trimester', 'half_year')), CONSTRAINT "ck_study_period_grades" CHECK ("grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11), CONSTRAINT "ck_study_period_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_b3edf017a98e07cdd8e7143296d" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_study_period_number" ON "study_period"("school_id", "academic_year_id", "grade_from", "grade_to", "kind", "number") `);
        await q.query(`CREATE INDEX "ix_study_period_year" ON "study_period"("school_id", "academic_year_id", "starts_on") `);
        await q.query(`CREATE TABLE "week_pattern" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "school_id" uuid NOT NULL, "academic_year_id" uuid NOT NULL, "grade_from" smallint NOT NULL, "grade_to" smallint NOT NULL, "days_per_week" smallint NOT NULL, CONSTRAINT "ck_week_pattern_grades" CHECK ("grade_from" BETWEEN 1 AND 11 AND "grade_to" BETWEEN "grade_from" AND 11), CONSTRAINT "ck_week_pattern_days" CHECK ("days_per_week" IN (5, 6)), CONSTRAINT "PK_4e755abe97e8e3366876652d25b" PRIMARY KEY ("id"))`);
        await q.query(`CREATE UNIQUE INDEX "uq_week_pattern_band" ON "week_pattern"("school_id", "academic_year_id", "grade_from") `);
        await q.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "user_role" ADD CONSTRAINT "FK_d0e5815877f7395a198a4cb0a46" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "academic_year" ADD CONSTRAINT "FK_cc4544992b2217a1e83d58a2424" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "bell_schedule" ADD CONSTRAINT "FK_b38669a0cbe47dc015dd00758df" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "bell" ADD CONSTRAINT "FK_4ae4a7ccd95e1150ec6469de1b2" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "bell" ADD CONSTRAINT "FK_06659377d7e95f16a40c56fd54d" FOREIGN KEY ("bell_schedule_id") REFERENCES "bell_schedule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "calendar_day" ADD CONSTRAINT "FK_4b03c768320ed2ece1a938f6659" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "calendar_day" ADD CONSTRAINT "FK_60c78757a24f4953762717f3995" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "holiday" ADD CONSTRAINT "FK_f8ad0c4573b081d7286c4bb065e" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "holiday" ADD CONSTRAINT "FK_c7e76b92b23c189ef2b8f635ab2" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "mark_type" ADD CONSTRAINT "FK_5ab25f4ccb47fe91afe8d61a055" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "school_settings" ADD CONSTRAINT "FK_5749874b8e96109642e6f019442" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "study_period" ADD CONSTRAINT "FK_f8a5960403b507f187489b25f48" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "study_period" ADD CONSTRAINT "FK_8ef75e46ec993964b776124142a" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "week_pattern" ADD CONSTRAINT "FK_3f5ef1bfaeda1cda8cf32790183" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await q.query(`ALTER TABLE "week_pattern" ADD CONSTRAINT "FK_6e596c706b48cd0b23f7d79cb88" FOREIGN KEY ("academic_year_id") REFERENCES "academic_year"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // logins are unique regardless of case ("Ivanov" and "ivanov" are one login)
        await q.query(`CREATE UNIQUE INDEX "uq_app_user_login" ON "app_user" (lower("login"))`);
    }
    async down(q) {
        await q.query(`DROP INDEX "uq_app_user_login"`);
        await q.query(`ALTER TABLE "week_pattern" DROP CONSTRAINT "FK_6e596c706b48cd0b23f7d79cb88"`);
        await q.query(`ALTER TABLE "week_pattern" DROP CONSTRAINT "FK_3f5ef1bfaeda1cda8cf32790183"`);
        await q.query(`ALTER TABLE "study_period" DROP CONSTRAINT "FK_8ef75e46ec993964b776124142a"`);
        await q.query(`ALTER TABLE "study_period" DROP CONSTRAINT "FK_f8a5960403b507f187489b25f48"`);
        await q.query(`ALTER TABLE "school_settings" DROP CONSTRAINT "FK_5749874b8e96109642e6f019442"`);
        await q.query(`ALTER TABLE "mark_type" DROP CONSTRAINT "FK_5ab25f4ccb47fe91afe8d61a055"`);
        await q.query(`ALTER TABLE "holiday" DROP CONSTRAINT "FK_c7e76b92b23c189ef2b8f635ab2"`);
        await q.query(`ALTER TABLE "holiday" DROP CONSTRAINT "FK_f8ad0c4573b081d7286c4bb065e"`);
        await q.query(`ALTER TABLE "calendar_day" DROP CONSTRAINT "FK_60c78757a24f4953762717f3995"`);
        await q.query(`ALTER TABLE "calendar_day" DROP CONSTRAINT "FK_4b03c768320ed2ece1a938f6659"`);
        await q.query(`ALTER TABLE "bell" DROP CONSTRAINT "FK_06659377d7e95f16a40c56fd54d"`);
        await q.query(`ALTER TABLE "bell" DROP CONSTRAINT "FK_4ae4a7ccd95e1150ec6469de1b2"`);
        await q.query(`ALTER TABLE "bell_schedule" DROP CONSTRAINT "FK_b38669a0cbe47dc015dd00758df"`);
        await q.query(`ALTER TABLE "academic_year" DROP CONSTRAINT "FK_cc4544992b2217a1e83d58a2424"`);
        await q.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_d0e5815877f7395a198a4cb0a46"`);
        await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c"`);
        await q.query(`DROP INDEX "public"."uq_week_pattern_band"`);
        await q.query(`DROP TABLE "week_pattern"`);
        await q.query(`DROP INDEX "public"."ix_study_period_year"`);
        await q.query(`DROP INDEX "public"."uq_study_period_number"`);
        await q.query(`DROP TABLE "study_period"`);
        await q.query(`DROP TABLE "school_settings"`);
        await q.query(`DROP INDEX "public"."uq_mark_type_code"`);
        await q.query(`DROP TABLE "mark_type"`);
        await q.query(`DROP INDEX "public"."ix_holiday_year"`);
        await q.query(`DROP TABLE "holiday"`);
        await q.query(`DROP INDEX "public"."uq_calendar_day_date"`);
        await q.query(`DROP INDEX "public"."ix_calendar_day_year"`);
        await q.query(`DROP TABLE "calendar_day"`);
        await q.query(`DROP INDEX "public"."uq_bell_number"`);
        await q.query(`DROP TABLE "bell"`);
        await q.query(`DROP INDEX "public"."uq_bell_schedule_name"`);
        await q.query(`DROP INDEX "public"."uq_bell_schedule_default"`);
        await q.query(`DROP TABLE "bell_schedule"`);
        await q.query(`DROP INDEX "public"."uq_academic_year_start"`);
        await q.query(`DROP TABLE "academic_year"`);
        await q.query(`DROP TABLE "user_role"`);
        await q.query(`DROP INDEX "public"."ix_app_user_school"`);
        await q.query(`DROP TABLE "app_user"`);
        await q.query(`DROP TABLE "school"`);
    }
}
exports.Init1795860701164 = Init1795860701164;
//# sourceMappingURL=1795860701164-init.js.map
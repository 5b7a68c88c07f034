import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose every row write is recorded by `audit_row_change()`:
 * [table, key columns (comma-separated), school column, subject-person column].
 * Later migrations attach the same trigger to their own tables (a contract test checks that none is missed).
 */
const AUDITED: [string, string, string, string][] = [
  ['school', 'id', 'id', ''],
  ['school_settings', 'school_id', 'school_id', ''],
  ['academic_year', 'id', 'school_id', ''],
  ['study_period', 'id', 'school_id', ''],
  ['holiday', 'id', 'school_id', ''],
  ['calendar_day', 'id', 'school_id', ''],
  ['week_pattern', 'id', 'school_id', ''],
  ['bell_schedule', 'id', 'school_id', ''],
  ['bell', 'id', 'school_id', ''],
  ['mark_type', 'id', 'school_id', ''],
  ['app_user', 'id', 'school_id', 'id'],
  ['user_role', 'user_id,role', '', 'user_id'],
];

/**
 * The audit trail: `audit_event`, append-only in the database, and the row trigger that feeds it.
 * Also the account state the identity rules need: the regional operator role and one-time passwords.
 */
export class AuditTrail1796100000000 implements MigrationInterface {
  name = 'AuditTrail1796100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "app_user" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "user_role" DROP CONSTRAINT "ck_user_role_role"`);
    await q.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "ck_user_role_role" CHECK ("role" IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student', 'operator'))`,
    );
    await q.query(`CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "school_id" uuid, "actor_user_id" uuid, "actor_roles" character varying(20) array NOT NULL DEFAULT '{}', "session_id" uuid, "action" character varying(40) NOT NULL, "outcome" character varying(10) NOT NULL DEFAULT 'success', "entity" character varying(60), "entity_id" character varying(100), "subject_person_id" uuid, "changes" jsonb, "client_ip" character varying(64), "request_id" character varying(100), "system" character varying(60), "details" jsonb, CONSTRAINT "ck_audit_event_outcome" CHECK ("outcome" IN ('success', 'failure', 'denied')), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_audit_event_subject_time" ON "audit_event"  ("subject_person_id", "occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_event_actor_time" ON "audit_event"  ("actor_user_id", "occurred_at") `);
    await q.query(`CREATE INDEX "ix_audit_event_school" ON "audit_event"  ("school_id", "id") `);

    // Append-only: no role, not even the table owner, may change or remove a recorded event.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM PUBLIC`);

    // Every write of an audited table, in the writing transaction. The application puts who/where into the
    // transaction-local setting ejournal.ctx (JSON); a write without it is refused, so no write goes unrecorded.
    // Arguments: key columns (comma-separated), school column, subject-person column ('' for none).
    await q.query(`
      CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ctx jsonb := nullif(current_setting('ejournal.ctx', true), '')::jsonb;
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        row_data jsonb := coalesce(new_row, old_row);
        secret_cols text[] := ARRAY['password_hash', 'token_hash', 'code_hash', 'secret'];
        diff jsonb;
      BEGIN
        IF ctx IS NULL THEN
          RAISE EXCEPTION 'audit context missing: % on % outside an audited transaction', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT jsonb_object_agg(k, CASE
                 WHEN k = ANY (secret_cols) THEN to_jsonb('***'::text)
                 WHEN TG_OP = 'UPDATE' THEN jsonb_build_object('from', old_row -> k, 'to', new_row -> k)
                 ELSE row_data -> k END)
          INTO diff
          FROM jsonb_object_keys(row_data) AS k
         WHERE k NOT IN ('created_at', 'updated_at')
           AND (TG_OP <> 'UPDATE' OR old_row -> k IS DISTINCT FROM new_row -> k);
        IF TG_OP = 'UPDATE' AND diff IS NULL THEN
          RETURN NULL;
        END IF;
        INSERT INTO audit_event (school_id, actor_user_id, actor_roles, session_id, action, outcome, entity, entity_id,
                                 subject_person_id, changes, client_ip, request_id, system)
        VALUES (
          coalesce(CASE WHEN TG_ARGV[1] <> '' THEN (row_data ->> TG_ARGV[1])::uuid END, (ctx ->> 'schoolId')::uuid),
          (ctx ->> 'userId')::uuid,
          ARRAY(SELECT jsonb_array_elements_text(coalesce(ctx -> 'roles', '[]'::jsonb))),
          (ctx ->> 'sessionId')::uuid,
          CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
          'success',
          TG_TABLE_NAME,
          (SELECT string_agg(row_data ->> c, ':') FROM unnest(string_to_array(TG_ARGV[0], ',')) AS c),
          CASE WHEN TG_ARGV[2] <> '' THEN (row_data ->> TG_ARGV[2])::uuid END,
          diff,
          ctx ->> 'ip',
          ctx ->> 'requestId',
          ctx ->> 'system');
        RETURN NULL;
      END $$`);
    for (const [table, keys, school, subject] of AUDITED) {
      await q.query(
        `CREATE TRIGGER audit_row_change AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_row_change('${keys}', '${school}', '${subject}')`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table] of AUDITED) await q.query(`DROP TRIGGER audit_row_change ON "${table}"`);
    await q.query(`DROP FUNCTION audit_row_change()`);
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`ALTER TABLE "user_role" DROP CONSTRAINT "ck_user_role_role"`);
    await q.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "ck_user_role_role" CHECK ("role" IN ('admin', 'director', 'deputy', 'secretary', 'teacher', 'parent', 'student'))`,
    );
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "password_changed_at"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: sessions (one per signed-in device), their refresh tokens (SHA-256 only) and the PostgreSQL store of the
 * failed sign-in counters. None of these tables gets the audit_row_change trigger: sign-ins, refreshes and session ends
 * are recorded explicitly as audit events, and a row event per refresh would only repeat them.
 */
export class Sessions1796300000000 implements MigrationInterface {
  name = 'Sessions1796300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "login_throttle" ("key" character varying(200) NOT NULL, "hits" integer NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`);
    await q.query(`CREATE INDEX "ix_login_throttle_expires" ON "login_throttle"  ("expires_at") `);
    await q.query(`CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid, "user_id" uuid NOT NULL, "user_agent" character varying(300), "device_name" character varying(100), "ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(40), CONSTRAINT "ck_user_session_revoke_reason" CHECK ("revoke_reason" IN ('logout', 'ended-by-user', 'ended-by-admin', 'password-change', 'password-reset', 'refresh-reuse', 'user-disabled')), CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_user_session_school_user" ON "user_session"  ("school_id", "user_id") `);
    await q.query(`CREATE TABLE "refresh_token" ("token_hash" character varying(64) NOT NULL, "session_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rotated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f0812282fad2e352cdaf83ef0a9" PRIMARY KEY ("token_hash"))`);
    await q.query(`CREATE INDEX "ix_refresh_token_session" ON "refresh_token"  ("session_id") `);
    await q.query(`ALTER TABLE "user_session" ADD CONSTRAINT "FK_a9c0a0e19843225cf30f36c4fc2" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "refresh_token"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP TABLE "login_throttle"`);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyActor } from '../../../common/access/actor';
import { notFound } from '../../../common/errors/problem';
import { AppConfig } from '../../../config/app-config';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { ClientInfo } from '../client-info';
import { SessionListResponse } from '../dto/session.dto';
import { SessionEndReason } from '../entities/user-session.entity';
import { newRefreshToken } from './refresh-token';
import { SessionStatusService } from './session-status.service';

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers `[rows, rowCount]` for UPDATE and DELETE. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Sessions ended or expired longer ago than this are deleted (with their rotated tokens) from time to time. */
const PURGE_AFTER = `interval '7 days'`;
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Sessions: one per signed-in device, holding the refresh tokens. `last_used_at` is written at sign-in and at each
 * refresh only (at most once per access-token lifetime), never on ordinary requests.
 */
@Injectable()
export class SessionService {
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly status: SessionStatusService,
  ) {}

  /** A new session and its first refresh token, inside the caller's transaction. */
  async create(
    m: EntityManager,
    user: { id: string; schoolId: string | null },
    client: ClientInfo,
    deviceName?: string,
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO user_session (school_id, user_id, user_agent, device_name, ip, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 day') RETURNING id`,
      [user.schoolId, user.id, client.userAgent, deviceName?.trim() || null, client.ip, this.config.REFRESH_TTL_DAYS],
    );
    const refreshToken = await this.issueToken(m, row.id);
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await m.query(`DELETE FROM user_session WHERE coalesce(revoked_at, expires_at) < now() - ${PURGE_AFTER}`);
    }
    return { sessionId: row.id, refreshToken };
  }

  /** A new refresh token of the session (the caller has rotated the previous one). */
  async issueToken(m: EntityManager, sessionId: string): Promise<string> {
    const { token, hash } = newRefreshToken(sessionId);
    await m.query(`INSERT INTO refresh_token (token_hash, session_id) VALUES ($1, $2)`, [hash, sessionId]);
    return token;
  }

  /** Ends sessions that are still open; returns their ids. Forgets them in this process's status cache. */
  async revoke(
    m: EntityManager,
    which: { sessionId: string } | { userId: string; exceptSessionId?: string },
    reason: SessionEndReason,
  ): Promise<string[]> {
    const result: unknown =
      'sessionId' in which
        ? await m.query(
            `UPDATE user_session SET revoked_at = now(), revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
            [which.sessionId, reason],
          )
        : await m.query(
            `UPDATE user_session SET revoked_at = now(), revoke_reason = $2
              WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND id IS DISTINCT FROM $3 RETURNING id`,
            [which.userId, reason, which.exceptSessionId ?? null],
          );
    const ids = returnedRows<{ id: string }>(result).map((r) => r.id);
    for (const id of ids) this.status.forgetSession(id);
    return ids;
  }

  /** The actor's active sessions, the current one marked. */
  async list(actor: AnyActor): Promise<SessionListResponse> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, device_name, user_agent, ip, created_at, last_used_at, expires_at
         FROM user_session
        WHERE school_id IS NOT DISTINCT FROM $2 AND user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_used_at DESC, created_at DESC`,
      [actor.userId, actor.schoolId],
    );
    return {
      items: rows.map((r) => ({
        id: r.id as string,
        current: r.id === actor.sessionId,
        deviceName: r.device_name as string | null,
        userAgent: r.user_agent as string | null,
        ip: r.ip as string | null,
        createdAt: r.created_at as Date,
        lastUsedAt: r.last_used_at as Date,
        expiresAt: r.expires_at as Date,
      })),
    };
  }

  /** The actor ends one of their own sessions (the current one too); someone else's is 404. */
  async endOwn(actor: AnyActor, sessionId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM user_session WHERE id = $1 AND user_id = $2 AND school_id IS NOT DISTINCT FROM $3 FOR UPDATE`,
        [sessionId, actor.userId, actor.schoolId],
      );
      if (rows.length === 0) throw notFound('Session');
      const ended = await this.revoke(m, { sessionId }, SessionEndReason.EndedByUser);
      if (ended.length > 0) {
        await this.audit.record(
          {
            action: AuditAction.SessionEnd,
            entity: 'user_session',
            entityId: sessionId,
            subjectPersonId: actor.userId,
            details: { by: 'self', current: sessionId === actor.sessionId },
          },
          m,
        );
      }
    });
    this.status.forgetSession(sessionId);
  }

  /** An admin ends every session of a user of their school; a user elsewhere is 404. */
  async endAllOfUser(actor: AnyActor, userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.lockSchoolUser(m, actor, userId);
      const ended = await this.revoke(m, { userId }, SessionEndReason.EndedByAdmin);
      await this.audit.record(
        {
          action: AuditAction.SessionEnd,
          entity: 'app_user',
          entityId: userId,
          subjectPersonId: userId,
          details: { by: 'admin', sessionsEnded: ended.length },
        },
        m,
      );
    });
    this.status.forgetUser(userId);
  }

  /** A user of the actor's school, locked for the rest of the transaction; 404 otherwise. */
  async lockSchoolUser(m: EntityManager, actor: AnyActor, userId: string): Promise<{ id: string; login: string }> {
    if (!actor.schoolId) throw notFound('User');
    const rows: Array<{ id: string; login: string }> = await m.query(
      `SELECT id, login FROM app_user WHERE id = $1 AND school_id = $2 FOR UPDATE`,
      [userId, actor.schoolId],
    );
    if (rows.length === 0) throw notFound('User');
    return rows[0];
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyActor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { notFound, ProblemError } from '../../common/errors/problem';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { AuditOutcome } from '../audit/entities/audit-event.entity';
import { ClientInfo } from './client-info';
import { LoginDto, TokenResponseDto } from './dto/login.dto';
import { MeResponse } from './dto/me.response';
import { UserStatus } from './entities/user.entity';
import { SessionEndReason } from './entities/user-session.entity';
import { timingDummyHash, verifyPassword } from './password-hasher';
import { hashRefreshToken, sessionIdOfRefreshToken } from './sessions/refresh-token';
import { SessionStatusService } from './sessions/session-status.service';
import { SessionService } from './sessions/session.service';
import { TooManyAttemptsError } from './throttle/login-throttle.service';
import { LoginThrottleService } from './throttle/login-throttle.service';
import { tokenRoles } from './token-roles';
import { TokenService } from './token.service';

interface UserRow {
  id: string;
  school_id: string | null;
  login: string;
  full_name: string;
  status: UserStatus;
  must_change_password: boolean;
  password_hash: string;
  roles: Role[];
}

const USER_WITH_ROLES = `
  SELECT u.id, u.school_id, u.login, u.full_name, u.status, u.must_change_password, u.password_hash,
         coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
    FROM app_user u
    LEFT JOIN user_role r ON r.user_id = u.id`;

function invalidCredentials(): ProblemError {
  return new ProblemError(401, 'invalid-credentials', 'Authentication failed', 'The login or password is incorrect');
}

function invalidRefreshToken(): ProblemError {
  return new ProblemError(401, 'invalid-refresh-token', 'Authentication failed', 'The refresh token is unknown, expired or ended; sign in again');
}

type RefreshOutcome =
  | { kind: 'invalid' }
  | { kind: 'reused' }
  | { kind: 'ok'; actor: AnyActor; refreshToken: string; mustChangePassword: boolean };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
    private readonly status: SessionStatusService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password and opens a session. Throttled per account and address before the password is looked at;
   * the answer never tells whether the login exists (same argon2 work, same 401, same 429).
   */
  async login(dto: LoginDto, client: ClientInfo): Promise<TokenResponseDto> {
    const login = dto.login.trim();
    let ticket;
    try {
      ticket = await this.throttle.begin(login, client.ip);
    } catch (e) {
      if (e instanceof TooManyAttemptsError) {
        await this.audit.record({
          action: AuditAction.LoginFailed,
          outcome: AuditOutcome.Denied,
          details: { login, reason: 'too-many-attempts' },
        });
      }
      throw e;
    }
    const rows: UserRow[] = await this.db.query(`${USER_WITH_ROLES} WHERE lower(u.login) = lower($1) GROUP BY u.id`, [login]);
    const user = rows[0];
    const ok = await verifyPassword(user?.password_hash ?? (await timingDummyHash()), dto.password);
    const roles = user ? tokenRoles(user) : null;
    if (!user || !ok || user.status !== UserStatus.Active || !roles) {
      await this.audit.record({
        action: AuditAction.LoginFailed,
        outcome: AuditOutcome.Failure,
        subjectPersonId: user?.id,
        details: { login },
        actor: user ? { schoolId: user.school_id } : undefined,
      });
      throw invalidCredentials();
    }
    await this.throttle.succeeded(ticket);

    const { sessionId, refreshToken } = await this.db.transaction(async (m) => {
      const created = await this.sessions.create(m, { id: user.id, schoolId: user.school_id }, client, dto.deviceName);
      await this.audit.record(
        {
          action: AuditAction.Login,
          entity: 'user_session',
          entityId: created.sessionId,
          subjectPersonId: user.id,
          actor: { userId: user.id, schoolId: user.school_id, roles, sessionId: created.sessionId },
        },
        m,
      );
      return created;
    });
    const actor: AnyActor = { userId: user.id, schoolId: user.school_id, roles, sessionId };
    return this.tokenResponse(actor, refreshToken, user.must_change_password);
  }

  /**
   * Exchanges a refresh token for a new pair. The session row is locked, so two refreshes with one token cannot
   * both succeed. A token that was already exchanged ends the whole session (it was copied: whoever holds the
   * newer token and whoever replays the old one both lose it).
   */
  async refresh(token: string): Promise<TokenResponseDto> {
    const sessionId = sessionIdOfRefreshToken(token);
    if (!sessionId) throw invalidRefreshToken();
    const hash = hashRefreshToken(token);
    const outcome = await this.db.transaction((m) => this.rotate(m, sessionId, hash));
    if (outcome.kind === 'reused') {
      this.status.forgetSession(sessionId);
      throw new ProblemError(
        401,
        'refresh-token-reused',
        'Authentication failed',
        'This refresh token was already used; the session has been ended for safety. Sign in again',
      );
    }
    if (outcome.kind === 'invalid') throw invalidRefreshToken();
    return this.tokenResponse(outcome.actor, outcome.refreshToken, outcome.mustChangePassword);
  }

  private async rotate(m: EntityManager, sessionId: string, hash: string): Promise<RefreshOutcome> {
    const sessions: Array<{ user_id: string; school_id: string | null; revoked_at: Date | null; live: boolean }> = await m.query(
      `SELECT user_id, school_id, revoked_at, expires_at > now() AS live FROM user_session WHERE id = $1 FOR UPDATE`,
      [sessionId],
    );
    const session = sessions[0];
    if (!session) return { kind: 'invalid' };
    const tokens: Array<{ rotated_at: Date | null }> = await m.query(
      `SELECT rotated_at FROM refresh_token WHERE token_hash = $1 AND session_id = $2`,
      [hash, sessionId],
    );
    if (tokens.length === 0 || session.revoked_at !== null || !session.live) return { kind: 'invalid' };
    const users: UserRow[] = await m.query(`${USER_WITH_ROLES} WHERE u.id = $1 GROUP BY u.id`, [session.user_id]);
    const user = users[0];
    const roles = user ? tokenRoles(user) : null;
    const actor = { userId: session.user_id, schoolId: session.school_id, roles: roles ?? [], sessionId };

    if (tokens[0].rotated_at !== null) {
      await this.sessions.revoke(m, { sessionId }, SessionEndReason.RefreshReuse);
      await this.audit.record(
        {
          action: AuditAction.Refresh,
          outcome: AuditOutcome.Failure,
          entity: 'user_session',
          entityId: sessionId,
          subjectPersonId: session.user_id,
          details: { reason: 'refresh-token-reused', sessionEnded: true },
          actor,
        },
        m,
      );
      return { kind: 'reused' };
    }
    // a user moved to another school (or made operator) signs in again rather than carrying the old school on
    if (!user || user.status !== UserStatus.Active || !roles || user.school_id !== session.school_id) return { kind: 'invalid' };

    await m.query(`UPDATE refresh_token SET rotated_at = now() WHERE token_hash = $1`, [hash]);
    await m.query(`UPDATE user_session SET last_used_at = now() WHERE id = $1`, [sessionId]);
    const refreshToken = await this.sessions.issueToken(m, sessionId);
    await this.audit.record(
      { action: AuditAction.Refresh, entity: 'user_session', entityId: sessionId, subjectPersonId: user.id, actor },
      m,
    );
    return { kind: 'ok', actor: { ...actor, roles }, refreshToken, mustChangePassword: user.must_change_password };
  }

  /** Ends the session of the access token that asked. */
  async logout(actor: AnyActor): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.sessions.revoke(m, { sessionId: actor.sessionId }, SessionEndReason.Logout);
      await this.audit.record(
        { action: AuditAction.Logout, entity: 'user_session', entityId: actor.sessionId, subjectPersonId: actor.userId },
        m,
      );
    });
    // after the commit too: a request between the update and the commit may have cached the session as active
    this.status.forgetSession(actor.sessionId);
  }

  async me(actor: AnyActor): Promise<MeResponse> {
    const rows: UserRow[] = await this.db.query(
      `${USER_WITH_ROLES} WHERE u.id = $1 AND u.school_id IS NOT DISTINCT FROM $2 GROUP BY u.id`,
      [actor.userId, actor.schoolId],
    );
    const u = rows[0];
    if (!u) throw notFound('User');
    return {
      id: u.id,
      login: u.login,
      fullName: u.full_name,
      schoolId: u.school_id,
      roles: tokenRoles(u) ?? [],
      mustChangePassword: u.must_change_password,
    };
  }

  private async tokenResponse(actor: AnyActor, refreshToken: string, mustChangePassword: boolean): Promise<TokenResponseDto> {
    const accessToken = await this.tokens.sign(actor, { mustChangePassword });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtl,
      refreshToken,
      sessionId: actor.sessionId,
      mustChangePassword,
    };
  }
}

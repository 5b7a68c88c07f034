import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnyActor } from '../../../common/access/actor';
import { fieldProblem, notFound } from '../../../common/errors/problem';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { AuditOutcome } from '../../audit/entities/audit-event.entity';
import { ClientInfo } from '../client-info';
import { ChangePasswordDto, OneTimePasswordResponse } from '../dto/password.dto';
import { SessionEndReason } from '../entities/user-session.entity';
import { hashPassword, verifyPassword } from '../password-hasher';
import { SessionStatusService } from '../sessions/session-status.service';
import { SessionService } from '../sessions/session.service';
import { LoginThrottleService, TooManyAttemptsError } from '../throttle/login-throttle.service';
import { assertPasswordPolicy, generateOneTimePassword } from './password-policy';

@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly status: SessionStatusService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The user changes their own password: the current one is checked first (throttled like a sign-in; a wrong one
   * counts as a failed attempt), then the policy. Clears the one-time-password state; ends the other sessions on request.
   */
  async change(actor: AnyActor, dto: ChangePasswordDto, client: ClientInfo): Promise<void> {
    const rows: Array<{ login: string; password_hash: string }> = await this.db.query(
      `SELECT login, password_hash FROM app_user WHERE id = $1 AND school_id IS NOT DISTINCT FROM $2`,
      [actor.userId, actor.schoolId],
    );
    const user = rows[0];
    if (!user) throw notFound('User');
    const failed = (reason: string, outcome = AuditOutcome.Failure) =>
      this.audit.record({
        action: AuditAction.PasswordChange,
        outcome,
        entity: 'app_user',
        entityId: actor.userId,
        subjectPersonId: actor.userId,
        details: { reason },
      });

    let ticket;
    try {
      ticket = await this.throttle.begin(user.login, client.ip);
    } catch (e) {
      if (e instanceof TooManyAttemptsError) await failed('too-many-attempts', AuditOutcome.Denied);
      throw e;
    }
    if (!(await verifyPassword(user.password_hash, dto.currentPassword))) {
      await failed('current-password-wrong');
      throw fieldProblem('current-password-wrong', 'currentPassword', 'Текущий пароль указан неверно', 'Current password is wrong');
    }
    await this.throttle.succeeded(ticket);
    if (dto.newPassword === dto.currentPassword) {
      // above all for a one-time password, which an admin has seen: "changing" it to itself changes nothing
      throw fieldProblem('password-unchanged', 'newPassword', 'Новый пароль должен отличаться от текущего', 'Password not accepted');
    }
    assertPasswordPolicy(dto.newPassword, user.login, 'newPassword');
    const hash = await hashPassword(dto.newPassword);

    await this.db.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET password_hash = $2, password_changed_at = now(), must_change_password = false, updated_at = now()
          WHERE id = $1`,
        [actor.userId, hash],
      );
      const ended = dto.endOtherSessions
        ? await this.sessions.revoke(m, { userId: actor.userId, exceptSessionId: actor.sessionId }, SessionEndReason.PasswordChange)
        : [];
      await this.audit.record(
        {
          action: AuditAction.PasswordChange,
          entity: 'app_user',
          entityId: actor.userId,
          subjectPersonId: actor.userId,
          details: { endOtherSessions: dto.endOtherSessions === true, sessionsEnded: ended.length },
        },
        m,
      );
    });
    this.status.forgetUser(actor.userId);
  }

  /**
   * An admin gives a user of their school a one-time password: returned once, stored hashed, to be changed at the
   * next sign-in. Every session of the user ends; the account's failed-attempt counter is cleared.
   */
  async reset(actor: AnyActor, userId: string): Promise<OneTimePasswordResponse> {
    // the user's login is needed for the policy check of the new password; the row is locked again below
    const [target]: Array<{ login: string }> = actor.schoolId
      ? await this.db.query(`SELECT login FROM app_user WHERE id = $1 AND school_id = $2`, [userId, actor.schoolId])
      : [];
    if (!target) throw notFound('User');
    const oneTimePassword = generateOneTimePassword(target.login);
    const hash = await hashPassword(oneTimePassword);

    const login = await this.db.transaction(async (m) => {
      const user = await this.sessions.lockSchoolUser(m, actor, userId);
      await m.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = true, updated_at = now() WHERE id = $1`,
        [userId, hash],
      );
      const ended = await this.sessions.revoke(m, { userId }, SessionEndReason.PasswordReset);
      await this.audit.record(
        {
          action: AuditAction.PasswordReset,
          entity: 'app_user',
          entityId: userId,
          subjectPersonId: userId,
          details: { sessionsEnded: ended.length },
        },
        m,
      );
      return user.login;
    });
    this.status.forgetUser(userId);
    await this.throttle.clearAccount(login);
    return { oneTimePassword };
  }
}
